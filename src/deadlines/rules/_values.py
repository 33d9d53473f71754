"""The counting context handed to every limit, and the outcome a limit returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol

from deadlines._value import Citation, Value
from deadlines.rules._conventions import Conventions

if TYPE_CHECKING:
    from deadlines._messages import Said
    from deadlines.calendar._days import Day
    from deadlines.calendar._office_hours import OfficeHours

__all__ = ["Calendar", "Citation", "Context", "Outcome", "Value"]


class Calendar(Protocol):
    """The calendar questions rules ask: exactly the methods of `ChinaCalendar` they call.

    Rules depend on this, not on the calendar's class, so a limit is counted against any
    calendar that answers them (the engine passes its `ChinaCalendar`).
    """

    @property
    def office_hours(self) -> OfficeHours:
        """The office hours: the sessions of each day and its close."""

    @property
    def first_date(self) -> dt.date:
        """The first day covered (a count too long for any date is reported against it)."""

    @property
    def last_date(self) -> dt.date:
        """The last day covered."""

    def is_workday(self, day: dt.date) -> bool:
        """Whether `day` is worked."""

    def add_workdays(self, day: dt.date, n: int) -> dt.date:
        """The `n`-th working day after `day` (the day itself, or the next, for ``n == 0``)."""

    def any_provisional(self, first: dt.date, last: dt.date) -> bool:
        """Whether a day from `first` through `last` is not settled by a notice yet."""

    def day(self, day: dt.date) -> Day:
        """The day, with its kind, name and source (a trace names a break's weekend by it)."""

    def days(self, first: dt.date, last: dt.date) -> Iterator[Day]:
        """Each day from `first` through `last`."""

    def rest_days(self, after: dt.date, through: dt.date) -> list[Day]:
        """The non-working days in (`after`, `through`]."""

    def close_of_business(self, day: dt.date) -> dt.datetime:
        """The close of business on `day`."""

    def add_office_time(self, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
        """The instant `duration` of office time after `start`."""


class Context:
    """What a limit needs to count: the calendar, the conventions, and whether to explain.

    Rules ask the context; the context asks the calendar. It is built once per engine.
    """

    __slots__ = ("calendar", "conventions", "explain", "params", "rule_id")

    def __init__(
        self,
        calendar: Calendar,
        conventions: Conventions,
        *,
        explain: bool,
        params: dict[str, Any],
        rule_id: str = "",
    ) -> None:
        self.rule_id = rule_id
        self.calendar = calendar
        self.conventions = conventions
        self.explain = explain
        self.params = params


class Outcome:
    """A limit's answer before it becomes a `DueResult`; mutable while it is being built."""

    __slots__ = ("due", "last_day", "parts", "provisional", "steps", "warnings")

    def __init__(self, due: dt.datetime, last_day: dt.date, *, provisional: bool) -> None:
        self.due = due
        self.last_day = last_day
        self.provisional = provisional
        self.steps: list[Any] = []
        self.parts: list[Any] = []
        self.warnings: list[Said] = []
