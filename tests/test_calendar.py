"""`ChinaCalendar`: working days, their arithmetic, provisional years, bad input and the cache."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from deadlines import (
    CalendarOverride,
    ChinaCalendar,
    DayChange,
    DayKind,
    DeadlinesError,
    InvalidArgumentError,
    InvalidValueError,
    OfficeHours,
    OutOfRangeError,
)
from deadlines.calendar import _table
from strategies import (
    ANNOUNCED_LAST,
    announced_dates,
    arithmetic_dates,
    counts,
    date_pairs,
    positive_counts,
    small_counts,
    spans,
)

D = dt.date
ONE_DAY = dt.timedelta(days=1)

# The properties run a few hundred examples each; the whole module stays within a few seconds.
PROPERTY = settings(max_examples=300, deadline=None)


def _walk(calendar: ChinaCalendar, day: dt.date, n: int) -> dt.date:
    """`add_workdays` the slow way, one day at a time, as the contract states it."""
    if n == 0:
        while not calendar.is_workday(day):
            day += ONE_DAY
        return day
    step = ONE_DAY if n > 0 else -ONE_DAY
    left = abs(n)
    while left:
        day += step
        left -= calendar.is_workday(day)
    return day


class TestIsWorkday:
    """Which days offices work."""

    @pytest.mark.parametrize(
        ("day", "workday"),
        [
            (D(2026, 9, 29), True),
            (D(2026, 9, 26), False),
            (D(2026, 10, 1), False),
            (D(2026, 10, 7), False),
            (D(2026, 10, 10), True),
            (D(2026, 9, 20), True),
            (D(2026, 2, 14), True),
            (D(2026, 2, 23), False),
            (D(2005, 12, 31), True),
            (D(2018, 12, 29), True),
            (D(2020, 2, 1), False),
        ],
        ids=[
            "plain-tuesday",
            "plain-saturday",
            "national-day",
            "national-day-substitute-wednesday",
            "make-up-saturday",
            "make-up-sunday",
            "spring-festival-make-up-saturday",
            "spring-festival-substitute-monday",
            "2005-12-31-set-by-2006-notice",
            "2018-12-29-set-by-2019-notice",
            "2020-02-01-make-up-cancelled",
        ],
    )
    def test_known_days(self, calendar: ChinaCalendar, day: dt.date, workday: bool) -> None:
        """Each day is worked or not as its notice says."""
        assert calendar.is_workday(day) is workday

    def test_returns_a_bool(self, calendar: ChinaCalendar) -> None:
        """The answer is a real bool, not a 0/1 byte."""
        assert calendar.is_workday(D(2026, 9, 29)) is True

    def test_bounds(self, calendar: ChinaCalendar) -> None:
        """The first and last days covered answer; the days beside them do not."""
        assert calendar.first_date == D(2004, 1, 1)
        assert calendar.last_date == D(2100, 12, 31)
        assert calendar.is_workday(D(2004, 1, 2)) is True
        assert calendar.is_workday(D(2100, 12, 31)) is True  # a Friday, estimated
        with pytest.raises(OutOfRangeError):
            calendar.is_workday(D(2003, 12, 31))
        with pytest.raises(OutOfRangeError):
            calendar.is_workday(D(2101, 1, 1))

    def test_date_subclass_is_accepted(self, calendar: ChinaCalendar) -> None:
        """A subclass of date (pandas, arrow) is read as the plain date it holds."""

        class MyDate(dt.date):
            pass

        assert calendar.is_workday(MyDate(2026, 10, 10)) is True
        assert calendar.add_workdays(MyDate(2026, 9, 30), 3) == D(2026, 10, 10)


class TestAddWorkdays:
    """The n-th working day after (n > 0) or before (n < 0) a day; n == 0 rolls forward."""

    @pytest.mark.parametrize(
        ("day", "n", "expected"),
        [
            (D(2026, 9, 30), 3, D(2026, 10, 10)),
            (D(2026, 9, 30), 1, D(2026, 10, 8)),
            (D(2026, 9, 30), 5, D(2026, 10, 13)),
            (D(2026, 10, 3), 1, D(2026, 10, 8)),
            (D(2026, 2, 13), 1, D(2026, 2, 14)),
            (D(2026, 10, 12), -2, D(2026, 10, 9)),
            (D(2026, 10, 8), -1, D(2026, 9, 30)),
            (D(2026, 10, 3), -1, D(2026, 9, 30)),
            (D(2026, 9, 29), 0, D(2026, 9, 29)),
            (D(2026, 10, 1), 0, D(2026, 10, 8)),
            (D(2026, 9, 26), 0, D(2026, 9, 28)),
            (D(2026, 1, 5), 250, D(2027, 1, 7)),
        ],
        ids=[
            "minutes-3-across-national-day",
            "1-after-national-day",
            "5-across-national-day",
            "from-a-holiday",
            "friday-to-make-up-saturday",
            "back-over-a-weekend",
            "back-across-national-day",
            "back-from-a-holiday",
            "0-on-a-workday-is-the-day",
            "0-on-a-holiday-is-the-next-workday",
            "0-on-a-weekend-is-monday",
            "250-into-the-provisional-year",
        ],
    )
    def test_known(self, calendar: ChinaCalendar, day: dt.date, n: int, expected: dt.date) -> None:
        """Worked examples across holidays and adjusted days."""
        assert calendar.add_workdays(day, n) == expected

    @PROPERTY
    @given(day=arithmetic_dates, n=positive_counts)
    def test_round_trip(self, calendar: ChinaCalendar, day: dt.date, n: int) -> None:
        """Counting the working days up to the n-th working day after d gives n."""
        assert calendar.workdays_between(day, calendar.add_workdays(day, n)) == n

    @PROPERTY
    @given(day=arithmetic_dates, n=counts)
    def test_never_on_a_rest_day(self, calendar: ChinaCalendar, day: dt.date, n: int) -> None:
        """The result is always a working day."""
        assert calendar.is_workday(calendar.add_workdays(day, n))

    @PROPERTY
    @given(pair=date_pairs(), n=counts)
    def test_monotone_in_the_start(
        self, calendar: ChinaCalendar, pair: tuple[dt.date, dt.date], n: int
    ) -> None:
        """A later start never gives an earlier result, for any n."""
        early, late = pair
        assert calendar.add_workdays(early, n) <= calendar.add_workdays(late, n)

    @PROPERTY
    @given(day=arithmetic_dates, n=positive_counts)
    def test_strictly_after_and_before(self, calendar: ChinaCalendar, day: dt.date, n: int) -> None:
        """The start never counts: the result is strictly after d for n > 0, before for n < 0."""
        assert calendar.add_workdays(day, -n) < day < calendar.add_workdays(day, n)

    @PROPERTY
    @given(day=arithmetic_dates, n=positive_counts)
    def test_negative_mirrors_positive(self, calendar: ChinaCalendar, day: dt.date, n: int) -> None:
        """n working days back and forth from a working day return to it."""
        if not calendar.is_workday(day):
            day = calendar.add_workdays(day, 0)
        assert calendar.add_workdays(calendar.add_workdays(day, n), -n) == day
        assert calendar.add_workdays(calendar.add_workdays(day, -n), n) == day
        assert calendar.workdays_between(day, calendar.add_workdays(day, -n)) == -n

    @PROPERTY
    @given(day=arithmetic_dates, n=positive_counts)
    def test_mirror_from_a_rest_day(self, calendar: ChinaCalendar, day: dt.date, n: int) -> None:
        """Both ways, n - 1 working days lie strictly between d and its n-th working day."""
        after, before = calendar.add_workdays(day, n), calendar.add_workdays(day, -n)
        strictly_after = calendar.workdays_between(day, after) - 1
        strictly_before = calendar.workdays_between(before, day) - calendar.is_workday(day)
        assert strictly_after == strictly_before == n - 1

    @PROPERTY
    @given(day=arithmetic_dates)
    def test_zero(self, calendar: ChinaCalendar, day: dt.date) -> None:
        """n == 0 is d itself on a working day, else the first working day after d."""
        expected = day if calendar.is_workday(day) else calendar.add_workdays(day, 1)
        assert calendar.add_workdays(day, 0) == expected

    @PROPERTY
    @given(day=announced_dates, n=small_counts)
    def test_agrees_with_a_day_by_day_walk(
        self, calendar: ChinaCalendar, day: dt.date, n: int
    ) -> None:
        """The indexed answer is the one a day-by-day walk over is_workday finds."""
        assert calendar.add_workdays(day, n) == _walk(calendar, day, n)

    def test_result_beyond_the_table(self, calendar: ChinaCalendar) -> None:
        """A result past 2100 or before 2004 is refused, naming n."""
        with pytest.raises(OutOfRangeError, match=r"^n "):
            calendar.add_workdays(D(2100, 12, 1), 100)
        with pytest.raises(OutOfRangeError, match=r"^n "):
            calendar.add_workdays(D(2004, 1, 5), -5)

    def test_the_last_working_day_of_the_table(self, calendar: ChinaCalendar) -> None:
        """The very last working day is reachable, and one more is not."""
        last = calendar.add_workdays(D(2100, 12, 31), 0)
        assert last == D(2100, 12, 31)
        assert calendar.add_workdays(D(2100, 12, 30), 1) == last
        with pytest.raises(OutOfRangeError):
            calendar.add_workdays(last, 1)


class TestWorkdaysBetween:
    """The working days in the half-open interval (start, end]."""

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            (D(2026, 9, 30), D(2026, 10, 9), 2),
            (D(2026, 9, 30), D(2026, 10, 7), 0),
            (D(2026, 9, 29), D(2026, 9, 30), 1),
            (D(2026, 9, 30), D(2026, 9, 30), 0),
            (D(2026, 10, 9), D(2026, 9, 30), -2),
            (D(2026, 1, 4), D(2026, 12, 31), 247),
            (D(2025, 12, 31), D(2026, 12, 31), 248),
        ],
        ids=[
            "across-national-day",
            "only-holidays",
            "the-end-counts",
            "empty",
            "reversed-is-negative",
            "start-on-the-make-up-sunday-not-counted",
            "the-whole-of-2026",
        ],
    )
    def test_known(
        self, calendar: ChinaCalendar, start: dt.date, end: dt.date, expected: int
    ) -> None:
        """Worked examples: the start never counts, the end does."""
        assert calendar.workdays_between(start, end) == expected

    @PROPERTY
    @given(start=announced_dates, span=spans)
    def test_agrees_with_counting_days(
        self, calendar: ChinaCalendar, start: dt.date, span: int
    ) -> None:
        """The indexed count is the number of working days in (start, end], negated if reversed."""
        end = start + dt.timedelta(days=span)
        low, high = min(start, end), max(start, end)
        count = sum(
            calendar.is_workday(low + dt.timedelta(days=i)) for i in range(1, (high - low).days + 1)
        )
        assert calendar.workdays_between(start, end) == (count if span >= 0 else -count)

    @PROPERTY
    @given(a=arithmetic_dates, b=spans, c=spans)
    def test_additive(self, calendar: ChinaCalendar, a: dt.date, b: int, c: int) -> None:
        """Counts over adjacent spans add up, in any order of the three days."""
        day_b, day_c = a + dt.timedelta(days=b), a + dt.timedelta(days=b + c)
        assert calendar.workdays_between(a, day_b) + calendar.workdays_between(
            day_b, day_c
        ) == calendar.workdays_between(a, day_c)

    def test_the_whole_of_each_year(self, calendar: ChinaCalendar) -> None:
        """Every announced year has between 240 and 260 working days."""
        for year in range(2004, 2027):
            count = calendar.workdays_between(D(year, 1, 1), D(year, 12, 31))  # 1 Jan is off
            assert 240 <= count <= 260, year


class TestProvisional:
    """Days a notice may still change: later years, and the last announced year's December tail."""

    def test_last_announced_year(self, calendar: ChinaCalendar) -> None:
        """The last announced year is the last one with a notice in holidays (2026 for 0.109)."""
        from holidays.countries.china import ChinaStaticHolidays

        assert calendar.last_announced_year == max(ChinaStaticHolidays.special_public_holidays)
        assert calendar.last_announced_year >= 2026

    @pytest.mark.parametrize(
        ("day", "provisional"),
        [
            (D(2004, 1, 1), False),
            (D(2025, 12, 31), False),
            (D(2026, 12, 24), False),
            (D(2026, 12, 25), True),
            (D(2026, 12, 31), True),
            (D(2027, 1, 1), True),
            (D(2100, 12, 31), True),
        ],
        ids=[
            "first-day",
            "a-december-the-next-notice-settled",
            "before-the-tail",
            "tail-starts",
            "tail-ends",
            "next-year",
            "last-day",
        ],
    )
    def test_is_provisional(self, calendar: ChinaCalendar, day: dt.date, provisional: bool) -> None:
        """The December tail (next_notice_reach = 7 days) and every later year are provisional."""
        if calendar.last_announced_year != ANNOUNCED_LAST.year:
            pytest.skip("holidays carries a later notice than 0.109's 2026")
        assert calendar.is_provisional(day) is provisional
        assert calendar.day(day).provisional is provisional

    def test_provisional_from(self, calendar: ChinaCalendar) -> None:
        """The first provisional day is next_notice_reach days before the year's end."""
        last = calendar.last_announced_year
        assert calendar.next_notice_reach == 7
        assert calendar.provisional_from == D(last, 12, 25)

    @pytest.mark.parametrize(
        ("reach", "first"),
        [(0, D(2027, 1, 1)), (1, D(2026, 12, 31)), (31, D(2026, 12, 1)), (400, D(2026, 1, 1))],
        ids=["none", "one-day", "all-december", "capped-at-the-year"],
    )
    def test_next_notice_reach(self, reach: int, first: dt.date) -> None:
        """next_notice_reach sets how much of the last announced year stays provisional."""
        calendar = ChinaCalendar(next_notice_reach=reach)
        if calendar.last_announced_year != ANNOUNCED_LAST.year:
            pytest.skip("holidays carries a later notice than 0.109's 2026")
        assert calendar.provisional_from == first
        assert calendar.is_provisional(first - ONE_DAY) is False

    @pytest.mark.parametrize(
        ("first", "last", "provisional"),
        [
            (D(2026, 12, 1), D(2026, 12, 24), False),
            (D(2026, 12, 1), D(2026, 12, 25), True),
            (D(2026, 12, 25), D(2026, 12, 1), True),
            (D(2027, 3, 1), D(2027, 3, 1), True),
            (D(2004, 1, 1), D(2026, 12, 24), False),
        ],
        ids=["before-the-tail", "reaching-the-tail", "reversed", "one-provisional-day", "all"],
    )
    def test_any_provisional(
        self, calendar: ChinaCalendar, first: dt.date, last: dt.date, provisional: bool
    ) -> None:
        """Whether a span touches a provisional day, in either order."""
        if calendar.last_announced_year != ANNOUNCED_LAST.year:
            pytest.skip("holidays carries a later notice than 0.109's 2026")
        assert calendar.any_provisional(first, last) is provisional

    def test_estimated_year(self, calendar: ChinaCalendar) -> None:
        """A provisional year has statutory holidays, no make-up days, and says it is estimated."""
        national_day = calendar.day(D(2099, 10, 1))
        assert national_day.kind is DayKind.HOLIDAY
        assert national_day.provisional
        assert "estimated" in national_day.source
        years = range(2030, 2100)
        assert not any(
            calendar.day(day).kind is DayKind.ADJUSTED_WORKDAY
            for year in years[:5]
            for day in (D(year, 1, 1) + dt.timedelta(days=i) for i in range(365))
        )


