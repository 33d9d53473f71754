"""Office hours: sessions, seasons, and the working-time clock of `ChinaCalendar`."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

from deadlines import (
    ChinaCalendar,
    DeadlinesError,
    InvalidArgumentError,
    InvalidValueError,
    OfficeHours,
    Season,
)
from deadlines._time import CHINA_TZ
from strategies import durations, instants

D = dt.date
T = dt.time
H = dt.timedelta(hours=1)


def at(*args: int) -> dt.datetime:
    """An aware China-time instant."""
    return dt.datetime(*args, tzinfo=CHINA_TZ)


# Pingxiang's schedule (research notes): summer 09:00–12:00, 14:00–18:00, else the default.
SUMMER = Season("summer", (7, 1), (9, 30), ((T(9), T(12)), (T(14), T(18))))
# A season that wraps the new year.
WINTER = Season("winter", (11, 1), (2, 28), ((T(9), T(12)), (T(13), T(17))))


@pytest.fixture(scope="module")
def seasonal(calendar: ChinaCalendar) -> ChinaCalendar:
    """A calendar with a summer schedule."""
    return ChinaCalendar(office_hours=OfficeHours(seasons=(SUMMER,)))


class TestSchedule:
    """The default schedule and seasonal ones."""

    def test_default(self) -> None:
        """The default is 09:00–12:00 and 13:30–17:30 all year."""
        hours = OfficeHours()
        assert hours.sessions == ((T(9), T(12)), (T(13, 30), T(17, 30)))
        assert hours.open(D(2026, 1, 5)) == T(9)
        assert hours.close(D(2026, 7, 15)) == T(17, 30)

    def test_close_of_business(self, calendar: ChinaCalendar) -> None:
        """The close of business is an aware 17:30 in China time, worked day or not."""
        assert calendar.close_of_business(D(2026, 9, 30)) == at(2026, 9, 30, 17, 30)
        assert calendar.close_of_business(D(2026, 10, 1)).utcoffset() == 8 * H

    @pytest.mark.parametrize(
        ("day", "close"),
        [
            (D(2026, 6, 30), T(17, 30)),
            (D(2026, 7, 1), T(18)),
            (D(2026, 9, 30), T(18)),
            (D(2026, 10, 1), T(17, 30)),
        ],
        ids=["day-before-summer", "summer-starts", "summer-ends", "day-after-summer"],
    )
    def test_season_bounds(self, seasonal: ChinaCalendar, day: dt.date, close: dt.time) -> None:
        """A season covers its first and last days inclusive."""
        assert seasonal.office_hours.close(day) == close
        assert seasonal.close_of_business(day).time() == close

    @pytest.mark.parametrize(
        ("day", "covered"),
        [
            (D(2026, 11, 1), True),
            (D(2027, 1, 15), True),
            (D(2027, 2, 28), True),
            (D(2027, 3, 1), False),
        ],
        ids=["starts", "january", "ends", "after"],
    )
    def test_season_wrapping_the_new_year(self, day: dt.date, covered: bool) -> None:
        """A season whose end comes before its start runs across the new year."""
        assert WINTER.covers(day) is covered

    def test_first_season_wins(self) -> None:
        """Where seasons overlap, the first listed applies."""
        hours = OfficeHours(seasons=(SUMMER, Season("all", (1, 1), (12, 31), ((T(8), T(16)),))))
        assert hours.close(D(2026, 8, 1)) == T(18)
        assert hours.close(D(2026, 12, 1)) == T(16)

    @pytest.mark.parametrize(
        ("make", "error", "argument"),
        [
            (lambda: Season("x", (13, 1), (9, 30), SUMMER.sessions), InvalidValueError, "start"),
            (lambda: Season("x", (7, 1), (2, 30), SUMMER.sessions), InvalidValueError, "end"),
            (lambda: OfficeHours(sessions=()), InvalidArgumentError, "sessions"),
            (lambda: OfficeHours(sessions=((T(12), T(9)),)), InvalidValueError, "sessions"),
            (
                lambda: OfficeHours(sessions=((T(9), T(12)), (T(11), T(17)))),
                InvalidValueError,
                "sessions",
            ),
            (lambda: OfficeHours(sessions=(("09:00", "12:00"),)), InvalidArgumentError, "sessions"),
            (lambda: OfficeHours(seasons=("summer",)), InvalidArgumentError, "seasons"),
        ],
        ids=[
            "month-13",
            "february-30",
            "no-sessions",
            "session-ends-before-it-starts",
            "overlapping-sessions",
            "strings-for-times",
            "season-as-string",
        ],
    )
    def test_refused(self, make: object, error: type[DeadlinesError], argument: str) -> None:
        """A malformed schedule is refused with the argument named."""
        with pytest.raises(error, match=f"^{argument} must be "):
            make()  # type: ignore[operator]


class TestAddOfficeTime:
    """The instant when a duration of office time has passed."""

    @pytest.mark.parametrize(
        ("start", "duration", "expected"),
        [
            (at(2026, 9, 29, 10), 1 * H, at(2026, 9, 29, 11)),
            (at(2026, 9, 29, 11), 2 * H, at(2026, 9, 29, 14, 30)),
            (at(2026, 9, 29, 7), 1 * H, at(2026, 9, 29, 10)),
            (at(2026, 9, 29, 12, 30), 1 * H, at(2026, 9, 29, 14, 30)),
            (at(2026, 9, 29, 18), 1 * H, at(2026, 9, 30, 10)),
            (at(2026, 9, 11, 17), 1 * H, at(2026, 9, 14, 9, 30)),
            (at(2026, 9, 18, 16, 30), 2 * H, at(2026, 9, 20, 10)),
            (at(2026, 9, 30, 17), 1 * H, at(2026, 10, 8, 9, 30)),
            (at(2026, 10, 3, 10), 1 * H, at(2026, 10, 8, 10)),
            (at(2026, 9, 30, 17), 48 * H, at(2026, 10, 15, 16)),
            (at(2026, 9, 29, 17, 30), 7 * H, at(2026, 9, 30, 17, 30)),
            (at(2026, 9, 29, 10), dt.timedelta(), at(2026, 9, 29, 10)),
            (at(2026, 9, 29, 12, 30), dt.timedelta(), at(2026, 9, 29, 13, 30)),
        ],
        ids=[
            "within-a-session",
            "across-lunch",
            "before-opening",
            "from-lunch",
            "after-close",
            "across-a-weekend",
            "to-a-make-up-sunday",
            "across-national-day",
            "from-a-holiday",
            "48-office-hours-across-national-day",
            "a-whole-day-ends-at-close",
            "zero-in-hours-is-now",
            "zero-at-lunch-is-the-next-opening",
        ],
    )
    def test_known(
        self,
        calendar: ChinaCalendar,
        start: dt.datetime,
        duration: dt.timedelta,
        expected: dt.datetime,
    ) -> None:
        """Only the sessions of working days run the clock."""
        result = calendar.add_office_time(start, duration)
        assert result == expected
        assert result.utcoffset() == 8 * H

    def test_naive_is_china_time(self, calendar: ChinaCalendar) -> None:
        """A naive start means Asia/Shanghai."""
        assert calendar.add_office_time(dt.datetime(2026, 9, 29, 11), 2 * H) == at(
            2026, 9, 29, 14, 30
        )

    def test_aware_is_converted(self, calendar: ChinaCalendar) -> None:
        """An aware start in another zone is converted; the result is in China time."""
        start = dt.datetime(2026, 9, 29, 3, tzinfo=dt.timezone.utc)  # 11:00 in Beijing
        result = calendar.add_office_time(start, 2 * H)
        assert result == at(2026, 9, 29, 14, 30)
        assert result.tzinfo is CHINA_TZ

    def test_seasonal(self, calendar: ChinaCalendar, seasonal: ChinaCalendar) -> None:
        """In summer the afternoon runs to 18:00, so an hour from 17:00 ends the same day."""
        assert seasonal.add_office_time(at(2026, 7, 15, 17), 1 * H) == at(2026, 7, 15, 18)
        assert calendar.add_office_time(at(2026, 7, 15, 17), 1 * H) == at(2026, 7, 16, 9, 30)
        assert seasonal.add_office_time(at(2026, 7, 15, 12, 30), 1 * H) == at(2026, 7, 15, 15)

    @settings(max_examples=200, deadline=None)
    @given(start=instants, duration=durations)
    def test_round_trip(
        self, calendar: ChinaCalendar, start: dt.datetime, duration: dt.timedelta
    ) -> None:
        """The office time between the start and the result is the duration."""
        end = calendar.add_office_time(start, duration)
        assert calendar.office_time_between(start, end) == duration

    @settings(max_examples=200, deadline=None)
    @given(start=instants, duration=durations)
    def test_ends_in_office_hours(
        self, calendar: ChinaCalendar, start: dt.datetime, duration: dt.timedelta
    ) -> None:
        """The result lies within a session of a working day (its end included)."""
        end = calendar.add_office_time(start, duration)
        assert calendar.is_workday(end.date())
        sessions = calendar.office_hours.sessions_on(end.date())
        assert any(open_ <= end.time() <= close for open_, close in sessions)

    @pytest.mark.parametrize(
        ("start", "duration", "error", "argument"),
        [
            (D(2026, 9, 29), H, InvalidArgumentError, "start"),
            ("2026-09-29T10:00", H, InvalidArgumentError, "start"),
            (at(2026, 9, 29, 10), -H, InvalidValueError, "duration"),
            (at(2026, 9, 29, 10), 2, InvalidArgumentError, "duration"),
        ],
        ids=["date-start", "string-start", "negative-duration", "int-duration"],
    )
    def test_refused(
        self,
        calendar: ChinaCalendar,
        start: object,
        duration: object,
        error: type[DeadlinesError],
        argument: str,
    ) -> None:
        """Bad input is refused naming the argument; the error is also the builtin."""
        with pytest.raises(error, match=f"^{argument} must be ") as caught:
            calendar.add_office_time(start, duration)  # type: ignore[arg-type]
        assert isinstance(caught.value, TypeError if error is InvalidArgumentError else ValueError)


class TestOfficeTimeBetween:
    """The office time of working days between two instants."""

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            (at(2026, 9, 29, 11), at(2026, 9, 29, 14), 1.5 * H),
            (at(2026, 9, 11, 16), at(2026, 9, 14, 10), 2.5 * H),
            (at(2026, 9, 30, 17), at(2026, 10, 8, 9, 30), 1 * H),
            (at(2026, 10, 2, 9), at(2026, 10, 4, 17), dt.timedelta()),
            (at(2026, 9, 29, 9), at(2026, 9, 29, 17, 30), 7 * H),
            (at(2026, 9, 29, 14), at(2026, 9, 29, 11), -1.5 * H),
            (at(2026, 9, 29, 14), at(2026, 9, 29, 14), dt.timedelta()),
        ],
        ids=[
            "across-lunch",
            "across-a-weekend",
            "across-national-day",
            "inside-a-holiday",
            "a-whole-day",
            "reversed-is-negative",
            "empty",
        ],
    )
    def test_known(
        self, calendar: ChinaCalendar, start: dt.datetime, end: dt.datetime, expected: dt.timedelta
    ) -> None:
        """Lunch breaks, weekends and holidays do not count."""
        assert calendar.office_time_between(start, end) == expected

    def test_refuses_dates(self, calendar: ChinaCalendar) -> None:
        """Dates are refused: the time of day matters here."""
        with pytest.raises(InvalidArgumentError, match=r"^end must be "):
            calendar.office_time_between(at(2026, 9, 29, 9), D(2026, 9, 30))  # type: ignore[arg-type]
