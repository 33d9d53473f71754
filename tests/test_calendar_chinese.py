"""deadlines calendar and deadlines notice in Chinese: every word a clerk reads is Chinese."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from chinese import english_words
from deadlines.cli import main

EXAMPLE = Path(__file__).parent.parent / "examples" / "notice-2026.toml"
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


class TestProblems:
    """What is wrong with an argument of deadlines calendar or notice is said in Chinese."""

    @pytest.mark.parametrize(
        ("argv", "problem"),
        [
            (("calendar", "2026-13"), "月份应为01至12，如2026-10，而不是'2026-13'"),
            (("calendar", "1999"), "日历范围为2004年至2100年，而不是'1999'"),
            (("calendar", "October"), "应为年份（如2026）或年月（如2026-10），而不是'October'"),
            (("notice", "remove", "x"), "应为年份，如2027，而不是'x'"),
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
