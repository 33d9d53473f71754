"""Every day of the announced years, checked against an independent source.

`ChinaCalendar` is built from the `holidays` package; `chinese_calendar` (pinned at 1.11.0 in the
test extra) is maintained separately from the same State Council notices. Where the two
disagree, the notice decides, and the day is listed in `KNOWN_ERRORS` with the notice quoted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from deadlines import ChinaCalendar, DayKind

chinese_calendar = pytest.importorskip("chinese_calendar")

FIRST_YEAR, LAST_YEAR = 2004, 2026


@dataclass(frozen=True)
class KnownError:
    """A day `chinese_calendar` gets wrong, with the notice that settles it."""

    workday: bool
    notice: str
    text: str
    link: str


KNOWN_ERRORS = {
    # The 2006 notice moved the weekend of 31 December 2005 and 1 January 2006 to 2 and 3
    # January, so Saturday 2005-12-31 was worked. holidays has it; chinese_calendar 1.11.0 has it
    # as a rest day.
    dt.date(2005, 12, 31): KnownError(
        workday=True,
        notice="国办发明电〔2005〕35号 (国务院办公厅关于2006年部分节假日安排的通知)",
        text="将12月31日（星期六）、1月1日（星期日）两个公休日调至1月2日（星期一）、3日（星期二），"
        "12月31日（星期六）上班",
        link="https://zh.wikisource.org/wiki/国务院办公厅关于2006年部分节假日安排的通知",
    ),
}


def _days_of(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=i) for i in range((dt.date(year + 1, 1, 1) - first).days)]


class TestAgainstChineseCalendar:
    """Working day or rest day, every day 2004–2026, as `chinese_calendar` says."""

    @pytest.mark.parametrize("year", range(FIRST_YEAR, LAST_YEAR + 1), ids=str)
    def test_year(self, calendar: ChinaCalendar, year: int) -> None:
        """Every day of the year agrees, except the documented known errors."""
        disagreements = [
            f"{day} ({day:%a}): ours {calendar.is_workday(day)}, "
            f"chinese_calendar {chinese_calendar.is_workday(day)}"
            for day in _days_of(year)
            if day not in KNOWN_ERRORS
            and calendar.is_workday(day) != chinese_calendar.is_workday(day)
        ]
        assert not disagreements, "\n".join(disagreements)

    @pytest.mark.parametrize("day", sorted(KNOWN_ERRORS), ids=str)
    def test_known_error_follows_the_notice(self, calendar: ChinaCalendar, day: dt.date) -> None:
        """On a known error we follow the notice, and chinese_calendar still says otherwise."""
        error = KNOWN_ERRORS[day]
        assert calendar.is_workday(day) is error.workday
        assert chinese_calendar.is_workday(day) is not error.workday  # if it is fixed, drop it

    def test_holidays_agree_on_weekday_rest_days(self, calendar: ChinaCalendar) -> None:
        """A weekday off is a named holiday in both sources, so the day records carry names."""
        unnamed = [
            day
            for year in range(FIRST_YEAR, LAST_YEAR + 1)
            for day in _days_of(year)
            if day.weekday() < 5
            and not calendar.is_workday(day)
            and (calendar.day(day).kind is not DayKind.HOLIDAY or not calendar.day(day).name_zh)
        ]
        assert not unnamed


class TestSpringFestival2020:
    """The 2020 extension, 国办发明电〔2020〕1号: the holiday ran to 2 February, work resumed 3rd.

    The original notice (国办发明电〔2019〕16号) had 24–30 January off and Saturday 1 February as
    a make-up working day; the extension made 31 January and 1–2 February rest days and so
    cancelled the make-up day.
    """

    @pytest.mark.parametrize(
        ("day", "workday"),
        [
            (dt.date(2020, 1, 19), True),
            (dt.date(2020, 1, 23), True),
            (dt.date(2020, 1, 24), False),
            (dt.date(2020, 1, 30), False),
            (dt.date(2020, 1, 31), False),
            (dt.date(2020, 2, 1), False),
            (dt.date(2020, 2, 2), False),
            (dt.date(2020, 2, 3), True),
        ],
        ids=[
            "01-19-make-up-sunday",
            "01-23-last-day-before",
            "01-24-eve",
            "01-30-last-original-day",
            "01-31-extension",
            "02-01-make-up-cancelled",
            "02-02-extension-sunday",
            "02-03-work-resumes",
        ],
    )
    def test_day(self, calendar: ChinaCalendar, day: dt.date, workday: bool) -> None:
        """Each day around the extension is worked or not as the notices say."""
        assert calendar.is_workday(day) is workday
        assert chinese_calendar.is_workday(day) is workday

    def test_extension_days_are_holidays(self, calendar: ChinaCalendar) -> None:
        """The extension's weekdays are holidays, not plain weekends."""
        assert calendar.day(dt.date(2020, 1, 31)).kind is DayKind.HOLIDAY

    def test_counting_across(self, calendar: ChinaCalendar) -> None:
        """The first working day after 23 January 2020 is 3 February."""
        assert calendar.add_workdays(dt.date(2020, 1, 23), 1) == dt.date(2020, 2, 3)
        assert calendar.workdays_between(dt.date(2020, 1, 23), dt.date(2020, 2, 3)) == 1


class TestNextYearsDecember:
    """Days of a December set by the next year's notice, as both sources have them."""

    @pytest.mark.parametrize(
        ("day", "workday"),
        [
            (dt.date(2005, 12, 31), True),
            (dt.date(2006, 12, 30), True),
            (dt.date(2006, 12, 31), True),
            (dt.date(2007, 12, 29), True),
            (dt.date(2007, 12, 31), False),
            (dt.date(2011, 12, 31), True),
            (dt.date(2018, 12, 29), True),
            (dt.date(2018, 12, 31), False),
        ],
        ids=str,
    )
    def test_day(self, calendar: ChinaCalendar, day: dt.date, workday: bool) -> None:
        """The day is worked or not as the next year's notice says."""
        assert calendar.is_workday(day) is workday

    def test_source_is_the_next_notice(self, calendar: ChinaCalendar) -> None:
        """2018-12-29 cites the 2019 notice, which set it, not the 2018 one."""
        source = calendar.day(dt.date(2018, 12, 29)).source
        assert source.startswith("国办发明电〔2018〕15号 国务院办公厅关于2019年")
