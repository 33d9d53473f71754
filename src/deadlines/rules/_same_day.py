"""The limits that are not a count: the same working day (文不过夜, 事不隔日) and on arrival
(随到随办, 立行立办), each read as a convention says."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from deadlines._errors import InvalidValueError, shown
from deadlines._messages import Said, say_in
from deadlines.rules._conventions import ArrivalGrace, Conventions, Cutoff, SameDayReading
from deadlines.rules._limit import (
    Limit,
    Unit,
    cutoff_step,
    end_of,
    instant,
    morning_end,
    outcome_of,
    pick,
    same_or_next_day,
)
from deadlines.rules._trace import said, skip
from deadlines.rules._values import Context, Outcome


class SameDay(Limit):
    """The same working day: 文不过夜, 事不隔日 (art. 11), read as `SameDayReading` says.

    By default (`SameDayReading.HALF_DAY`) a receipt in the morning of a working day is due at
    its cutoff, and one in the afternoon, after hours or on a rest day by noon of the next
    working day. So a document submitted at 17:00 before a holiday is not due 30 minutes later:

    >>> from deadlines import Engine
    >>> Engine().due("signing.same_day", "2026-09-30T17:00").due.isoformat()
    '2026-10-08T12:00:00+08:00'
    """

    kind: Literal["same_day"] = "same_day"
    _unit = "same_day"
    cutoff: Cutoff | None = None
    reading: SameDayReading | None = None

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal = ctx.calendar
        cutoff = pick(self.cutoff, ctx.conventions.cutoff)
        day = start.date()
        if pick(self.reading, ctx.conventions.same_day) is SameDayReading.HALF_DAY:
            same = cal.is_workday(day) and start < morning_end(ctx, day)
            last = day if same else cal.add_workdays(day, 1)
            due = end_of(ctx, last, cutoff) if same else morning_end(ctx, last)
            early, late, after = "same_day.morning", "same_day.afternoon", "same_day.next_morning"
        else:
            last, same = same_or_next_day(ctx, start, cutoff)
            due = end_of(ctx, last, cutoff)
            early, late = "same_day.before_close", "same_day.after_close"
            after = "same_day.next_day"
        outcome = outcome_of(ctx, day, due, last)
        if ctx.explain and same:
            outcome.steps.append(said("count", "trace.same_day.done", date=day, when=Said(early)))
            cutoff_step(outcome, cutoff)
        elif ctx.explain:
            when, then = Said(late if cal.is_workday(day) else "same_day.rest_day"), Said(after)
            outcome.steps.append(
                said("count", "trace.same_day.next", date=last, when=when, next=then, day=last)
            )
            outcome.steps.extend(skip(cal, d) for d in cal.rest_days(day, last))
            outcome.steps.append(said("cutoff", "trace.ends", date=last, at=due))
        return outcome


class OnArrival(Limit):
    """Handled on arrival (急件随到随办, art. 11; 立行立办, art. 16), with the grace of the
    `ArrivalGrace` convention: by default the same working day (the next one for an arrival
    after the cutoff or on a rest day).

    An urgent document states its own handling limit (党政机关公文处理工作条例 art. 24); pass it as
    the parameter `stated_limit` (an ISO 8601 instant) and that instant is the due instant,
    whatever the grace.

    `phrase` is the opinion's word for it, which listings and traces use: ``on_arrival``
    (随到随办, documents, art. 11) or ``at_once`` (立行立办, tasks, art. 16). It changes no due.

    >>> from deadlines import Engine
    >>> Engine().due("routing.urgent", "2026-06-10T10:00").due.isoformat()
    '2026-06-10T17:30:00+08:00'
    >>> OnArrival(phrase="at_once").describe("zh"), OnArrival().describe("zh")
    ('立行立办', '随到随办')
    """

    kind: Literal["on_arrival"] = "on_arrival"
    grace: ArrivalGrace | None = None
    phrase: Literal["on_arrival", "at_once"] = "on_arrival"

    def describe(self, lang: str = "en") -> str:
        return say_in(lang, f"limit.{self.phrase}")

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        if params.get("stated_limit") is not None:
            return frozenset({"deadline"})
        grace = pick(self.grace, conventions.arrival_grace)
        return frozenset({"same_day" if grace is ArrivalGrace.SAME_WORKING_DAY else "on_arrival"})

    def parameters(self) -> frozenset[str]:
        return frozenset({"stated_limit"})

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal, conv = ctx.calendar, ctx.conventions
        stated = ctx.params.get("stated_limit")
        grace = pick(self.grace, conv.arrival_grace)
        values: dict[str, Any] = {}
        if stated is not None:
            due = instant("stated_limit", stated)
            if due < start:
                arrival = Said("engine.what.arrival")
                after = Said("engine.after", {"what": arrival, "at": shown(start)})
                raise InvalidValueError("stated_limit", stated, after)
            message, last = "trace.arrival.stated", due.date()
        elif grace is ArrivalGrace.INSTANT:
            due, last, message = start, start.date(), "trace.arrival.now"
        elif grace is ArrivalGrace.OFFICE_HOURS:
            values["hours"] = conv.arrival_office_hours
            due = cal.add_office_time(start, dt.timedelta(hours=conv.arrival_office_hours))
            message, last = "trace.arrival.hours", due.date()
        else:
            last, same = same_or_next_day(ctx, start, conv.cutoff)
            due = end_of(ctx, last, conv.cutoff)
            message = "trace.arrival.same_day" if same else "trace.arrival.next_day"
        # Only days the answer counted can make it provisional; a stated limit counts none.
        counted = grace is not ArrivalGrace.INSTANT and stated is None
        outcome = Outcome(
            due, last, provisional=counted and cal.any_provisional(start.date(), last)
        )
        if ctx.explain:
            word = Said(f"limit.{self.phrase}")
            outcome.steps.append(said("cutoff", message, at=due, word=word, **values))
        return outcome
