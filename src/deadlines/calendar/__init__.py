"""The official Chinese working-day calendar, its override files and office hours."""

from deadlines import _lazy

# ``X as X`` re-exports each name for type checkers; __all__ is read off them, not listed again.
# isort: off
from deadlines.calendar._china import ChinaCalendar as ChinaCalendar
from deadlines.calendar._days import Day as Day, DayKind as DayKind
from deadlines.calendar._office_hours import OfficeHours as OfficeHours, Season as Season
from deadlines.calendar._overrides import (
    CalendarOverride as CalendarOverride,
    DayChange as DayChange,
    Notice as Notice,
    load_overrides as load_overrides,
    parse_overrides as parse_overrides,
)
# isort: on

__all__ = _lazy.public_names(globals())
