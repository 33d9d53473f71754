"""Override files: a new year's notice or local days, loaded from TOML and validated."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from deadlines import (
    CalendarOverride,
    ChinaCalendar,
    DayChange,
    DayKind,
    DeadlinesError,
    Notice,
    OverrideConflictError,
    OverrideFileError,
    PartialNoticeWarning,
    PluginConflictError,
    load_overrides,
)

D = dt.date
EXAMPLE = Path(__file__).parent.parent / "examples" / "notice-2026.toml"

# A made-up notice for 2027, shaped like a real one and lawful (every statutory day of the 2024
# measures off): New Year reaching into December 2026, Spring Festival and National Day with
# make-up days. Its Labour Day makes up the weekend 1-2 May on Friday 30 April and Monday 3 May,
# so the statutory estimate's 补假 on 2027-05-04 must become a working day once it is loaded.
NOTICE_2027 = """\
[[notice]]
year = 2027
source = "国办发明电〔2026〕X号 (hypothetical, for tests)"
days_off = [
    { date = 2026-12-31, name = "元旦（调休）" },
    { date = 2027-01-01, name = "元旦" },
    { date = 2027-02-05, name = "春节（除夕）" },
    { date = 2027-02-08, name = "春节" },
    { date = 2027-02-09, name = "春节（补假）" },
    { date = 2027-02-10, name = "春节（补假）" },
    { date = 2027-02-11, name = "春节（调休）" },
    { date = 2027-02-12, name = "春节（调休）" },
    { date = 2027-04-05, name = "清明节" },
    { date = 2027-04-30, name = "劳动节（补假）" },
    { date = 2027-05-03, name = "劳动节（补假）" },
    { date = 2027-06-09, name = "端午节" },
    { date = 2027-09-15, name = "中秋节" },
    { date = 2027-10-01, name = "国庆节" },
    { date = 2027-10-04, name = "国庆节（补假）" },
    { date = 2027-10-05, name = "国庆节（补假）" },
    { date = 2027-10-06, name = "国庆节（调休）" },
    { date = 2027-10-07, name = "国庆节（调休）" },
]
workdays = [
    { date = 2026-12-26, name = "元旦调休上班", source = "row source" },
    { date = 2027-01-30, name = "春节调休上班" },
    { date = 2027-02-20, name = "春节调休上班" },
    { date = 2027-09-26, name = "国庆节调休上班" },
    { date = 2027-10-09, name = "国庆节调休上班" },
]
"""


@pytest.fixture(scope="module")
def with_2027(tmp_path_factory: pytest.TempPathFactory) -> ChinaCalendar:
    """A calendar with the hypothetical 2027 notice loaded."""
    return ChinaCalendar([_write(tmp_path_factory.mktemp("notice"), NOTICE_2027)])


def _write(directory: Path, text: str, name: str = "override.toml") -> Path:
    path = directory / name
    path.write_text(textwrap.dedent(text), "utf-8")
    return path


class TestExampleFile:
    """examples/notice-2026.toml holds the real 2026 notice, 国办发明电〔2025〕7号."""

    def test_parses(self) -> None:
        """The example is one notice for 2026 with its source, and no active local days."""
        override = load_overrides(EXAMPLE)
        (notice,) = override.notices
        assert notice.year == 2026
        assert notice.source.startswith("国办发明电〔2025〕7号")
        assert override.local == ()

    def test_matches_the_holidays_data(self) -> None:
        """Its days are exactly holidays' 2026 days off and weekend workdays."""
        import holidays

        china = holidays.China(years=2026)
        (notice,) = load_overrides(EXAMPLE).notices
        off = {change.date for change in notice.changes if change.off}
        on = {change.date for change in notice.changes if not change.off}
        assert off == set(china)
        assert on == {day for day in china.weekend_workdays if day.year == 2026}

    def test_leaves_2026_unchanged(self, calendar: ChinaCalendar) -> None:
        """Loading it gives the same kind of day for every day, and the same provisional days."""
        loaded = ChinaCalendar([EXAMPLE])
        assert loaded._kinds == calendar._kinds  # the whole table at once
        assert loaded.last_announced_year == calendar.last_announced_year
        assert loaded.provisional_from == calendar.provisional_from
        assert loaded.add_workdays(D(2026, 9, 30), 3) == D(2026, 10, 10)

    def test_rows_cite_the_file(self) -> None:
        """A day the example sets cites the notice and names the file it came from."""
        day = ChinaCalendar([EXAMPLE]).day(D(2026, 10, 1))
        assert day.source.startswith("国办发明电〔2025〕7号")
        assert day.origin == str(EXAMPLE)
        assert (day.name_zh, day.name_en) == ("国庆节", "National Day")

    def test_local_example_is_valid(self, tmp_path: Path) -> None:
        """The commented [[local]] block parses once uncommented, and changes only its days."""
        lines = EXAMPLE.read_text("utf-8").splitlines()
        start = lines.index("# [[local]]")
        text = "\n".join([*lines[:start], *(line[2:] for line in lines[start:])])
        path = _write(tmp_path, text, "with-local.toml")
        override = load_overrides(path)
        assert {change.date for change in override.local} == {D(2026, 12, 31), D(2026, 12, 26)}
        calendar = ChinaCalendar([path])
        assert calendar.is_workday(D(2026, 12, 31)) is False
        assert calendar.is_workday(D(2026, 12, 26)) is True
        assert calendar.is_provisional(D(2026, 12, 31))  # local days announce nothing


