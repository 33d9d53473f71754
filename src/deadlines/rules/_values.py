"""The counting context handed to every limit, and the outcome a limit returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import KW_ONLY, dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from deadlines._value import Citation, Value
from deadlines.rules._conventions import Conventions

if TYPE_CHECKING:
    from deadlines._messages import Said
    from deadlines.calendar._days import Day
    from deadlines.calendar._office_hours import OfficeHours

__all__ = ["Calendar", "Citation", "Context", "Outcome", "Value"]


class Calendar(Protocol):
    """The calendar questions rules ask (the methods of `ChinaCalendar` they call), so that a
    limit counts against any calendar that answers them."""

    @property
    def office_hours(self) -> OfficeHours: ...  # the sessions of each day and its close
    @property
    def first_date(self) -> dt.date: ...  # the first day covered
    @property
    def last_date(self) -> dt.date: ...  # the last day covered
    def is_workday(self, day: dt.date) -> bool: ...
    def add_workdays(self, day: dt.date, n: int) -> dt.date: ...  # n=0: day, or the next worked
    def any_provisional(self, first: dt.date, last: dt.date) -> bool: ...  # not settled yet
    def day(self, day: dt.date) -> Day: ...  # with its kind, name and source
    def days(self, first: dt.date, last: dt.date) -> Iterator[Day]: ...  # first through last
    def rest_days(self, after: dt.date, through: dt.date) -> list[Day]: ...  # in (after, through]
    def close_of_business(self, day: dt.date) -> dt.datetime: ...
    def add_office_time(self, start: dt.datetime, duration: dt.timedelta) -> dt.datetime: ...


@dataclass(slots=True, eq=False)
class Context:
    """What a limit needs to count: the calendar, the conventions, and whether to explain;
    built once per engine."""

    calendar: Calendar
    conventions: Conventions
    _: KW_ONLY
    explain: bool
    params: dict[str, Any]
    rule_id: str = ""


@dataclass(slots=True, eq=False)
class Outcome:
    """A limit's answer before it becomes a `DueResult`; mutable while it is being built."""

    due: dt.datetime
    last_day: dt.date
    _: KW_ONLY
    provisional: bool
    steps: list[Any] = field(default_factory=list)
    parts: list[Any] = field(default_factory=list)
    warnings: list[Said] = field(default_factory=list)
