"""Each limit kind of the catalog, vectorised: the same arithmetic as its `evaluate`, on arrays.

A kernel takes the rows' triggers (China-time nanoseconds) and their parameters, and returns
the due instants, the last days, whether each is provisional, and `ok`: the rows it answered.
A row it cannot answer exactly (a bad parameter, a date outside the calendar, an option it
does not know) is left to `Engine.due`, which gives the answer or the error. So is every limit
whose class, fields or counting options are not the ones written here: a kind a plugin adds, a
field a later version adds. The answer is never a different one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from deadlines._errors import DeadlinesError
from deadlines.frame._days import DAY, EPOCH_ORDINAL, HOUR, Bools, Days, Ints, nanoseconds
from deadlines.frame._rows import Answer, Objects, Rows
from deadlines.rules import (
    AllOf,
    ArrivalGrace,
    CalendarDays,
    Cutoff,
    EarliestOf,
    HourClock,
    Hours,
    LastDayRoll,
    LatestOf,
    MeetingSetLimit,
    OnArrival,
    Recurrence,
    RestDayTrigger,
    SameDay,
    SameDayReading,
    Sequence,
    StartDay,
    Tiered,
    When,
    WorkingDays,
)
from deadlines.rules._limit import Limit, instant
from deadlines.rules._meeting import MEETING_LIMITS

#: The fields each kind is written for. A limit with any other field is not vectorised.
_BASE = frozenset({"kind", "label", "actor"})
_FIELDS: dict[type[Limit], frozenset[str]] = {
    WorkingDays: _BASE | {"n", "start_day", "rest_day_trigger", "cutoff"},
    CalendarDays: _BASE | {"n", "start_day", "last_day_roll", "cutoff"},
    Hours: _BASE | {"n", "clock", "cutoff", "rest_day_trigger"},
    SameDay: _BASE | {"cutoff", "reading"},
    OnArrival: _BASE | {"grace", "phrase"},  # the phrase is wording only
    MeetingSetLimit: _BASE,
    AllOf: _BASE | {"limits"},
    EarliestOf: _BASE | {"limits"},
    LatestOf: _BASE | {"limits"},
    Sequence: _BASE | {"limits", "within"},
    When: _BASE | {"condition", "then", "otherwise", "note_zh", "note_en"},
    Tiered: _BASE | {"committed", "statutory"},
    Recurrence: _BASE | {"months", "end_roll", "due_in_next"},
}
#: The counting options written for. An engine whose conventions have others is not vectorised.
CONVENTION_FIELDS = frozenset(
    {
        *("start_day", "rest_day_trigger", "cutoff", "hour_clock", "last_day_roll"),
        *("same_day", "arrival_grace", "arrival_office_hours"),
    }
)


# The members each kernel is written for: a member added later is left to the engine.
_START_DAYS = (StartDay.EXCLUDED, StartDay.INCLUDED)
_REST_DAY_TRIGGERS = (RestDayTrigger.COUNT_FROM_TRIGGER, RestDayTrigger.MOVE_TO_NEXT_WORKDAY)
_ROLLS = (LastDayRoll.NEXT_WORKDAY, LastDayRoll.NONE)
_CUTOFFS = (Cutoff.CLOSE_OF_BUSINESS, Cutoff.MIDNIGHT)


def _pick(value: Any, default: Any) -> Any:  # noqa: ANN401 - an option of any enum
    return default if value is None else value


def _none(rows: Rows) -> Answer:
    size = len(rows.start)
    return Answer(
        np.zeros(size, dtype=np.int64),
        np.zeros(size, dtype=np.int64),
        np.zeros(size, dtype=np.bool_),
        np.zeros(size, dtype=np.bool_),
    )


def _ok(rows: Rows) -> Bools:
    return np.ones(len(rows.start), dtype=np.bool_)


def _end_of(days: Days, last: Ints, cutoff: Any, ok: Bools) -> Ints:  # noqa: ANN401
    """The instant each day ends under `cutoff` (one of `_CUTOFFS`: the kernels check first)."""
    if cutoff is Cutoff.CLOSE_OF_BUSINESS:
        return days.close_of_business(last, ok)
    return days.midnight(last + 1)


def _working_days(limit: WorkingDays, rows: Rows) -> Answer:
    days, conv, ok = rows.days, rows.conventions, _ok(rows)
    start_day = _pick(limit.start_day, conv.start_day)
    trigger = _pick(limit.rest_day_trigger, conv.rest_day_trigger)
    cutoff = _pick(limit.cutoff, conv.cutoff)
    if start_day not in _START_DAYS or trigger not in _REST_DAY_TRIGGERS or cutoff not in _CUTOFFS:
        return _none(rows)
    first = days.day_of(rows.start)
    day = first
    moved = np.zeros(len(first), dtype=np.bool_)
    if trigger is RestDayTrigger.MOVE_TO_NEXT_WORKDAY:
        moved = ~days.is_workday(first, ok)
        day = np.where(moved, days.add_workdays(first, 0, ok), first)
    count: Ints | int = limit.n
    if start_day is StartDay.INCLUDED:
        # Day 1 only while the trigger is before that day's end (or it was moved there).
        before = rows.start < _end_of(days, day, cutoff, ok)
        included = days.is_workday(day, ok) & (moved | before)
        count = limit.n - included.astype(np.int64)
    last = days.add_workdays(day, count, ok)
    due = _end_of(days, last, cutoff, ok)
    return Answer(due, last, days.any_provisional(first, last, ok), ok)


def _calendar_days(limit: CalendarDays, rows: Rows) -> Answer:
    days, conv, ok = rows.days, rows.conventions, _ok(rows)
    start_day = _pick(limit.start_day, conv.start_day)
    roll = _pick(limit.last_day_roll, conv.last_day_roll)
    cutoff = _pick(limit.cutoff, conv.cutoff)
    if start_day not in _START_DAYS or roll not in _ROLLS or cutoff not in _CUTOFFS:
        return _none(rows)
    first = days.day_of(rows.start)
    nominal = first + limit.n
    if start_day is StartDay.INCLUDED:
        included = rows.start < _end_of(days, first, cutoff, ok)
        nominal = nominal - included.astype(np.int64)
    last = nominal
    if roll is LastDayRoll.NEXT_WORKDAY:
        last = np.where(days.is_workday(nominal, ok), nominal, days.add_workdays(nominal, 0, ok))
    due = _end_of(days, last, cutoff, ok)
    return Answer(due, last, days.any_provisional(first, last, ok), ok)


def _hours(limit: Any, rows: Rows) -> Answer:  # noqa: ANN401 - an Hours
    days, conv, ok = rows.days, rows.conventions, _ok(rows)
    clock = _pick(limit.clock, conv.hour_clock)
    cutoff = _pick(limit.cutoff, conv.cutoff)
    trigger = _pick(limit.rest_day_trigger, conv.rest_day_trigger)
    if clock not in _CLOCKS or cutoff not in _CUTOFFS or trigger not in _REST_DAY_TRIGGERS:
        return _none(rows)
    span = limit.n * HOUR
    first = days.day_of(rows.start)
    begin = rows.start
    if clock is HourClock.WORKDAYS_FROM_OPENING:
        begin = days.add_office_time(rows.start, 0, ok)
    elif trigger is RestDayTrigger.MOVE_TO_NEXT_WORKDAY:
        # A rest day, or a working day before it opens: the clock starts at the next opening.
        early = ~days.is_workday(first, ok) | (rows.start < days.opening(first))
        begin = np.where(early, days.add_office_time(rows.start, 0, ok), rows.start)
    if clock is HourClock.OFFICE_HOURS:
        due = days.add_office_time(begin, span, ok)
    elif clock in (HourClock.PAUSED_ON_REST_DAYS, HourClock.WORKDAYS_FROM_OPENING):
        due = _paused(days, begin, days.day_of(begin), span, ok)
    else:
        due = begin + span
    # An end at 00:00 is 24:00 of the day before: the day it ends on.
    last = days.day_of(due) - (due % DAY == 0)
    if clock is HourClock.CALENDAR_ROLL:
        rest = ~days.is_workday(last, ok)
        last = np.where(rest, days.add_workdays(last, 0, ok), last)
        close = _end_of(days, last, cutoff, ok)
        # A trigger a moment earlier expired on the rest day before and rolled to this close:
        # a later one may not end before it.
        after_rest = ~rest & ~days.is_workday(last - 1, ok) & (due < close)
        due = np.where(rest | after_rest, close, due)
    return Answer(due, last, days.any_provisional(first, last, ok), ok)


_CLOCKS = (
    HourClock.WORKDAYS_FROM_OPENING,
    HourClock.CALENDAR_ROLL,
    HourClock.CALENDAR_STRICT,
    HourClock.PAUSED_ON_REST_DAYS,
    HourClock.OFFICE_HOURS,
)


def _paused(days: Days, start: Ints, first: Ints, span: int, ok: Bools) -> Ints:
    """Clock time that runs 24 hours on working days only (the loop of `_paused`, in closed form).

    From the working day the clock starts on, `span` plus the time already gone that day spills
    over into whole working days; the j-th working day after takes the remainder, which may be
    all of it (the due is then 24:00 of that day).
    """
    worked = days.is_workday(first, ok)
    begin = np.where(worked, first, days.add_workdays(first, 0, ok))
    at = np.where(worked, start, days.midnight(begin))
    used = at - days.midnight(begin) + span
    spill = np.where(used <= DAY, 0, -(-(used - DAY) // DAY))
    later = days.midnight(days.add_workdays(begin, spill, ok)) + used - spill * DAY
    return np.where(spill == 0, at + span, later)


def _same_day(limit: SameDay, rows: Rows) -> Answer:
    days, ok = rows.days, _ok(rows)
    cutoff = _pick(limit.cutoff, rows.conventions.cutoff)
    reading = _pick(limit.reading, rows.conventions.same_day)
    day = days.day_of(rows.start)
    if cutoff not in _CUTOFFS:
        return _none(rows)
    if reading is SameDayReading.HALF_DAY:
        # A morning receipt ends at that day's cutoff; any later one by the next noon.
        same = days.is_workday(day, ok) & (rows.start < days.morning_end(day))
        last = np.where(same, day, days.add_workdays(day, 1, ok))
        due = np.where(same, _end_of(days, last, cutoff, ok), days.morning_end(last))
        return Answer(due, last, days.any_provisional(day, last, ok), ok)
    if reading is not SameDayReading.CLOSE_OF_BUSINESS:
        return _none(rows)
    last = _same_or_next_day(days, rows.start, day, cutoff, ok)
    due = _end_of(days, last, cutoff, ok)
    return Answer(due, last, days.any_provisional(day, last, ok), ok)


def _same_or_next_day(days: Days, start: Ints, day: Ints, cutoff: Any, ok: Bools) -> Ints:  # noqa: ANN401
    """The trigger's day while it is worked and before its cutoff, else the next working day."""
    same = days.is_workday(day, ok) & (start < _end_of(days, day, cutoff, ok))
    return np.where(same, day, days.add_workdays(day, 1, ok))


