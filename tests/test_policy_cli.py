"""deadlines test, diff and schema: output, exit statuses, usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deadlines.cli import main

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples" / "policy-change"
POLICY = str(EXAMPLES / "policy.toml")


def cli(capsys, *argv):
    """Run `deadlines ARGV` in this process: (exit status, stdout, stderr)."""
    try:
        status = main(list(argv))
    except SystemExit as exit_:  # argparse's own errors
        status = exit_.code if isinstance(exit_.code, int) else 1
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def failing(tmp_path):
    """A folder with one passing and one failing case."""
    (tmp_path / "c.deadlines.toml").write_text(
        "[[case]]\nname = 'right'\nrule = 'minutes.executive'\nat = 2026-09-30T17:00:00\n"
        "expect = {due_date = 2026-10-10}\n"
        "[[case]]\nname = 'wrong'\nrule = 'minutes.executive'\nat = 2026-09-30T17:00:00\n"
        "expect = {due_date = 2026-10-09}\n",
        "utf-8",
    )
    return tmp_path


#: A policy with a sequence of two labelled steps, and a case whose `done` is text, not a table.
_SEQUENCE_POLICY = """base = "opinion-2020"
[[add]]
id = "routing.two_steps"
title_zh = "两步"
title_en = "Two steps"
citation = {article = 11, text = "普通件运转完成时间不超过48小时"}
[add.limit]
kind = "sequence"
limits = [{kind = "hours", n = 24, label = "a"}, {kind = "hours", n = 24, label = "b"}]
"""
_DONE_AS_TEXT = """policy = "policy.toml"
[[case]]
name = "done as text"
rule = "routing.two_steps"
at = 2026-09-28T10:00:00
params = {done = "2026-09-29T12:00:00"}
expect = {due = 2026-09-30T10:00:00}
"""


@pytest.fixture
def done_as_text(tmp_path):
    """A case that gives `done` as text to a sequence rule, with the policy beside it."""
    (tmp_path / "policy.toml").write_text(_SEQUENCE_POLICY, "utf-8")
    (tmp_path / "c.deadlines.toml").write_text(_DONE_AS_TEXT, "utf-8")
    return tmp_path


class TestTest:
    """deadlines test PATH…: 0 when every case passes, 1 otherwise, 2 for bad arguments."""

    def test_examples_pass(self, capsys):
        """The example's cases pass; provisional results are marked."""
        status, out, err = cli(capsys, "test", str(EXAMPLES))
        assert (status, err) == (0, "")
        assert out.splitlines()[-1] == "15 passed"
        assert "  ok    自2027年1月1日起适用24小时版本 (provisional)" in out

    def test_failure(self, capsys, failing):
        """A failure prints expected, actual and the trace, and exits 1."""
        status, out, _ = cli(capsys, "test", str(failing))
        assert status == 1
        assert "  FAIL  wrong" in out
        assert "        due_date  expected 2026-10-09" in out
        assert "                  actual   2026-10-10" in out
        assert "working day 3: 2026-10-10 (Sat)" in out
        assert out.splitlines()[-1] == "1 passed, 1 failed"

    def test_quiet(self, capsys, failing):
        """--quiet prints only failures and the summary."""
        _, out, _ = cli(capsys, "test", "-q", str(failing))
        assert "right" not in out
        assert "FAIL  wrong" in out

    def test_chinese(self, capsys, failing):
        """--lang zh shows the trace in Chinese."""
        _, out, _ = cli(capsys, "test", "--lang", "zh", str(failing))
        assert "第3个工作日：2026-10-10（周六）" in out

    def test_json(self, capsys, failing):
        """--json gives counts and each case with its mismatches."""
        status, out, _ = cli(capsys, "test", "--json", str(failing))
        data = json.loads(out)
        assert (status, data["passed"], data["failed"]) == (1, 1, 1)
        assert data["cases"][1]["mismatches"] == [
            {"field": "due_date", "expected": "2026-10-09", "actual": "2026-10-10"}
        ]

    def test_malformed_file(self, capsys, tmp_path):
        """A malformed case file is a failure naming the field, not a traceback."""
        (tmp_path / "c.deadlines.toml").write_text("[[case]]\nrule = 3\n", "utf-8")
        status, out, _ = cli(capsys, "test", str(tmp_path))
        assert status == 1
        assert "case[0].rule" in out

    def test_bad_parameter(self, capsys, done_as_text):
        """A parameter the rule refuses fails the case with the message, not a traceback."""
        status, out, err = cli(capsys, "test", str(done_as_text))
        assert (status, err) == (1, "")
        assert "  FAIL  done as text" in out
        assert (
            '          trigger: routing.two_steps at 2026-09-28T10:00, done="2026-09-29T12:00:00"'
            in out
        )
        assert "                  actual   invalid_value: done must be a table" in out
        assert "Traceback" not in out

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["missing-folder"], "argument PATH: missing-folder: no such file or folder"),
            (["{tmp}"], "argument PATH: no case files (*.deadlines.toml) in"),
        ],
        ids=["missing", "empty"],
    )
    def test_usage(self, capsys, tmp_path, argv, message):
        """Paths that give no case files are usage errors (exit 2)."""
        status, _, err = cli(capsys, "test", *(a.format(tmp=tmp_path) for a in argv))
        assert status == 2
        assert message in err


