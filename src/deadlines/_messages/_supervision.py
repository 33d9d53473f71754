"""Messages of supervision: statuses, the report of `deadlines check`, its CSV and ICS (ids
``status``, ``check``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import Message

MESSAGES: Final[Mapping[str, Message]] = {
    # -- the status of an obligation (docs/glossary.md) ---------------------------------------
    "status.open": Message("未到期", "open"),
    "status.warning": Message("临期预警", "due soon"),
    "status.overdue": Message("逾期未办", "overdue"),
    "status.met": Message("按期办结", "met"),
    "status.late": Message("逾期办结", "done late"),
    "status.escalated": Message("提请督办", "escalated"),
}