def _on_arrival(limit: OnArrival, rows: Rows) -> Answer:
    days, conv, ok = rows.days, rows.conventions, _ok(rows)
    grace = _pick(limit.grace, conv.arrival_grace)
    first = days.day_of(rows.start)
    if grace is ArrivalGrace.INSTANT:
        provisional = np.zeros(len(rows.start), dtype=np.bool_)
        return _stated(Answer(rows.start.copy(), first, provisional, ok), rows)
    if grace is ArrivalGrace.OFFICE_HOURS:
        due = days.add_office_time(rows.start, conv.arrival_office_hours * HOUR, ok)
        last = days.day_of(due)
    elif grace is ArrivalGrace.SAME_WORKING_DAY and conv.cutoff in _CUTOFFS:
        last = _same_or_next_day(days, rows.start, first, conv.cutoff, ok)
        due = _end_of(days, last, conv.cutoff, ok)
    else:
        return _none(rows)
    return _stated(Answer(due, last, days.any_provisional(first, last, ok), ok), rows)


def _stated(answer: Answer, rows: Rows) -> Answer:
    """`answer` with each stated handling limit as its due instant (never provisional), read
    as the engine reads it; one before the arrival goes to the engine, which refuses it."""
    values = rows.params.get("stated_limit")
    if values is None:
        return answer
    for row in np.flatnonzero(rows.given("stated_limit")).tolist():
        try:
            due = nanoseconds(instant("stated_limit", values[row]))
        except DeadlinesError:
            answer.ok[row] = False
            continue
        answer.due[row], answer.last[row] = due, due // DAY - rows.days.base
        answer.provisional[row], answer.ok[row] = False, due >= rows.start[row]
    return answer


