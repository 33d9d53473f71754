"""Messages of the command line: help, usage errors, the lines of `due`, `rules`, `batch`,
`plugins` (ids ``cli``, ``error``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import Message

MESSAGES: Final[Mapping[str, Message]] = {}
