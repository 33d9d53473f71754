"""The paused clock (rules/_clock.py): hour limits and supervision's pauses add on one clock."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deadlines import ChinaCalendar, Engine
from deadlines._time import CHINA_TZ
from deadlines.rules import Conventions, HourClock, Hours, Rule, RuleSet
from deadlines.rules._clock import add_working_clock, working_clock_between
from deadlines.rules._values import Citation

CAL = ChinaCalendar()

#: Instants over the announced years, to the minute (the holidays are where the clock stops).
instants = st.datetimes(min_value=dt.datetime(2019, 1, 1), max_value=dt.datetime(2026, 11, 30)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=CHINA_TZ)
)
spans = st.integers(min_value=0, max_value=30 * 24 * 60).map(lambda m: dt.timedelta(minutes=m))


def _working(at: dt.datetime) -> dt.datetime:
    """`at`, or 00:00 of the next working day when `at` falls on a rest day."""
    if CAL.is_workday(at.date()):
        return at
    return dt.datetime.combine(CAL.add_workdays(at.date(), 0), dt.time(), CHINA_TZ)


class TestWorkingClockAddition:
    """Adding on the paused clock is addition: it measures back, splits, and skips rest days."""

    @settings(max_examples=200, deadline=None)
    @given(start=instants, span=spans)
    def test_measures_back(self, start: dt.datetime, span: dt.timedelta) -> None:
        """The time between a start and the instant a span after it is that span."""
        end = add_working_clock(CAL, start, span)
        assert working_clock_between(CAL, _working(start), end) == span

    @settings(max_examples=200, deadline=None)
    @given(start=instants, first=spans, second=spans)
    def test_adds_in_parts(
        self, start: dt.datetime, first: dt.timedelta, second: dt.timedelta
    ) -> None:
        """Adding two spans one after the other lands where adding their sum does."""
        in_parts = add_working_clock(CAL, add_working_clock(CAL, start, first), second)
        assert in_parts == add_working_clock(CAL, start, first + second)

    @settings(max_examples=200, deadline=None)
    @given(start=instants, span=spans.filter(bool))
    def test_never_ends_inside_a_rest_day(self, start: dt.datetime, span: dt.timedelta) -> None:
        """An end is inside a working day, or 24:00 of one (00:00 after it)."""
        end = add_working_clock(CAL, start, span)
        day = end.date() - dt.timedelta(days=1) if end.time() == dt.time() else end.date()
        assert CAL.is_workday(day)

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            (
                dt.datetime(2026, 6, 5, 16, tzinfo=CHINA_TZ),
                dt.datetime(2026, 6, 9, 16, tzinfo=CHINA_TZ),
            ),
            (
                dt.datetime(2026, 6, 6, 10, tzinfo=CHINA_TZ),
                dt.datetime(2026, 6, 10, tzinfo=CHINA_TZ),
            ),
        ],
        ids=["friday", "saturday"],
    )
    def test_over_a_weekend(self, start: dt.datetime, end: dt.datetime) -> None:
        """48 hours from a Friday skip the weekend; from the Saturday they start on Monday
        00:00 and end at 24:00 of Tuesday."""
        assert add_working_clock(CAL, start, dt.timedelta(hours=48)) == end

    def test_between_a_friday_and_a_tuesday(self) -> None:
        """From Friday 16:00 to Tuesday 16:00 is two days of working-day time."""
        friday = dt.datetime(2026, 6, 5, 16, tzinfo=CHINA_TZ)
        tuesday = dt.datetime(2026, 6, 9, 16, tzinfo=CHINA_TZ)
        assert working_clock_between(CAL, friday, tuesday) == dt.timedelta(days=2)

    def test_over_the_national_day(self) -> None:
        """48 hours from the eve of the 2026 National Day holiday resume after it."""
        start = dt.datetime(2026, 9, 30, 10, tzinfo=CHINA_TZ)
        end = add_working_clock(CAL, start, dt.timedelta(hours=48))
        assert end == dt.datetime(2026, 10, 9, 10, tzinfo=CHINA_TZ)


def _engine(clock: HourClock, hours: int) -> Engine:
    rule = Rule(
        id="test.hours",
        title_zh="测试",
        title_en="test",
        citation=Citation(article=11, text="…"),
        limit=Hours(hours),
        effective_from=dt.date(2019, 1, 1),
    )
    return Engine(
        CAL,
        RuleSet(rules=(rule,)),
        conventions=Conventions(hour_clock=clock),
        discover_plugins=False,
    )


_PAUSED_CLOCKS = [HourClock.PAUSED_ON_REST_DAYS, HourClock.WORKDAYS_FROM_OPENING]


class TestHoursOnThePausedClock:
    """An hour limit on a clock that stops on rest days is working-clock addition, no more."""

    @pytest.mark.parametrize("clock", _PAUSED_CLOCKS, ids=[c.value for c in _PAUSED_CLOCKS])
    @settings(max_examples=100, deadline=None)
    @given(start=instants.filter(lambda at: at.year < 2026), hours=st.integers(1, 240))
    def test_due_is_the_clock_sum(self, clock: HourClock, start: dt.datetime, hours: int) -> None:
        """Hours(n) is due n hours of working-day time after its start (the next opening, for
        the default clock)."""
        begin = start
        if clock is HourClock.WORKDAYS_FROM_OPENING:
            begin = CAL.add_office_time(start, dt.timedelta())
        due = _engine(clock, hours).due("test.hours", start, explain=False).due
        assert due == add_working_clock(CAL, begin, dt.timedelta(hours=hours))