class TestNewNotice:
    """Loading next year's notice makes that year announced."""

    def test_announced(self, with_2027: ChinaCalendar) -> None:
        """2027 is announced: the last announced year, and no longer provisional."""
        assert with_2027.last_announced_year == 2027
        assert 2027 in with_2027.announced_years
        assert not with_2027.any_provisional(D(2027, 1, 1), D(2027, 12, 24))

    def test_december_tail_settled(self, with_2027: ChinaCalendar) -> None:
        """The 2026 December tail is settled; the tail moves to the end of 2027."""
        assert not with_2027.any_provisional(D(2026, 12, 25), D(2026, 12, 31))
        assert with_2027.provisional_from == D(2027, 12, 25)
        assert with_2027.is_provisional(D(2028, 1, 1))

    @pytest.mark.parametrize(
        ("day", "kind"),
        [
            (D(2026, 12, 26), DayKind.ADJUSTED_WORKDAY),
            (D(2026, 12, 31), DayKind.HOLIDAY),
            (D(2027, 2, 8), DayKind.HOLIDAY),
            (D(2027, 2, 20), DayKind.ADJUSTED_WORKDAY),
            (D(2027, 5, 4), DayKind.WORKDAY),
            (D(2027, 10, 9), DayKind.ADJUSTED_WORKDAY),
        ],
        ids=[
            "previous-december-make-up-saturday",
            "previous-december-day-off",
            "spring-festival",
            "make-up-saturday",
            "estimated-labour-day-make-up-dropped",
            "national-day-make-up",
        ],
    )
    def test_days(self, with_2027: ChinaCalendar, day: dt.date, kind: DayKind) -> None:
        """The notice's days, and only those, are special in its span."""
        assert with_2027.day(day).kind is kind

    def test_estimate_before(self, calendar: ChinaCalendar) -> None:
        """Without the notice, 2027-05-04 is an estimated 补假: the test above bites."""
        assert calendar.day(D(2027, 5, 4)).kind is DayKind.HOLIDAY

    def test_sources(self, with_2027: ChinaCalendar) -> None:
        """Each day cites its row's source, or else the notice's."""
        assert with_2027.day(D(2026, 12, 26)).source == "row source"
        assert with_2027.day(D(2027, 2, 20)).source.startswith("国办发明电〔2026〕X号")
        assert with_2027.day(D(2027, 6, 1)).source.startswith("国办发明电〔2026〕X号")

    def test_arithmetic_uses_it(self, with_2027: ChinaCalendar) -> None:
        """Working-day arithmetic follows the loaded notice."""
        assert with_2027.add_workdays(D(2027, 2, 5), 1) == D(2027, 2, 15)
        assert with_2027.add_workdays(D(2027, 9, 30), 1) == D(2027, 10, 8)
        assert with_2027.add_workdays(D(2027, 10, 8), 1) == D(2027, 10, 9)

    def test_a_later_year_alone(self, tmp_path: Path) -> None:
        """A 2028 notice without 2027 announces 2028 only: the last announced year stays."""
        text = (
            '[[notice]]\nyear = 2028\nsource = "s"\npartial = true\n'
            'days_off = [{ date = 2028-10-02, name = "x" }]'
        )
        with pytest.warns(PartialNoticeWarning, match="notice 2028"):
            calendar = ChinaCalendar([_write(tmp_path, text)])
        assert calendar.last_announced_year == 2026
        assert 2028 in calendar.announced_years
        assert calendar.is_provisional(D(2027, 6, 1))
        assert not calendar.is_provisional(D(2028, 6, 1))
        assert calendar.is_provisional(D(2028, 12, 31))  # 2029 is not announced

    def test_in_code(self) -> None:
        """A CalendarOverride built in code works like a file."""
        notice = Notice(2027, "code", (DayChange(D(2027, 3, 1), off=True, name="x", source="s"),))
        calendar = ChinaCalendar([CalendarOverride("my-plugin", notices=(notice,))])
        assert calendar.last_announced_year == 2027
        assert calendar.is_workday(D(2027, 3, 1)) is False
        assert calendar.day(D(2027, 3, 1)).origin == "my-plugin"
        assert "my-plugin" in repr(calendar)


