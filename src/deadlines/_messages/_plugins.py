"""Messages of plugins and local adjustments (本地调整) (ids ``plugin``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import Message

MESSAGES: Final[Mapping[str, Message]] = {}