class TestDayRecords:
    """What the calendar tells about a day: kind, names, source."""

    def test_holiday(self, calendar: ChinaCalendar) -> None:
        """A holiday carries its names in both languages and the notice it comes from."""
        day = calendar.day(D(2026, 10, 1))
        assert (day.kind, day.name_zh, day.name_en) == (DayKind.HOLIDAY, "国庆节", "National Day")
        assert "2026" in day.source
        assert day.origin == "built-in"
        assert day.source.startswith("国办发明电〔2025〕7号")
        assert day.describe() == "holiday (National Day)"
        assert day.describe("zh") == "国庆节"

    def test_adjusted_workday(self, calendar: ChinaCalendar) -> None:
        """An adjusted working Saturday is a working day of its own kind."""
        day = calendar.day(D(2026, 10, 10))
        assert day.kind is DayKind.ADJUSTED_WORKDAY
        assert day.is_workday

    def test_rest_days(self, calendar: ChinaCalendar) -> None:
        """rest_days lists what a count over (after, through] skips."""
        skipped = calendar.rest_days(D(2026, 9, 30), D(2026, 10, 9))
        assert [day.date for day in skipped] == [D(2026, 10, i) for i in range(1, 8)]

    def test_days(self, calendar: ChinaCalendar) -> None:
        """days yields every day of an inclusive range."""
        assert [day.date for day in calendar.days(D(2026, 1, 1), D(2026, 1, 4))] == [
            D(2026, 1, i) for i in range(1, 5)
        ]

    def test_repr(self, calendar: ChinaCalendar) -> None:
        """The repr names the last announced year."""
        assert (
            repr(calendar) == f"ChinaCalendar(last_announced_year={calendar.last_announced_year})"
        )


