"""How values read in messages: as written, not as Python reprs (batch mode and the CLI)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

from deadlines._errors import (
    DeadlinesError,
    InvalidArgumentError,
    InvalidValueError,
    OutOfRangeError,
    cut,
)
from deadlines._errors import shown as repr_shown
from deadlines._messages import Said
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


def as_given(error: DeadlinesError, at: object, given: Mapping[str, object]) -> Said | None:
    """What an engine error means to whoever wrote the trigger `at` and the parameters `given`
    (a range error: whether the trigger or the due date lies outside the calendar; a refused
    value: echoed as written, ``true``), or None when its own message says it. Batch mode and
    the command line both word an engine error by it."""
    if isinstance(error, OutOfRangeError):
        field = error.input_field
        parameter = given.get(field) if field is not None and field != "at" else None
        return error.meaning(day_of(at), at, parameter)
    if isinstance(error, InvalidValueError | InvalidArgumentError):
        return Said(error.said.message, {**dict(error.said.values), "value": shown(error.value)})
    return None
