"""Building trace steps: a message id and its values, spelled later by the catalogue."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from deadlines._messages import Names, Said, say
from deadlines._result import StepAction, TraceStep, trusted

if TYPE_CHECKING:
    from deadlines.calendar._days import Day
    from deadlines.rules._values import Calendar

__all__ = ["count_days", "said", "skip"]


def said(
    action: StepAction,
    message: str,
    *,
    date: dt.date | None = None,
    at: dt.datetime | None = None,
    origin: str = "",
    **values: Any,  # noqa: ANN401 - a message's values are of any type
) -> TraceStep:
    """A trace step saying catalogue `message` with `values` (built without validation)."""
    fields = {
        "action": action,
        "date": date,
        "at": at,
        "message": message,
        "values": tuple(values.items()),
        "origin": origin,
    }
    return trusted(TraceStep, fields)


def _origin(day: Day) -> str:
    from deadlines.calendar._days import BUILT_IN

    return "" if day.origin == BUILT_IN else str(day.origin)


_NO_EXTRA = Said("word.empty")


def count_days(
    calendar: Calendar, after: dt.date, through: dt.date, *, first_number: int = 1
) -> list[TraceStep]:
    """Steps for each day in (after, through]: working days counted, others skipped with why."""
    steps: list[TraceStep] = []
    number = first_number - 1
    for day in calendar.days(after + dt.timedelta(days=1), through):
        if not day.is_workday:
            steps.append(skip(calendar, day))
            continue
        number += 1
        adjusted = day.kind.name == "ADJUSTED_WORKDAY"
        extra = Said("trace.count.adjusted", {"name": day.said()}) if adjusted else _NO_EXTRA
        values: dict[str, Any] = {"number": number, "day": day.date, "extra": extra}
        steps.append(said("count", "trace.count", date=day.date, origin=_origin(day), **values))
    return steps


def skip(calendar: Calendar, day: Day) -> TraceStep:
    """A non-working day passed over, with its kind and name: a weekend day inside a 放假
    period by the break's name, as the calendar shows it (``国庆节假期``; English: weekend)."""
    from deadlines.calendar._describe import break_of

    why: Said | Names = day.said()
    name = break_of(calendar, day) if day.kind.name == "WEEKEND" else None
    if name is not None:
        why = Names(say("trace.skip.break", "zh", name=name), day.describe("en"))
    return said("skip", "trace.skip", date=day.date, origin=_origin(day), why=why, day=day.date)