class TestReannouncedYear:
    """A notice for an announced year replaces its own span and keeps the next notice's December."""

    def _notice_from(self, calendar: ChinaCalendar, year: int, first: dt.date) -> str:
        """The calendar's own special days of `year`, from `first` through 30 November."""
        rows = {True: [], False: []}  # type: dict[bool, list[str]]
        for day in calendar.days(first, D(year, 11, 30)):
            if day.kind in (DayKind.HOLIDAY, DayKind.ADJUSTED_WORKDAY):
                rows[not day.is_workday].append(f'{{ date = {day.date}, name = "x" }}')
        return (
            f'[[notice]]\nyear = {year}\nsource = "re-typed"\n'
            f"days_off = [{', '.join(rows[True])}]\nworkdays = [{', '.join(rows[False])}]\n"
        )

    def test_next_notice_december_kept(self, calendar: ChinaCalendar, tmp_path: Path) -> None:
        """Re-typing the 2018 notice keeps 2018-12-29 (worked) and 12-31 (off) from the 2019 one."""
        path = _write(tmp_path, self._notice_from(calendar, 2018, D(2017, 12, 1)))
        reloaded = ChinaCalendar([path])
        assert reloaded._kinds == calendar._kinds  # the whole table at once
        assert reloaded.is_workday(D(2018, 12, 29)) is True
        assert reloaded.is_workday(D(2018, 12, 31)) is False

    def test_own_december_replaced(self, calendar: ChinaCalendar, tmp_path: Path) -> None:
        """A 2019 notice that omits 2018-12-29 undoes it: the previous December is its span."""
        path = _write(tmp_path, self._notice_from(calendar, 2019, D(2019, 1, 1)))
        reloaded = ChinaCalendar([path])
        assert reloaded.is_workday(D(2018, 12, 29)) is False
        assert reloaded.day(D(2018, 12, 29)).kind is DayKind.WEEKEND