def _meeting_set(_limit: MeetingSetLimit, rows: Rows) -> Answer:
    """Rows with one count or a ``deadline`` alone, by unit and count; two limits at once or
    none go to the engine (which refuses them)."""
    answer = _none(rows)
    given = [rows.given(name) for name in MEETING_LIMITS]
    alone = sum(g.astype(np.int64) for g in given) == 1
    for name, unit in (("limit_days", CalendarDays), ("limit_working_days", WorkingDays)):
        if name not in rows.params:
            continue
        counts = rows.params[name].copy()
        counts[~alone] = None
        for value, where in _groups(counts):
            days = value
            if isinstance(days, str) and days.strip().isdecimal():
                days = int(days)
            if isinstance(days, bool) or not isinstance(days, int) or days < 1:
                continue  # the engine says what is wrong with it
            _fill(answer, where, evaluate(unit(days), rows.take(where)))
    if "deadline" in rows.params:
        where = np.flatnonzero(alone & rows.given("deadline"))
        _fill(answer, where, _deadline(rows.take(where)))
    return answer


def _deadline(rows: Rows) -> Answer:
    """A meeting's own deadline, read as the engine reads it: an instant as given, or a day
    that ends at its cutoff (moved to the next working day under the conventions' roll)."""
    days, conv, ok = rows.days, rows.conventions, _ok(rows)
    due, last = np.zeros((2, len(rows.start)), dtype=np.int64)
    whole_day = np.zeros(len(rows.start), dtype=np.bool_)
    for row, value in enumerate(rows.params["deadline"].tolist()):
        try:
            if isinstance(value, dt.datetime) or (isinstance(value, str) and len(value) > 10):
                due[row] = nanoseconds(instant("deadline", value))
                last[row] = due[row] // DAY - days.base
                continue
            day = dt.date.fromisoformat(value) if isinstance(value, str) else value
        except (DeadlinesError, ValueError):
            day = None
        if not isinstance(day, dt.date):  # the engine says what is wrong with it
            ok[row] = False
            continue
        last[row], whole_day[row] = day.toordinal() - EPOCH_ORDINAL - days.base, True
    if whole_day.any():
        if conv.cutoff not in _CUTOFFS or conv.last_day_roll not in _ROLLS:
            ok &= ~whole_day
        elif conv.last_day_roll is LastDayRoll.NEXT_WORKDAY:
            worked = days.is_workday(last, ok) | ~whole_day
            last = np.where(worked, last, days.add_workdays(last, 0, ok))
        due = np.where(whole_day, _end_of(days, last, conv.cutoff, ok), due)
    ok &= due >= rows.start
    return Answer(due, last, days.any_provisional(days.day_of(rows.start), last, ok), ok)


