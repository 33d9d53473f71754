"""Periods in hours: `Hours`, the 48-hour rule (``routing.ordinary``, art. 11) among them, one
branch of `Hours.evaluate` per `HourClock`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from deadlines.rules._clock import add_working_clock
from deadlines.rules._conventions import Conventions, Cutoff, HourClock, RestDayTrigger
from deadlines.rules._limit import ART_203, ONE_DAY, Counted, end_of, outcome_of, pick
from deadlines.rules._trace import said, skip
from deadlines.rules._values import Context, Outcome

#: The clocks that run 24 hours a day on working days and stop on rest days (`rules/_clock.py`).
_PAUSED = (HourClock.PAUSED_ON_REST_DAYS, HourClock.WORKDAYS_FROM_OPENING)


class Hours(Counted):
    """A period of `n` hours (民法典 art. 201: from the time it starts).

    How the clock runs over nights, weekends and holidays is the `clock` option; see
    `HourClock`. By default rest days do not count and a receipt outside office hours starts
    the clock at the next opening, so a later receipt is never due earlier:

    >>> from deadlines import Engine
    >>> engine = Engine()
    >>> engine.due("routing.ordinary", "2026-06-05T16:00").due.isoformat()  # Friday
    '2026-06-09T16:00:00+08:00'
    >>> engine.due("routing.ordinary", "2026-06-06T00:30").due.isoformat()  # Saturday night
    '2026-06-10T09:00:00+08:00'
    """

    kind: Literal["hours"] = "hours"
    _unit = "hours"
    clock: HourClock | None = None
    cutoff: Cutoff | None = None
    rest_day_trigger: RestDayTrigger | None = None

    def __init__(self, n: int | None = None, /, **data: Any) -> None:  # noqa: ANN401
        super().__init__(**data if n is None else {**data, "n": n})

    def hour_clock(
        self, conventions: Conventions, params: Mapping[str, Any] | None = None
    ) -> HourClock:
        return pick(self.clock, conventions.hour_clock)

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal, conv = ctx.calendar, ctx.conventions
        clock = self.hour_clock(conv)
        cutoff = pick(self.cutoff, conv.cutoff)
        span = dt.timedelta(hours=self.n)
        day, begin = start.date(), start
        # A rest-day trigger moved to the next opening carries along one in the small hours of
        # that working day: else Sunday 23:00 would start at Monday 09:00 while Monday 00:30,
        # later, started at once and fell due first.
        trigger = pick(self.rest_day_trigger, conv.rest_day_trigger)
        moved = trigger is RestDayTrigger.MOVE_TO_NEXT_WORKDAY and (
            not cal.is_workday(day) or start.time() < cal.office_hours.open(day)
        )
        if clock is HourClock.WORKDAYS_FROM_OPENING or moved:
            begin = cal.add_office_time(start, dt.timedelta())  # the next opening
        if clock is HourClock.OFFICE_HOURS:
            due, counted = cal.add_office_time(begin, span), "trace.hours.office"
        elif clock in _PAUSED:
            due, counted = add_working_clock(cal, begin, span), "trace.hours.working_days"
        else:
            due, counted = begin + span, "trace.hours.continuous"
        nominal = due
        # An end at 00:00 is 24:00 of the day before: that is the day it ends on, and the day
        # that must be a working day.
        last = due.date() - ONE_DAY if due.time() == dt.time() else due.date()
        rolled = lifted = False
        if clock is HourClock.CALENDAR_ROLL:
            if not cal.is_workday(last):
                last = cal.add_workdays(last, 0)
                due, rolled = end_of(ctx, last, cutoff), True
            elif not cal.is_workday(last - ONE_DAY) and due < end_of(ctx, last, cutoff):
                # A trigger a moment earlier expired on the rest day before and rolled to this
                # close: a later one may not end before it.
                due, lifted = end_of(ctx, last, cutoff), True
        outcome = outcome_of(ctx, day, due, last)
        if ctx.explain:
            steps = outcome.steps
            if begin != start:
                steps.append(said("convention", "trace.hours.after_hours", at=begin))
            steps.append(said("count", counted, at=begin, n=self.n))
            if clock in _PAUSED:
                steps.extend(skip(cal, d) for d in cal.rest_days(begin.date(), last))
            if rolled:
                skipped = (d for d in cal.days(nominal.date(), last) if not d.is_workday)
                steps.extend(skip(cal, d) for d in skipped)
                values: dict[str, Any] = {"nominal": nominal, "day": last, "law": ART_203}
                steps.append(said("roll", "trace.hours.rolled", date=last, at=due, **values))
            elif lifted:
                steps.append(said("roll", "trace.hours.joined", date=last, at=due, nominal=nominal))
            else:
                steps.append(said("cutoff", "trace.ends", at=due))
        return outcome
