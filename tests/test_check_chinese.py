"""``deadlines check --lang zh``: every word a clerk reads is Chinese, in the glossary's words
(issue 10); the machine fields (codes, keys, English CSV) stay as they were."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from pathlib import Path

import icalendar
import pytest
from tests.chinese import english_words

from deadlines import Engine
from deadlines.cli import main
from deadlines.supervision import REPORT_COLUMNS, Supervisor, read_events

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "supervision").glob("*.jsonl"))
#: Moments that show every status: a clock paused, warnings, overdue and escalated, and
#: quarters due on days no notice has settled yet (provisional).
MOMENTS = ("2025-10-12T10:00", "2025-10-15T09:00", "2026-06-20T17:00", "2027-01-04T09:00")
#: The status codes: machine values the Chinese CSV keeps beside their words.
CODES = frozenset({"open", "warning", "overdue", "met", "late"})
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def check(*args: str) -> str:
    """What ``deadlines check ARGS`` prints, standard output and error together."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        main(["check", *args, "--no-plugins"])
    return out.getvalue()


def obligation_ids(path: Path, at: str) -> list[str]:
    """The ids of every obligation of the events at `at`."""
    data = json.loads(check(str(path), "--at", at, "--json"))
    return [row["id"] for row in data["obligations"]]


CASES = [(path, at) for path in EXAMPLES for at in MOMENTS]
IDS = [f"{path.stem}-{at[:10]}" for path, at in CASES]


class TestNoEnglish:
    """The Chinese report, CSV, ICS and explanations hold no English word."""

    @pytest.mark.parametrize(("path", "at"), CASES, ids=IDS)
    @pytest.mark.parametrize("color", ["never", "always"], ids=["plain", "grouped"])
    def test_table(self, path, at, color):
        """The table, the counts, the alerts and the checks, plain or grouped by status."""
        text = _ANSI.sub("", check(str(path), "--at", at, "--lang", "zh", "--color", color))
        assert "督查报告" in text
        assert english_words(text) == []

    @pytest.mark.parametrize(("path", "at"), CASES, ids=IDS)
    def test_explain(self, path, at):
        """How each obligation's due was counted, pauses included."""
        options = [arg for name in obligation_ids(path, at) for arg in ("--explain", name)]
        text = check(str(path), "--at", at, "--lang", "zh", "--color", "never", *options)
        assert english_words(text) == []

    @pytest.mark.parametrize(("path", "at"), CASES, ids=IDS)
    def test_csv(self, path, at):
        """Headers, labels and yes/no in Chinese; only the status codes stay, by contract."""
        text = check(str(path), "--at", at, "--lang", "zh", "--csv")
        assert english_words(text, CODES) == []

    @pytest.mark.parametrize(("path", "at"), CASES, ids=IDS)
    def test_ics(self, path, at, tmp_path):
        """Each event's summary, description, categories and alarm."""
        ics = tmp_path / "open.ics"
        check(str(path), "--at", at, "--lang", "zh", "--ics", str(ics))
        calendar = icalendar.Calendar.from_ical(ics.read_bytes())
        words = []
        for component in calendar.walk():
            if component.name in ("VEVENT", "VALARM"):
                words.append(str(component["description"]))
            if component.name == "VEVENT":
                words.append(str(component["summary"]))
                words.append(",".join(component["categories"].cats))
        assert words
        assert english_words("\n".join(words)) == []


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


EXAMPLE = str(ROOT / "examples" / "supervision" / "county-week.jsonl")


@pytest.fixture(scope="module")
def table() -> str:
    """The Chinese report of the worked example in June 2026."""
    return check(EXAMPLE, "--at", "2026-06-20T17:00", "--lang", "zh", "--color", "never")


