"""The package imports and answers the question of the Quick start."""

import datetime as dt

import deadlines


def test_version() -> None:
    """The version comes from the installed metadata."""
    assert deadlines.__version__ == "0.1.0"


def test_quick_start(calendar: deadlines.ChinaCalendar) -> None:
    """Three working days after 2026-09-30 end on the adjusted working Saturday 2026-10-10."""
    assert calendar.add_workdays(dt.date(2026, 9, 30), 3) == dt.date(2026, 10, 10)


def test_public_names_resolve() -> None:
    """Every name in __all__ exists, lazy ones included, and __all__ is sorted."""
    for name in deadlines.__all__:
        assert getattr(deadlines, name) is not None, name
    assert deadlines.__all__ == sorted(deadlines.__all__, key=lambda n: (not n.isupper(), n))


def test_calendar_alone_stays_light() -> None:
    """Asking only the calendar imports neither pydantic, pluggy nor importlib.metadata."""
    import subprocess
    import sys

    code = (
        "import sys, datetime\n"
        "from deadlines import ChinaCalendar\n"
        "ChinaCalendar().add_workdays(datetime.date(2026, 9, 30), 3)\n"
        "heavy = ('pydantic', 'pluggy', 'importlib.metadata')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