def _when(limit: When, rows: Rows) -> Answer:
    """Rows grouped by the value of the condition's parameter; each group takes its branch.
    Rows that do not give it are answered where both branches end at the same instant."""
    answer = _none(rows)
    name = limit.condition.parameter
    values = rows.params.get(name)
    if values is not None:
        for value, where in _groups(values):
            try:
                holds = limit.condition.holds({name: value}, rows.rule_id)
            except Exception:  # the engine raises it again, row by row
                continue
            branch = limit.then if holds else limit.otherwise
            _fill(answer, where, evaluate(branch, rows.take(where)))
    unstated = np.flatnonzero(~rows.given(name))
    if len(unstated):
        some = rows.take(unstated)
        then, otherwise = evaluate(limit.then, some), evaluate(limit.otherwise, some)
        both = Answer(
            otherwise.due,
            otherwise.last,
            then.provisional | otherwise.provisional,
            then.ok & otherwise.ok & (then.due == otherwise.due),
        )
        _fill(answer, unstated, both)
    return answer


def _choose(limit: Any, rows: Rows) -> Answer:  # noqa: ANN401 - a combination
    """All of, earliest of, latest of: the first part whose due is the latest (or earliest)."""
    answers = [evaluate(part, rows) for part in limit.limits]
    due = np.stack([a.due for a in answers])
    chosen = np.argmin(due, axis=0) if isinstance(limit, EarliestOf) else np.argmax(due, axis=0)
    columns = np.arange(len(rows.start))
    last = np.stack([a.last for a in answers])[chosen, columns]
    provisional = np.logical_or.reduce([a.provisional for a in answers])
    ok = np.logical_and.reduce([a.ok for a in answers])
    return Answer(due[chosen, columns], last, provisional, ok)


def _sequence(limit: Sequence, rows: Rows) -> Answer:
    """Each step from the due of the one before, within the shared period if there is one;
    rows that say when a step was done go to the engine."""
    ok = ~rows.given("done")
    bound = None if limit.within is None else evaluate(limit.within, rows)
    step = rows
    answers = []
    for part in limit.limits:
        answer = evaluate(part, step)
        if bound is not None:
            cut = bound.due < answer.due
            answer = Answer(
                np.where(cut, bound.due, answer.due),
                np.where(cut, bound.last, answer.last),
                np.where(cut, bound.provisional | answer.provisional, answer.provisional),
                answer.ok & bound.ok,
            )
        answers.append(answer)
        step = rows.take(np.arange(len(rows.start)), start=answer.due)
    last = answers[-1]
    provisional = np.logical_or.reduce([a.provisional for a in answers])
    ok &= np.logical_and.reduce([a.ok for a in answers])
    return Answer(last.due, last.last, provisional, ok)


