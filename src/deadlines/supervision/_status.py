"""Status at a moment: open, warning (yellow), overdue (red, escalated later), met or late.

The thresholds follow the practice of e-government supervision systems (预警, 黄牌, 红牌): a
warning from one working day before the due instant, red once it has passed, and an escalation
from the fifth working day after the last day. Each is a value you can change, for every rule
or for one.

Status is arithmetic on instants computed once per obligation: no rule is counted again.
The threshold values themselves (`Thresholds`, `WorkingDaysBefore`, `FractionOfLimit`) are
defined in `deadlines._thresholds`, so that plugins can set them on an engine.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, final

# The values live in a module of their own, which an engine's plugins can set without
# importing supervision; `deadlines.supervision` re-exports them.
from deadlines._messages import Names, Said
from deadlines._thresholds import Thresholds, WorkingDaysBefore
from deadlines.supervision._obligations import fast_init
from deadlines.supervision._tracked import moment

if TYPE_CHECKING:
    from deadlines._result import Lang
    from deadlines.calendar import ChinaCalendar
    from deadlines.supervision._obligations import Obligation, Unit
    from deadlines.supervision._tracked import Tracked


class Status(str, enum.Enum):
    """Where an obligation stands at a moment."""

    OPEN = "open"
    """Not done, not yet in its warning window."""
    WARNING = "warning"
    """Not done, due soon: inside the warning window (yellow)."""
    OVERDUE = "overdue"
    """Not done, and its due instant has passed (red)."""
    MET = "met"
    """Done by its due instant."""
    LATE = "late"
    """Done, but after its due instant."""

    def __str__(self) -> str:
        return self.value


#: The order statuses are listed and grouped in: what needs attention first.
STATUS_ORDER = (Status.OVERDUE, Status.WARNING, Status.OPEN, Status.LATE, Status.MET)


def status_words(status: Status, *, escalated: bool) -> Said:
    """A status in the words of the report's table: an escalated one is 提请督办 (``overdue!``).

    >>> status_words(Status.OVERDUE, escalated=True).render("zh")
    '提请督办'
    """
    return Said("check.state.escalated" if escalated else f"check.state.{status}")


def warning_from(
    calendar: ChinaCalendar,
    obligation: Obligation,
    due: dt.datetime,
    due_date: dt.date,
    thresholds: Thresholds,
) -> dt.datetime:
    """The instant the warning window of `obligation` opens, never before its trigger.

    >>> from datetime import datetime
    >>> from deadlines import ChinaCalendar, Engine
    >>> from deadlines.supervision._obligations import oblige
    >>> ob = oblige(Engine(), "minutes.executive", datetime(2026, 9, 30, 17), id="m1/minutes",
    ...             event_id="m1")
    >>> warning_from(ChinaCalendar(), ob, ob.due, ob.due_date, Thresholds())  # over National Day
    datetime.datetime(2026, 10, 9, 17, 30, ...)
    """
    trigger = obligation.trigger
    rule = thresholds.warning
    if isinstance(rule, WorkingDaysBefore):
        start = workdays_before(calendar, due, rule.n)
    elif obligation.unit == "working_days":
        total = calendar.workdays_between(trigger.date(), due_date)
        left = math.ceil(round((1 - rule.fraction) * total, 9))
        start = workdays_before(calendar, due, left)
    else:
        start = trigger + (due - trigger) * rule.fraction
    return max(start, trigger)


def workdays_before(calendar: ChinaCalendar, due: dt.datetime, n: int) -> dt.datetime:
    if n == 0:
        return due
    return dt.datetime.combine(calendar.add_workdays(due.date(), -n), due.timetz())


@final
@dataclass(frozen=True, slots=True, eq=False)
class ObligationStatus:
    """An obligation's status at a moment, with how much time is left (or how late it is).

    Attributes:
        tracked: the obligation with its completion and pauses.
        at: the moment.
        status: open, warning, overdue, met or late.
        due: the due instant at that moment (pauses up to then included).
        due_date: the last day of the period.
        warning_from: when the warning window opens.
        working_days_left: working days after the day of `at` through the last day; negative
            when overdue (working days after the last day through the day of `at`). For a
            done obligation the same is measured at its completion: how early, or how late.
        hours_left: clock hours from `at` (or the completion) to the due instant; negative
            when overdue or late.
        escalated: overdue for `escalate_after` working days or more.
        paused: its clock is stopped at that moment.
        completed_at: when it was done, if it was by that moment.
    """

    tracked: Tracked
    at: dt.datetime
    status: Status
    due: dt.datetime
    due_date: dt.date
    warning_from: dt.datetime
    working_days_left: int
    hours_left: float
    escalated: bool = False
    paused: bool = False
    completed_at: dt.datetime | None = None

    @property
    def obligation(self) -> Obligation:
        """The obligation itself."""
        return self.tracked.obligation

    @property
    def id(self) -> str:
        """The obligation's id."""
        return self.tracked.obligation.id

    @property
    def rule_id(self) -> str:
        """The obligation's rule."""
        return self.tracked.obligation.rule_id

    @property
    def unit(self) -> Unit:
        """How its limit counts."""
        return self.tracked.obligation.unit

    @property
    def margin(self) -> Said:
        """How much time is left, or how early or late it was done, not spelled yet."""
        key = "open" if self.status is Status.WARNING else str(self.status)
        left = span(self.working_days_left, self.hours_left)
        since = self.paused_since
        if key == "open" and since is not None:
            return Said("check.left.paused", {"span": left, "since": moment(since)})
        return Said(f"check.left.{key}", {"span": left})

    @property
    def paused_since(self) -> dt.datetime | None:
        """When its clock stopped, while it is stopped at `at`."""
        pauses = self.tracked.pauses
        return pauses[-1].start if self.paused and pauses else None

    def describe_left(self, lang: Lang = "en") -> str:
        """``2 wd / 40.5 h left``, ``3 wd / 70.0 h overdue``, ``0 wd / 2.5 h late`` …; in
        Chinese ``剩余2个工作日（40.5小时）``, ``逾期2.5小时办结`` …

        ``wd`` is working days: see `working_days_left`.
        """
        return self.margin.render(lang)

    def describe_left_zh(self) -> str:
        """`describe_left` in Chinese (the board's templates ask for it by this name)."""
        return self.margin.render("zh")

    @property
    def label(self) -> Said:
        """The status in the glossary's words, escalated as its own (提请督办)."""
        return Said("status.escalated" if self.escalated else f"status.{self.status}")


