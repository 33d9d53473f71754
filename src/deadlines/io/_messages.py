"""How values read in messages for people: as they were written, not as Python reprs.

Shared by batch mode and the command line, which report the same library errors.
"""

from __future__ import annotations

import datetime as dt
import json

from deadlines._errors import OutOfRangeError, cut, cut_repr
from deadlines._errors import shown as repr_shown
from deadlines._messages import Said
from deadlines._time import parse_instant, to_china


def shown(value: object) -> str:
    """`value` as a message shows it: dates and instants in ISO 8601, text quoted, JSON as JSON.

    Cut to 200 characters, with the full length stated (`deadlines._errors.cut`).

    >>> shown(dt.date(2026, 9, 1)), shown("five"), shown(True), shown([1, "a"])
    ('2026-09-01', "'five'", 'true', '[1, "a"]')
    """
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return cut_repr(value)
    if type(value) is int and value.bit_length() > 2000:
        return repr_shown(value)  # str() of it is refused past 4300 digits
    try:
        return cut(json.dumps(value, ensure_ascii=False, allow_nan=False))
    except (TypeError, ValueError):
        return repr_shown(value)


def range_said(error: OutOfRangeError, at: object, parameter: object = None) -> Said:
    """What a calendar-range error computing from the trigger `at` means, in plain words.

    Either the trigger itself lies outside the calendar, or the due date would: the library
    names its own arguments (``day``, ``n``), which mean nothing to whoever wrote `at`.

    Args:
        error: raised while computing a due date.
        at: the trigger as the user gave it (ISO 8601 text or a datetime), or None.
        parameter: the value of the parameter that carried the due date out of the calendar
            (a ``limit_days`` of 40000), when the engine blamed one; the message echoes it.

    >>> later = OutOfRangeError("n", 3, dt.date(2004, 1, 1), dt.date(2100, 12, 31))
    >>> print(range_said(later, "2100-12-30T17:00").render("en"))
    the due date would fall after 2100-12-31, where the calendar ends (it covers 2004-01-01 through 2100-12-31); got 2100-12-30T17:00
    >>> print(range_said(later, "2100-12-30T17:00").render("zh"))
    到期日将晚于日历止日2100-12-31（日历范围为2004-01-01至2100-12-31）；实际为2100-12-30T17:00
    """  # noqa: E501 - a doctest's expected output is one line
    first, last = error.first, error.last
    span = {"first": str(first), "last": str(last)}
    start = _day_of(at)
    if start is None:
        return Said("problem.out_of_calendar", {**span, "value": shown(error.value)})
    given = cut(at.strip()) if isinstance(at, str) else shown(at)
    if isinstance(first, dt.date) and isinstance(last, dt.date) and not first <= start <= last:
        return Said("problem.outside_calendar", {**span, "value": given})
    if parameter is not None:
        given = cut(parameter if isinstance(parameter, str) else shown(parameter))
    value = error.value
    if isinstance(value, dt.datetime):
        value = value.date()
    # A date is compared with the trigger; a count of days or hours ran out the way its sign says.
    later = value > start if isinstance(value, dt.date) else not isinstance(value, int) or value > 0
    message = "problem.due_after_calendar" if later else "problem.due_before_calendar"
    return Said(message, {**span, "value": given})


def range_problem(error: OutOfRangeError, at: object, parameter: object = None) -> str:
    """`range_said` in English: the command line's message."""
    return range_said(error, at, parameter).render("en")


def _day_of(at: object) -> dt.date | None:
    """The day of the trigger `at` in China time, or None when it cannot be read."""
    try:
        start = parse_instant("at", at) if isinstance(at, str) else to_china("at", at)
    except (TypeError, ValueError):
        return None
    return start.date()
