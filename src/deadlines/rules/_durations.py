"""Durations: the limits that end a fixed time after their trigger.

Working days, calendar days, hours, a same-day cutoff and "on arrival" are separate types,
because they are separate meanings: a count of working days skips holidays, a count of calendar
days does not, and an hour is not a fraction of a working day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, StrictInt

from deadlines._errors import (
    DeadlinesError,
    InvalidValueError,
    MissingParameterError,
    OutOfRangeError,
    shown,
)
from deadlines._messages import Lang, Said, say
from deadlines._time import CHINA_TZ, parse_instant, to_china
from deadlines.rules._clock import add_working_clock
from deadlines.rules._conventions import (
    ArrivalGrace,
    Conventions,
    Cutoff,
    HourClock,
    LastDayRoll,
    RestDayTrigger,
    SameDayReading,
    StartDay,
)
from deadlines.rules._trace import count_days, said, skip
from deadlines.rules._values import Context, Outcome, Value

_ONE_DAY = dt.timedelta(days=1)
_NO_TIME = dt.timedelta()
_NOON = dt.time(12)

#: The Civil Code's articles on periods, as the traces cite them.
_ART_201 = Said("law.art201", {})
_ART_203 = Said("law.art203", {})
_ARTS_200_204 = Said("law.art200_204", {})
_FIRST_COUNTS = Said("trace.first_counts", {})
_FIRST_NOT_COUNTED = Said("trace.first_not_counted", {})

#: A count of days or hours: a positive int, and never a bool (``True`` is not 1 day).
Count = Annotated[StrictInt, Field(gt=0)]


def end_of(ctx: Context, day: dt.date, cutoff: Cutoff) -> dt.datetime:
    """The instant `day` ends under `cutoff`."""
    if cutoff is Cutoff.CLOSE_OF_BUSINESS:
        close: dt.datetime = ctx.calendar.close_of_business(day)
        return close
    return dt.datetime.combine(day + _ONE_DAY, dt.time(), CHINA_TZ)


def _counts_start_day(ctx: Context, start: dt.datetime, day: dt.date, cutoff: Cutoff) -> bool:
    """Whether `StartDay.INCLUDED` may count `day`: only while the trigger is before its end.

    A trigger after the day's cutoff cannot make that day day 1: a period of 1 would end
    before it began.
    """
    return start < end_of(ctx, day, cutoff)


def next_opening(ctx: Context, at: dt.datetime) -> dt.datetime:
    """`at` itself inside office hours of a working day, else the next opening after it."""
    opening: dt.datetime = ctx.calendar.add_office_time(at, _NO_TIME)
    return opening


def _before_working_day_opens(ctx: Context, at: dt.datetime) -> bool:
    """Whether `at` falls on a rest day, or on a working day before its opening.

    A rest-day trigger moved to the next opening must carry along a trigger in the small hours
    of that working day: else Sunday 23:00 would start at Monday 09:00 while Monday 00:30,
    later, started at once and fell due first.
    """
    day = at.date()
    if not ctx.calendar.is_workday(day):
        return True
    opening: dt.time = ctx.calendar.office_hours.open(day)
    return at.time() < opening


def morning_end(ctx: Context, day: dt.date) -> dt.datetime:
    """The end of the morning session of `day` (12:00 when the day has one session)."""
    sessions = ctx.calendar.office_hours.sessions_on(day)
    noon = sessions[0][1] if len(sessions) > 1 else _NOON
    return dt.datetime.combine(day, noon, CHINA_TZ)


def same_or_next_day(ctx: Context, start: dt.datetime, cutoff: Cutoff) -> tuple[dt.date, bool]:
    """The day a "same working day" limit ends on, and whether it is the trigger's own day."""
    cal, day = ctx.calendar, start.date()
    same = bool(cal.is_workday(day)) and start < end_of(ctx, day, cutoff)
    return (day if same else cal.add_workdays(day, 1)), same


def _cutoff_step(outcome: Outcome, cutoff: Cutoff) -> None:
    at, last = outcome.due, outcome.last_day
    if cutoff is Cutoff.CLOSE_OF_BUSINESS:
        outcome.steps.append(said("cutoff", "trace.cutoff.close", date=last, at=at, law=_ART_203))
    else:
        outcome.steps.append(said("cutoff", "trace.cutoff.midnight", date=last, at=at))


def _lang(lang: str) -> Lang:
    return "zh" if lang == "zh" else "en"


def _pick(value: Any, default: Any) -> Any:  # noqa: ANN401 - an option of any enum
    return default if value is None else value


