"""Constraints: limits that are not a single due date — a blackout, a quota, a recurrence."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, StrictInt, field_validator

from deadlines._messages import Said, say_in
from deadlines.rules._limit import Count, Limit, end_of, roll_steps
from deadlines.rules._trace import said
from deadlines.rules._values import Calendar, Context, Outcome

#: A recurrence's period by its name: once a month, a quarter, half a year, a year.
_PERIOD_NAMES = {
    1: "limit.monthly",
    3: "limit.quarterly",
    6: "limit.half_yearly",
    12: "limit.yearly",
}


class Blackout(Limit):
    """Months of every year in which something must not happen: March's no-meeting month (art. 6).

    A blackout has no due date; ask whether an instant `violates` it.

    Its scope is every meeting of the county government system by default (art. 6: "全县政府
    系统“无会月”"); `exempt_kinds` lists the meeting kinds a county leaves out of it (several
    exempt the executive meeting, ``("executive",)``). The main target, the county-wide work
    meeting, is the kind ``county_wide_work``.

    >>> march = Blackout(months=(3,))
    >>> march.violates(dt.date(2027, 3, 15)), march.violates(dt.date(2027, 4, 1))
    (True, False)
    >>> Blackout(months=(3,), exempt_kinds=("executive",)).covers("executive")
    False
    """

    kind: Literal["blackout"] = "blackout"
    not_a_deadline = (Said("engine.blackout"), Said("engine.blackout.instead"))
    months: tuple[int, ...] = Field(min_length=1)
    exempt_kinds: tuple[str, ...] = ()
    """The meeting kinds the blackout does not cover; none by default (art. 6)."""

    @field_validator("months")
    @classmethod
    def _months(cls, months: tuple[int, ...]) -> tuple[int, ...]:
        if any(not 1 <= m <= 12 for m in months):
            raise ValueError("months are 1 (January) to 12 (December), e.g. months=(3,)")
        return tuple(sorted(set(months)))

    def violates(self, day: dt.date) -> bool:
        """Whether `day` (or an instant's day) falls in a blacked-out month."""
        return day.month in self.months

    def covers(self, meeting_kind: str) -> bool:
        """Whether a meeting of this kind falls under the blackout at all."""
        return meeting_kind not in self.exempt_kinds

    def describe(self, lang: str = "en") -> str:
        months = tuple(Said("word.month", {"month": dt.date(2000, m, 1)}) for m in self.months)
        return say_in(lang, "limit.blackout", months=months)


class Quota(Limit):
    """At least `days` days of something per calendar year: 60 days of field research (art. 4).

    Every logged day counts by default (the opinion says 60 days, not working days); the option
    `working_days_only` counts only working days.
    """

    kind: Literal["quota"] = "quota"
    not_a_deadline = (Said("engine.quota"), Said("engine.quota.instead"))
    _positional: ClassVar[tuple[str, ...]] = ("days",)
    days: Count
    working_days_only: bool = False

    def __init__(self, days: int | None = None, /, **data: Any) -> None:  # noqa: ANN401
        super().__init__(**data if days is None else {**data, "days": days})

    def expected_by(self, day: dt.date) -> float:
        """The pro-rata number of days expected by the end of `day`.

        >>> Quota(60).expected_by(dt.date(2026, 7, 2))  # day 183 of 365
        30.08...
        """
        first = dt.date(day.year, 1, 1)
        length = (dt.date(day.year + 1, 1, 1) - first).days
        return self.days * ((day - first).days + 1) / length


class Recurrence(Limit):
    """Something due once in every period: dispatch and report every quarter (art. 13).

    Periods are calendar quarters by default (`months` = 3).
    Due is the close of business of the period's last working day: a period ending on a rest
    day moves back to the working day before (`end_roll` = ``previous_workday``), since the
    work belongs to the period; ``next_workday`` (民法典 art. 203) and ``none`` are options.

    With `due_in_next` = N, the work is due instead by day N of the next period (at its close
    of business; a rest day moves to the next working day, art. 203), as counties that hold
    the quarter's analysis early in the next quarter read it:

    >>> from deadlines import Engine
    >>> from deadlines.rules import OPINION_2020
    >>> early = OPINION_2020.get("supervision.quarterly").evolve(limit=Recurrence(due_in_next=10))
    >>> engine = Engine(rules=OPINION_2020.with_rule(early))
    >>> engine.due("supervision.quarterly", "2026-07-01T00:00").due.isoformat()  # a worked Saturday
    '2026-10-10T17:30:00+08:00'
    """

    kind: Literal["recurrence"] = "recurrence"
    _unit = "period"
    months: Literal[1, 2, 3, 4, 6, 12] = 3
    end_roll: Literal["previous_workday", "next_workday", "none"] = "previous_workday"
    due_in_next: Annotated[StrictInt, Field(ge=1, le=28)] | None = None
    """Due by this day of the next period instead of within the period; ``None`` by default
    (art. 13: "每季度调度一次、通报一次", once in each quarter)."""

    def describe(self, lang: str = "en") -> str:
        return say_in(lang, _PERIOD_NAMES.get(self.months, "limit.recurrence"), months=self.months)

    def period_of(self, day: dt.date) -> tuple[dt.date, dt.date]:
        """The first and nominal last day of the period containing `day`."""
        first_month = (day.month - 1) // self.months * self.months + 1
        first = dt.date(day.year, first_month, 1)
        end_month = first_month + self.months
        end = dt.date(day.year + (end_month > 12), (end_month - 1) % 12 + 1, 1)
        return first, end - dt.timedelta(days=1)

    def due_day(self, calendar: Calendar, nominal: dt.date) -> dt.date:
        """The day the period's work is due, after `end_roll`."""
        if calendar.is_workday(nominal) or self.end_roll == "none":
            return nominal
        return calendar.add_workdays(nominal, -1 if self.end_roll == "previous_workday" else 0)

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal, cutoff = ctx.calendar, ctx.conventions.cutoff
        first, nominal = self.period_of(start.date())
        passed, values = False, dict[str, Any](first=first)  # the trace's count step
        if self.due_in_next is not None:
            end, nominal = nominal, nominal + dt.timedelta(days=self.due_in_next)
            last = counted_through = cal.add_workdays(nominal, 0)
            message, rolled = "trace.period.next", "trace.last_day_rolled"
            values.update(end=end, day=self.due_in_next)
        else:
            last = self.due_day(cal, nominal)
            # A trigger after the period's work was due (a Saturday that ends a quarter, after
            # the Friday's close) concerns the next period: never a due date in the past.
            passed = end_of(ctx, last, cutoff) < start
            if passed:
                first, nominal = self.period_of(nominal + dt.timedelta(days=1))
                last = self.due_day(cal, nominal)
            counted_through = nominal
            message, rolled = "trace.period", "trace.period.moved"
            values.update(first=first, end=nominal)  # of the next period, when passed
        due = end_of(ctx, last, cutoff)
        outcome = Outcome(due, last, provisional=cal.any_provisional(start.date(), counted_through))
        if ctx.explain:
            if passed:
                outcome.steps.append(said("note", "trace.period.passed"))
            outcome.steps.append(said("count", message, date=nominal, **values))
            if last != nominal:
                roll_steps(outcome, cal, nominal, rolled)
            outcome.steps.append(said("cutoff", "trace.ends", at=due))
        return outcome
