"""How values read in messages for people: as they were written, not as Python reprs.

Shared by batch mode and the command line, which report the same library errors.
"""

from __future__ import annotations

import datetime as dt
import json

from deadlines._errors import cut
from deadlines._errors import shown as repr_shown
from deadlines._time import parse_instant, to_china


def shown(value: object) -> str:
    """`value` as a message shows it: dates and instants in ISO 8601, text quoted, JSON as JSON.

    Cut to 200 characters, with the full length stated (`deadlines._errors.cut`).

    >>> shown(dt.date(2026, 9, 1)), shown("five"), shown(True), shown([1, "a"])
    ('2026-09-01', "'five'", 'true', '[1, "a"]')
    """
    # Text, dates and an integer str() refuses (past 4300 digits): as the library shows them.
    if isinstance(value, (str, dt.date)) or (type(value) is int and value.bit_length() > 2000):
        return repr_shown(value)
    try:
        return cut(json.dumps(value, ensure_ascii=False, allow_nan=False))
    except (TypeError, ValueError):
        return repr_shown(value)


def day_of(at: object) -> dt.date | None:
    """The day of the trigger `at` (ISO 8601 text or a datetime) in China time, or None when
    it cannot be read: what `OutOfRangeError.meaning` compares with the calendar's range.

    >>> day_of("2026-09-30T23:30-05:00"), day_of("30/09/2026")
    (datetime.date(2026, 10, 1), None)
    """
    try:
        start = parse_instant("at", at) if isinstance(at, str) else to_china("at", at)
    except (TypeError, ValueError):
        return None
    return start.date()