_BAD_INPUT = [
    ("is_workday", ("2026-09-30",), InvalidArgumentError, TypeError, "day"),
    ("is_workday", (dt.datetime(2026, 9, 30, 17),), InvalidArgumentError, TypeError, "day"),
    ("is_workday", (D(2003, 12, 31),), OutOfRangeError, ValueError, "day"),
    ("is_workday", (None,), InvalidArgumentError, TypeError, "day"),
    ("add_workdays", ("2026-09-30", 3), InvalidArgumentError, TypeError, "day"),
    ("add_workdays", (D(2026, 9, 30), True), InvalidArgumentError, TypeError, "n"),
    ("add_workdays", (D(2026, 9, 30), 3.0), InvalidArgumentError, TypeError, "n"),
    ("add_workdays", (D(2026, 9, 30), "3"), InvalidArgumentError, TypeError, "n"),
    ("add_workdays", (D(2003, 12, 31), 3), OutOfRangeError, ValueError, "day"),
    ("add_workdays", (dt.datetime(2026, 9, 30, 17), 3), InvalidArgumentError, TypeError, "day"),
    ("workdays_between", ("2026-09-30", D(2026, 10, 9)), InvalidArgumentError, TypeError, "start"),
    ("workdays_between", (D(2026, 9, 30), "2026-10-09"), InvalidArgumentError, TypeError, "end"),
    ("workdays_between", (D(2003, 1, 1), D(2026, 10, 9)), OutOfRangeError, ValueError, "start"),
    (
        "workdays_between",
        (D(2026, 9, 30), dt.datetime(2026, 10, 9)),
        InvalidArgumentError,
        TypeError,
        "end",
    ),
    ("is_provisional", ("2027-01-01",), InvalidArgumentError, TypeError, "day"),
    ("any_provisional", (D(2026, 1, 1), 2027), InvalidArgumentError, TypeError, "last"),
    ("close_of_business", (dt.datetime(2026, 9, 30),), InvalidArgumentError, TypeError, "day"),
]


