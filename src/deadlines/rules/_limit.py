"""`Limit`, what every kind of limit answers, and the day questions the kinds share; each kind
is one class of `rules/` (docs/design.md, "Rules are values")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import Field, StrictInt

from deadlines._errors import InvalidArgumentError, NotADeadlineError
from deadlines._messages import MESSAGES, Said, say_in
from deadlines._time import CHINA_TZ, PARAMETER_INSTANT_EXPECTED, parse_instant, to_china
from deadlines.rules._conventions import Conventions, Cutoff, HourClock
from deadlines.rules._trace import said, skip
from deadlines.rules._values import Calendar, Context, Outcome, Value

ONE_DAY = dt.timedelta(days=1)
_NOON = dt.time(12)

#: The Civil Code's articles on periods, as the traces cite them.
ART_201 = Said("law.art201")
ART_203 = Said("law.art203")

#: A count of days or hours: a positive int, and never a bool (``True`` is not 1 day).
Count = Annotated[StrictInt, Field(gt=0)]

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


class Limit(Value):
    """A time limit: given a trigger, when it ends. Subclasses implement `evaluate`."""

    kind: str
    not_a_deadline: ClassVar[tuple[Said, Said] | None] = None
    """What a constraint is and what to ask of it instead of a due date (a blackout, a quota)."""
    _unit: ClassVar[Unit] = "mixed"  # how it counts, when the event does not change that
    label: str = ""
    """What the part is called inside a combination (e.g. ``签发``); empty for a lone limit."""
    actor: str = ""
    """Who acts, e.g. ``县长``."""

    def parameters(self) -> frozenset[str]:
        """The event parameters this limit reads (an unknown one is an error, not ignored)."""
        return frozenset().union(*(child.parameters() for child in self.children()))

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        """Compute the outcome for a trigger at `start` (aware, China time)."""
        if self.not_a_deadline is None:
            raise NotImplementedError(f"{type(self).__name__} does not compute a due instant")
        raise NotADeadlineError(ctx.rule_id, *self.not_a_deadline)

    def children(self) -> tuple[Limit, ...]:
        """The limits inside this one, in the order of its fields; none for a simple limit."""
        return ()

    def walk(self) -> Iterator[Limit]:
        """This limit and every limit inside it, depth first, in the order of their fields."""
        yield self
        for child in self.children():
            yield from child.walk()

    def describe(self, lang: str = "en") -> str:
        """This limit in a few words, in ``zh`` or ``en``: ``3 working days``, ``48 hours``.

        Parts that say the same thing are said once, and steps that share one period read as
        that period:

        >>> from deadlines.rules import AllOf, Hours, WorkingDays
        >>> AllOf(WorkingDays(3), Hours(48)).describe(), AllOf(WorkingDays(3)).describe("zh")
        ('all of: 3 working days, 48 hours', '3个工作日')
        """
        # The catalogue's words for the kind, filled in with the limit's fields.
        message = f"limit.{self.kind}"
        return say_in(lang, message, **dict(self)) if message in MESSAGES else repr(self)

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        """How this limit counts for an event with `params` (see `Unit`): one unit, or several
        when its parts count differently."""
        return frozenset({self._unit})

    def hour_clock(
        self, conventions: Conventions, params: Mapping[str, Any] | None = None
    ) -> HourClock | None:
        """The clock this limit counts hours on for an event with `params`; ``None`` when it
        counts no hours.

        A combination answers with the clock of the part whose due it takes, when that part
        counts hours: a condition's branch, a tiered limit's committed one, else its first
        part in hours (docs/design.md, "Limits answer for themselves").
        """
        return None

    def sample_values(self) -> dict[str, tuple[Any, ...]]:
        """Values of event parameters that take this limit (not its parts) down each of its
        ways of counting: a condition's value and another, a meeting's limit in days. Policy
        diffs try each."""
        return {}


class Counted(Limit):
    """A limit of `n` units (working days, calendar days, hours), said as ``limit.<kind>``."""

    _positional: ClassVar[tuple[str, ...]] = ("n",)
    n: Count


_T = TypeVar("_T")


def pick(value: _T | None, default: _T) -> _T:
    """A rule's own option, or the engine's convention where the rule leaves it unset."""
    return default if value is None else value


def end_of(ctx: Context, day: dt.date, cutoff: Cutoff) -> dt.datetime:
    """The instant `day` ends under `cutoff`."""
    if cutoff is Cutoff.CLOSE_OF_BUSINESS:
        return ctx.calendar.close_of_business(day)
    return dt.datetime.combine(day + ONE_DAY, dt.time(), CHINA_TZ)


def outcome_of(ctx: Context, first: dt.date, due: dt.datetime, last: dt.date) -> Outcome:
    """Due at `due` on `last`: provisional when a day from `first` through `last` is."""
    return Outcome(due, last, provisional=ctx.calendar.any_provisional(first, last))


def morning_end(ctx: Context, day: dt.date) -> dt.datetime:
    """The end of the morning session of `day` (12:00 when the day has one session)."""
    sessions = ctx.calendar.office_hours.sessions_on(day)
    noon = sessions[0][1] if len(sessions) > 1 else _NOON
    return dt.datetime.combine(day, noon, CHINA_TZ)


def same_or_next_day(ctx: Context, start: dt.datetime, cutoff: Cutoff) -> tuple[dt.date, bool]:
    """The day a "same working day" limit ends on, and whether it is the trigger's own day."""
    cal, day = ctx.calendar, start.date()
    same = cal.is_workday(day) and start < end_of(ctx, day, cutoff)
    return (day if same else cal.add_workdays(day, 1)), same


def instant(name: str, value: object) -> dt.datetime:
    """A parameter's instant: ISO text or a datetime, in China time."""
    if isinstance(value, str):
        return parse_instant(name, value)
    if isinstance(value, dt.datetime):
        return to_china(name, value)
    # A number or a list from a JSON line is told of the text it should be, not of Python's type.
    raise InvalidArgumentError(name, value, PARAMETER_INSTANT_EXPECTED)


def cutoff_step(outcome: Outcome, cutoff: Cutoff) -> None:
    """The step that says when the last day ends."""
    at, last = outcome.due, outcome.last_day
    if cutoff is Cutoff.CLOSE_OF_BUSINESS:
        outcome.steps.append(said("cutoff", "trace.cutoff.close", date=last, at=at, law=ART_203))
    else:
        outcome.steps.append(said("cutoff", "trace.cutoff.midnight", date=last, at=at))


def roll_steps(outcome: Outcome, cal: Calendar, nominal: dt.date, message: str) -> None:
    """The rest days from `nominal` through the outcome's last day, and the move past them."""
    last = outcome.last_day
    lo, hi = sorted((nominal, last))
    outcome.steps.extend(skip(cal, d) for d in cal.days(lo, hi) if not d.is_workday)
    outcome.steps.append(said("roll", message, date=last, day=last, law=ART_203))
