"""How values read in messages: as written, not as Python reprs (batch mode and the CLI)."""

from __future__ import annotations

import datetime as dt
import json

from deadlines._errors import cut
from deadlines._errors import shown as repr_shown
from deadlines._time import parse_instant, to_china


def shown(value: object) -> str:
    """`value` as a message shows it: dates in ISO 8601, text quoted, JSON as JSON; cut."""
    # Text, dates and an integer str() refuses (past 4300 digits): as the library shows them.
    if isinstance(value, (str, dt.date)) or (type(value) is int and value.bit_length() > 2000):
        return repr_shown(value)
    try:
        return cut(json.dumps(value, ensure_ascii=False, allow_nan=False))
    except (TypeError, ValueError):
        return repr_shown(value)


def day_of(at: object) -> dt.date | None:
    """The China-time day of the trigger `at` (text or a datetime), or None if unreadable:
    what `OutOfRangeError.meaning` compares with the calendar's range."""
    try:
        start = parse_instant("at", at) if isinstance(at, str) else to_china("at", at)
    except (TypeError, ValueError):
        return None
    return start.date()
