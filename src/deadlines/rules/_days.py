"""Periods in days: `WorkingDays` (skips rest days) and `CalendarDays` (counts them, and
moves only a last day that falls on a rest day); docs/conventions.md, "StartDay"."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from deadlines._messages import Said
from deadlines.rules._conventions import Cutoff, LastDayRoll, RestDayTrigger, StartDay
from deadlines.rules._limit import (
    ART_201,
    Counted,
    cutoff_step,
    end_of,
    outcome_of,
    pick,
    roll_steps,
)
from deadlines.rules._trace import count_days, said
from deadlines.rules._values import Context, Outcome


class WorkingDays(Counted):
    """A period of `n` working days.

    By default (民法典 art. 201) the day of the trigger never counts, so the period ends at the
    close of business of the n-th working day strictly after the trigger's day, whatever the
    hour of the trigger and whether its day is worked.
    """

    kind: Literal["working_days"] = "working_days"
    _unit = "working_days"
    start_day: StartDay | None = None
    rest_day_trigger: RestDayTrigger | None = None
    cutoff: Cutoff | None = None

    # WorkingDays(3): the count is positional. Each class with a count repeats this __init__,
    # because type checkers synthesise a keyword-only one for every class that adds a field.
    def __init__(self, n: int | None = None, /, **data: Any) -> None:  # noqa: ANN401
        super().__init__(**data if n is None else {**data, "n": n})

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal, conv = ctx.calendar, ctx.conventions
        day = start.date()
        trigger = pick(self.rest_day_trigger, conv.rest_day_trigger)
        moved = trigger is RestDayTrigger.MOVE_TO_NEXT_WORKDAY and not cal.is_workday(day)
        if moved:
            day = cal.add_workdays(day, 0)
        cutoff = pick(self.cutoff, conv.cutoff)
        included = (
            pick(self.start_day, conv.start_day) is StartDay.INCLUDED
            and cal.is_workday(day)
            and (moved or start < end_of(ctx, day, cutoff))
        )
        last = cal.add_workdays(day, self.n - 1 if included else self.n)
        outcome = outcome_of(ctx, start.date(), end_of(ctx, last, cutoff), last)
        if ctx.explain:
            steps = outcome.steps
            if moved:
                steps.append(said("convention", "trace.start_moved", date=day, day=day))
            if included:
                steps.append(said("convention", "trace.start_included", date=day, day=day))
                steps.extend(count_days(cal, day, last, first_number=2))
            else:
                steps.append(said("convention", "trace.working_days", n=self.n, law=ART_201))
                steps.extend(count_days(cal, day, last))
            cutoff_step(outcome, cutoff)
        return outcome


class CalendarDays(Counted):
    """A period of `n` calendar days; rest days inside it count, only a rest last day moves.

    民法典 art. 201 (the start day does not count) and art. 203 (a last day that is a statutory
    rest day moves to the day after the rest days).
    """

    kind: Literal["calendar_days"] = "calendar_days"
    _unit = "calendar_days"
    start_day: StartDay | None = None
    last_day_roll: LastDayRoll | None = None
    cutoff: Cutoff | None = None

    def __init__(self, n: int | None = None, /, **data: Any) -> None:  # noqa: ANN401
        super().__init__(**data if n is None else {**data, "n": n})

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal, conv = ctx.calendar, ctx.conventions
        day = start.date()
        cutoff = pick(self.cutoff, conv.cutoff)
        included = pick(self.start_day, conv.start_day) is StartDay.INCLUDED and start < end_of(
            ctx, day, cutoff
        )
        nominal = last = day + dt.timedelta(days=self.n - 1 if included else self.n)
        roll = pick(self.last_day_roll, conv.last_day_roll) is LastDayRoll.NEXT_WORKDAY
        if roll and not cal.is_workday(nominal):
            last = cal.add_workdays(nominal, 0)
        outcome = outcome_of(ctx, day, end_of(ctx, last, cutoff), last)
        if ctx.explain:
            first = Said("trace.first_counts" if included else "trace.first_not_counted")
            outcome.steps.append(
                said(
                    "count", "trace.calendar_days", date=nominal, n=self.n, first=first, day=nominal
                )
            )
            if last != nominal:
                roll_steps(outcome, cal, nominal, "trace.last_day_rolled")
            cutoff_step(outcome, cutoff)
        return outcome