def _marked_line(text: str) -> int:
    """The 1-based line carrying the marker comment ``# <-``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if "# <-" in line)


_MALFORMED = {
    "toml-invalid-date": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [
            { date = 2027-13-01, name = "国庆节" },  # <-
        ]
        """,
        "not valid TOML",
    ),
    "string-not-a-date": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [
            { date = "2027-02-30", name = "春节" },  # <-
        ]
        """,
        "'2027-02-30' is not a date",
    ),
    "integer-date": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [
            { date = 20271001, name = "国庆节" },  # <-
        ]
        """,
        "date must be a TOML date",
    ),
    "date-with-time": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [
            { date = 2027-10-01T09:00:00, name = "国庆节" },  # <-
        ]
        """,
        "has a time",
    ),
    "off-and-on": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [
            { date = 2027-10-09, name = "国庆节" },
        ]
        workdays = [
            { date = 2027-10-09, name = "调休上班" },  # <-
        ]
        """,
        "2027-10-09 is listed twice",
    ),
    "off-twice": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [
            { date = 2027-10-01, name = "国庆节" },
            { date = 2027-10-01, name = "国庆节" },  # <-
        ]
        """,
        "2027-10-01 is listed twice",
    ),
    "year-twice": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [{ date = 2027-10-01, name = "国庆节" }]

        [[notice]]
        year = 2027  # <-
        source = "s"
        days_off = [{ date = 2027-10-04, name = "国庆节" }]
        """,
        "the year 2027 is listed twice",
    ),
    "weekday-as-workday": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        workdays = [
            { date = 2027-10-08, name = "调休上班" },  # <-
        ]
        """,
        "2027-10-08 is a Friday, already a working day",
    ),
    "unknown-notice-key": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        holidays = []  # <-
        """,
        "unknown key(s) holidays",
    ),
    "unknown-row-key": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [
            { date = 2027-10-01, nmae = "国庆节" },  # <-
        ]
        """,
        "unknown key(s) nmae",
    ),
    "unknown-table": (
        """\
        [[notices]]  # <-
        year = 2027
        """,
        "unknown table(s) notices",
    ),
    "outside-the-notice-reach": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [
            { date = 2025-12-31, name = "元旦" },  # <-
        ]
        """,
        "outside the 2027 notice's reach",
    ),
    "local-before-2004": (
        """\
        [[local]]
        source = "s"
        days_off = [
            { date = 2003-05-01, name = "x" },  # <-
        ]
        """,
        "outside the calendar (2004-01-01 through 2100-12-31)",
    ),
    "notice-without-source": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [{ date = 2027-10-01, name = "国庆节" }]

        [[notice]]  # <-
        year = 2028
        days_off = [{ date = 2028-10-02, name = "国庆节" }]
        """,
        "notice 2028: source must be a non-empty string",
    ),
    "year-as-string": (
        """\
        [[notice]]  # <-
        year = "2027"
        source = "s"
        """,
        "year must be an integer from 2004 to 2100",
    ),
    "notice-without-days": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [{ date = 2027-10-01, name = "国庆节" }]

        [[notice]]  # <-
        year = 2028
        source = "x"
        """,
        (
            "notice 2028: lists no days off; a State Council notice lists the holidays it "
            'arranges, e.g. days_off = [{ date = 2028-10-01, name = "国庆节" }]'
        ),
    ),
    "notice-with-workdays-only": (
        """\
        [[notice]]  # <-
        year = 2027
        source = "s"
        workdays = [{ date = 2027-10-09, name = "调休上班" }]
        """,
        "notice 2027: lists no days off",
    ),
    "notice-with-empty-days-off": (
        """\
        [[notice]]  # <-
        year = 2027
        source = "s"
        days_off = []
        """,
        "notice 2027: lists no days off",
    ),
    "twice-on-one-line": (
        """\
        [[local]]
        source = "s"
        days_off = [
            { date = 2027-03-01, name = "x" },
            { date = 2027-03-02, name = "x" }, { date = 2027-03-01, name = "y" },  # <-
        ]
        """,
        "2027-03-01 is listed twice",
    ),
    "twice-on-the-first-line": (
        """\
        [[local]]
        source = "s"
        days_off = [{ date = 2027-03-01, name = "x" }, { date = 2027-03-01, name = "y" }]  # <-
        """,
        "2027-03-01 is listed twice",
    ),
    "twice-in-a-later-table": (
        """\
        [[local]]
        source = "s"
        days_off = [{ date = 2027-03-01, name = "x" }]  # 2027-03-02 comes next

        [[local]]
        source = "2027-03-02"
        days_off = [{ date = 2027-03-02, name = "y" }]
        workdays = [{ date = 2027-03-02 }]  # <-
        """,
        "2027-03-02 is listed twice",
    ),
    "days-off-text": (
        """\
        [[local]]
        source = "s"
        days_off = "2027-03-01"  # <-
        """,
        "local: days_off must be a list of rows like",
    ),
    "workdays-table": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [{ date = 2027-10-01, name = "国庆节" }]

        [[notice]]
        year = 2028
        source = "s"
        days_off = [{ date = 2028-10-02, name = "国庆节" }]
        workdays = { date = 2028-10-07 }  # <-
        """,
        "notice 2028: workdays must be a list of rows like",
    ),
    "bare-dates": (
        """\
        [[notice]]
        year = 2027
        source = "s"
        days_off = [  # <-
            2027-10-01,
            2027-10-04,
        ]
        """,
        "each row of days_off must look like",
    ),
    "day-off-without-name": (
        """\
        [[local]]
        source = "s"
        days_off = [
            { date = 2027-03-01 },  # <-
        ]
        """,
        "the row for 2027-03-01 needs a name",
    ),
}


class TestMalformed:
    """A malformed file is refused with OverrideFileError naming the file and the line."""

    @pytest.mark.parametrize(("text", "problem"), _MALFORMED.values(), ids=_MALFORMED.keys())
    def test_refused(self, tmp_path: Path, text: str, problem: str) -> None:
        """The error is ours and a ValueError, and says file:line: problem."""
        path = _write(tmp_path, text)
        line = _marked_line(textwrap.dedent(text))
        with pytest.raises(OverrideFileError) as caught:
            load_overrides(path)
        error = caught.value
        assert isinstance(error, DeadlinesError)
        assert isinstance(error, ValueError)
        assert (error.path, error.line) == (str(path), line)
        assert str(error).startswith(f"{path}:{line}: ")
        assert problem in str(error)

    def test_refused_by_the_calendar_too(self, tmp_path: Path) -> None:
        """ChinaCalendar(overrides=[...]) raises the same error when it loads the file."""
        path = _write(tmp_path, _MALFORMED["off-and-on"][0])
        with pytest.raises(OverrideFileError, match=r"listed twice"):
            ChinaCalendar([path])

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that cannot be read is named, with no line."""
        with pytest.raises(OverrideFileError, match="cannot read it") as caught:
            load_overrides(tmp_path / "nowhere.toml")
        assert caught.value.line is None