Unit = Literal[
    "working_days",
    "calendar_days",
    "hours",
    "same_day",
    "on_arrival",
    "deadline",
    "period",
    "mixed",
]
"""How a limit counts, which decides how a pause moves its due:

- ``working_days``, ``same_day``: each working day the clock stood still is added;
- ``calendar_days``: each calendar day;
- ``hours``: the paused time as the hour clock measures it;
- ``on_arrival``, ``deadline``, ``period``, ``mixed``: a fixed instant, which no pause moves.
"""

#: The limits a meeting sets (``limit_days``, calendar days) that policy diffs try: a short
#: one and a long one.
MEETING_SAMPLE_DAYS = (5, 15)


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

    def children(self) -> tuple[Limit, ...]:
        """The limits inside this one, in the order of its fields; none for a simple limit."""
        return ()

    def walk(self) -> Iterator[Limit]:
        """This limit and every limit inside it, depth first, in the order of their fields."""
        yield self
        for child in self.children():
            yield from child.walk()

    def describe(self, lang: str = "en") -> str:
        """This limit in a few words, in ``zh`` or ``en`` (see `describe_limit`)."""
        return repr(self)

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        """How this limit counts for an event with `params` (see `Unit`): one unit, or several
        when its parts count differently."""
        return frozenset({"mixed"})

    def hour_clock(self, conventions: Conventions) -> HourClock | None:
        """The clock this limit counts hours on (its first part in hours, for a combination);
        ``None`` when it counts no hours."""
        return None

    def sample_values(self) -> dict[str, tuple[Any, ...]]:
        """Values of event parameters that take this limit (not its parts) down each of its
        ways of counting: a condition's value and another, a meeting's limit in days. Policy
        diffs try each."""
        return {}


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

    def describe(self, lang: str = "en") -> str:
        return say("limit.working_days", _lang(lang), n=self.n)

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        return frozenset({"working_days"})

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
        cutoff = _pick(self.cutoff, conv.cutoff)
        included = (
            _pick(self.start_day, conv.start_day) is StartDay.INCLUDED
            and cal.is_workday(day)
            and (moved or _counts_start_day(ctx, start, day, cutoff))
        )
        last = cal.add_workdays(day, self.n - 1 if included else self.n)
        outcome = Outcome(
            end_of(ctx, last, cutoff), last, provisional=cal.any_provisional(start.date(), last)
        )
        if ctx.explain:
            if moved:
                outcome.steps.append(said("convention", "trace.start_moved", date=day, day=day))
            if included:
                outcome.steps.append(said("convention", "trace.start_included", date=day, day=day))
                outcome.steps.extend(count_days(cal, day, last, first_number=2))
            else:
                outcome.steps.append(
                    said("convention", "trace.working_days", n=self.n, law=_ART_201)
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

    def describe(self, lang: str = "en") -> str:
        return say("limit.calendar_days", _lang(lang), n=self.n)

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        return frozenset({"calendar_days"})

    def __init__(self, n: int | None = None, /, **data: Any) -> None:  # noqa: ANN401
        if n is not None:
            data["n"] = n
        super().__init__(**data)

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal, conv = ctx.calendar, ctx.conventions
        day = start.date()
        cutoff = _pick(self.cutoff, conv.cutoff)
        included = _pick(self.start_day, conv.start_day) is StartDay.INCLUDED and _counts_start_day(
            ctx, start, day, cutoff
        )
        nominal = day + dt.timedelta(days=self.n - 1 if included else self.n)
        last = nominal
        roll = _pick(self.last_day_roll, conv.last_day_roll) is LastDayRoll.NEXT_WORKDAY
        if roll and not cal.is_workday(nominal):
            last = cal.add_workdays(nominal, 0)
        outcome = Outcome(
            end_of(ctx, last, cutoff), last, provisional=cal.any_provisional(day, last)
        )
        if ctx.explain:
            first = _FIRST_COUNTS if included else _FIRST_NOT_COUNTED
            outcome.steps.append(
                said(
                    "count", "trace.calendar_days", date=nominal, n=self.n, first=first, day=nominal
                )
            )
            if last != nominal:
                outcome.steps.extend(skip(d) for d in cal.days(nominal, last) if not d.is_workday)
                outcome.steps.append(
                    said("roll", "trace.last_day_rolled", date=last, day=last, law=_ART_203)
                )
            _cutoff_step(outcome, cutoff)
        return outcome


class Hours(Limit):
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
    _positional: ClassVar[tuple[str, ...]] = ("n",)
    n: Count
    clock: HourClock | None = None
    cutoff: Cutoff | None = None
    rest_day_trigger: RestDayTrigger | None = None

    def describe(self, lang: str = "en") -> str:
        return say("limit.hours", _lang(lang), n=self.n)

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        return frozenset({"hours"})

    def hour_clock(self, conventions: Conventions) -> HourClock:
        return conventions.hour_clock if self.clock is None else self.clock

    def __init__(self, n: int | None = None, /, **data: Any) -> None:  # noqa: ANN401
        if n is not None:
            data["n"] = n
        super().__init__(**data)

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal, conv = ctx.calendar, ctx.conventions
        clock = _pick(self.clock, conv.hour_clock)
        cutoff = _pick(self.cutoff, conv.cutoff)
        span = dt.timedelta(hours=self.n)
        begin = start
        if clock is HourClock.WORKDAYS_FROM_OPENING or (
            _pick(self.rest_day_trigger, conv.rest_day_trigger)
            is RestDayTrigger.MOVE_TO_NEXT_WORKDAY
            and _before_working_day_opens(ctx, start)
        ):
            begin = next_opening(ctx, start)
        if clock is HourClock.OFFICE_HOURS:
            due = cal.add_office_time(begin, span)
            counted = "trace.hours.office"
        elif clock in (HourClock.PAUSED_ON_REST_DAYS, HourClock.WORKDAYS_FROM_OPENING):
            due = add_working_clock(cal, begin, span)
            counted = "trace.hours.working_days"
        else:
            due = begin + span
            counted = "trace.hours.continuous"
        nominal = due
        # An end at 00:00 is 24:00 of the day before: that is the day it ends on, and the day
        # that must be a working day.
        last = due.date() - _ONE_DAY if due.time() == dt.time() else due.date()
        rolled = lifted = False
        if clock is HourClock.CALENDAR_ROLL:
            if not cal.is_workday(last):
                last = cal.add_workdays(last, 0)
                due, rolled = end_of(ctx, last, cutoff), True
            elif not cal.is_workday(last - _ONE_DAY) and due < end_of(ctx, last, cutoff):
                # A trigger a moment earlier expired on the rest day before and rolled to this
                # close: a later one may not end before it.
                due, lifted = end_of(ctx, last, cutoff), True
        outcome = Outcome(due, last, provisional=cal.any_provisional(start.date(), last))
        if ctx.explain:
            if begin != start:
                outcome.steps.append(said("convention", "trace.hours.after_hours", at=begin))
            outcome.steps.append(said("count", counted, at=begin, n=self.n))
            if clock in (HourClock.PAUSED_ON_REST_DAYS, HourClock.WORKDAYS_FROM_OPENING):
                outcome.steps.extend(skip(d) for d in cal.rest_days(begin.date(), last))
            if rolled:
                outcome.steps.extend(
                    skip(d) for d in cal.days(nominal.date(), last) if not d.is_workday
                )
                outcome.steps.append(
                    said(
                        "roll",
                        "trace.hours.rolled",
                        date=last,
                        at=due,
                        nominal=nominal,
                        day=last,
                        law=_ART_203,
                    )
                )
            elif lifted:
                outcome.steps.append(
                    said("roll", "trace.hours.joined", date=last, at=due, nominal=nominal)
                )
            else:
                outcome.steps.append(said("cutoff", "trace.ends", at=due))
        return outcome


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
    cutoff: Cutoff | None = None
    reading: SameDayReading | None = None

    def describe(self, lang: str = "en") -> str:
        return say("limit.same_day", _lang(lang))

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        return frozenset({"same_day"})

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal = ctx.calendar
        cutoff = _pick(self.cutoff, ctx.conventions.cutoff)
        day = start.date()
        if _pick(self.reading, ctx.conventions.same_day) is SameDayReading.HALF_DAY:
            same = bool(cal.is_workday(day)) and start < morning_end(ctx, day)
            last = day if same else cal.add_workdays(day, 1)
            due = end_of(ctx, last, cutoff) if same else morning_end(ctx, last)
            early, late, after = "same_day.morning", "same_day.afternoon", "same_day.next_morning"
        else:
            last, same = same_or_next_day(ctx, start, cutoff)
            due = end_of(ctx, last, cutoff)
            early, late, after = (
                "same_day.before_close",
                "same_day.after_close",
                "same_day.next_day",
            )
        outcome = Outcome(due, last, provisional=cal.any_provisional(day, last))
        if ctx.explain:
            if same:
                outcome.steps.append(
                    said("count", "trace.same_day.done", date=day, when=Said(early, {}))
                )
                _cutoff_step(outcome, cutoff)
            else:
                if not cal.is_workday(day):
                    late = "same_day.rest_day"
                outcome.steps.append(
                    said(
                        "count",
                        "trace.same_day.next",
                        date=last,
                        when=Said(late, {}),
                        next=Said(after, {}),
                        day=last,
                    )
                )
                outcome.steps.extend(skip(d) for d in cal.rest_days(day, last))
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
        return say(f"limit.{self.phrase}", _lang(lang))

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        if params.get("stated_limit") is not None:
            return frozenset({"deadline"})
        grace = _pick(self.grace, conventions.arrival_grace)
        return frozenset({"same_day" if grace is ArrivalGrace.SAME_WORKING_DAY else "on_arrival"})

    def parameters(self) -> frozenset[str]:
        return frozenset({"stated_limit"})

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        cal, conv = ctx.calendar, ctx.conventions
        stated = ctx.params.get("stated_limit")
        grace = _pick(self.grace, conv.arrival_grace)
        if stated is not None:
            due = _instant("stated_limit", stated)
            if due < start:
                after = f"an instant after the arrival ({shown(start)})"
                raise InvalidValueError("stated_limit", stated, after)
            said_as: dict[str, Any] = {"message": "trace.arrival.stated"}
            last = due.date()
        elif grace is ArrivalGrace.INSTANT:
            due, last = start, start.date()
            said_as = {"message": "trace.arrival.now"}
        elif grace is ArrivalGrace.OFFICE_HOURS:
            hours = conv.arrival_office_hours
            due = cal.add_office_time(start, dt.timedelta(hours=hours))
            last = due.date()
            said_as = {"message": "trace.arrival.hours", "hours": hours}
        else:
            cutoff = conv.cutoff
            last, same = same_or_next_day(ctx, start, cutoff)
            due = end_of(ctx, last, cutoff)
            said_as = {"message": "trace.arrival.same_day" if same else "trace.arrival.next_day"}
        # Only days the answer counted can make it provisional; a stated limit counts none.
        provisional = grace is not ArrivalGrace.INSTANT and stated is None
        outcome = Outcome(
            due, last, provisional=provisional and cal.any_provisional(start.date(), last)
        )
        if ctx.explain:
            word = Said(f"limit.{self.phrase}")
            outcome.steps.append(said("cutoff", at=due, word=word, **said_as))
        return outcome


def _instant(name: str, value: object) -> dt.datetime:
    if isinstance(value, str):
        return parse_instant(name, value)
    return to_china(name, value)


#: The parameters that say a meeting's limit, in the words of its minutes.
MEETING_LIMITS: tuple[str, ...] = ("limit_days", "limit_working_days", "deadline")

_MEETING_EXAMPLE = (
    "deadline=2026-10-31 or limit_days=15 (X日内, calendar days) or limit_working_days=5 "
    "(X个工作日内)"
)


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

    def describe(self, lang: str = "en") -> str:
        return say("limit.meeting_set", _lang(lang))

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        if params.get("limit_working_days") is not None:
            return frozenset({"working_days"})
        return frozenset({"calendar_days" if params.get("limit_days") is not None else "deadline"})

    def sample_values(self) -> dict[str, tuple[Any, ...]]:
        return {"limit_days": MEETING_SAMPLE_DAYS}

    def parameters(self) -> frozenset[str]:
        return frozenset(MEETING_LIMITS)

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        params, conv = ctx.params, ctx.conventions
        given = [name for name in MEETING_LIMITS if params.get(name) is not None]
        if len(given) > 1:
            raise InvalidValueError(
                given[1], params[given[1]], f"given alone: pass one of {', '.join(given)}"
            )
        if not given:
            raise MissingParameterError(
                ctx.rule_id or "decisions.time_limited", "deadline", _MEETING_EXAMPLE
            )
        name = given[0]
        if name == "deadline":
            try:
                return _fixed_deadline(params["deadline"], start, ctx, conv)
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


_MAX_DIGITS = 18


def _too_long(ctx: Context, name: str, value: object) -> OutOfRangeError:
    """The error for a count so large that its due date cannot even be computed."""
    cal = ctx.calendar
    error = OutOfRangeError(
        name,
        value,
        cal.first_date,
        cal.last_date,
        f"a count whose due date stays from {cal.first_date} through {cal.last_date}",
    )
    error.input_field = name
    return error


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
        outcome.steps.append(said("count", "trace.meeting.deadline", value=value))
        if rolled_from is not None:
            outcome.steps.extend(skip(d) for d in cal.days(rolled_from, last) if not d.is_workday)
            outcome.steps.append(
                said("roll", "trace.last_day_rolled", date=last, day=last, law=_ART_203)
            )
        outcome.steps.append(said("cutoff", "trace.ends", at=due))
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
    "MEETING_LIMITS",
    "MEETING_SAMPLE_DAYS",
    "CalendarDays",
    "Hours",
    "Limit",
    "MeetingSetLimit",
    "OnArrival",
    "SameDay",
    "Unit",
    "WorkingDays",
]
