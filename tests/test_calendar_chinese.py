"""deadlines calendar and deadlines notice in Chinese: every word a clerk reads is Chinese."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from chinese import english_words
from deadlines import ChinaCalendar
from deadlines._messages import Names, show
from deadlines.calendar._describe import break_of, cite, cite_day, day_words
from deadlines.cli import main

EXAMPLE = Path(__file__).parent.parent / "examples" / "notice-2026.toml"
CAL = ChinaCalendar()
NOTICE_2026 = "《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号）"

#: What Chinese output may still hold: the exports' keys (machine fields), JSON's literals,
#: iCalendar's property names and values, and the names of the programs it cites.
ALLOWED = frozenset(
    {"date", "off", "name", "source", "url", "provisional", "true", "false", "holidays"}
    | {"DTSTART", "DTEND", "DESCRIPTION", "URL", "TRANSP", "TRANSPARENT", "OPAQUE"}
)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The standard output of `deadlines ARGV --lang zh`, which must succeed."""
    assert main([*argv, "--lang", "zh"]) == 0
    captured = capsys.readouterr()
    assert not english_words(captured.err, ALLOWED)
    return captured.out


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Empty user and system notice folders of this test's own."""
    monkeypatch.setenv("DEADLINES_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DEADLINES_NOTICES", str(tmp_path / "system"))
    return tmp_path


COMMANDS = [
    ("calendar", "2026-10"),
    ("calendar", "2026-02"),
    ("calendar", "2027-10"),
    ("calendar", "2026"),
    ("calendar", "2026", "--json"),
    ("calendar", "2027", "--json"),
    ("calendar", "2026", "--csv"),
    ("calendar", "2026", "--ics"),
    ("calendar", "2027", "--ics"),
]


