"""Shared Hypothesis strategies: the calendar's algebra, and the counting options of the rules."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from deadlines.rules import (
    ArrivalGrace,
    Conventions,
    Cutoff,
    HourClock,
    LastDayRoll,
    RestDayTrigger,
    SameDayReading,
    StartDay,
)

#: The days the State Council notices settle (with holidays 0.109), checked day by day against
#: chinese_calendar in test_calendar_golden.py.
ANNOUNCED_FIRST = dt.date(2004, 1, 1)
ANNOUNCED_LAST = dt.date(2026, 12, 31)

#: The largest working-day count the properties use: about three years, more than any time
#: limit of the opinion, and small enough that a start in `arithmetic_dates` never runs off the
#: table (2004–2100) in either direction.
MAX_N = 750


def dates(
    first: dt.date = ANNOUNCED_FIRST, last: dt.date = ANNOUNCED_LAST
) -> st.SearchStrategy[dt.date]:
    """Dates from `first` through `last`."""
    return st.dates(min_value=first, max_value=last)


#: Starts for arithmetic: the announced years plus provisional decades, with room for `MAX_N`
#: working days either way.
arithmetic_dates = dates(dt.date(2007, 1, 1), dt.date(2096, 12, 31))

#: Starts within the announced years, where the answers are the official ones.
announced_dates = dates(dt.date(2007, 1, 1), ANNOUNCED_LAST)

#: A positive working-day count.
positive_counts = st.integers(min_value=1, max_value=MAX_N)

#: Any working-day count, zero and negatives included.
counts = st.integers(min_value=-MAX_N, max_value=MAX_N)

#: Small counts, for checks against a day-by-day walk.
small_counts = st.integers(min_value=-30, max_value=30)

#: Calendar-day spans for `workdays_between`, both directions, up to 400 days as in the bench.
spans = st.integers(min_value=-400, max_value=400)


@st.composite
def date_pairs(
    draw: st.DrawFn, base: st.SearchStrategy[dt.date] = arithmetic_dates
) -> tuple[dt.date, dt.date]:
    """Two dates in order, at most 400 days apart."""
    first = draw(base)
    return first, first + dt.timedelta(days=draw(st.integers(min_value=0, max_value=400)))


#: Instants in China time (naive = Asia/Shanghai), minute precision, in the announced years.
instants = st.datetimes(
    min_value=dt.datetime(2007, 1, 1), max_value=dt.datetime(2026, 11, 30, 23, 59)
).map(lambda at: at.replace(second=0, microsecond=0))

#: Office-time durations up to 100 hours, whole minutes.
durations = st.integers(min_value=0, max_value=100 * 60).map(lambda m: dt.timedelta(minutes=m))


#: Instants while the 2020 opinion is in effect, within the settled calendar (minute precision).
rule_instants = st.datetimes(
    min_value=dt.datetime(2020, 4, 21), max_value=dt.datetime(2026, 11, 30, 23, 59)
).map(lambda at: at.replace(second=0, microsecond=0))

#: A later instant: up to ten days after another, in minutes (0 included).
later_by = st.integers(min_value=0, max_value=10 * 24 * 60).map(lambda m: dt.timedelta(minutes=m))


def conventions() -> st.SearchStrategy[Conventions]:
    """Every value of every counting option, in any combination."""
    return st.builds(
        Conventions,
        start_day=st.sampled_from(StartDay),
        rest_day_trigger=st.sampled_from(RestDayTrigger),
        cutoff=st.sampled_from(Cutoff),
        hour_clock=st.sampled_from(HourClock),
        last_day_roll=st.sampled_from(LastDayRoll),
        same_day=st.sampled_from(SameDayReading),
        arrival_grace=st.sampled_from(ArrivalGrace),
        arrival_office_hours=st.integers(min_value=1, max_value=8),
    )
