"""``deadlines check``: a county clerk's review (issue 10): the explanation as it stands at
``--at``, margins, quarters named, bad lines counted in the report, the CSV's signed columns."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from deadlines.cli import main

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
