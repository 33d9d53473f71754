"""The package imports and answers the question of the Quick start."""

import datetime as dt

import deadlines


def test_version() -> None:
    """The version comes from the installed metadata."""
    assert deadlines.__version__ == "0.1.0"


def test_quick_start(calendar: deadlines.ChinaCalendar) -> None:
    """Three working days after 2026-09-30 end on the adjusted working Saturday 2026-10-10."""
    assert calendar.add_workdays(dt.date(2026, 9, 30), 3) == dt.date(2026, 10, 10)
