"""Issue 10's proof for policy testing and batch input: Chinese output holds no English word.

`deadlines test` and `deadlines diff` on the repository's examples, and the problems of a
batch of bad lines, under ``--lang zh``. The keys of case files and the TOML literals
``true``/``false`` (identifiers a clerk types) are allowed; the examples' names are Chinese.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.chinese import english_words

from deadlines import Engine
from deadlines.cli import main
from deadlines.io import run_batch
from deadlines.policy import CaseFile
from deadlines.policy._cases import Case, Expectation

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "policy-change"
POLICY = "examples/policy-change/policy.toml"


#: The keys of case files and the TOML literals: what a clerk types into a case file. The
#: examples' names and descriptions are Chinese, as a county's policy staff write them, so none
#: of their words is allowed.
ALLOWED = frozenset(
    {"true", "false"}
    | {key for model in (CaseFile, Case, Expectation) for key in model.model_fields}
)


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    main([*arguments, "--lang", "zh"])
    captured = capsys.readouterr()
    return captured.out + captured.err


class TestCommands:
    """`deadlines test` and `deadlines diff` in Chinese, on the examples."""

    @pytest.mark.parametrize(
        "arguments",
        [
            ("test", "examples/policy-change"),
            ("test", "examples/policy-change/failing-case.toml"),
            ("test", "examples/policy-change/mistaken-case.toml"),
            ("diff", "opinion-2020", POLICY, "--cases", "examples/policy-change"),
            ("diff", "opinion-2020", POLICY, "--from", "2027-06-01", "--to", "2027-06-07"),
            ("diff", POLICY, POLICY, "--cases", "examples/policy-change"),
        ],
        ids=["test", "test-failing", "test-mistaken", "diff-cases", "diff-range", "diff-none"],
    )
    def test_no_english_word(self, capsys, monkeypatch, arguments):
        """Every line a clerk reads is Chinese, but for identifiers and what the user wrote."""
        monkeypatch.chdir(ROOT)
        text = _run(capsys, *arguments)
        assert text.strip()
        assert english_words(text, ALLOWED) == []

    def test_usage_error(self, capsys, monkeypatch):
        """A usage error of `deadlines diff` says its problem in Chinese."""
        monkeypatch.chdir(ROOT)
        text = _run(capsys, "diff", "opinion-2020", POLICY, "--from", "2027-06-01")
        assert "请给出起算时间" in text

    def test_english_unchanged(self, capsys, monkeypatch):
        """Without --lang zh the same report is English (the docs hold it line by line)."""
        monkeypatch.chdir(ROOT)
        main(["test", "examples/policy-change", "--lang", "en"])
        assert capsys.readouterr().out.endswith("15 passed\n")


#: Bad lines of every kind that batch input itself refuses, or the engine refuses by field.
BAD_JSONL = [
    '{"rule": ',
    "[1]",
    '{"at": "2026-09-30T17:00"}',
    '{"rule": "minutes.executive"}',
    '{"rule": "minutes.executive", "at": 20260930}',
    '{"id": 6, "rule": "minutes.executive", "at": "30/09/2026"}',
    '{"rule": "minutes.executiv", "at": "2026-09-30T17:00"}',
    '{"rule": "minutes.executive", "at": "2100-12-30T17:00"}',
    '{"rule": "decisions.time_limited", "at": "2026-09-30T17:00", "limit_days": "十五"}',
    '{"rule": "minutes.executive", "at": "2026-09-30T17:00\udcff"}',
    (
        '{"rule": "minutes.special_topic", "at": "2026-09-30T17:00", '
        '"involves_personnel_money_assets": "待定"}'
    ),
    '{"rule": "minutes.executive", "rule": "minutes.executive", "at": "2026-09-30T17:00"}',
    '{"rule": "decisions.time_limited", "at": "2026-09-30T17:00", "limit_days": NaN}',
    '{"rule": "decisions.time_limited", "at": "2026-09-30T17:00", "limit_days": 1e999}',
    '{"rule": "decisions.time_limited", "at": "2026-09-30T17:00"}',
    (
        '{"rule": "decisions.time_limited", "at": "2026-09-30T17:00", "limit_days": 3, '
        '"deadline": "2026-10-31"}'
    ),
    '{"rule": "decisions.time_limited", "at": "2026-09-30T17:00", "deadline": "2026-09-01"}',
    '{"rule": "decisions.time_limited", "at": "2026-09-30T17:00", "limit_days": 40000}',
    '{"rule": "minutes.executive", "at": "2026-09-30T17:00", "limit_days": 3}',
    '{"rule": "minutes.executive", "at": "2019-09-30T17:00"}',
    '{"rule": "minutes.executive", "at": "2026-09-30T17:00+15:00"}',
    '{"rule": "meetings.march_freeze", "at": "2026-03-02T09:00"}',
]

#: The keys and columns of batch input (identifiers the user writes: a rule's parameter
#: ``deadline`` too), the JSON literals (``NaN`` and ``Infinity``, which JSON lacks, named as
#: the user wrote them), and the hexadecimal code of the byte that is not UTF-8 (echoed from
#: the input, as a value is).
BATCH_WORDS = frozenset(
    {"id", "rule", "at", "deadline", "deadlines", "check", "true", "false", "NaN", "Infinity", "ff"}
)
BAD_CSV = [
    "rule,at,limit_days",
    "minutes.executive,2026-09-30T17:00,1,2",
    ",2026-09-30T17:00",
    "decisions.time_limited,2026-09-30T17:00,-3",
]


class TestBatchProblems:
    """The problems of bad batch lines, in both languages, at the same line and field."""

    def test_jsonl_chinese(self):
        """Every error line of a JSON Lines batch says its problem in Chinese."""
        lines = [json.loads(line) for line in run_batch(BAD_JSONL, Engine(), lang="zh")]
        assert [line["error"]["line"] for line in lines] == list(range(1, len(BAD_JSONL) + 1))
        for line in lines:
            assert english_words(line["error"]["message"], BATCH_WORDS) == []

    def test_csv_chinese(self):
        """A CSV batch's error_message column is Chinese; its header stays machine words."""
        rows = "".join(run_batch(BAD_CSV, Engine(), "csv", lang="zh")).splitlines()[1:]
        assert len(rows) == 3
        assert english_words("\n".join(rows), BATCH_WORDS) == []
        header = "".join(run_batch(["rule,limit_days"], Engine(), "csv", lang="zh"))
        assert english_words(header.splitlines()[1], BATCH_WORDS) == []

    def test_same_places(self):
        """Line and field never change with the language; only the message does."""
        zh = [json.loads(line)["error"] for line in run_batch(BAD_JSONL, Engine(), lang="zh")]
        en = [json.loads(line)["error"] for line in run_batch(BAD_JSONL, Engine())]
        assert [(e["line"], e["field"]) for e in zh] == [(e["line"], e["field"]) for e in en]
        assert all(z["message"] != e["message"] for z, e in zip(zh, en, strict=True))