class TestWords:
    """The glossary's words where a clerk reads them."""

    def test_summary(self, table):
        """The counts by status, with the glossary's status words and full-width punctuation."""
        assert (
            "按状态：逾期未办10项，临期预警0项，未到期0项，逾期办结1项，按期办结5项；"
            "合计16项，其中提请督办10项"
        ) in table

    def test_by_rule_headings(self, table):
        """The table by rule is headed by the status words."""
        assert re.search(r"按规则 +逾期未办 +临期预警 +未到期 +逾期办结 +按期办结 +合计", table)

    @pytest.mark.parametrize(
        ("row", "state", "margin"),
        [
            ("i-2025-071/plan", "提请督办", "逾期178个工作日"),
            ("d-1010-02/routing", "逾期办结", "逾期20分钟办结"),
            ("m-2025-041/minutes", "按期办结", "提前1个工作日办结"),
            ("2025Q3/report", "按期办结", "提前1.5小时办结"),
            ("d-0929-07/routing", "按期办结", "提前6小时办结"),
        ],
        ids=["escalated", "late-minutes", "met", "met-hours", "met-whole-hours"],
    )
    def test_rows(self, table, row, state, margin):
        """A row's status and margin: working days; hours (or minutes) only within the last."""
        assert re.search(rf"^{re.escape(row)} .* {state}  {re.escape(margin)}$", table, re.M)

    @pytest.mark.parametrize(
        "line",
        [
            "督办提示（13项）：",
            (
                "  【提请督办】i-2025-071/plan：领导批示件制定落实意见，2025-09-25 17:30到期，"
                "已逾期178个工作日，应提请督办"
            ),
            (
                "  【违反无会月】会议m-2026-009（常务会议）安排于2026年3月4日召开，"
                "违反“无会月”制度（第六条）"
            ),
            "  会议m-2026-010（专题会议）安排于2026年3月9日召开，紧急豁免：春季防汛部署（第六条）",
            (
                "  【调研不足】李副县长2026年调研0天（全年不少于60天），"
                "截至2026年6月20日应达28.5天，落后28.5天"
            ),
            "  王副县长2025年调研2天（全年不少于60天），截至2025年12月31日应达60天，落后58天",
            (
                "  2025年第三季度：调度按期办结（时限2025年9月30日17:30），"
                "通报按期办结（时限2025年9月30日17:30）"
            ),
            (
                "  2025年第四季度：调度提请督办（时限2025年12月31日17:30），"
                "通报提请督办（时限2025年12月31日17:30）"
            ),
        ],
        ids=[
            "alerts",
            "escalated",
            "violation",
            "exemption",
            "shortfall",
            "whole-days",
            "quarter-met",
            "quarter-escalated",
        ],
    )
    def test_lines(self, table, line):
        """Alerts with Chinese tags, meetings by their Chinese names, quarters' statuses."""
        assert line in table.splitlines()

    def test_pause(self):
        """A paused obligation in the table, and its pause in its explanation."""
        text = check(
            EXAMPLE, "--at", "2025-10-12T10:00", "--lang", "zh", "--color", "never",
            "--explain", "m-2025-041/document/1",
        )  # fmt: skip
        assert "未到期    剩余3个工作日，暂停计时中（自2025年10月10日10:00起）" in text
        # As it stands at --at: the pause counted up to then, not to its later end.
        assert (
            "\n到期时间：2025年10月15日（周三）17:30\n暂停计时中（自2025年10月10日10:00起）\n"
            in text
        )
        assert (
            "暂停计时2025-10-10 10:00至2025-10-12 10:00（补正：等待县粮食局修改意见），"
            "1个工作日不计：2025-10-11（周六）"
        ) in text
        assert "扣除暂停时间，到期时间由2025-10-14 17:30顺延至2025-10-15 17:30" in text

    def test_pause_never_resumed(self, tmp_path):
        """A pause still running when the file ends: named in the table and in --explain."""
        events = tmp_path / "paused.jsonl"
        lines = [
            {"type": "document_received", "id": "d-p", "urgency": "ordinary",
             "received_at": "2026-06-17T09:00"},
            {"type": "paused", "obligation": "d-p/routing", "at": "2026-06-19T10:00"},
        ]  # fmt: skip
        events.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
        args = (str(events), "--at", "2026-06-20T17:00", "--explain", "d-p/routing")
        text = check(*args, "--lang", "zh", "--color", "never")
        assert "剩余1个工作日，暂停计时中（自2026年6月19日10:00起）\n" in text
        assert (
            "\n到期时间：2026年6月22日（周一）09:00\n暂停计时中（自2026年6月19日10:00起）\n" in text
        )
        assert english_words(text) == []
        english = check(*args, "--color", "never")
        assert "1 wd / 40.0 h left, paused since 2026-06-19 10:00\n" in english
        assert "\ndue: 2026-06-22T09:00+08:00\nclock paused since 2026-06-19 10:00\n" in english
        data = json.loads(check(*args[:3], "--json"))
        assert data["obligations"][0]["paused"] is True

    def test_ics_words(self, tmp_path):
        """The calendar's name is Chinese, and an escalated item is 提请督办 as in the table."""
        ics = tmp_path / "open.ics"
        check(EXAMPLE, "--at", "2026-06-20T17:00", "--lang", "zh", "--ics", str(ics))
        calendar = icalendar.Calendar.from_ical(ics.read_bytes())
        assert str(calendar["x-wr-calname"]) == "督办事项"
        events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
        escalated = events["2026Q1/dispatch@deadlines"]
        assert str(escalated["summary"]).startswith("【提请督办】")
        assert escalated["categories"].cats == ["supervision.quarterly", "提请督办"]
        assert "承办：县政府办公室" in str(escalated["description"])

    def test_help(self):
        """``check --help`` names the lists as the report does."""
        out = io.StringIO()
        with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
            main(["--lang", "zh", "check", "--help"])
        text = re.sub(r"\s+", "", out.getvalue())  # help is wrapped to the terminal's width
        assert "督办提示" in text
        assert "季度调度、通报" in text
        assert "季度督查" not in text

    def test_provisional(self, tmp_path):
        """A due on a day no notice has settled is marked, explained and listed in Chinese."""
        events = tmp_path / "year-end.jsonl"
        line = {
            "type": "document_received",
            "id": "d-x",
            "urgency": "ordinary",
            "received_at": "2026-12-31T16:00",
        }
        events.write_text(json.dumps(line) + "\n", "utf-8")
        text = check(str(events), "--at", "2026-12-31T17:00", "--lang", "zh", "--color", "never")
        assert "? 暂定：到期时间所依据的日期，国务院办公厅尚未印发放假安排通知" in text
        assert "【暂定】d-x/routing：到期时间2027-01-05 16:00所依据的日期" in text
        assert english_words(text) == []


