"""The calendar as numpy arrays: what the vectorised limits index.

Built from the calendar's public questions (`is_workday`, `is_provisional`, the office hours of
each day), never from its files, once per calendar object: about 35,000 days, some 100 ms.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

from deadlines._time import CHINA_TZ

#: Nanoseconds in a day and an hour; instants are kept as China-time nanoseconds since
#: 1970-01-01 00:00 China time (the "local" clock of every array here).
DAY: Final = 86_400 * 10**9
HOUR: Final = 3_600 * 10**9
#: The ordinal of 1970-01-01: epoch days are ordinals less this.
EPOCH_ORDINAL: Final = dt.date(1970, 1, 1).toordinal()

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

EPOCH: Final = dt.datetime(1970, 1, 1, tzinfo=CHINA_TZ)
MICROSECOND: Final = dt.timedelta(microseconds=1)


def nanoseconds(instant: dt.datetime) -> int:
    """An aware instant as China-time nanoseconds (whole microseconds: a datetime's)."""
    return (instant - EPOCH) // MICROSECOND * 1000


def _ns(time: dt.time) -> int:
    return ((time.hour * 60 + time.minute) * 60 + time.second) * 10**9 + time.microsecond * 1000


class Days:
    """One calendar's days as arrays, indexed by the day's offset from the calendar's first day.

    Attributes:
        base: the epoch day of offset 0.
        size: how many days the calendar covers.
        mask: whether each day is worked.
        prefix: working days before each offset (``size + 1`` entries).
        workdays: the offsets of the working days, in order.
        provisional: provisional days before each offset (``size + 1`` entries).
        close: the close of business of each day, in ns after its midnight.
        office: office time of working days before each offset, in ns (``size + 1``).
        schedule: for each day, the index of its sessions in `starts` / `ends`.
        starts, ends: the sessions of each distinct schedule, in ns after midnight, padded
            with empty sessions at the last end.
        lengths: the office time each schedule has before the end of each session.
    """

    __slots__ = (
        "base",
        "close",
        "ends",
        "lengths",
        "mask",
        "morning",
        "office",
        "prefix",
        "provisional",
        "schedule",
        "size",
        "starts",
        "workdays",
    )
    base: int
    size: int
    mask: Bools
    prefix: Ints
    workdays: Ints
    provisional: Ints
    close: Ints
    office: Ints
    schedule: Ints
    starts: Ints
    ends: Ints
    lengths: Ints
    morning: Ints

    def __init__(self, calendar: Any) -> None:  # noqa: ANN401 - a ChinaCalendar
        first: dt.date = calendar.first_date
        self.size = (calendar.last_date - first).days + 1
        self.base = first.toordinal() - EPOCH_ORDINAL
        hours = calendar.office_hours
        mask = np.zeros(self.size, dtype=np.bool_)
        provisional = np.zeros(self.size, dtype=np.int64)
        schedules: dict[tuple[tuple[dt.time, dt.time], ...], int] = {}
        schedule = np.zeros(self.size, dtype=np.int64)
        day = first
        one = dt.timedelta(days=1)
        for offset in range(self.size):
            mask[offset] = calendar.is_workday(day)
            provisional[offset] = calendar.is_provisional(day)
            schedule[offset] = schedules.setdefault(hours.sessions_on(day), len(schedules))
            day += one
        width = max(len(sessions) for sessions in schedules)
        noon = _ns(dt.time(12))
        # The end of the morning: of the first session when a day has several, else noon.
        mornings = np.zeros(len(schedules), dtype=np.int64)
        starts = np.zeros((len(schedules), width), dtype=np.int64)
        ends = np.zeros((len(schedules), width), dtype=np.int64)
        for sessions, index in schedules.items():
            mornings[index] = _ns(sessions[0][1]) if len(sessions) > 1 else noon
            for k in range(width):
                start, end = sessions[min(k, len(sessions) - 1)]
                # Padding repeats the last end as an empty session: it adds no office time.
                starts[index, k] = _ns(start) if k < len(sessions) else _ns(end)
                ends[index, k] = _ns(end)
        self.mask = mask
        self.prefix = np.concatenate(([0], np.cumsum(mask, dtype=np.int64)))
        self.workdays = np.flatnonzero(mask).astype(np.int64)
        self.provisional = np.concatenate(([0], np.cumsum(provisional)))
        self.schedule = schedule
        self.starts, self.ends = starts, ends
        self.lengths = np.cumsum(ends - starts, axis=1)
        self.close = ends[schedule, -1]
        self.morning = mornings[schedule]
        worked = np.where(mask, self.lengths[schedule, -1], 0)
        self.office = np.concatenate(([0], np.cumsum(worked)))

    def inside(self, offsets: Ints) -> Bools:
        """Whether each offset lies in the calendar."""
        return (offsets >= 0) & (offsets < self.size)

    def clip(self, offsets: Ints) -> Ints:
        """Offsets made safe to index with (the rows outside are flagged by `inside`)."""
        return np.clip(offsets, 0, self.size - 1)

    def add_workdays(self, offsets: Ints, n: Ints | int, ok: Bools) -> Ints:
        """`ChinaCalendar.add_workdays` for each offset; `ok` turns False where it would raise."""
        ok &= self.inside(offsets)
        safe = self.clip(offsets)
        index = np.where(np.asarray(n) > 0, self.prefix[safe + 1] + n - 1, self.prefix[safe] + n)
        ok &= (index >= 0) & (index < len(self.workdays))
        found: Ints = self.workdays[np.clip(index, 0, len(self.workdays) - 1)]
        return found

    def is_workday(self, offsets: Ints, ok: Bools) -> Bools:
        """`ChinaCalendar.is_workday` for each offset."""
        ok &= self.inside(offsets)
        return self.mask[self.clip(offsets)]

    def any_provisional(self, first: Ints, last: Ints, ok: Bools) -> Bools:
        """`ChinaCalendar.any_provisional` for each pair of offsets."""
        ok &= self.inside(first) & self.inside(last)
        lo = self.clip(np.minimum(first, last))
        hi = self.clip(np.maximum(first, last))
        changed: Bools = self.provisional[hi + 1] != self.provisional[lo]
        return changed

    def midnight(self, offsets: Ints) -> Ints:
        """The local instant each day starts."""
        return (offsets + self.base) * DAY

    def close_of_business(self, offsets: Ints, ok: Bools) -> Ints:
        """`ChinaCalendar.close_of_business` for each offset."""
        ok &= self.inside(offsets)
        return self.midnight(offsets) + self.close[self.clip(offsets)]

    def opening(self, offsets: Ints) -> Ints:
        """The instant each day's first session opens (no range check, as the engine's)."""
        opens: Ints = self.starts[self.schedule[self.clip(offsets)], 0]
        return self.midnight(offsets) + opens

    def morning_end(self, offsets: Ints) -> Ints:
        """The end of each day's morning session (no range check, as the engine's)."""
        return self.midnight(offsets) + self.morning[self.clip(offsets)]

    def day_of(self, instants: Ints) -> Ints:
        """The offset of the day each local instant falls on."""
        return instants // DAY - self.base

    def add_office_time(self, start: Ints, span: int, ok: Bools) -> Ints:
        """`ChinaCalendar.add_office_time` for each start, by the running total of office time.

        The total reaches its target on the first day whose office time takes it there, and
        inside that day at the first session that does: at a session's end rather than the
        next one's start, as the calendar's loop does. With no time to add (`span` 0) the
        answer is the start itself inside a session, else the next opening: the first instant
        from which the total grows.
        """
        day = self.day_of(start)
        ok &= self.inside(day)
        safe = self.clip(day)
        within = (start - self.midnight(day))[:, None]
        sched = self.schedule[safe]
        used = np.clip(within - self.starts[sched], 0, self.ends[sched] - self.starts[sched])
        before = np.where(self.mask[safe], used.sum(axis=1), 0)
        target = self.office[safe] + before + span
        opening = span == 0
        ok &= (target < self.office[-1]) if opening else (target <= self.office[-1])
        # The day that takes the total to the target: office[i] < target <= office[i + 1]
        # (office[i] <= target < office[i + 1] for an opening).
        side: Literal["left", "right"] = "right" if opening else "left"
        found = np.clip(np.searchsorted(self.office, target, side=side) - 1, 0, self.size - 1)
        left = target - self.office[found]
        sched = self.schedule[found]
        lengths = self.lengths[sched]
        reached = lengths <= left[:, None] if opening else lengths < left[:, None]
        session = np.clip(reached.sum(axis=1), 0, lengths.shape[1] - 1)
        rows = np.arange(len(start))
        done_before = np.where(session > 0, lengths[rows, np.maximum(session - 1, 0)], 0)
        due: Ints = self.midnight(found) + self.starts[sched, session] + (left - done_before)
        return due


_CACHE: dict[int, tuple[object, Days]] = {}


def days_of(calendar: object) -> Days:
    """The arrays of `calendar`, built on first use and kept while the calendar is in use.

    Keyed by the calendar's identity (holding the calendar itself, so the key stays true); a
    handful are kept, the most recent last.
    """
    entry = _CACHE.get(id(calendar))
    if entry is not None and entry[0] is calendar:
        return entry[1]
    days = Days(calendar)
    _CACHE[id(calendar)] = (calendar, days)
    while len(_CACHE) > 4:
        del _CACHE[next(iter(_CACHE))]
    return days
