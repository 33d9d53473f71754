"""`ChinaCalendar`: the official working-day calendar with constant-time arithmetic."""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable, Iterator
from itertools import accumulate, compress, count
from pathlib import Path
from typing import Final, final

from deadlines._errors import InvalidArgumentError, InvalidValueError, OutOfRangeError
from deadlines._time import CHINA_TZ, check_date, check_int, to_china
from deadlines.calendar._days import BUILT_IN, WORKDAY_MASK, Day, DayKind
from deadlines.calendar._layers import apply, load
from deadlines.calendar._office_hours import OfficeHours
from deadlines.calendar._overrides import CalendarOverride
from deadlines.calendar._store import stored_notices
from deadlines.calendar._table import (
    FIRST_DATE,
    FIRST_ORDINAL,
    LAST_DATE,
    SIZE,
    Table,
    default_cache_dir,
    load_table,
)

# Bound once: the hot methods below check and convert with these instead of dotted lookups.
_date: Final = dt.date
_fromordinal: Final = dt.date.fromordinal
_USE_DEFAULT_CACHE: Final = object()


@final
class ChinaCalendar:
    """The official Chinese working-day calendar, 2004 through 2100.

    Working days are Monday to Friday, less the holidays of each year's State Council notice,
    plus the weekend days the notice makes working days (调休). Years after the last announced
    notice are estimated by the statutory rules, without adjusted working days, and flagged
    provisional. So are the last `next_notice_reach` days of the last announced year, since the
    next notice may still change them (the 2019 notice made 2018-12-29 a working day).

    Every query costs the same whatever the span: the calendar keeps, for every day, the number
    of working days before it, and the list of working days.

    The announced years are the package's own data (every notice from 2004 through 2026), then
    the notices stored with ``deadlines notice add`` or deployed system-wide (see
    `deadlines.calendar._store`), then `overrides`: each replaces the one before it for its
    year. Two override files that give one year differently raise `OverrideConflictError`.

    Args:
        overrides: override files (paths) or `CalendarOverride` values, applied in order.
        office_hours: the office hours; the Jiangxi provincial schedule by default.
        cache_dir: where the estimates of later years (from `holidays`) are cached; ``None``
            disables the cache.
        next_notice_reach: how many days at the end of the last announced year stay provisional.
        stored: whether to load the stored notices (the user's and the system's folders).

    >>> from datetime import date
    >>> cal = ChinaCalendar()
    >>> cal.is_workday(date(2026, 2, 14))  # a Saturday made a working day before Spring Festival
    True
    >>> cal.add_workdays(date(2026, 9, 30), 3)  # National Day week, then a working Saturday
    datetime.date(2026, 10, 10)
    """

    __slots__ = (
        "_kinds",
        "_mask",
        "_names",
        "_origins",
        "_prefix",
        "_provisional_from",
        "_provisional_prefix",
        "_table",
        "_workday_count",
        "_workdays",
        "announced_years",
        "last_announced_year",
        "next_notice_reach",
        "office_hours",
        "overrides",
        "stored",
    )

    def __init__(
        self,
        overrides: Iterable[str | Path | CalendarOverride] = (),
        *,
        office_hours: OfficeHours | None = None,
        cache_dir: Path | str | object | None = _USE_DEFAULT_CACHE,
        next_notice_reach: int = 7,
        stored: bool = True,
    ) -> None:
        if cache_dir is _USE_DEFAULT_CACHE:
            cache_dir = default_cache_dir()
        elif not isinstance(cache_dir, str | Path | None):
            raise InvalidArgumentError("cache_dir", cache_dir, "a path, or None for no cache")
        self.stored = stored_notices() if stored else ()
        cache = None if cache_dir is None else Path(cache_dir)
        self._build(load_table(cache), overrides, office_hours, next_notice_reach)

    def evolve(
        self,
        *,
        overrides: Iterable[str | Path | CalendarOverride] | None = None,
        office_hours: OfficeHours | None = None,
        next_notice_reach: int | None = None,
    ) -> ChinaCalendar:
        """A copy with other overrides (``(*cal.overrides, more)`` adds to them), office hours
        or reach; the day table is not reloaded."""
        copy = object.__new__(ChinaCalendar)
        copy.stored = self.stored
        copy._build(
            self._table,
            self.overrides if overrides is None else overrides,
            office_hours or self.office_hours,
            self.next_notice_reach if next_notice_reach is None else next_notice_reach,
        )
        return copy

    def _build(
        self,
        table: Table,
        overrides: Iterable[str | Path | CalendarOverride],
        office_hours: OfficeHours | None,
        next_notice_reach: int,
    ) -> None:
        if isinstance(overrides, (str, Path, CalendarOverride)):
            raise InvalidArgumentError(
                "overrides", overrides, "an iterable of paths or CalendarOverride, e.g. [path]"
            )
        loaded = tuple(dict.fromkeys(load(item) for item in overrides))  # the same file once
        check_int("next_notice_reach", next_notice_reach)
        if next_notice_reach < 0:
            raise InvalidValueError(
                "next_notice_reach", next_notice_reach, "a number of days >= 0, such as 7"
            )
        if office_hours is not None and not isinstance(office_hours, OfficeHours):
            raise InvalidArgumentError("office_hours", office_hours, "an OfficeHours value")
        self._table = table
        kinds = bytearray(table.kinds)
        names = dict(table.names)
        origins: dict[int, tuple[str, str]] = {}  # offset → (source, origin) where overridden
        announced = set(range(FIRST_DATE.year, table.last_announced_year + 1))
        system = tuple(n.override for n in self.stored if n.scope == "system")
        user = tuple(n.override for n in self.stored if n.scope == "user")
        apply((system, user, loaded), kinds, names, origins, announced)

        self._kinds = bytes(kinds)
        self._names = names
        self._origins = origins
        self.overrides = loaded
        self.office_hours = office_hours or OfficeHours()
        self.next_notice_reach = next_notice_reach
        self.announced_years = frozenset(announced)
        self.last_announced_year = next(y for y in count(FIRST_DATE.year) if y not in announced) - 1
        self._mask = self._kinds.translate(WORKDAY_MASK)
        self._prefix = array("l", accumulate(self._mask, initial=0))
        # The ordinals of the working days, in order: add_workdays indexes it directly.
        self._workdays = array(
            "l", compress(range(FIRST_ORDINAL, FIRST_ORDINAL + SIZE), self._mask)
        )
        self._workday_count = len(self._workdays)
        self._provisional_prefix = array("l", accumulate(self._provisional_mask(), initial=0))
        first = self._provisional_prefix.index(1) - 1 if self._provisional_prefix[-1] else SIZE
        self._provisional_from = dt.date.fromordinal(FIRST_ORDINAL + first)

    def _provisional_mask(self) -> bytes:
        mask = bytearray(SIZE)
        for year in range(FIRST_DATE.year, LAST_DATE.year + 1):
            first = dt.date(year, 1, 1).toordinal() - FIRST_ORDINAL
            last = dt.date(year, 12, 31).toordinal() - FIRST_ORDINAL
            if year not in self.announced_years:
                mask[first : last + 1] = b"\x01" * (last - first + 1)
            elif year + 1 not in self.announced_years and year < LAST_DATE.year:
                start = max(first, last + 1 - self.next_notice_reach)
                mask[start : last + 1] = b"\x01" * (last + 1 - start)
        return bytes(mask)

    # --- facts -----------------------------------------------------------------------------

    @property
    def first_date(self) -> dt.date:
        """The first day the calendar covers."""
        return FIRST_DATE

    @property
    def last_date(self) -> dt.date:
        """The last day the calendar covers (provisional long before then)."""
        return LAST_DATE

    @property
    def data_origin(self) -> str:
        """Where the built-in data comes from: the package's notices and the estimates' source.

        >>> ChinaCalendar().data_origin  # doctest: +ELLIPSIS
        'deadlines data 2004-2026, later years estimated by holidays 0...'
        """
        return self._table.origin

    @property
    def provisional_from(self) -> dt.date:
        """The first day a notice may still change."""
        return self._provisional_from

    def _offset(self, argument: str, day: object) -> int:
        if type(day) is not dt.date:
            day = check_date(argument, day)
        offset = day.toordinal() - FIRST_ORDINAL
        if not 0 <= offset < SIZE:
            raise OutOfRangeError(argument, day, FIRST_DATE, LAST_DATE)
        return offset

    def is_workday(self, day: dt.date) -> bool:
        """Whether offices work on `day`.

        >>> from datetime import date
        >>> cal = ChinaCalendar()
        >>> cal.is_workday(date(2020, 2, 1))  # its make-up working day was cancelled
        False
        """
        if type(day) is not _date:
            day = check_date("day", day)
        offset = day.toordinal() - FIRST_ORDINAL
        if not 0 <= offset < SIZE:
            raise OutOfRangeError("day", day, FIRST_DATE, LAST_DATE)
        return self._mask[offset] == 1

    def is_provisional(self, day: dt.date) -> bool:
        """Whether `day` lies beyond what the announced notices settle."""
        offset = self._offset("day", day)
        return self._provisional_prefix[offset + 1] != self._provisional_prefix[offset]

    def any_provisional(self, first: dt.date, last: dt.date) -> bool:
        """Whether any day from `first` through `last` (in either order) is provisional."""
        a, b = self._offset("first", first), self._offset("last", last)
        if a > b:
            a, b = b, a
        return self._provisional_prefix[b + 1] != self._provisional_prefix[a]

    def day(self, day: dt.date) -> Day:
        """Everything the calendar knows of `day`: kind, name, source, origin, provisional."""
        offset = self._offset("day", day)
        date = dt.date.fromordinal(FIRST_ORDINAL + offset)
        zh, en = self._names.get(offset, ("", ""))
        source, origin = self._origins.get(offset, ("", ""))
        if not origin:
            # December's changes are the next year's New Year arrangements (2018-12-29 was
            # set by the 2019 notice), so they cite that notice.
            special = self._kinds[offset] in (DayKind.HOLIDAY, DayKind.ADJUSTED_WORKDAY)
            year = date.year + 1 if special and date.month == 12 else date.year
            sources = self._table.sources
            source = self._table.day_sources.get(offset) or sources.get(year, sources[date.year])
            origin = BUILT_IN
        return Day(
            date=date,
            kind=DayKind(self._kinds[offset]),
            name_zh=zh,
            name_en=en,
            source=source,
            origin=origin,
            provisional=self.is_provisional(date),
        )

    def days(self, first: dt.date, last: dt.date) -> Iterator[Day]:
        """Each day from `first` through `last` inclusive."""
        a, b = self._offset("first", first), self._offset("last", last)
        for offset in range(a, b + 1):
            yield self.day(dt.date.fromordinal(FIRST_ORDINAL + offset))

    def rest_days(self, after: dt.date, through: dt.date) -> list[Day]:
        """The non-working days in (after, through]: what a count over that span skips."""
        a, b = self._offset("after", after), self._offset("through", through)
        return [
            self.day(dt.date.fromordinal(FIRST_ORDINAL + offset))
            for offset in range(a + 1, b + 1)
            if not self._mask[offset]
        ]

    # --- arithmetic ---------------------------------------------------------------------------

    def add_workdays(self, day: dt.date, n: int) -> dt.date:
        """The `n`-th working day after `day` (before it when `n` < 0).

        `day` itself never counts. ``n == 0`` returns `day` when it is a working day, else the
        next working day.

        Raises:
            InvalidArgumentError: `day` is not a date, or `n` is not an int (a bool is refused).
            OutOfRangeError: `day` or the result lies outside 2004–2100.

        >>> from datetime import date
        >>> cal = ChinaCalendar()
        >>> cal.add_workdays(date(2026, 2, 13), 1)  # Friday → the adjusted working Saturday
        datetime.date(2026, 2, 14)
        >>> cal.add_workdays(date(2026, 2, 16), 0)  # Spring Festival → the next working day
        datetime.date(2026, 2, 24)
        """
        # The hot path of every deadline: _offset() is inlined, which saves a third.
        if type(day) is not _date:
            day = check_date("day", day)
        offset = day.toordinal() - FIRST_ORDINAL
        if not 0 <= offset < SIZE:
            raise OutOfRangeError("day", day, FIRST_DATE, LAST_DATE)
        if type(n) is not int:
            n = check_int("n", n)
        index = self._prefix[offset + 1] + n - 1 if n > 0 else self._prefix[offset] + n
        if not 0 <= index < self._workday_count:
            raise OutOfRangeError(
                "n",
                n,
                FIRST_DATE,
                LAST_DATE,
                f"a count whose result stays from {FIRST_DATE} through {LAST_DATE}",
            )
        return _fromordinal(self._workdays[index])

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """The number of working days in (start, end]; negative when `end` is before `start`.

        So ``workdays_between(d, add_workdays(d, n)) == n`` for every n > 0.

        >>> from datetime import date
        >>> ChinaCalendar().workdays_between(date(2026, 9, 30), date(2026, 10, 9))  # 8th, 9th
        2
        """
        a, b = self._offset("start", start), self._offset("end", end)
        return self._prefix[b + 1] - self._prefix[a + 1]

    # --- office hours --------------------------------------------------------------------------

    def close_of_business(self, day: dt.date) -> dt.datetime:
        """The close of business on `day`, an aware datetime (whether or not `day` is worked)."""
        self._offset("day", day)
        return dt.datetime.combine(day, self.office_hours.close(day), CHINA_TZ)

    def office_time_between(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        """Time inside office hours of working days between two instants (negative if reversed)."""
        a, b = to_china("start", start), to_china("end", end)
        if b < a:
            return -self.office_time_between(b, a)
        total = dt.timedelta()
        day = a.date()
        while day <= b.date():
            if self.is_workday(day):
                for open_, close in self.office_hours.sessions_on(day):
                    lo = max(a, dt.datetime.combine(day, open_, CHINA_TZ))
                    hi = min(b, dt.datetime.combine(day, close, CHINA_TZ))
                    if hi > lo:
                        total += hi - lo
                day += dt.timedelta(days=1)
            else:
                day = self.add_workdays(day, 1)
        return total

    def add_office_time(self, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
        """The instant when `duration` of office time has passed since `start`.

        Time outside the sessions of working days does not run. The loop visits only working
        days that the duration reaches (48 office hours ≈ 7 working days).
        """
        at = to_china("start", start)
        if not isinstance(duration, dt.timedelta):
            raise InvalidArgumentError(
                "duration", duration, "a datetime.timedelta such as timedelta(hours=48)"
            )
        if duration < dt.timedelta():
            raise InvalidValueError(
                "duration", duration, "a non-negative timedelta such as timedelta(hours=48)"
            )
        left = duration
        day = at.date() if self.is_workday(at.date()) else self.add_workdays(at.date(), 1)
        while True:
            for open_, close in self.office_hours.sessions_on(day):
                lo = max(at, dt.datetime.combine(day, open_, CHINA_TZ))
                hi = dt.datetime.combine(day, close, CHINA_TZ)
                if hi <= lo:
                    continue
                if lo + left <= hi:
                    return lo + left
                left -= hi - lo
            day = self.add_workdays(day, 1)

    def __repr__(self) -> str:
        extra = f", overrides={[o.origin for o in self.overrides]!r}" if self.overrides else ""
        return f"ChinaCalendar(last_announced_year={self.last_announced_year}{extra})"
