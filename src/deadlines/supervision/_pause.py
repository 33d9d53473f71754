"""Pausing an obligation's clock (waiting for material, 补正) and where that moves its due.

The paused time is measured on the limit's own clock and added to it; calendar days and
calendar hours are counted again from a trigger moved by the paused time, so that the rule's
own roll off rest days applies to the moved end (docs/supervision.md, "Pausing the clock").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from deadlines._errors import InvalidValueError
from deadlines._messages import Said
from deadlines._result import TraceStep
from deadlines._value import Value
from deadlines.rules import HourClock
from deadlines.rules._clock import add_working_clock, working_clock_between
from deadlines.rules._trace import said
from deadlines.supervision._obligations import PAUSABLE, Obligation, hour_clock_of

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines.calendar import ChinaCalendar

_ONE_DAY = dt.timedelta(days=1)

#: How many paused working days a trace step lists by date; longer pauses give the count only.
_LISTED_DAYS = 10

#: How an hour clock measures a pause and adds it to a due; calendar hours are counted again.
_CLOCKS: dict[HourClock, tuple[Callable[..., dt.timedelta], Callable[..., dt.datetime]]] = {
    HourClock.OFFICE_HOURS: (
        lambda cal, start, end: cal.office_time_between(start, end),
        lambda cal, due, paused: cal.add_office_time(due, paused),
    ),
    HourClock.PAUSED_ON_REST_DAYS: (working_clock_between, add_working_clock),
    HourClock.WORKDAYS_FROM_OPENING: (working_clock_between, add_working_clock),
}


class Pause(Value):
    """One stretch of time during which an obligation's clock stood still.

    Attributes:
        start: when the clock stopped.
        end: when it started again; ``None`` while it is still stopped.
        reason: why, e.g. ``补正：等待材料``.
    """

    start: dt.datetime
    end: dt.datetime | None = None
    reason: str = ""

    def clipped(self, until: dt.datetime) -> Pause:
        """This pause as seen at `until`: one still running then ends there."""
        if self.end is not None and self.end <= until:
            return self
        return Pause.model_construct(start=self.start, end=until, reason=self.reason)


def paused_due(
    engine: Engine,
    obligation: Obligation,
    pauses: Sequence[Pause],
    *,
    explain: bool = True,
) -> tuple[dt.datetime, dt.date, tuple[TraceStep, ...]]:
    """The due instant and last day of `obligation` once `pauses` (all ended) are added.

    Args:
        engine: the engine the obligation was derived with (hour limits are recounted).
        obligation: an obligation whose unit can be paused (see `PAUSABLE`).
        pauses: the pauses, in order, each with an end.
        explain: also return the trace steps: each pause with what it did not count, and
            where the due moved.

    Returns:
        ``(due, due_date, steps)``.

    Warns:
        ProvisionalDateWarning: a recounted hour limit relies on an unsettled day.
    """
    if not pauses:
        return obligation.due, obligation.due_date, ()
    cal, unit = engine.calendar, obligation.unit
    due, due_date = obligation.due, obligation.due_date
    whats: Iterable[Said]  # what each pause did not count, said only when explained
    if unit in ("working_days", "same_day"):
        # max: a pause that ends when it starts (or, clipped, before) costs nothing
        counts = [max(0, cal.workdays_between(p.start.date(), _end(p).date())) for p in pauses]
        if total := sum(counts):  # keeping the cutoff: close of business, 24:00, or a time
            day = cal.add_workdays(due_date, total)
            if due == cal.close_of_business(due_date):
                due = cal.close_of_business(day)
            else:
                due += day - due_date
            due_date = day
        whats = (_workdays_said(cal, p, n) for p, n in zip(pauses, counts, strict=True))
    elif unit == "calendar_days":
        counts = [(_end(p).date() - p.start.date()).days for p in pauses]
        due, due_date = _recount(engine, obligation, dt.timedelta(days=sum(counts)))
        whats = (
            Said("pause.calendar_day" if n == 1 else "pause.calendar_days", {"n": n})
            for n in counts
        )
    elif unit == "hours":
        rule = engine.rule(obligation.rule_id, obligation.trigger.date())
        clock = hour_clock_of(rule.limit, engine.conventions)
        between, add = _CLOCKS.get(clock, (_calendar_time, None))
        spans = [between(cal, p.start, _end(p)) for p in pauses]
        paused = sum(spans, dt.timedelta())
        if add is None:  # calendar hours: counted again, so that the end rolls off rest days
            due, due_date = _recount(engine, obligation, paused)
        else:
            # Nothing paused moves nothing: adding zero could still move a due off a rest day.
            due = add(cal, due, paused) if paused else due
            due_date = due.date() - _ONE_DAY if due.time() == dt.time() else due.date()
        whats = (Said("pause.hours", {"hours": s.total_seconds() / 3600}) for s in spans)
    else:
        raise InvalidValueError("obligation", obligation.id, Said("pause.pausable", {"unit": unit}))
    if not explain:
        return due, due_date, ()
    steps = [_pause_step(p, what) for p, what in zip(pauses, whats, strict=True)]
    moved = said("pause", "pause.moved", date=due_date, at=due, before=obligation.due, after=due)
    return due, due_date, (*steps, moved)


def clock_pauses(
    engine: Engine,
    obligation: Obligation,
    items: list[tuple[dt.datetime, int, bool, str, int | None]],
    done: dt.datetime | None,
    problem: Callable[..., None],
) -> tuple[Pause, ...]:
    """The pauses of `obligation`'s clock from its records of pauses and resumes, `items`:
    (when, order read, paused or resumed, reason, line); each record that cannot be taken is
    told to `problem` (`Building.problem`). `done`: when it was completed, if it was."""
    if not items:
        return ()
    named = obligation.id
    if obligation.unit not in PAUSABLE:
        for _, _, _, _, line in items:
            rule = obligation.rule_id
            problem(line, "obligation", "check.not_pausable", name=named, rule=rule)
        return ()
    items.sort(key=lambda item: (item[0], item[1]))
    pauses: list[Pause] = []
    started: tuple[dt.datetime, str, int | None] | None = None
    due = obligation.due
    for at, _, paused, reason, line in items:
        stamp = minutes_of(at)
        if paused:
            if started is not None:
                since, where = minutes_of(started[0]), first_line("check.paused_line", started[2])
                problem(line, "at", "check.paused_twice", name=named, since=since, where=where)
            elif done is not None and at >= done:
                problem(line, "at", "check.pause_done", name=named, at=stamp)
            elif at > due:
                late = "check.pause_overdue"
                problem(line, "at", late, name=named, due=minutes_of(due), at=stamp)
            else:
                started = (at, reason, line)
        elif started is None:
            problem(line, "obligation", "check.not_paused", name=named, at=stamp)
        else:
            pauses.append(Pause.model_construct(start=started[0], end=at, reason=started[1]))
            started = None
            due = paused_due(engine, obligation, pauses, explain=False)[0]
    if started is not None:
        pauses.append(Pause.model_construct(start=started[0], end=None, reason=started[1]))
    if done is not None:
        # A clock stopped when the work was done stops there.
        pauses = [p.clipped(done) for p in pauses]
    return tuple(pauses)


def minutes_of(at: dt.datetime) -> str:
    """An instant as a problem states it: ISO, to the minute."""
    return at.isoformat(timespec="minutes")


def first_line(message: str, line: int | None) -> Said | str:
    """Where the first of two clashing lines is (``check.on_line``), or nothing without one."""
    return Said(message, {"line": line}) if line else ""


def _calendar_time(_: Any, start: dt.datetime, end: dt.datetime) -> dt.timedelta:  # noqa: ANN401
    return end - start


def _end(pause: Pause) -> dt.datetime:
    if pause.end is None:
        raise InvalidValueError("pause", pause, Said("pause.with_end"))
    return pause.end


def _recount(
    engine: Engine, obligation: Obligation, span: dt.timedelta
) -> tuple[dt.datetime, dt.date]:
    # Moving the trigger by the paused time and counting again applies the rule's own
    # last-day roll to the moved end, whatever rule a plugin put in place. A pause never
    # shortens a limit: an end rolled off a weekend (Sunday 08:00 → Monday 17:30) must not
    # come earlier because a pause moved the unrolled end onto Monday 00:30.
    if not span:
        return obligation.due, obligation.due_date
    result = engine.due(
        obligation.rule_id, obligation.trigger + span, explain=False, **dict(obligation.params)
    )
    if result.due < obligation.due:
        return obligation.due, obligation.due_date
    return result.due, result.due_date


def _workdays_said(cal: ChinaCalendar, pause: Pause, n: int) -> Said:
    """The `n` working days a pause did not count, listed by date when they are few."""
    if n == 0:
        return Said("pause.no_workday")
    if n > _LISTED_DAYS:
        return Said("pause.workdays.many", {"n": n})
    days = tuple(cal.add_workdays(pause.start.date(), i) for i in range(1, n + 1))
    return Said("pause.workday" if n == 1 else "pause.workdays", {"n": n, "days": days})


def _pause_step(pause: Pause, what: Said) -> TraceStep:
    why = Said("pause.reason", {"reason": pause.reason}) if pause.reason else Said("word.empty")
    return said(
        "pause",
        "pause.step",
        at=pause.start,
        start=pause.start,
        end=_end(pause),
        why=why,
        what=what,
    )
