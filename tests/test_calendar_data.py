"""The packaged calendar data, the law check of a notice, and issue 14's points 6 to 8."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from deadlines import (
    ChinaCalendar,
    DayKind,
    DeadlinesError,
    DeadlinesWarning,
    InvalidArgumentError,
    OverrideConflictError,
    OverrideFileError,
    PartialNoticeWarning,
    PluginConflictError,
    PointlessOverrideWarning,
)
from deadlines.calendar import load_overrides, parse_overrides
from deadlines.calendar._law import check_notice, statutory_festivals
from deadlines.calendar._table import raw

D = dt.date
EXAMPLE = Path(__file__).parent.parent / "examples" / "notice-2026.toml"
#: The notices whose number and date we could not verify (the data says so; see the script).
UNVERIFIED = {2004, 2005}


def _rows(notice: dict[str, object], key: str) -> set[dt.date]:
    rows = notice[key]
    assert isinstance(rows, list)
    return {D.fromisoformat(row[0]) for row in rows}


class TestPackagedData:
    """data/china.json: one notice per year 2004-2026, each checked."""

    def test_one_notice_per_year(self) -> None:
        """Every year from 2004 through 2026 has exactly one notice, in order."""
        assert [notice["year"] for notice in raw()["notices"]] == list(range(2004, 2027))

    @pytest.mark.parametrize("notice", raw()["notices"], ids=lambda n: str(n["year"]))
    def test_notice_cites_itself(self, notice: dict[str, str]) -> None:
        """A number (国办发明电〔…〕…号) and a date, or a plain statement that they are unknown."""
        if notice["year"] in UNVERIFIED:
            assert (notice["number"], notice["date"]) == ("", "")
            assert "not verified" in notice["checked"]
        else:
            assert notice["number"].startswith("国办发明电〔")
            assert notice["number"].endswith("号")
            assert D.fromisoformat(notice["date"]).year == notice["year"] - 1
        assert notice["url"].startswith("https://")

    @pytest.mark.parametrize("notice", raw()["notices"], ids=lambda n: str(n["year"]))
    def test_every_row_has_a_source(self, notice: dict[str, list[list[str]]]) -> None:
        """Each row carries a source: its notice, or the later notice that changed it."""
        for row in notice["days_off"] + notice["workdays"]:
            assert row[3], row

    @pytest.mark.parametrize("notice", raw()["notices"], ids=lambda n: str(n["year"]))
    def test_agrees_with_the_law(self, notice: dict[str, object]) -> None:
        """Every notice gives every statutory day of its year, and a plausible count."""
        year = notice["year"]
        assert isinstance(year, int)
        assert check_notice(year, _rows(notice, "days_off"), _rows(notice, "workdays")) == []

    def test_agrees_with_holidays_day_by_day(self, calendar: ChinaCalendar) -> None:
        """Each day of 2004-2026 is what the installed holidays says, names included."""
        import holidays

        zh = holidays.China(years=range(2004, 2027), language="zh_CN")
        workdays = set(zh.weekend_workdays)
        day = D(2004, 1, 1)
        while day <= D(2026, 12, 31):
            record = calendar.day(day)
            if day in zh:
                expected = DayKind.HOLIDAY
                assert record.name_zh == "；".join(zh.get_list(day))
            elif day.weekday() >= 5:
                expected = DayKind.ADJUSTED_WORKDAY if day in workdays else DayKind.WEEKEND
            else:
                expected = DayKind.WORKDAY
            assert record.kind is expected, day
            day += dt.timedelta(days=1)

    @pytest.mark.parametrize(
        ("day", "number"),
        [
            (D(2015, 9, 3), "国发明电〔2015〕1号"),
            (D(2019, 5, 3), "国办发明电〔2019〕3号"),
            (D(2020, 1, 31), "国办发明电〔2020〕1号"),
            (D(2020, 1, 30), "国办发明电〔2019〕16号"),
        ],
        ids=["victory-day", "labour-day-2019", "covid-extension", "the-notice-itself"],
    )
    def test_amended_days_cite_the_amendment(
        self, calendar: ChinaCalendar, day: dt.date, number: str
    ) -> None:
        """A day changed by a later notice cites that notice, not its year's."""
        assert calendar.day(day).source.startswith(number)

    def test_later_years_are_estimates(self, calendar: ChinaCalendar) -> None:
        """After 2026 the days come from holidays' statutory rules, flagged provisional."""
        day = calendar.day(D(2027, 10, 1))
        assert day.kind is DayKind.HOLIDAY
        assert day.provisional
        assert day.source.startswith("estimated")


class TestStatutoryDays:
    """《全国年节及纪念日放假办法》 as in force each year."""

    @pytest.mark.parametrize(
        ("year", "days", "spring"),
        [
            (2007, 10, (D(2007, 2, 18), D(2007, 2, 19), D(2007, 2, 20))),
            (2013, 11, (D(2013, 2, 9), D(2013, 2, 10), D(2013, 2, 11))),
            (2024, 11, (D(2024, 2, 10), D(2024, 2, 11), D(2024, 2, 12))),
            (2025, 13, (D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31))),
        ],
        ids=["1999-text", "2008-text-with-eve", "2014-text-without-eve", "2025-text"],
    )
    def test_versions(self, year: int, days: int, spring: tuple[dt.date, ...]) -> None:
        """10 days before 2008, 11 through 2024, 13 from 2025; the eve in 2008-13 and 2025-."""
        festivals = statutory_festivals(year)
        assert sum(len(festival.days) for festival in festivals) == days
        assert next(f for f in festivals if f.name_en == "Spring Festival").days == spring