def span(days: int, hours: float) -> Said:
    """``3 wd / 70.0 h``, in Chinese ``3个工作日``; within the last working day ``0 wd / 5.5 h``,
    ``5.5小时``, and within the last hour ``20分钟`` (the hours say it is under one).

    A clerk counts a margin in working days; hours only mean something within one of them.

    >>> [span(d, h).render("zh") for d, h in ((-178, -6431.5), (0, 6.0), (0, -1 / 3))]
    ['178个工作日', '6小时', '20分钟']
    >>> span(-178, -6431.5).render("en"), span(0, -1 / 3).render("en")
    ('178 wd / 6431.5 h', '0 wd / 0.3 h')
    """
    shown = f"{abs(hours):.1f}"
    if days:
        # English keeps the hours beside the working days; Chinese leaves them out.
        return Said(
            "check.span", {"days": Said("check.days", {"n": abs(days)}), "hours": Names("", shown)}
        )
    minutes = round(abs(hours) * 60)
    if minutes < 60:
        return Said("check.span.minutes", {"hours": Names(str(minutes), shown)})
    whole = f"{abs(hours):.1f}".removesuffix(".0")
    return Said("check.span.hours", {"hours": Names(whole, shown)})


class _Ranks(dict[dt.date, int]):
    """Each day's rank, the working days from the calendar's first day through it, counted
    once per day: the working days in (a, b] are ``ranks[b] - ranks[a]``, and a report's
    million obligations share a few thousand days."""

    def __init__(self, calendar: ChinaCalendar) -> None:
        super().__init__()
        self.calendar = calendar

    def __missing__(self, day: dt.date) -> int:
        # Split at the first day so that a day out of range is refused as `workdays_between`
        # refuses it: an early day as the start of the interval, a late one as its end.
        first = self.calendar.first_date
        if day < first:
            rank = -self.calendar.workdays_between(day, first)
        else:
            rank = self.calendar.workdays_between(first, day)
        self[day] = rank
        return rank


@final
class StatusAt:
    """The status of obligations at one moment, given each one's due instant and warning
    window there (see `__call__`)."""

    __slots__ = ("at", "day", "ranks")

    def __init__(self, calendar: ChinaCalendar, at: dt.datetime) -> None:
        self.at = at
        self.day = at.date()
        self.ranks = _Ranks(calendar)

    def __call__(
        self,
        tracked: Tracked,
        due: dt.datetime,
        due_date: dt.date,
        warn: dt.datetime,
        escalate_after: int,
        *,
        paused: bool = False,
    ) -> ObligationStatus:
        """The status of `tracked` at the moment.

        Instants are compared exactly: done at the due instant is met; not done at the due
        instant is not yet overdue.
        """
        at, done, ranks = self.at, tracked.completed_at, self.ranks
        escalated = False
        if done is not None and done <= at:
            paused = False
            hours = (due - done).total_seconds() / 3600
            days = ranks[due_date] - ranks[done.date()]
            if done <= due:
                # not below 0: done exactly at a 24:00 cutoff is on the day after the last day
                days = days if days > 0 else 0
                state = Status.MET
            else:
                state = Status.LATE
        else:
            done = None
            hours = (due - at).total_seconds() / 3600
            days = ranks[due_date] - ranks[self.day]
            if at > due:
                escalated = -days >= escalate_after
                state = Status.OVERDUE
            else:
                days = days if days > 0 else 0
                state = Status.WARNING if at >= warn else Status.OPEN
        return _new_status(  # type: ignore[no-any-return]
            tracked, at, state, due, due_date, warn, days, hours, escalated, paused, done
        )


# A million statuses per report: each made as a plain object that then takes their class.
_new_status = fast_init(ObligationStatus)
