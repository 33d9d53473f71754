"""Durations: the limits that end a fixed time after their trigger.

Working days, calendar days, hours, a same-day cutoff and "on arrival" are separate types,
because they are separate meanings: a count of working days skips holidays, a count of calendar
days does not, and an hour is not a fraction of a working day.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, StrictInt

from deadlines._errors import InvalidValueError, MissingParameterError, shown
from deadlines._time import CHINA_TZ, parse_instant, to_china
from deadlines.rules._conventions import (
    Conventions,
    Cutoff,
    HourClock,
    LastDayRoll,
    RestDayTrigger,
    StartDay,
)
from deadlines.rules._trace import count_days, day_label, instant_label, skip, step
from deadlines.rules._values import Context, Outcome, Value

_ONE_DAY = dt.timedelta(days=1)

#: A count of days or hours: a positive int, and never a bool (``True`` is not 1 day).
Count = Annotated[StrictInt, Field(gt=0)]


def end_of(ctx: Context, day: dt.date, cutoff: Cutoff) -> dt.datetime:
    """The instant `day` ends under `cutoff`."""
    if cutoff is Cutoff.CLOSE_OF_BUSINESS:
        close: dt.datetime = ctx.calendar.close_of_business(day)
        return close
    return dt.datetime.combine(day + _ONE_DAY, dt.time(), CHINA_TZ)


def _cutoff_step(outcome: Outcome, cutoff: Cutoff) -> None:
    if cutoff is Cutoff.CLOSE_OF_BUSINESS:
        zh, en = (
            "截止于下班时间（民法典第203条）",
            "ends at the close of business (Civil Code art. 203)",
        )
    else:
        zh, en = "截止于当日24时", "ends at 24:00 of the last day"
    outcome.steps.append(
        step(
            "cutoff",
            f"{zh}：{instant_label(outcome.due)}",
            f"{en}: {instant_label(outcome.due)}",
            date=outcome.last_day,
            at=outcome.due,
        )
    )


def _pick(value: Any, default: Any) -> Any:  # noqa: ANN401 - an option of any enum
    return default if value is None else value


class Limit(Value):
    """A time limit: given a trigger, when it ends. Subclasses implement `evaluate`."""

    kind: str
    label: str = ""
    """What the part is called inside a combination (e.g. ``签发``); empty for a lone limit."""
    actor: str = ""
    """Who acts, e.g. ``县长``."""

    def parameters(self) -> frozenset[str]:
        """The event parameters this limit reads (an unknown one is an error, not ignored)."""
        return frozenset()

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        """Compute the outcome for a trigger at `start` (aware, China time)."""
        raise NotImplementedError(f"{type(self).__name__} does not compute a due instant")


class WorkingDays(Limit):
    """A period of `n` working days.

    By default (民法典 art. 201) the day of the trigger never counts, so the period ends at the
    close of business of the n-th working day strictly after the trigger's day, whatever the
    hour of the trigger and whether its day is worked.
    """

    kind: Literal["working_days"] = "working_days"
    _positional: ClassVar[tuple[str, ...]] = ("n",)
    n: Count
    start_day: StartDay | None = None
    rest_day_trigger: RestDayTrigger | None = None
    cutoff: Cutoff | None = None

    # WorkingDays(3): the count is positional. Each class with a count repeats this __init__,
    # because type checkers synthesise a keyword-only one for every class that adds a field.
    def __init__(self, n: int | None = None, /, **data: Any) -> None:  # noqa: ANN401
        if n is not None:
            data["n"] = n
        super().__init__(**data)

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal, conv = ctx.calendar, ctx.conventions
        day = start.date()
        moved = False
        if _pick(
            self.rest_day_trigger, conv.rest_day_trigger
        ) is RestDayTrigger.MOVE_TO_NEXT_WORKDAY and not cal.is_workday(day):
            day, moved = cal.add_workdays(day, 0), True
        included = _pick(self.start_day, conv.start_day) is StartDay.INCLUDED and cal.is_workday(
            day
        )
        last = cal.add_workdays(day, self.n - 1 if included else self.n)
        cutoff = _pick(self.cutoff, conv.cutoff)
        outcome = Outcome(
            end_of(ctx, last, cutoff), last, provisional=cal.any_provisional(start.date(), last)
        )
        if ctx.explain:
            if moved:
                outcome.steps.append(
                    step(
                        "convention",
                        f"触发日非工作日，顺延至 {day_label(day, 'zh')} 起算",
                        "the trigger's day is not worked: counting starts from "
                        f"{day_label(day, 'en')}",
                        date=day,
                    )
                )
            if included:
                outcome.steps.append(
                    step(
                        "convention",
                        f"按选项计入触发当日 {day_label(day, 'zh')} 为第1个工作日",
                        f"by option, the trigger's day {day_label(day, 'en')} is working day 1",
                        date=day,
                    )
                )
                outcome.steps.extend(count_days(cal, day, last, first_number=2))
            else:
                outcome.steps.append(
                    step(
                        "convention",
                        f"{self.n}个工作日，触发当日不计入（民法典第201条）",
                        f"{self.n} working days; the trigger's day does not count "
                        "(Civil Code art. 201)",
                    )
                )
                outcome.steps.extend(count_days(cal, day, last))
            _cutoff_step(outcome, cutoff)
        return outcome


class CalendarDays(Limit):
    """A period of `n` calendar days; rest days inside it count, only a rest last day moves.

    民法典 art. 201 (the start day does not count) and art. 203 (a last day that is a statutory
    rest day moves to the day after the rest days).
    """

    kind: Literal["calendar_days"] = "calendar_days"
    _positional: ClassVar[tuple[str, ...]] = ("n",)
    n: Count
    start_day: StartDay | None = None
    last_day_roll: LastDayRoll | None = None
    cutoff: Cutoff | None = None

    def __init__(self, n: int | None = None, /, **data: Any) -> None:  # noqa: ANN401
        if n is not None:
            data["n"] = n
        super().__init__(**data)

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal, conv = ctx.calendar, ctx.conventions
        day = start.date()
        included = _pick(self.start_day, conv.start_day) is StartDay.INCLUDED
        nominal = day + dt.timedelta(days=self.n - 1 if included else self.n)
        last = nominal
        roll = _pick(self.last_day_roll, conv.last_day_roll) is LastDayRoll.NEXT_WORKDAY
        if roll and not cal.is_workday(nominal):
            last = cal.add_workdays(nominal, 0)
        cutoff = _pick(self.cutoff, conv.cutoff)
        outcome = Outcome(
            end_of(ctx, last, cutoff), last, provisional=cal.any_provisional(day, last)
        )
        if ctx.explain:
            first_zh = "计入" if included else "不计入"
            first_en = "counts" if included else "does not count"
            outcome.steps.append(
                step(
                    "count",
                    f"{self.n}个自然日，触发当日{first_zh}，期间内节假日照计："
                    f"最后一日 {day_label(nominal, 'zh')}",
                    f"{self.n} calendar days, the trigger's day {first_en}, rest days inside "
                    f"count: last day {day_label(nominal, 'en')}",
                    date=nominal,
                )
            )
            if last != nominal:
                outcome.steps.extend(skip(d) for d in cal.days(nominal, last) if not d.is_workday)
                outcome.steps.append(
                    step(
                        "roll",
                        f"最后一日为休息日，顺延至 {day_label(last, 'zh')}（民法典第203条）",
                        f"the last day is a rest day: moved to {day_label(last, 'en')} "
                        "(Civil Code art. 203)",
                        date=last,
                    )
                )
            _cutoff_step(outcome, cutoff)
        return outcome


class Hours(Limit):
    """A period of `n` hours from the minute of the trigger (民法典 art. 201).

    How the clock runs over nights, weekends and holidays is the `clock` option; see
    `HourClock`.
    """

    kind: Literal["hours"] = "hours"
    _positional: ClassVar[tuple[str, ...]] = ("n",)
    n: Count
    clock: HourClock | None = None
    cutoff: Cutoff | None = None

    def __init__(self, n: int | None = None, /, **data: Any) -> None:  # noqa: ANN401
        if n is not None:
            data["n"] = n
        super().__init__(**data)

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal, conv = ctx.calendar, ctx.conventions
        clock = _pick(self.clock, conv.hour_clock)
        span = dt.timedelta(hours=self.n)
        notes: list[tuple[str, str]] = []
        if clock is HourClock.OFFICE_HOURS:
            due = cal.add_office_time(start, span)
            notes.append(("只计办公时间", "only office hours of working days count"))
        elif clock is HourClock.PAUSED_ON_REST_DAYS:
            due = _paused(cal, start, span)
            notes.append(("非工作日暂停计时", "the clock stops on non-working days"))
        else:
            due = start + span
            notes.append(
                (f"自收到时起连续计算{self.n}小时", f"{self.n} calendar hours from receipt")
            )
        # An end at 00:00 is 24:00 of the day before: that is the day it ends on, and the day
        # that must be a working day.
        last = due.date() - _ONE_DAY if due.time() == dt.time() else due.date()
        rolled = False
        if clock is HourClock.CALENDAR_ROLL and not cal.is_workday(last):
            last = cal.add_workdays(last, 0)
            due = end_of(ctx, last, _pick(self.cutoff, conv.cutoff))
            rolled = True
        outcome = Outcome(due, last, provisional=cal.any_provisional(start.date(), last))
        if ctx.explain:
            zh, en = notes[0]
            nominal = start + span
            outcome.steps.append(
                step(
                    "count",
                    f"{zh}：{instant_label(start)} 起",
                    f"{en}, from {instant_label(start)}",
                    at=start,
                )
            )
            if rolled:
                outcome.steps.extend(
                    skip(d) for d in cal.days(nominal.date(), last) if not d.is_workday
                )
                outcome.steps.append(
                    step(
                        "roll",
                        f"{instant_label(nominal)} 落在休息日，顺延至下一工作日下班时间"
                        f"（民法典第203条）：{instant_label(due)}",
                        f"{instant_label(nominal)} falls on a rest day: moved to the close of "
                        f"business of the next working day (Civil Code art. 203): "
                        f"{instant_label(due)}",
                        date=last,
                        at=due,
                    )
                )
            else:
                outcome.steps.append(
                    step(
                        "cutoff",
                        f"到期：{instant_label(due)}",
                        f"ends: {instant_label(due)}",
                        at=due,
                    )
                )
        return outcome


def _paused(cal: Any, start: dt.datetime, span: dt.timedelta) -> dt.datetime:  # noqa: ANN401
    """`span` of clock time that runs only on working days (24 hours each)."""
    at, left = start, span
    if not cal.is_workday(at.date()):
        at = dt.datetime.combine(cal.add_workdays(at.date(), 0), dt.time(), CHINA_TZ)
    while True:
        midnight = dt.datetime.combine(at.date() + _ONE_DAY, dt.time(), CHINA_TZ)
        if at + left <= midnight:
            return at + left
        left -= midnight - at
        at = dt.datetime.combine(cal.add_workdays(at.date(), 1), dt.time(), CHINA_TZ)


class SameDay(Limit):
    """The same working day: 文不过夜 (art. 11).

    A trigger on a working day before its cutoff ends at that cutoff; any other trigger (after
    the cutoff, or on a rest day) ends at the cutoff of the next working day.
    """

    kind: Literal["same_day"] = "same_day"
    cutoff: Cutoff | None = None

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal = ctx.calendar
        cutoff = _pick(self.cutoff, ctx.conventions.cutoff)
        day = start.date()
        same = cal.is_workday(day) and start < end_of(ctx, day, cutoff)
        last = day if same else cal.add_workdays(day, 1)
        outcome = Outcome(
            end_of(ctx, last, cutoff), last, provisional=cal.any_provisional(day, last)
        )
        if ctx.explain:
            if same:
                outcome.steps.append(
                    step(
                        "count",
                        "工作日下班前收到，当日办结",
                        "received on a working day before the cutoff: done the same day",
                        date=day,
                    )
                )
            else:
                reason_zh = "下班后收到" if cal.is_workday(day) else "休息日收到"
                reason_en = "after the cutoff" if cal.is_workday(day) else "on a rest day"
                outcome.steps.append(
                    step(
                        "count",
                        f"{reason_zh}，于下一工作日 {day_label(last, 'zh')} 办结",
                        f"received {reason_en}: done on the next working day "
                        f"{day_label(last, 'en')}",
                        date=last,
                    )
                )
                outcome.steps.extend(skip(d) for d in cal.rest_days(day, last))
            _cutoff_step(outcome, cutoff)
        return outcome


class OnArrival(Limit):
    """Handled on arrival (急件随到随办, art. 11): due the instant it arrives.

    An urgent document states its own handling limit (党政机关公文处理工作条例 art. 24); pass it as
    the parameter `stated_limit` (an ISO 8601 instant) and that instant is the due instant.
    """

    kind: Literal["on_arrival"] = "on_arrival"

    def parameters(self) -> frozenset[str]:
        return frozenset({"stated_limit"})

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        stated = ctx.params.get("stated_limit")
        if stated is not None:
            due = _instant("stated_limit", stated)
            if due < start:
                after = f"an instant after the arrival ({shown(start)})"
                raise InvalidValueError("stated_limit", stated, after)
            zh, en = "按文件标明的办理时限", "by the handling limit the document states"
        else:
            due = start
            zh, en = "随到随办：收到即应办理", "handled on arrival: due the moment it arrives"
        # No calendar day is counted, so no notice can change the answer: never provisional.
        outcome = Outcome(due, due.date(), provisional=False)
        if ctx.explain:
            outcome.steps.append(
                step("cutoff", f"{zh}：{instant_label(due)}", f"{en}: {instant_label(due)}", at=due)
            )
        return outcome


def _instant(name: str, value: object) -> dt.datetime:
    if isinstance(value, str):
        return parse_instant(name, value)
    return to_china(name, value)


class MeetingSetLimit(Limit):
    """The limit a meeting sets for a matter it decided (art. 12: 按照会议要求限时办结).

    The trigger gives either `deadline` (an ISO date or instant; a date ends at its cutoff) or
    `limit_days` (N days from the meeting). N ≤ `Conventions.short_limit_days` counts working
    days, longer limits count calendar days with the last-day roll.
    """

    kind: Literal["meeting_set"] = "meeting_set"

    def parameters(self) -> frozenset[str]:
        return frozenset({"deadline", "limit_days"})

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        params, conv = ctx.params, ctx.conventions
        if "deadline" in params and "limit_days" in params:
            raise InvalidValueError(
                "deadline", params["deadline"], "given alone: pass deadline or limit_days, not both"
            )
        if "limit_days" in params:
            days = params["limit_days"]
            if isinstance(days, str) and days.isdigit():
                days = int(days)
            if isinstance(days, bool) or not isinstance(days, int) or days < 1:
                raise InvalidValueError("limit_days", days, "a positive integer such as 15")
            inner: Limit = (
                WorkingDays(days) if days <= conv.short_limit_days else CalendarDays(days)
            )
            outcome = inner.evaluate(start, ctx)
            if ctx.explain:
                unit = (
                    ("工作日", "working days")
                    if isinstance(inner, WorkingDays)
                    else ("自然日", "calendar days")
                )
                outcome.steps.insert(
                    0,
                    step(
                        "convention",
                        f"会议限期{days}日，按{unit[0]}计（{conv.short_limit_days}日以内按工作日）",
                        f"the meeting set {days} days, counted as {unit[1]} (up to "
                        f"{conv.short_limit_days} days count working days)",
                    ),
                )
            return outcome
        if "deadline" not in params:
            raise MissingParameterError(
                "decisions.time_limited", "deadline", "deadline=2026-10-31 or limit_days=15"
            )
        return _fixed_deadline(params["deadline"], start, ctx, conv)


def _fixed_deadline(value: object, start: dt.datetime, ctx: Context, conv: Conventions) -> Outcome:
    cal = ctx.calendar
    if isinstance(value, dt.datetime) or (
        isinstance(value, str) and len(value) > len("2026-10-31")
    ):
        due = _instant("deadline", value)
        last = due.date()
        rolled_from = None
    else:
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise InvalidValueError("deadline", value, "a date such as 2026-10-31") from None
        if not isinstance(value, dt.date):
            raise InvalidValueError("deadline", value, "a date such as 2026-10-31")
        last, rolled_from = value, None
        if conv.last_day_roll is LastDayRoll.NEXT_WORKDAY and not cal.is_workday(value):
            last, rolled_from = cal.add_workdays(value, 0), value
        due = end_of(ctx, last, conv.cutoff)
    if due < start:
        raise InvalidValueError("deadline", value, f"a deadline after the meeting ({shown(start)})")
    outcome = Outcome(due, last, provisional=cal.any_provisional(start.date(), last))
    if ctx.explain:
        outcome.steps.append(
            step("count", f"会议确定的办结期限：{value}", f"the deadline the meeting set: {value}")
        )
        if rolled_from is not None:
            outcome.steps.extend(skip(d) for d in cal.days(rolled_from, last) if not d.is_workday)
            outcome.steps.append(
                step(
                    "roll",
                    f"期限最后一日为休息日，顺延至 {day_label(last, 'zh')}（民法典第203条）",
                    f"the last day is a rest day: moved to {day_label(last, 'en')} "
                    "(Civil Code art. 203)",
                    date=last,
                )
            )
        outcome.steps.append(
            step("cutoff", f"到期：{instant_label(due)}", f"ends: {instant_label(due)}", at=due)
        )
    return outcome


#: Limits a hook or file can name without importing classes.
DURATIONS: tuple[type[Limit], ...] = (
    WorkingDays,
    CalendarDays,
    Hours,
    SameDay,
    OnArrival,
    MeetingSetLimit,
)

__all__ = [
    "DURATIONS",
    "CalendarDays",
    "Hours",
    "Limit",
    "MeetingSetLimit",
    "OnArrival",
    "SameDay",
    "WorkingDays",
]
