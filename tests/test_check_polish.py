"""``deadlines check``: a county clerk's review (issue 10): the explanation as it stands at
``--at``, margins, quarters named, bad lines counted in the report, the CSV's signed columns."""

from __future__ import annotations

import contextlib
import io
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