class TestBadInput:
    """Wrong input is refused with a specific error that names the argument."""

    @pytest.mark.parametrize(
        ("method", "args", "error", "builtin", "argument"),
        _BAD_INPUT,
        ids=[
            "is_workday-string",
            "is_workday-datetime",
            "is_workday-before-2004",
            "is_workday-none",
            "add_workdays-string",
            "add_workdays-bool-n",
            "add_workdays-float-n",
            "add_workdays-string-n",
            "add_workdays-before-2004",
            "add_workdays-datetime",
            "workdays_between-string-start",
            "workdays_between-string-end",
            "workdays_between-before-2004",
            "workdays_between-datetime-end",
            "is_provisional-string",
            "any_provisional-int",
            "close_of_business-datetime",
        ],
    )
    def test_refused(
        self,
        calendar: ChinaCalendar,
        method: str,
        args: tuple[object, ...],
        error: type[DeadlinesError],
        builtin: type[Exception],
        argument: str,
    ) -> None:
        """The error is ours, the matching builtin, and its message starts with the argument."""
        with pytest.raises(error) as caught:
            getattr(calendar, method)(*args)
        assert isinstance(caught.value, DeadlinesError)
        assert isinstance(caught.value, builtin)
        assert caught.value.argument == argument  # type: ignore[attr-defined]
        assert str(caught.value).startswith(f"{argument} must be ")

    def test_datetime_says_how_to_fix_it(self, calendar: ChinaCalendar) -> None:
        """A datetime is refused, not truncated, and the message says to pass value.date()."""
        with pytest.raises(InvalidArgumentError, match=r"pass value\.date\(\)"):
            calendar.add_workdays(dt.datetime(2026, 9, 30, 23, 30), 3)

    def test_before_2004_says_the_range(self, calendar: ChinaCalendar) -> None:
        """A date before 2004 is refused with the range the calendar covers."""
        with pytest.raises(OutOfRangeError, match="from 2004-01-01 through 2100-12-31") as caught:
            calendar.is_workday(D(2003, 12, 31))
        assert caught.value.value == D(2003, 12, 31)

    @pytest.mark.parametrize(
        ("kwargs", "error", "argument"),
        [
            ({"overrides": "notice.toml"}, InvalidArgumentError, "overrides"),
            ({"next_notice_reach": 7.0}, InvalidArgumentError, "next_notice_reach"),
            ({"next_notice_reach": -1}, InvalidValueError, "next_notice_reach"),
            ({"office_hours": "09:00-17:30"}, InvalidArgumentError, "office_hours"),
            ({"cache_dir": 42}, InvalidArgumentError, "cache_dir"),
        ],
        ids=["single-path", "float-reach", "negative-reach", "hours-string", "cache-dir-int"],
    )
    def test_constructor(
        self, kwargs: dict[str, object], error: type[DeadlinesError], argument: str
    ) -> None:
        """Bad constructor arguments are refused before any work, naming the argument."""
        with pytest.raises(error, match=f"^{argument} must be "):
            ChinaCalendar(**kwargs)  # type: ignore[arg-type]


