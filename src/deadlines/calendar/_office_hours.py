"""Office hours: the sessions of a working day, optionally by season."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from deadlines._errors import InvalidArgumentError, InvalidValueError

Session = tuple[dt.time, dt.time]


def _check_sessions(argument: str, sessions: object) -> tuple[Session, ...]:
    example = "((time(9), time(12)), (time(13, 30), time(17, 30)))"
    if not isinstance(sessions, tuple) or not sessions:
        raise InvalidArgumentError(argument, sessions, f"a non-empty tuple of sessions, {example}")
    previous_end = dt.time.min
    for session in sessions:
        if (
            not isinstance(session, tuple)
            or len(session) != 2
            or not all(type(t) is dt.time and t.tzinfo is None for t in session)
        ):
            raise InvalidArgumentError(argument, session, f"(start, end) naive times, {example}")
        start, end = session
        if not previous_end <= start < end:
            raise InvalidValueError(
                argument, sessions, f"sessions in order, each ending after it starts: {example}"
            )
        previous_end = end
    return sessions


@dataclass(frozen=True, slots=True)
class Season:
    """A date range of the year (inclusive, by month and day) with its own sessions.

    Attributes:
        name: e.g. ``summer``.
        start: (month, day) of the first day.
        end: (month, day) of the last day; may be before `start` to wrap the new year.
        sessions: the (start, end) times of each session of the day.
    """

    name: str
    start: tuple[int, int]
    end: tuple[int, int]
    sessions: tuple[Session, ...]

    def __post_init__(self) -> None:
        for argument, month_day in (("start", self.start), ("end", self.end)):
            try:
                dt.date(2000, *month_day)  # a leap year admits (2, 29)
            except (TypeError, ValueError):
                raise InvalidValueError(
                    argument, month_day, "(month, day) such as (7, 1)"
                ) from None
        _check_sessions("sessions", self.sessions)

    def covers(self, day: dt.date) -> bool:
        """Whether `day` falls in this season."""
        key = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end


@dataclass(frozen=True, slots=True)
class OfficeHours:
    """When offices are open on a working day, in Asia/Shanghai time.

    The default is 09:00–12:00 and 13:30–17:30 all year, the schedule of the Jiangxi provincial
    offices and of Nanchang, Jiujiang, Jingdezhen and Yingtan. The close of business, the end
    of the last session, is the cutoff of a limit's last day (Civil Code art. 203).

    Attributes:
        sessions: the (start, end) times of each session outside any season.
        seasons: date ranges with sessions of their own; the first that covers a day wins.

    >>> from datetime import date, time
    >>> summer = Season("summer", (7, 1), (9, 30), ((time(8), time(12)), (time(15), time(18))))
    >>> hours = OfficeHours(seasons=(summer,))
    >>> hours.close(date(2026, 7, 15)), hours.close(date(2026, 10, 9))
    (datetime.time(18, 0), datetime.time(17, 30))
    """

    sessions: tuple[Session, ...] = (
        (dt.time(9, 0), dt.time(12, 0)),
        (dt.time(13, 30), dt.time(17, 30)),
    )
    seasons: tuple[Season, ...] = ()

    def __post_init__(self) -> None:
        _check_sessions("sessions", self.sessions)
        for season in self.seasons:
            if not isinstance(season, Season):
                raise InvalidArgumentError("seasons", season, "Season objects")

    def sessions_on(self, day: dt.date) -> tuple[Session, ...]:
        """The sessions that apply on `day` (whether or not it is a working day)."""
        for season in self.seasons:
            if season.covers(day):
                return season.sessions
        return self.sessions

    def close(self, day: dt.date) -> dt.time:
        """The close of business on `day`."""
        return self.sessions_on(day)[-1][1]

    def open(self, day: dt.date) -> dt.time:
        """The opening time on `day`."""
        return self.sessions_on(day)[0][0]
