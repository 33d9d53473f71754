"""``deadlines check``: a county clerk's review (issue 10): the explanation as it stands at
``--at``, margins, quarters named, bad lines counted in the report, the CSV's signed columns."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import pytest

from deadlines._messages import Said
from deadlines.cli import main
from deadlines.supervision._status import span

EVENTS = str(
    Path(__file__).resolve().parent.parent / "examples" / "supervision" / "county-week.jsonl"
)
PAUSED = "m-2025-041/document/1"


def check(*args: str) -> str:
    """What ``deadlines check ARGS`` prints on standard output."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["check", *args, "--no-plugins"])
    return out.getvalue()


class TestExplainAtMoment:
    """``--explain`` explains the obligation as it stands at ``--at``, as the table does."""

    @pytest.mark.parametrize(
        ("at", "due", "paused"),
        [
            ("2025-10-13T10:00", "2025年10月16日（周四）17:30", True),
            ("2025-10-15T09:00", "2025年10月17日（周五）17:30", False),
        ],
        ids=["pause-running", "pause-ended"],
    )
    def test_due_line(self, at, due, paused):
        """The due line is the table's due; a pause running at ``--at`` is named, none later."""
        text = check(EVENTS, "--at", at, "--lang", "zh", "--explain", PAUSED)
        row = next(line for line in text.splitlines() if line.startswith(PAUSED + " "))
        assert due.replace("年", "-").replace("月", "-").split("日")[0] in row.replace("-0", "-")
        explanation = text.split(PAUSED + "：", 1)[1]
        assert f"到期时间：{due}" in explanation
        assert ("暂停计时中（自2025年10月10日10:00起）" in explanation) is paused

    def test_no_later_pause_in_trace(self):
        """The trace counts the pause only up to ``--at``, not to its later end."""
        text = check(EVENTS, "--at", "2025-10-13T10:00", "--explain", PAUSED)
        assert "2025-10-14 15:00" not in text.split(PAUSED + ":", 1)[1]


class TestMargins:
    """Within the last working day a Chinese margin is its hours or minutes, said once."""

    @pytest.mark.parametrize(
        ("key", "days", "hours", "said"),
        [
            ("met", 0, 1.5, "提前1.5小时办结"),
            ("late", 0, -1 / 3, "逾期20分钟办结"),
            ("open", 0, 7.5, "剩余7.5小时"),
            ("overdue", -178, -6431.5, "逾期178个工作日"),
            ("met", 12, 100.0, "提前12个工作日办结"),
        ],
        ids=["early-hours", "late-minutes", "left-hours", "overdue-days", "early-days"],
    )
    def test_zh(self, key, days, hours, said):
        """No 不足1个工作日 before the number; working days as they were."""
        assert Said(f"check.left.{key}", {"span": span(days, hours)}).render("zh") == said

    def test_en_unchanged(self):
        """English keeps ``0 wd / 1.5 h``."""
        margin = Said("check.left.met", {"span": span(0, 1.5)})
        assert margin.render("en") == "0 wd / 1.5 h early"

    def test_report(self):
        """The table says it so on the example."""
        text = check(EVENTS, "--at", "2025-10-15T09:00", "--lang", "zh", "--color", "never")
        assert "逾期20分钟办结" in text
        assert "不足" not in text.split("督办提示")[0]


class TestQuarters:
    """A quarter's obligations say which quarter; an escalated one is 提请督办 everywhere."""

    AT = "2026-01-20T10:00"

    def test_alerts(self):
        """Each alert names its quarter and activity instead of the rule's title."""
        text = check(EVENTS, "--at", self.AT, "--lang", "zh", "--color", "never")
        alerts = [line for line in text.splitlines() if "2025Q4/" in line and "【" in line]
        assert [a.split("：")[1].split("，")[0] for a in alerts] == [
            "2025年第四季度调度",
            "2025年第四季度通报",
        ]

    @pytest.mark.parametrize(
        ("lang", "summaries"),
        [
            ("zh", {"2025年第四季度调度", "2025年第四季度通报", "2026年第一季度调度"}),
            ("en", {"2025Q4 dispatch", "2025Q4 report", "2026Q1 dispatch"}),
        ],
        ids=["zh", "en"],
    )
    def test_ics(self, tmp_path, lang, summaries):
        """Each quarter's event says which quarter's dispatch or report it is."""
        icalendar = pytest.importorskip("icalendar")
        path = tmp_path / "open.ics"
        check(EVENTS, "--at", self.AT, "--lang", lang, "--ics", str(path))
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        said = {
            str(event["summary"]).rsplit(": " if lang == "en" else "：", 1)[1]
            for event in calendar.walk("VEVENT")
            if str(event["uid"]).startswith("202")
        }
        assert summaries <= said

    @pytest.mark.parametrize(
        ("lang", "labels"),
        [("zh", ("提请督办", "未到期")), ("en", ("escalated", "open"))],
        ids=["zh", "en"],
    )
    def test_json_label(self, lang, labels):
        """``quarterly[].dispatch.status_label`` says escalated as the text report does."""
        data = json.loads(check(EVENTS, "--at", self.AT, "--lang", lang, "--json"))
        quarters = {q["quarter"]: q for q in data["quarterly"]}
        assert quarters["2025Q4"]["dispatch"]["status"] == "overdue"
        assert quarters["2025Q4"]["dispatch"]["status_label"] == labels[0]
        assert quarters["2026Q1"]["report"]["status_label"] == labels[1]


class TestNotTaken:
    """The printed report ends by counting the input lines it did not take into account."""

    @pytest.mark.parametrize(
        ("lang", "said"),
        [
            ("zh", "另有2行未能采用，见标准错误输出"),
            ("en", "input lines not taken into account: 2 (listed on standard error)"),
        ],
        ids=["zh", "en"],
    )
    def test_bad_lines(self, tmp_path, lang, said):
        """Two bad lines: the report's last line says so, in the report's language."""
        events = tmp_path / "events.jsonl"
        events.write_text(Path(EVENTS).read_text(encoding="utf-8") + "{bad\n[1]\n", "utf-8")
        text = check(str(events), "--at", "2025-10-15T09:00", "--lang", lang)
        assert text.rstrip("\n").splitlines()[-1] == said

    def test_none(self):
        """No bad line: no such line."""
        text = check(EVENTS, "--at", "2025-10-15T09:00", "--lang", "zh")
        assert "未能采用" not in text


class TestCsvMarginHeaders:
    """The Chinese CSV names its signed margin columns for what they hold."""

    def test_headers_and_signs(self):
        """Positive for a done-early row, negative for an overdue one, under those names."""
        text = check(EVENTS, "--at", "2025-10-15T09:00", "--lang", "zh", "--csv")
        rows = {row["事项编号"]: row for row in csv.DictReader(io.StringIO(text))}
        days = "距时限工作日（正为提前或剩余，负为逾期）"
        hours = "距时限小时（正为提前或剩余，负为逾期）"
        assert rows["2025Q3/dispatch"][days] == "12"
        assert rows["i-2025-071/plan"][days] == "-10"
        assert float(rows["i-2025-071/plan"][hours]) < 0

    def test_english_unchanged(self):
        """The English CSV keeps its machine column names."""
        text = check(EVENTS, "--at", "2025-10-15T09:00", "--csv")
        header = text.splitlines()[0].split(",")
        assert header[8:10] == ["working_days_left", "hours_left"]