class TestMachineForms:
    """Codes, keys and the English CSV do not change with the language; labels sit beside."""

    def test_csv_english(self):
        """The English CSV is the machine form: its column names, true/false."""
        rows = _rows(check(EXAMPLE, "--at", "2025-10-15T09:00", "--csv"))
        assert tuple(rows[0]) == REPORT_COLUMNS
        assert {row[REPORT_COLUMNS.index("escalated")] for row in rows[1:]} == {"true", "false"}

    def test_csv_chinese(self):
        """Chinese headers, the status code kept and its words beside it, 是/否."""
        rows = _rows(check(EXAMPLE, "--at", "2025-10-15T09:00", "--csv", "--lang", "zh"))
        assert rows[0][:5] == ["事项编号", "规则", "事件", "事项名称", "承办"]
        assert rows[0][6:10] == [
            "到期时间",
            "状态代码",
            "状态",
            "距时限工作日（正为提前或剩余，负为逾期）",
        ]
        quarter = {row[0]: row for row in rows}["2025Q3/dispatch"]
        assert quarter[3:5] == ["调度", "县政府办公室"]
        first = dict(zip(rows[0], rows[1], strict=True))
        assert (first["事项编号"], first["状态代码"], first["状态"]) == (
            "i-2025-071/plan",
            "overdue",
            "提请督办",
        )
        assert first["提请督办"] == "是"

    def test_json_labels(self):
        """The JSON of both languages differs only in its labels, which are Chinese in zh."""
        zh = json.loads(check(EXAMPLE, "--at", "2026-06-20T17:00", "--json", "--lang", "zh"))
        en = json.loads(check(EXAMPLE, "--at", "2026-06-20T17:00", "--json", "--lang", "en"))
        assert _without_labels(zh) == _without_labels(en)
        first = zh["obligations"][0]
        assert (first["status"], first["status_label"]) == ("overdue", "提请督办")
        assert en["obligations"][0]["status_label"] == "escalated"
        assert zh["warnings"][0]["level_label"] == "提请督办"
        assert zh["march"][0]["kind_label"] == "常务会议"
        assert zh["quarterly"][0]["dispatch"]["status_label"] == "按期办结"

    def test_write_json_is_json_dumps(self):
        """`Report.write_json` writes ``json.dumps(indent=2)`` of `to_json`, pauses included."""
        lines = Path(EXAMPLE).read_text("utf-8").splitlines()
        report = Supervisor(Engine(discover_plugins=False)).ledger(read_events(lines))
        report = report.report("2025-10-12T10:00")
        assert any(row.tracked.pauses for row in report.rows)
        for lang in ("zh", "en"):
            written = io.StringIO()
            report.write_json(written, lang=lang)
            data = report.to_json(lang=lang)
            assert written.getvalue() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _without_labels(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_labels(v) for k, v in value.items() if not k.endswith("_label")}
    if isinstance(value, list):
        return [_without_labels(v) for v in value]
    return value