def _cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("china-*.cache"))


def _read_cache_file(path: Path) -> tuple[str, dict[str, Any]]:
    """The seal line and the parsed payload of a cache file."""
    seal, _, text = path.read_text("utf-8").partition("\n")
    return seal, json.loads(text)


def _write_cache_file(path: Path, payload: dict[str, Any], *, reseal: bool) -> None:
    """Write `payload`, with a seal that matches it or the one the file had."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    seal = _table._seal(text) if reseal else path.read_text("utf-8").partition("\n")[0]
    path.write_text(f"{seal}\n{text}", "utf-8")


def _refuse_to_build(last_announced: int) -> object:
    raise AssertionError("the estimates were rebuilt from holidays")


class TestCache:
    """The estimates of later years are cached, checked, and rebuilt when in doubt."""

    def test_written_then_used(self, tmp_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A second calendar reads the cache and does not build the table again."""
        first = ChinaCalendar(cache_dir=tmp_cache)
        (path,) = _cache_files(tmp_cache)
        assert _table.holidays_version() in path.name
        monkeypatch.setattr(_table, "build_estimates", _refuse_to_build)
        second = ChinaCalendar(cache_dir=tmp_cache)
        assert second._kinds == first._kinds

    def test_warm_start_does_not_import_holidays(self, tmp_cache: Path) -> None:
        """With a warm cache, a process answers without importing holidays at all."""
        ChinaCalendar(cache_dir=tmp_cache)
        code = (
            "import sys, datetime\n"
            "from deadlines import ChinaCalendar\n"
            f"cal = ChinaCalendar(cache_dir={str(tmp_cache)!r})\n"
            "print(cal.add_workdays(datetime.date(2026, 9, 30), 3), 'holidays' in sys.modules)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
        )
        assert result.stdout.split() == ["2026-10-10", "False"]

    @pytest.mark.parametrize(
        "damage",
        [
            "garbage",
            "truncated",
            "empty",
            "tampered-kinds",
            "out-of-range",
            "bad-kind",
            "other-key",
            "not-a-dict",
        ],
        ids=str,
    )
    def test_damaged_cache_is_rebuilt(
        self, tmp_cache: Path, calendar: ChinaCalendar, damage: str
    ) -> None:
        """A cache that fails any check is ignored, rebuilt and rewritten, never trusted."""
        ChinaCalendar(cache_dir=tmp_cache)
        (path,) = _cache_files(tmp_cache)
        text = path.read_text("utf-8")
        _, payload = _read_cache_file(path)
        if damage == "garbage":
            path.write_bytes(b"\x00\xff not json")
        elif damage == "truncated":
            path.write_text(text[: len(text) // 2], "utf-8")
        elif damage == "empty":
            path.write_text("", "utf-8")
        elif damage == "tampered-kinds":
            # Drop National Day 2027 without fixing the checksum.
            offset = (D(2027, 10, 1) - D(2004, 1, 1)).days
            payload["days"] = [row for row in payload["days"] if row[0] != offset]
            _write_cache_file(path, payload, reseal=False)
        elif damage == "out-of-range":
            # A consistent checksum does not let the cache reach an announced year.
            offset = (D(2026, 10, 1) - D(2004, 1, 1)).days
            payload["days"].append([offset, 1, "x", "x"])
            _write_cache_file(path, payload, reseal=True)
        elif damage == "bad-kind":
            # Nor a day of a kind that does not exist.
            payload["days"][0][1] = 7
            _write_cache_file(path, payload, reseal=True)
        elif damage == "other-key":
            # A file copied from another holidays version under this name.
            payload["key"] = "holidays-0.1-format-1"
            _write_cache_file(path, payload, reseal=True)
        else:
            path.write_text(f"{_table._seal('[1, 2, 3]')}\n[1, 2, 3]", "utf-8")

        rebuilt = ChinaCalendar(cache_dir=tmp_cache)
        assert rebuilt.is_workday(D(2027, 10, 1)) is False
        assert rebuilt._kinds == calendar._kinds
        assert path.read_text("utf-8") == text  # rewritten, valid

    def test_unwritable_cache_dir(self, tmp_path: Path) -> None:
        """A cache directory that cannot be created only costs speed."""
        blocker = tmp_path / "a-file"
        blocker.write_text("not a directory", "utf-8")
        calendar = ChinaCalendar(cache_dir=blocker / "cache")
        assert calendar.add_workdays(D(2026, 9, 30), 3) == D(2026, 10, 10)
        assert not list(tmp_path.glob("**/*.tmp"))

    def test_failed_write_leaves_nothing(
        self, tmp_cache: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A write that fails half-way (a full disk) leaves no temporary file behind."""

        def disk_full(*args: object, **kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(_table.os, "fdopen", disk_full)
        assert ChinaCalendar(cache_dir=tmp_cache).is_workday(D(2026, 10, 10)) is True
        assert list(tmp_cache.iterdir()) == []

    def test_holidays_version(self) -> None:
        """The cache key's version, read without importing holidays, is its metadata's."""
        assert _table.holidays_version() == importlib.metadata.version("holidays")

    def test_cache_dir_is_a_file(self, tmp_path: Path) -> None:
        """A cache_dir that is a file is neither read nor harmed."""
        blocker = tmp_path / "a-file"
        blocker.write_text("keep me", "utf-8")
        assert ChinaCalendar(cache_dir=blocker).is_workday(D(2026, 10, 10)) is True
        assert blocker.read_text("utf-8") == "keep me"

    def test_no_cache(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """cache_dir=None builds the table in memory and neither reads nor writes a file."""

        def no_io(*args: object) -> None:
            raise AssertionError("the cache was touched")

        monkeypatch.setattr(_table, "_read_cache", no_io)
        monkeypatch.setattr(_table, "_write_cache", no_io)
        calendar = ChinaCalendar(cache_dir=None)
        assert calendar.add_workdays(D(2026, 9, 30), 3) == D(2026, 10, 10)

    def test_default_cache_dir(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """$DEADLINES_CACHE_DIR wins; else $XDG_CACHE_HOME/deadlines."""
        monkeypatch.setenv("DEADLINES_CACHE_DIR", str(tmp_path / "here"))
        assert _table.default_cache_dir() == tmp_path / "here"
        monkeypatch.delenv("DEADLINES_CACHE_DIR")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        if sys.platform != "win32":
            assert _table.default_cache_dir() == tmp_path / "xdg" / "deadlines"

    def test_tests_use_a_private_cache(self) -> None:
        """The test run never touches the user's cache (conftest points it at a temp dir)."""
        assert "deadlines-test-cache-" in str(_table.default_cache_dir())


class TestEvolve:
    def test_adds_a_local_day_without_reloading(self, calendar: ChinaCalendar) -> None:
        """evolve() applies new overrides over the same day table; the original is unchanged."""
        local = CalendarOverride(
            origin="test", local=(DayChange(dt.date(2026, 7, 6), True, "镇庆", "镇政府通知"),)
        )
        changed = calendar.evolve(overrides=(*calendar.overrides, local))
        assert not changed.is_workday(dt.date(2026, 7, 6))
        assert calendar.is_workday(dt.date(2026, 7, 6))
        assert changed.day(dt.date(2026, 7, 6)).origin == "test"
        assert changed._table is calendar._table  # the point of evolve: no second load

    def test_office_hours(self, calendar: ChinaCalendar) -> None:
        """evolve() can replace the office hours alone."""
        hours = OfficeHours(sessions=((dt.time(8), dt.time(12)), (dt.time(14), dt.time(18))))
        changed = calendar.evolve(office_hours=hours)
        assert changed.close_of_business(dt.date(2026, 7, 6)).time() == dt.time(18)
        assert changed.overrides == calendar.overrides