def _tiered(limit: Tiered, rows: Rows) -> Answer:
    inner = evaluate(limit.committed, rows)
    outer = evaluate(limit.statutory, rows)
    return Answer(inner.due, inner.last, inner.provisional | outer.provisional, inner.ok & outer.ok)


def _recurrence(limit: Recurrence, rows: Rows) -> Answer:
    days, ok = rows.days, _ok(rows)
    first = days.day_of(rows.start)
    cutoff = rows.conventions.cutoff
    if cutoff not in _CUTOFFS:
        return _none(rows)
    if limit.due_in_next is not None:
        # By day N of the next period, a rest day moving to the next working day.
        nominal = _period_end(days, first, limit.months) + limit.due_in_next
        last = days.add_workdays(nominal, 0, ok)
        due = days.close_of_business(last, ok)
        if cutoff is Cutoff.MIDNIGHT:
            due = days.midnight(last + 1)
        return Answer(due, last, days.any_provisional(first, last, ok), ok)
    nominal = _period_end(days, first, limit.months)
    last = _due_day(days, limit, nominal, ok)
    due = _end_of(days, last, cutoff, ok)
    passed = due < rows.start
    # A trigger after the period's work was due concerns the next period.
    nominal = np.where(passed, _period_end(days, nominal + 1, limit.months), nominal)
    last = np.where(passed, _due_day(days, limit, nominal, ok), last)
    due = np.where(passed, days.close_of_business(last, ok), due)
    if cutoff is Cutoff.MIDNIGHT:
        due = np.where(passed, days.midnight(last + 1), due)
    return Answer(due, last, days.any_provisional(first, nominal, ok), ok)


def _period_end(days: Days, offsets: Ints, months: int) -> Ints:
    """The offset of the nominal last day of the period of `months` holding each day."""
    month = (offsets + days.base).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    # Months since 1970-01: the period starts at a multiple of `months` within the year.
    year, within = np.divmod(month, 12)
    after = year * 12 + within // months * months + months
    first_after: Ints = after.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    return first_after - 1 - days.base


def _due_day(days: Days, limit: Recurrence, nominal: Ints, ok: Bools) -> Ints:
    worked = days.is_workday(nominal, ok)
    if limit.end_roll == "none":
        return nominal
    step = -1 if limit.end_roll == "previous_workday" else 0
    return np.where(worked, nominal, days.add_workdays(nominal, step, ok))


def _fill(answer: Answer, where: Ints, part: Answer) -> None:
    answer.due[where] = part.due
    answer.last[where] = part.last
    answer.provisional[where] = part.provisional
    answer.ok[where] = part.ok


def _groups(values: Objects) -> Iterator[tuple[Any, Ints]]:
    """Each distinct value with the rows holding it, by equality and type (``1`` and ``True``
    are not one value); None and unhashable values (a list, a table) are left out: the engine
    says what is wrong with them."""
    codes: dict[tuple[type, Any], int] = {}
    firsts: list[Any] = []
    numbers = np.full(len(values), -1, dtype=np.int64)
    for row, value in enumerate(values.tolist()):
        if value is None:
            continue
        try:
            key = (type(value), value)
            code = codes.get(key)
        except TypeError:
            continue
        if code is None:
            code = codes[key] = len(firsts)
            firsts.append(value)
        numbers[row] = code
    order = np.argsort(numbers, kind="stable")
    bounds = np.searchsorted(numbers[order], np.arange(len(firsts) + 1))
    for code, value in enumerate(firsts):
        yield value, order[bounds[code] : bounds[code + 1]]


_KERNELS: dict[type[Limit], Callable[[Any, Rows], Answer]] = {
    WorkingDays: _working_days,
    CalendarDays: _calendar_days,
    SameDay: _same_day,
    OnArrival: _on_arrival,
    MeetingSetLimit: _meeting_set,
    AllOf: _choose,
    EarliestOf: _choose,
    LatestOf: _choose,
    Sequence: _sequence,
    When: _when,
    Tiered: _tiered,
    Recurrence: _recurrence,
    Hours: _hours,
}


def vectorised(limit: object) -> bool:
    """Whether the kernels are written for `limit`: its exact class and every field it has."""
    if not isinstance(limit, Limit):
        return False
    fields = _FIELDS.get(type(limit))
    return fields is not None and frozenset(type(limit).model_fields) <= fields


def evaluate(limit: Any, rows: Rows) -> Answer:  # noqa: ANN401 - any limit
    """The answer of `limit` for `rows`; rows it cannot answer have ``ok`` False."""
    if not len(rows.start) or not vectorised(limit):
        return _none(rows)
    return _KERNELS[type(limit)](limit, rows)