class TestDiff:
    """deadlines diff BASE NEW: 1 when anything changed, 0 when nothing did, 2 for bad input."""

    def test_cases(self, capsys):
        """With --cases, the changes of the example's cases are listed."""
        status, out, _ = cli(capsys, "diff", "opinion-2020", POLICY, "--cases", str(EXAMPLES))
        assert status == 1
        assert "routing.ordinary: 4 of 5 triggers change (4 earlier)" in out
        assert "2027-02-10: — → violates  [2027年2月开会，违反新增的2月无会月规定]" in out

    def test_error_message(self, capsys, done_as_text):
        """A trigger that becomes an error shows the error's message under the change."""
        policy = str(done_as_text / "policy.toml")
        status, out, err = cli(capsys, "diff", "opinion-2020", policy, "--cases", str(done_as_text))
        assert (status, err) == (1, "")
        assert '    2026-09-28 10:00 done="2026-09-29T12:00:00": — → invalid_value' in out
        assert "      after: invalid_value: done must be a table of step label → instant" in out
        status, out, _ = cli(
            capsys, "diff", "opinion-2020", policy, "--cases", str(done_as_text), "--json"
        )
        (change,) = json.loads(out)["rules"][0]["changes"]
        assert change["after"]["status"] == "invalid_value"
        assert change["after"]["message"].startswith("done must be a table")
        assert change["params"] == {"done": "2026-09-29T12:00:00"}

    def test_nothing_changed(self, capsys):
        """The same policy on both sides exits 0."""
        status, out, _ = cli(
            capsys,
            "diff",
            "opinion-2020",
            "opinion-2020",
            "--from",
            "2026-06-01",
            "--to",
            "2026-06-02",
        )
        assert status == 0
        assert out.splitlines()[-1] == "no change"

    def test_range_json(self, capsys):
        """A range with --rule and --json: machine-readable counts."""
        status, out, _ = cli(
            capsys,
            "diff",
            "opinion-2020",
            POLICY,
            "--from",
            "2027-01-04",
            "--to",
            "2027-01-08",
            "--rule",
            "routing.ordinary",
            "--json",
        )
        data = json.loads(out)
        assert status == 1
        assert (data["triggers"], data["changed"]) == (35, 35)
        assert data["rules"][0]["largest_shift_minutes"] == -(3 * 24 * 60)

    def test_written_out_is_the_same(self, capsys, tmp_path):
        """A policy written out to a file and compared with the original changes nothing."""
        from deadlines.policy import dump_policy
        from deadlines.rules import OPINION_2020

        dump_policy(OPINION_2020, tmp_path / "copy.json")
        status, out, _ = cli(
            capsys,
            "diff",
            "opinion-2020",
            str(tmp_path / "copy.json"),
            "--from",
            "2026-09-28",
            "--to",
            "2026-10-09",
            "--summary",
        )
        assert (status, out.splitlines()[-1]) == (0, "no change")

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["opinion-2020", POLICY], "argument --cases: give the triggers"),
            (["opinion-2020", POLICY, "--from", "2027-01-01"], "argument --to: give the triggers"),
            (
                ["opinion-2020", POLICY, "--cases", "x", "--from", "2027-01-01"],
                "argument --cases: give --cases PATH or a range",
            ),
            (
                ["opinion-2020", POLICY, "--from", "2027-01-09", "--to", "2027-01-01"],
                "argument --to: must be on or after --from (2027-01-09)",
            ),
            (
                ["opinion-2020", POLICY, "--from", "2027/01/01", "--to", "2027-01-09"],
                "argument --from: must be an ISO 8601 date such as 2026-09-30",
            ),
            (
                ["opinion-2021", POLICY, "--cases", "x"],
                "argument BASE: opinion-2021: cannot read it",
            ),
            (["opinion-2020", POLICY, "--cases", "nowhere"], "argument --cases: nowhere: no such"),
            (
                ["opinion-2020", POLICY, "--cases", "x", "--rule", "routing.ordinari"],
                "argument --rule: unknown rule 'routing.ordinari'",
            ),
        ],
        ids=[
            "no-triggers",
            "half-range",
            "both",
            "backwards",
            "bad-date",
            "bad-base",
            "bad-cases",
            "bad-rule",
        ],
    )
    def test_usage(self, capsys, argv, message):
        """Each usage error names the argument and exits 2."""
        status, out, err = cli(capsys, "diff", *argv)
        assert (status, out) == (2, "")
        assert message in err
        assert "Traceback" not in err


class TestSchema:
    """deadlines schema prints the JSON Schema of policy files or case files."""

    @pytest.mark.parametrize(
        ("argv", "title", "key"),
        [([], "deadlines policy file", "amend"), (["cases"], "deadlines case file", "case")],
        ids=["policy", "cases"],
    )
    def test_schema(self, capsys, argv, title, key):
        """The schema is JSON with its title and the top-level keys."""
        status, out, _ = cli(capsys, "schema", *argv)
        schema = json.loads(out)
        assert (status, schema["title"]) == (0, title)
        assert key in schema["properties"]
