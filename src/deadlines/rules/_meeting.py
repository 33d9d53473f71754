"""The limit a meeting sets for a matter it decided (art. 12), in the words of its minutes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from deadlines._errors import (
    DeadlinesError,
    InvalidValueError,
    MissingParameterError,
    OutOfRangeError,
    shown,
)
from deadlines._messages import Said
from deadlines.rules._conventions import Conventions, LastDayRoll
from deadlines.rules._days import CalendarDays, WorkingDays
from deadlines.rules._limit import ART_203, Limit, Unit, end_of, instant, outcome_of
from deadlines.rules._trace import said
from deadlines.rules._values import Context, Outcome

#: The parameters that say a meeting's limit, in the words of its minutes.
MEETING_LIMITS: tuple[str, ...] = ("limit_days", "limit_working_days", "deadline")

#: The limits a meeting sets (``limit_days``, calendar days) that policy diffs try: a short
#: one and a long one.
MEETING_SAMPLE_DAYS = (5, 15)

_ARTS_200_204 = Said("law.art200_204")
_MAX_DIGITS = 18
_A_DATE = "a date such as 2026-10-31"


class MeetingSetLimit(Limit):
    """The limit a meeting sets for a matter it decided (art. 12: 按照会议要求限时办结).

    The unit is the minutes' own words, never guessed from the size of the number:
    `limit_days` is "X日内", calendar days (民法典 art. 200–204: rest days inside count, a rest
    last day moves); `limit_working_days` is "X个工作日内"; `deadline` is a date (ending at its
    cutoff) or an instant. A matter with none of them is art. 12's exception
    ("会议未提出具体办理要求的事项"), which supervision lists without an obligation.

    >>> from deadlines import Engine
    >>> engine = Engine()
    >>> engine.due("decisions.time_limited", "2026-09-30T16:00", limit_days=10).due_date
    datetime.date(2026, 10, 10)
    >>> engine.due("decisions.time_limited", "2026-09-30T16:00", limit_days=11).due_date
    datetime.date(2026, 10, 12)
    >>> engine.due("decisions.time_limited", "2026-09-30T16:00", limit_working_days=10).due_date
    datetime.date(2026, 10, 20)
    """

    kind: Literal["meeting_set"] = "meeting_set"

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        if params.get("limit_working_days") is not None:
            return frozenset({"working_days"})
        return frozenset({"calendar_days" if params.get("limit_days") is not None else "deadline"})

    def sample_values(self) -> dict[str, tuple[Any, ...]]:
        return {"limit_days": MEETING_SAMPLE_DAYS}

    def parameters(self) -> frozenset[str]:
        return frozenset(MEETING_LIMITS)

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        params = ctx.params
        given = [name for name in MEETING_LIMITS if params.get(name) is not None]
        if len(given) > 1:
            raise InvalidValueError(
                given[1], params[given[1]], Said("engine.given_alone", {"names": tuple(given)})
            )
        if not given:
            rule = ctx.rule_id or "decisions.time_limited"
            raise MissingParameterError(rule, "deadline", Said("engine.example.meeting"))
        name = given[0]
        if name == "deadline":
            try:
                return _fixed_deadline(params["deadline"], start, ctx)
            except DeadlinesError as error:
                error.input_field = error.input_field or "deadline"
                raise
        days = params[name]
        if isinstance(days, str):
            text = days.strip()
            # isdecimal, not isdigit: "²" is a digit int() refuses; and past 18 digits a count
            # is out of any calendar's range anyway (int() refuses past 4300).
            if text.isdecimal():
                if len(text) > _MAX_DIGITS:
                    raise _too_long(ctx, name, days)
                days = int(text)
        if isinstance(days, bool) or not isinstance(days, int) or days < 1:
            raise InvalidValueError(name, days, "a positive integer such as 15")
        working = name == "limit_working_days"
        inner: Limit = WorkingDays(days) if working else CalendarDays(days)
        try:
            outcome = inner.evaluate(start, ctx)
        except OverflowError:  # beyond what a date can hold, let alone the calendar
            raise _too_long(ctx, name, days) from None
        except DeadlinesError as error:  # the calendar ran out: the limit took it there
            error.input_field = error.input_field or name
            raise
        if ctx.explain:
            message = "trace.meeting.working_days" if working else "trace.meeting.calendar_days"
            outcome.steps.insert(0, said("convention", message, n=days, law=_ARTS_200_204))
        return outcome


def _too_long(ctx: Context, name: str, value: object) -> OutOfRangeError:
    """The error for a count so large that its due date cannot even be computed."""
    first, last = ctx.calendar.first_date, ctx.calendar.last_date
    span = {"what": Said("engine.what.count"), "first": str(first), "last": str(last)}
    error = OutOfRangeError(name, value, first, last, Said("engine.within_calendar", span))
    error.input_field = name
    return error


def _fixed_deadline(value: object, start: dt.datetime, ctx: Context) -> Outcome:
    cal, conv = ctx.calendar, ctx.conventions
    nominal = None
    if isinstance(value, dt.datetime) or (
        isinstance(value, str) and len(value) > len("YYYY-MM-DD")
    ):
        due = instant("deadline", value)
        last = due.date()
    else:
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise InvalidValueError("deadline", value, _A_DATE) from None
        if not isinstance(value, dt.date):
            raise InvalidValueError("deadline", value, _A_DATE)
        last = value
        if conv.last_day_roll is LastDayRoll.NEXT_WORKDAY and not cal.is_workday(value):
            last, nominal = cal.add_workdays(value, 0), value
        due = end_of(ctx, last, conv.cutoff)
    if due < start:
        raise InvalidValueError(
            "deadline", value, Said("engine.after_meeting", {"at": shown(start)})
        )
    outcome = outcome_of(ctx, start.date(), due, last)
    if ctx.explain:
        steps = outcome.steps
        steps.append(said("count", "trace.meeting.deadline", value=value))
        if nominal is not None:  # one line: the day itself is not "skipped", it is moved
            steps.append(said("roll", "trace.meeting.rolled", date=last, day=last, law=ART_203))
        steps.append(said("cutoff", "trace.ends", at=due))
    return outcome
