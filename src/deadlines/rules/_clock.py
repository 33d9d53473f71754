"""The paused clock: 24 hours a day on working days, stopped on rest days. Hour limits and
supervision's pauses both count on it (docs/design.md, "Supervision sits above the engine")."""

from __future__ import annotations

import datetime as dt

from deadlines._time import CHINA_TZ
from deadlines.rules._values import Calendar

_ONE_DAY = dt.timedelta(days=1)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), CHINA_TZ)


def add_working_clock(calendar: Calendar, start: dt.datetime, span: dt.timedelta) -> dt.datetime:
    """The instant `span` of working-day time after `start`. A start on a rest day waits for
    00:00 of the next working day; an end at 00:00 is 24:00 of the working day before, and
    adding nothing moves nothing, so adding in parts lands where adding the sum does."""
    at, left = start, span
    if not left:
        return start
    if not calendar.is_workday(at.date()):
        at = _midnight(calendar.add_workdays(at.date(), 0))
    while True:
        midnight = _midnight(at.date() + _ONE_DAY)
        if at + left <= midnight:
            return at + left
        left -= midnight - at
        at = _midnight(calendar.add_workdays(at.date(), 1))


def working_clock_between(calendar: Calendar, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """The working-day time between two instants: what `add_working_clock` adds to go between."""
    total = dt.timedelta()
    day = start.date()
    while day <= end.date():
        if calendar.is_workday(day):
            lo = max(start, _midnight(day))
            hi = min(end, _midnight(day + _ONE_DAY))
            if hi > lo:
                total += hi - lo
        day += _ONE_DAY
    return total
