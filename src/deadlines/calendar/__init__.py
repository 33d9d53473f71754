"""The official Chinese working-day calendar, its override files and office hours."""

from deadlines.calendar._china import ChinaCalendar
from deadlines.calendar._days import Day, DayKind
from deadlines.calendar._office_hours import OfficeHours, Season
from deadlines.calendar._overrides import (
    CalendarOverride,
    DayChange,
    Notice,
    load_overrides,
    parse_overrides,
)

__all__ = [
    "CalendarOverride",
    "ChinaCalendar",
    "Day",
    "DayChange",
    "DayKind",
    "Notice",
    "OfficeHours",
    "Season",
    "load_overrides",
    "parse_overrides",
]