def _without(year_rows: str, *dates: str) -> str:
    """The example notice with the rows of `dates` left out."""
    return "\n".join(
        line for line in year_rows.splitlines() if not any(f"date = {d}" in line for d in dates)
    )


class TestLawCheck:
    """A notice that drops a festival is refused, naming it; or loaded with a warning."""

    SPRING = ("2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23")

    def test_missing_festival_is_an_error(self) -> None:
        """The 2026 notice without its Spring Festival rows: an error naming 春节."""
        text = _without(EXAMPLE.read_text("utf-8"), *self.SPRING)
        with pytest.raises(OverrideFileError, match="春节 \\(Spring Festival\\) is missing"):
            parse_overrides(text, "notice-2026.toml")

    def test_partial_is_a_warning(self) -> None:
        """With allow_partial, the same file loads, and says what it lacks."""
        text = _without(EXAMPLE.read_text("utf-8"), *self.SPRING)
        with pytest.warns(PartialNoticeWarning, match="春节"):
            override = parse_overrides(text, "notice-2026.toml", allow_partial=True)
        assert override.notices[0].year == 2026

    def test_partial_key(self) -> None:
        """partial = true in the file does the same, for files passed with --calendar."""
        text = _without(EXAMPLE.read_text("utf-8"), *self.SPRING).replace(
            "year = 2026", "year = 2026\npartial = true"
        )
        with pytest.warns(PartialNoticeWarning):
            parse_overrides(text, "notice-2026.toml")

    def test_implausible_count(self) -> None:
        """Five more weekdays off than the measures and the swaps allow: refused."""
        extra = "\n".join(f'    {{ date = 2026-03-{d:02d}, name = "x" }},' for d in (2, 3, 4, 5, 6))
        text = EXAMPLE.read_text("utf-8").replace("days_off = [\n", f"days_off = [\n{extra}\n", 1)
        with pytest.raises(OverrideFileError, match="at most 21 are plausible"):
            parse_overrides(text, "notice-2026.toml")

    def test_one_day_notice(self) -> None:
        """A 2026 notice of one day is refused (it made 30 September's minutes due 6 October)."""
        text = (
            '[[notice]]\nyear = 2026\nsource = "s"\n'
            'days_off = [{ date = 2026-10-01, name = "国庆节" }]\n'
        )
        with pytest.raises(OverrideFileError, match="春节 \\(Spring Festival\\) is missing"):
            parse_overrides(text, "notice-2026.toml")

    def test_the_example_passes(self) -> None:
        """The real 2026 notice passes the check."""
        assert load_overrides(EXAMPLE).notices[0].year == 2026


class TestIssue14:
    """Regressions of issue 14, points 6, 7 and 8."""

    @pytest.mark.parametrize("bad", [123, None, 4.5, b"notice.toml"], ids=repr)
    def test_overrides_of_the_wrong_type(self, bad: object) -> None:
        """Point 6: ChinaCalendar(overrides=[123]) is an InvalidArgumentError, also a TypeError."""
        with pytest.raises(InvalidArgumentError, match="overrides") as caught:
            ChinaCalendar(overrides=[bad])  # type: ignore[list-item]
        assert isinstance(caught.value, DeadlinesError)
        assert isinstance(caught.value, TypeError)
        assert "notice-2027.toml" in str(caught.value)  # shows valid input

    def test_two_files_for_one_year(self, tmp_path: Path) -> None:
        """Point 7: two --calendar files for one year are a file conflict naming both."""
        first, second = tmp_path / "a.toml", tmp_path / "b.toml"
        text = EXAMPLE.read_text("utf-8")
        first.write_text(text, "utf-8")
        second.write_text(text.replace("7号", "8号"), "utf-8")
        with pytest.raises(OverrideConflictError) as caught:
            ChinaCalendar([first, second])
        assert not isinstance(caught.value, PluginConflictError)
        assert str(first) in str(caught.value)
        assert str(second) in str(caught.value)
        assert "--no-plugins" not in str(caught.value)

    def test_same_file_twice(self) -> None:
        """Point 7: the same file twice does not conflict with itself."""
        assert ChinaCalendar([EXAMPLE, EXAMPLE]).is_workday(D(2026, 10, 10)) is True

    def test_pointless_local_workday(self, tmp_path: Path) -> None:
        """Point 8: a local working day on a weekday that already is one warns."""
        path = tmp_path / "local.toml"
        path.write_text(
            '[[local]]\nsource = "our office"\nworkdays = [{ date = 2026-09-29 }]\n', "utf-8"
        )
        with pytest.warns(PointlessOverrideWarning, match="2026-09-29 .Tuesday. changes nothing"):
            ChinaCalendar([path])

    def test_pointless_local_day_off(self, tmp_path: Path) -> None:
        """Point 8: a local day off on National Day (already off) warns too."""
        path = tmp_path / "local.toml"
        path.write_text(
            '[[local]]\nsource = "s"\ndays_off = [{ date = 2026-10-01, name = "x" }]\n', "utf-8"
        )
        with pytest.warns(DeadlinesWarning, match="already a holiday"):
            ChinaCalendar([path])

    @pytest.mark.parametrize(
        "text",
        ["", "# only a comment\n", '[[local]]\nsource = "s"\n'],
        ids=["empty", "comment", "no-rows"],
    )
    def test_empty_file(self, tmp_path: Path, text: str) -> None:
        """Point 8: an override file that changes nothing is an error naming the file."""
        path = tmp_path / "empty.toml"
        path.write_text(textwrap.dedent(text), "utf-8")
        with pytest.raises(OverrideFileError, match="holds no notice and no local day") as caught:
            load_overrides(path)
        assert caught.value.path == str(path)
