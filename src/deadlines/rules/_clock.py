"""The paused clock: time that runs 24 hours a day on working days and stops on rest days.

An hour limit under `HourClock.PAUSED_ON_REST_DAYS` (or the default
`HourClock.WORKDAYS_FROM_OPENING`) adds its hours on this clock, and supervision adds the
time a pause took, measured on it, to a due instant counted so. One clock for both, so a pause
moves a due exactly as the same hours added to the limit would.
"""

from __future__ import annotations

import datetime as dt

from deadlines._time import CHINA_TZ
from deadlines.rules._values import Calendar

_ONE_DAY = dt.timedelta(days=1)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), CHINA_TZ)


def add_working_clock(calendar: Calendar, start: dt.datetime, span: dt.timedelta) -> dt.datetime:
    """The instant `span` of working-day time after `start` (the clock stops on rest days).

    A start on a rest day waits for 00:00 of the next working day. An end at 00:00 is 24:00 of
    the working day before, never the next working day's start; adding nothing moves nothing,
    so adding in parts lands where adding the sum does:

    >>> from deadlines import ChinaCalendar
    >>> cal = ChinaCalendar()
    >>> add_working_clock(cal, dt.datetime(2026, 6, 5, 16, tzinfo=CHINA_TZ),  # a Friday
    ...                   dt.timedelta(hours=48)).isoformat()
    '2026-06-09T16:00:00+08:00'
    >>> add_working_clock(cal, dt.datetime(2026, 6, 6, 10, tzinfo=CHINA_TZ),  # the Saturday
    ...                   dt.timedelta(hours=48)).isoformat()
    '2026-06-10T00:00:00+08:00'
    """
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
    """The working-day time between two instants: what `add_working_clock` adds to go between.

    >>> from deadlines import ChinaCalendar
    >>> working_clock_between(ChinaCalendar(), dt.datetime(2026, 6, 5, 16, tzinfo=CHINA_TZ),
    ...                       dt.datetime(2026, 6, 9, 16, tzinfo=CHINA_TZ))
    datetime.timedelta(days=2)
    """
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