class TestNoEnglish:
    """The Chinese output of deadlines calendar and deadlines notice has no English word."""

    @pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(argv) for argv in COMMANDS])
    def test_calendar(self, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
        """A month, a year, an announced and a provisional year, and each export."""
        assert english_words(cli(capsys, *argv), ALLOWED) == []

    def test_notice(self, capsys: pytest.CaptureFixture[str], home: Path) -> None:
        """deadlines notice add, list (with a stored notice and without) and remove."""
        outputs = [cli(capsys, "notice", "list"), cli(capsys, "notice", "add", str(EXAMPLE))]
        outputs += [cli(capsys, "notice", "list"), cli(capsys, "notice", "remove", "2026")]
        assert "已公布年份：2004-2026" in outputs[0]
        assert NOTICE_2026 in outputs[2]
        assert [english_words(text, ALLOWED) for text in outputs] == [[]] * 4

    def test_version(self, capsys: pytest.CaptureFixture[str], home: Path) -> None:
        """deadlines --version: the data, the last announced year and the stored files."""
        for argv in (["--version", "--lang", "zh"], ["--version", "--lang", "zh"]):
            with pytest.raises(SystemExit) as exit_:
                main(argv)
            assert exit_.value.code == 0
            text = capsys.readouterr().out
            assert "最后公布年份：2026年（已公布：2004-2026）" in text
            assert english_words(text, ALLOWED | {"deadlines", "holidays"}) == []
            cli(capsys, "notice", "add", str(EXAMPLE))
        assert "（用户）" in text


class TestDayWords:
    """The exports use the catalogue's day words, and a break's weekend days belong to it."""

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """调休放假（2月14日上班）, the break's Sunday, the notice by title and number."""
        rows = {row["date"]: row for row in json.loads(cli(capsys, "calendar", "2026", "--json"))}
        assert rows["2026-02-20"]["name"] == "调休放假（2月14日上班）"
        assert rows["2026-10-05"]["name"] == "国庆节（补休）"
        assert (rows["2026-02-15"]["name"], rows["2026-02-15"]["off"]) == ("春节假期（周末）", True)
        assert rows["2026-10-04"]["name"] == "国庆节假期（周末）"
        assert "2026-10-11" not in rows  # a plain weekend after the break
        assert {row["source"] for row in rows.values()} == {NOTICE_2026}
        assert all(row["url"].startswith("https://") for row in rows.values())

    def test_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Chinese headers, 是/否, and the same days as the JSON."""
        table = list(csv.reader(io.StringIO(cli(capsys, "calendar", "2026-10", "--csv"))))
        assert table[0] == ["日期", "放假", "名称", "依据", "网址", "暂定"]
        assert table[4][:3] == ["2026-10-04", "是", "国庆节假期（周末）"]
        assert table[-1][:3] == ["2026-10-10", "否", "调休上班"]

    def test_ics(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The summary holds the day's words; the description the notice, not its address."""
        text = cli(capsys, "calendar", "2026-02", "--ics").replace("\r\n ", "")
        assert "SUMMARY:调休放假（2月14日上班）" in text
        assert f"DESCRIPTION:{NOTICE_2026}" in text
        assert "URL:https://" in text

    def test_break_across_new_year(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A New Year break's December weekend cites the next year's notice, which fixed it."""
        rows = json.loads(cli(capsys, "calendar", "2023-12", "--json"))
        assert [row["name"] for row in rows] == ["元旦假期（周末）", "元旦假期（周末）"]
        assert {row["source"] for row in rows} == {
            "《国务院办公厅关于2024年部分节假日安排的通知》（国办发明电〔2023〕7号）"
        }

    def test_provisional(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A year without a notice: estimated, 暂定, and says so in Chinese."""
        text = cli(capsys, "calendar", "2027-10")
        assert "暂定（尚无国务院办公厅通知）" in text
        assert "来源：按法定节假日推算（尚无国务院办公厅通知）" in text


class TestDescribe:
    """A day in words and its notice cited, as calendar/_describe.py gives them."""

    def test_day_words(self) -> None:
        """A holiday, the break's weekend day, and a 补休 day of the National Day break."""
        days = (CAL.day(dt.date(2026, 10, d)) for d in (3, 4, 5))
        words = [day_words(CAL, day) for day in days]
        assert [w.render("zh") for w in words if w] == [
            "国庆节",
            "国庆节假期（周末）",
            "国庆节（补休）",
        ]

    def test_cite(self) -> None:
        """A notice by its title and number, and its web address."""
        label, url = cite(CAL.day(dt.date(2026, 10, 1)).source)
        assert (show(label, "zh"), url.startswith("https://")) == (NOTICE_2026, True)

    def test_break_of(self) -> None:
        """A weekend day inside the break bears its name; one after it, none."""
        inside, after = (CAL.day(dt.date(2026, 10, d)) for d in (4, 11))
        assert break_of(CAL, inside) == Names("国庆节", "National Day")
        assert break_of(CAL, after) is None

    def test_cite_day_across_new_year(self) -> None:
        """A New Year break's December weekend cites the next year's notice."""
        label, _ = cite_day(CAL, CAL.day(dt.date(2023, 12, 30)))
        assert (
            show(label, "zh")
            == "《国务院办公厅关于2024年部分节假日安排的通知》（国办发明电〔2023〕7号）"
        )


class TestProblems:
    """What is wrong with an argument of deadlines calendar or notice is said in Chinese."""

    @pytest.mark.parametrize(
        ("argv", "problem"),
        [
            (("calendar", "2026-13"), "月份应为01至12，如2026-10，而不是“2026-13”"),
            (("calendar", "1999"), "日历范围为2004年至2100年，而不是“1999”"),
            (("calendar", "October"), "应为年份（如2026）或年月（如2026-10），而不是“October”"),
            (("notice", "remove", "x"), "应为年份，如2027，而不是“x”"),
            (("notice", "remove", "2031"), "用户通知目录中没有2031年通知；已保存：无"),
        ],
        ids=["month", "year", "shape", "notice-year", "notice-absent"],
    )
    def test_usage(
        self, capsys: pytest.CaptureFixture[str], home: Path, argv: tuple[str, ...], problem: str
    ) -> None:
        """Exit status 2, and the problem in the catalogue's Chinese."""
        assert main([*argv, "--lang", "zh"]) == 2
        assert problem in capsys.readouterr().err


def _notice(days_off: list[str], workdays: list[str] = (), head: str = "") -> str:
    """A 2026 notice file: its days off and its worked weekend days, as ISO dates."""
    rows = ", ".join(f'{{ date = {day}, name = "假日" }}' for day in days_off)
    worked = ", ".join(f"{{ date = {day} }}" for day in workdays)
    return (
        f'[[notice]]\nyear = 2026\nsource = "国办发明电〔2025〕7号"\n{head}'
        f"days_off = [{rows}]\nworkdays = [{worked}]\n"
    )


def _statutory_2026() -> list[str]:
    from deadlines.calendar._law import statutory_festivals

    return [day.isoformat() for f in statutory_festivals(2026) for day in f.days]


_ROW = '{ date = 2026-10-01, name = "国庆节" }'
_HEAD = '[[notice]]\nyear = 2026\nsource = "国办发明电〔2025〕7号"\n'
#: A bad file of each kind `parse_overrides` and the law check refuse, and the Chinese words
#: that say what is wrong with it.
BAD_FILES = [
    ("toml", "[[notice]\nyear = 2026\n", "不是有效的TOML：表数组的表头应以]]结尾（第1行第9列）"),
    ("toml-end", "[[notice]]\nyear = [2026", "不是有效的TOML：数组缺少右方括号（在文件末尾）"),
    ("table", "[[notices]]\nyear = 2026\n", "有未知的表：notices；可用的表：[[notice]]、[[local]]"),
    ("not-array", "notice = 1\n", "notice应为表数组：[[notice]]"),
    ("local-not-array", "local = 1\n", "local应为表数组：[[local]]"),
    ("year", '[[notice]]\nyear = "2026"\n', "第1个通知：year应为2004至2100之间的整数"),
    ("year-twice", f"{_HEAD}days_off = [{_ROW}]\n" * 2, "2026年列出了两次，请将两个通知合并为一个"),
    ("source", "[[notice]]\nyear = 2026\n", "2026年通知：source应为非空字符串"),
    ("time", f"{_HEAD}days_off = [{{ date = 2026-10-01T08:00:00 }}]\n", "含有时刻，只写日期即可"),
    ("text", f'{_HEAD}days_off = [{{ date = "10月1日" }}]\n', "'10月1日'不是日期，应写作"),
    ("type", f"{_HEAD}days_off = [{{ date = 1001 }}]\n", "2026年通知的days_off：date应为TOML日期"),
    ("range", f"{_HEAD}days_off = [{{ date = 2101-10-01 }}]\n", "2101-10-01超出日历范围"),
    ("keys", f"{_HEAD}colour = 1\ndays_off = [{_ROW}]\n", "有未知的键：colour；可用的键："),
    ("rows", f"{_HEAD}days_off = 1\n", "days_off应为若干行组成的列表"),
    ("row", f"{_HEAD}days_off = [1]\n", "days_off的每一行应形如"),
    ("row-keys", f'{_HEAD}days_off = [{{ date = 2026-10-01, colour = "红" }}]\n', "一行有未知的键"),
    ("twice", f"{_HEAD}days_off = [{_ROW}, {_ROW}]\n", "2026-10-01列出了两次"),
    ("reach", f"{_HEAD}days_off = [{{ date = 2027-10-01 }}]\n", "不在2026年通知的范围内"),
    ("weekday", _notice(["2026-10-01"], ["2026-10-08"]), "2026-10-08是周四，本为工作日"),
    ("name", f"{_HEAD}days_off = [{{ date = 2026-10-01 }}]\n", "2026-10-01一行缺少名称"),
    (
        "row-source",
        f'{_HEAD}days_off = [{{ date = 2026-10-01, name = "国庆节", source = "" }}]\n',
        "一行缺少来源（通知文号或链接）",
    ),
    ("no-days-off", _HEAD, "未列出放假日期；国务院办公厅通知列明其安排的放假日期"),
    ("partial", f"{_HEAD}partial = 1\ndays_off = [{_ROW}]\n", "partial应为true或false"),
    ("empty", "# nothing\n", "既无国务院办公厅通知，也无本地调整"),
    ("missing", _notice(["2026-10-01"]), "缺少元旦：01-01未放假"),
    (
        "too-many",
        _notice([*_statutory_2026(), *(f"2026-03-{d:02}" for d in range(2, 14))]),
        "工作日放假",
    ),
    (
        "too-few",
        _notice(
            _statutory_2026(),
            [f"2026-03-{d:02}" for d in (7, 8, 14, 15, 21, 22)]
            + [f"2026-06-{d:02}" for d in (6, 7, 13, 14, 20, 21, 27, 28)],
        ),
        "每调休上班一天",
    ),
]
#: What the problems may hold besides Chinese: the TOML keys and tables they name, the values
#: the bad files hold, and the command's name.
FILE_ALLOWED = ALLOWED | {"notice", "notices", "local", "year", "partial", "workdays", "colour"}
FILE_ALLOWED |= {"deadlines", "due", "calendar", "toml"}


class TestFileProblems:
    """What is wrong with a notice or local-days file is said in Chinese, in each command."""

    @pytest.mark.parametrize(("name", "text", "problem"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
    def test_notice_add(
        self, capsys: pytest.CaptureFixture[str], home: Path, name: str, text: str, problem: str
    ) -> None:
        """deadlines notice add FILE --lang zh: exit 2, the problem in Chinese, no English."""
        path = home / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        assert main(["notice", "add", str(path), "--lang", "zh"]) == 2
        err = capsys.readouterr().err
        assert problem in err
        assert english_words(err.replace(str(path), ""), FILE_ALLOWED) == []

    @pytest.mark.parametrize(
        "argv",
        [("calendar", "2026-10"), ("due", "tasks.immediate", "--at", "2026-09-30T10:00")],
        ids=["calendar", "due"],
    )
    def test_other_commands(
        self, capsys: pytest.CaptureFixture[str], home: Path, argv: tuple[str, ...]
    ) -> None:
        """deadlines calendar and due --calendar FILE say the same problem in Chinese."""
        path = home / "bad.toml"
        path.write_text(_notice(["2026-10-01"], ["2026-10-08"]), encoding="utf-8")
        assert main([*argv, "--calendar", str(path), "--lang", "zh"]) == 2
        err = capsys.readouterr().err
        assert "2026-10-08是周四，本为工作日" in err
        assert english_words(err.replace(str(path), ""), FILE_ALLOWED) == []

    def test_unreadable(self, capsys: pytest.CaptureFixture[str], home: Path) -> None:
        """A missing file, and one saved as GBK (the encoding and the system are named)."""
        gbk = home / "gbk.toml"
        gbk.write_bytes(_notice(["2026-10-01"]).encode("gbk"))
        for path, problem in (
            (home / "none.toml", "无法读取：文件不存在"),
            (gbk, "不是 UTF-8 编码"),
        ):
            assert main(["notice", "add", str(path), "--lang", "zh"]) == 2
            err = capsys.readouterr().err
            assert problem in err
            assert (
                english_words(err.replace(str(path), ""), FILE_ALLOWED | {"GB", "GBK", "Windows"})
                == []
            )

    def test_partial(self, capsys: pytest.CaptureFixture[str], home: Path) -> None:
        """A partial notice loads with a warning in Chinese that cites the measures."""
        path = home / "partial.toml"
        path.write_text(_notice(["2026-10-01"], head="partial = true\n"), encoding="utf-8")
        assert main(["notice", "add", str(path), "--lang", "zh"]) == 0
        err = capsys.readouterr().err
        version = "《全国年节及纪念日放假办法》（2024年修订，国务院令第795号，自2025年起施行）"
        assert f"2026年通知：不符合{version}：缺少元旦：01-01未放假" in err
        assert "仍按部分通知载入" in err
        assert english_words(err.replace(str(path), ""), FILE_ALLOWED) == []


class TestFileProblemsInEnglish:
    """The same problems in English are worded as before the catalogue held them."""

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            (
                _notice(["2026-10-01"], ["2026-10-08"]),
                (
                    ":5: notice 2026: 2026-10-08 is a Thursday, already a working day; workdays "
                    "lists the weekend days the notice makes working days"
                ),
            ),
            (
                "[[notice]\nyear = 2026\n",
                (
                    ":1: not valid TOML: Expected ']]' at the end of an array declaration "
                    "(at line 1, column 9)"
                ),
            ),
            (
                f"{_HEAD}colour = 1\ndays_off = [{_ROW}]\n",
                (
                    ":4: notice 2026: unknown key(s) colour; allowed: days_off, partial, source, "
                    "workdays, year"
                ),
            ),
            (
                _notice(["2026-10-01"]),
                (
                    ":1: notice 2026: against 国务院令第795号 (2024, from 2025): 元旦 (New Year's "
                    "Day) is missing: 01-01 not off; 春节 (Spring Festival) is missing: 02-16, "
                    "02-17, 02-18, 02-19 not off;"
                ),
            ),
        ],
        ids=["weekday", "toml", "keys", "law"],
    )
    def test_problem(self, tmp_path: Path, text: str, problem: str) -> None:
        """str() of the error, and its English rendering, are the English sentence."""
        from deadlines import OverrideFileError
        from deadlines.calendar import load_overrides

        path = tmp_path / "bad.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(OverrideFileError) as caught:
            load_overrides(path)
        assert f"{path}{problem}" in str(caught.value)
        assert caught.value.render("en") == str(caught.value)
        assert caught.value.problem in str(caught.value)

    def test_unreadable(self, tmp_path: Path) -> None:
        """A missing file: the system's reason."""
        from deadlines import OverrideFileError
        from deadlines.calendar import load_overrides

        with pytest.raises(OverrideFileError) as caught:
            load_overrides(tmp_path / "none.toml")
        assert (
            str(caught.value)
            == f"{tmp_path / 'none.toml'}: cannot read it: No such file or directory"
        )


BOARD_PAGES = [
    "/",
    "/?src=file:county-week.jsonl&at=2025-10-15T09:00",
    "/obligations/m-2025-041/document/1?src=file:county-week.jsonl&at=2025-10-15T09:00",
    "/calendar/2025?src=file:county-week.jsonl&at=2025-10-15T09:00",
    "/calendar/2025/10?src=file:county-week.jsonl&at=2025-10-15T09:00",
    "/calendar/2026/2",
    "/calendar/2027",
    "/report?src=file:county-week.jsonl&at=2025-10-15T09:00",
]
#: What a Chinese board page may hold besides: the link to the English page, and the names of
#: the formats and the program it exports to.
BOARD_ALLOWED = frozenset({"English", "Excel", "Lines"})


def _read(page: str) -> str:
    """What a reader sees of an HTML page: its text, and the titles and labels of its elements."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    shown = re.findall(r'\b(?:title|aria-label|abbr|placeholder)="([^"]*)"', page)
    return html.unescape(" ".join([re.sub(r"<[^>]+>", " ", page), *shown]))


@pytest.fixture(scope="module")
def client() -> Any:
    """The board alone in an app, with the examples' events folder."""
    pytest.importorskip("fastapi", reason="the board needs the server extra")
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from deadlines import Engine
    from deadlines.board import make_router

    events = Path(__file__).parent.parent / "examples" / "supervision"
    app = FastAPI()
    app.include_router(make_router(engine_factory=Engine, events_dir=events))
    return TestClient(app)


class TestBoardNoEnglish:
    """The Chinese board pages (the default language) have no English word."""

    @pytest.mark.parametrize("path", BOARD_PAGES, ids=BOARD_PAGES)
    def test_page(self, client: Any, path: str) -> None:
        """Every page of the board, with the example week's events and without."""
        answer = client.get(path)
        assert answer.status_code == 200
        assert english_words(_read(answer.text), BOARD_ALLOWED) == []

    def test_break_on_the_month(self, client: Any) -> None:
        """The board's month marks a break's Sunday as off, and cites the notice by title."""
        text = _read(client.get("/calendar/2026/10").text)
        assert "2026-10-04（周日）放假：国庆节假期（周末）" in text
        assert f"来源：{NOTICE_2026}" in text
        assert "https://" not in text
