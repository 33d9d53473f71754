"""Messages of policy files, case files and their results: `deadlines test`, `deadlines diff`,
`deadlines schema`, and a problem at a line of input (ids ``policy``, ``problem``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import Message

MESSAGES: Final[Mapping[str, Message]] = {}