class TestConflicts:
    """Two overrides that disagree are refused with PluginConflictError naming both."""

    def test_same_notice_year(self, tmp_path: Path) -> None:
        """Two files with different notices for one year: a file conflict, not a plugin one."""
        first = _write(tmp_path, NOTICE_2027, "a.toml")
        second = _write(tmp_path, NOTICE_2027.replace("X号", "Y号"), "b.toml")
        with pytest.raises(OverrideConflictError, match="the 2027 notice") as caught:
            ChinaCalendar([first, second])
        assert isinstance(caught.value, ValueError)
        assert not isinstance(caught.value, PluginConflictError)
        assert (caught.value.path, caught.value.other) == (str(second), str(first))
        assert "plugin" not in str(caught.value)
        assert str(caught.value) == (
            f"{second}: the 2027 notice is also in {first}, and the two differ (a year's "
            "notice can come from one place only); give only one of the two files"
        )
        assert caught.value.render("zh") == (
            f"{second}：2027年通知在{first}中也有，且两处不同（同一年的通知只能来自一处）；"
            "两个文件只能给出其一"
        )

    def test_same_file_twice(self, tmp_path: Path) -> None:
        """The same file given twice does not conflict with itself (issue 14, point 7)."""
        path = _write(tmp_path, NOTICE_2027, "a.toml")
        calendar = ChinaCalendar([path, path])
        assert calendar.last_announced_year == 2027
        assert len(calendar.overrides) == 1

    def test_two_files_that_agree(self, tmp_path: Path) -> None:
        """Two copies of one notice agree: no conflict."""
        first = _write(tmp_path, NOTICE_2027, "a.toml")
        second = _write(tmp_path, NOTICE_2027, "b.toml")
        assert ChinaCalendar([first, second]).last_announced_year == 2027

    def test_a_plugin_and_a_file(self, tmp_path: Path) -> None:
        """A file and a plugin that disagree are still a plugin conflict."""
        path = _write(tmp_path, NOTICE_2027, "a.toml")
        change = DayChange(D(2027, 3, 1), off=True, name="x", source="s")
        plugin = CalendarOverride("my-plugin", notices=(Notice(2027, "p", (change,)),))
        with pytest.raises(PluginConflictError, match="my-plugin"):
            ChinaCalendar([path, plugin])

    def test_local_day_off_and_on(self, tmp_path: Path) -> None:
        """One file sets a day off, another works it: a conflict."""
        off = _write(
            tmp_path,
            '[[local]]\nsource = "s"\ndays_off = [{ date = 2027-03-01, name = "x" }]\n',
            "off.toml",
        )
        on = _write(
            tmp_path, '[[local]]\nsource = "s"\nworkdays = [{ date = 2027-03-01 }]\n', "on.toml"
        )
        with pytest.raises(OverrideConflictError, match="the day 2027-03-01"):
            ChinaCalendar([off, on])

    def test_local_day_agreeing(self, tmp_path: Path) -> None:
        """Two files setting the same day the same way do not conflict."""
        text = '[[local]]\nsource = "s"\ndays_off = [{ date = 2027-03-01, name = "x" }]\n'
        calendar = ChinaCalendar(
            [_write(tmp_path, text, "a.toml"), _write(tmp_path, text, "b.toml")]
        )
        assert calendar.is_workday(D(2027, 3, 1)) is False


class TestLocalDays:
    """Local days change single days after every notice, and announce nothing."""

    def test_local_over_a_notice(self, tmp_path: Path) -> None:
        """A local working day on a notice's holiday wins, whatever the file order."""
        notice = _write(tmp_path, NOTICE_2027, "notice.toml")
        local = _write(
            tmp_path,
            '[[local]]\nsource = "our office"\nworkdays = [{ date = 2027-02-12 }]\n',
            "local.toml",
        )
        for order in ([notice, local], [local, notice]):
            calendar = ChinaCalendar(order)
            assert calendar.is_workday(D(2027, 2, 12)) is True
            assert calendar.day(D(2027, 2, 12)).source == "our office"

    def test_local_day_off(self, tmp_path: Path) -> None:
        """A local day off on a weekday is a named holiday, and its year stays provisional."""
        path = _write(
            tmp_path, '[[local]]\nsource = "s"\ndays_off = [{ date = 2027-03-01, name = "本地" }]\n'
        )
        calendar = ChinaCalendar([path])
        day = calendar.day(D(2027, 3, 1))
        assert (day.kind, day.name_zh, day.origin) == (DayKind.HOLIDAY, "本地", str(path))
        assert calendar.last_announced_year == 2026
        assert day.provisional
