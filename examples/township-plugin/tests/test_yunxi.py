"""The township's rules, checked on an engine given the plugin in code.

Passing the module to ``Engine(plugins=...)`` tests it whether or not it is installed, and
``discover_plugins=False`` keeps any other installed plugin out of the way.
"""

import datetime as dt

import deadlines_yunxi
import pytest

from deadlines import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    """An engine with the township's plugin only."""
    return Engine(plugins={"yunxi": deadlines_yunxi}, discover_plugins=False)


class TestRouting:
    """routing.ordinary: 24 hours from the township's notice (2 March 2026) on."""

    @pytest.mark.parametrize(
        ("at", "due"),
        [
            ("2026-09-01T09:00", "2026-09-02T09:00:00+08:00"),  # Tuesday → Wednesday
            ("2026-07-03T10:00", "2026-07-07T10:00:00+08:00"),  # weekend and festival not counted
        ],
        ids=["weekday", "over-the-festival"],
    )
    def test_24_hours(self, engine: Engine, at: str, due: str) -> None:
        """Ordinary documents are due 24 hours after receipt, rest days not counted."""
        assert engine.due("routing.ordinary", at).due.isoformat() == due

    def test_before_the_notice(self, engine: Engine) -> None:
        """Documents received before the township's notice keep the county's 48 hours."""
        result = engine.due("routing.ordinary", "2026-02-02T10:00")
        assert (result.due.isoformat(), result.citation.article) == (
            "2026-02-04T10:00:00+08:00",
            11,
        )

    def test_trace_names_the_township(self, engine: Engine) -> None:
        """The trace names the plugin on the rule and on the festival it skipped."""
        trace = engine.due("routing.ordinary", "2026-07-03T10:00").trace
        version = next(step for step in trace if step.action == "version")
        festival = next(step for step in trace if step.date == dt.date(2026, 7, 6))
        assert (version.origin, festival.origin) == ("yunxi", "yunxi")


class TestCalendar:
    """The festival and the summer schedule."""

    def test_song_festival_is_off(self, engine: Engine) -> None:
        """The festival is a day off, with its name and source."""
        day = engine.calendar.day(dt.date(2026, 7, 6))
        assert (day.is_workday, day.name_en, day.origin) == (False, "Yunxi Song Festival", "yunxi")

    @pytest.mark.parametrize(
        ("day", "close"),
        [(dt.date(2026, 7, 15), dt.time(18)), (dt.date(2026, 10, 15), dt.time(17, 30))],
        ids=["summer", "autumn"],
    )
    def test_summer_schedule(self, engine: Engine, day: dt.date, close: dt.time) -> None:
        """Offices close at 18:00 in summer and at 17:30 otherwise."""
        assert engine.calendar.close_of_business(day).time() == close
