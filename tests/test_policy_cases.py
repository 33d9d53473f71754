"""Case files: parsing, every status, expectations, failure reports, and the example."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from deadlines import Engine
from deadlines.policy import (
    CaseFileError,
    CaseRunner,
    find_case_files,
    parse_cases,
    run_case,
    run_cases,
)

_MINUTES = "rule = 'minutes.executive'\nat = 2026-09-30T17:00:00"

_MISSING_POLICY = (
    "policy = 'missing.toml'\n[[case]]\nrule = 'a.b'\nat = 2026-06-09T10:00:00\n"
    "expect = {status = 'due'}"
)

EXAMPLES = Path(__file__).parent.parent / "examples" / "policy-change"


def _case(text):
    (case,) = parse_cases(f"[[case]]\n{text}\n").case
    return case


@pytest.fixture(scope="module")
def engine(calendar):
    """The engine with the 2020 opinion."""
    return Engine(calendar)


class TestParse:
    """A case file is a list of triggers with expectations; mistakes name the field."""

    def test_datetimes(self):
        """TOML date-times, offset or local, and ISO text are triggers; a date stays a date."""
        cases = parse_cases(
            "[[case]]\nrule = 'a.b'\nat = 2027-01-05T10:00:00+08:00\nexpect = {status = 'due'}\n"
            "[[case]]\nrule = 'a.b'\nat = '2027-01-05T10:00'\nexpect = {status = 'due'}\n"
            "[[case]]\nrule = 'a.b'\nat = '2027-01-05'\nexpect = {status = 'violates'}\n"
        ).case
        assert [type(c.at) for c in cases] == [dt.datetime, dt.datetime, dt.date]

    @pytest.mark.parametrize(
        ("text", "field", "message"),
        [
            ("description = 'x'", "case", "Field required"),
            ("[[case]]\nrule = 'a.b'\nat = 2027-01-05T10:00:00", "case[0].expect", "required"),
            (
                "[[case]]\nrule = 'a.b'\nat = 2027-01-05T10:00:00\nexpect = {}",
                "case[0].expect",
                "expect at least one of status, due",
            ),
            (
                "[[case]]\nrule = 'a.b'\nat = 2027-01-05T10:00:00\nexpect = {status = 'late'}",
                "case[0].expect.status",
                'e.g. status = "due"',
            ),
            (
                "[[case]]\nrule = 'a.b'\nat = 2027-01-05T10:00:00\nexpect = {due = 'soon'}",
                "case[0].expect.due",
                "e.g. due = 2027-01-06T10:00:00",
            ),
            (
                "[[case]]\nrule = 'a.b'\nat = 'tomorrow'\nexpect = {status = 'due'}",
                "case[0].at",
                "",
            ),
            ("[[case]\n", "", "not valid TOML"),
        ],
        ids=["no-cases", "no-expect", "empty-expect", "bad-status", "bad-due", "bad-at", "toml"],
    )
    def test_errors(self, text, field, message):
        """Each mistake names the file, the field and what is expected."""
        with pytest.raises(CaseFileError) as info:
            parse_cases(text, path="x.deadlines.toml")
        assert info.value.path == "x.deadlines.toml"
        assert info.value.field.startswith(field)  # a union adds its member: case[0].at.date
        assert message in info.value.problem

    def test_find(self, tmp_path):
        """Folders are searched for *.deadlines.toml; a missing path is an error."""
        (tmp_path / "a").mkdir()
        (tmp_path / "a" / "one.deadlines.toml").write_text("", "utf-8")
        (tmp_path / "other.toml").write_text("", "utf-8")
        assert find_case_files([tmp_path]) == [tmp_path / "a" / "one.deadlines.toml"]
        with pytest.raises(CaseFileError, match="no such file or folder"):
            find_case_files([tmp_path / "missing"])


class TestStatus:
    """Every kind of outcome is data a case can expect."""

    @pytest.mark.parametrize(
        ("trigger", "status"),
        [
            ("rule = 'minutes.executive'\nat = 2026-09-30T17:00:00", "due"),
            ("rule = 'meetings.march_freeze'\nat = 2026-03-02", "violates"),
            ("rule = 'meetings.march_freeze'\nat = 2026-04-02T10:00:00", "allowed"),
            ("rule = 'minutes.executive'\nat = 2019-09-30T17:00:00", "not_in_effect"),
            ("rule = 'minutes.weekly'\nat = 2026-09-30T17:00:00", "unknown_rule"),
            ("rule = 'research.field_days'\nat = 2026-09-30T17:00:00", "not_a_deadline"),
            ("rule = 'decisions.time_limited'\nat = 2026-09-30T17:00:00", "missing_parameter"),
            (
                "rule = 'minutes.executive'\nat = 2026-09-30T17:00:00\nparams = {limit_days = 3}",
                "invalid_value",
            ),
            ("rule = 'minutes.executive'\nat = 2026-09-30", "invalid_value"),
        ],
        ids=[
            "due",
            "violates",
            "allowed",
            "not-in-effect",
            "unknown",
            "quota",
            "missing-param",
            "unread-param",
            "date-for-deadline",
        ],
    )
    def test_status(self, engine, trigger, status):
        """The status of the outcome is what the case expects."""
        result = run_case(_case(f"{trigger}\nexpect = {{status = '{status}'}}"), engine)
        assert result.actual.status == status
        assert result.passed, result.report()

    def test_provisional_is_data(self, engine):
        """A provisional result is a flag and a recorded warning, not a raised warning."""
        case = _case(
            "rule = 'minutes.executive'\nat = 2027-03-01T10:00:00\n"
            "expect = {due = 2027-03-04T17:30:00, provisional = true}"
        )
        result = run_case(case, engine)  # pytest turns DeadlinesWarning into errors here
        assert result.passed, result.report()
        assert result.actual.provisional
        assert "no State Council notice has settled yet" in result.actual.warnings[0]


class TestExpectations:
    """Only the fields given are checked; each one that fails is a mismatch."""

    @pytest.mark.parametrize(
        ("expect", "fields"),
        [
            ("due = 2026-10-10T17:30:00", []),
            ("due = 2026-10-10T09:30:00Z", []),
            ("due = 2026-10-09T17:30:00", ["due"]),
            ("due_date = 2026-10-10, provisional = true", ["provisional"]),
            ("effective_from = 2021-01-01", ["effective_from"]),
            ("trace_contains = ['working day 3: 2026-10-10 (Sat)', '第3个工作日']", []),
            ("trace_contains = ['working day 4']", ["trace_contains"]),
            ("status = 'not_in_effect'", ["status"]),
            ("message_contains = 'x'", ["message_contains"]),
        ],
        ids=[
            "due",
            "due-in-utc",
            "due-wrong",
            "provisional-wrong",
            "version-wrong",
            "trace-both-languages",
            "trace-missing",
            "status-wrong",
            "no-error",
        ],
    )
    def test_mismatches(self, engine, expect, fields):
        """The mismatches are the fields whose expectation fails."""
        case = _case(f"rule = 'minutes.executive'\nat = 2026-09-30T17:00:00\nexpect = {{{expect}}}")
        assert [m.field for m in run_case(case, engine).mismatches] == fields


class TestReport:
    """A failure prints the trigger, expected and actual per field, and the trace."""

    def test_due(self, engine):
        """A wrong due instant shows both instants and the trace with its skipped days."""
        case = _case(
            "name = 'three working days'\nrule = 'minutes.executive'\n"
            "at = 2026-09-30T17:00:00\nexpect = {due = 2026-10-05T17:30:00, provisional = true}"
        )
        report = run_case(case, engine).report()
        lines = report.splitlines()
        assert lines[:7] == [
            "<string>, case 1: three working days",
            "  trigger: minutes.executive at 2026-09-30T17:00 (policy opinion-2020)",
            "  due          expected 2026-10-05T17:30+08:00",
            "               actual   2026-10-10T17:30+08:00",
            "  provisional  expected true",
            "               actual   false",
            "  trace:",
        ]
        assert "      4. skip 2026-10-01 (Thu): holiday (National Day)" in lines
        assert report.endswith(
            "ends at the close of business (Civil Code art. 203): 2026-10-10 17:30"
        )

    def test_chinese_trace(self, engine):
        """The trace can be shown in Chinese."""
        case = _case(
            "rule = 'minutes.executive'\nat = 2026-09-30T17:00:00\nexpect = {due_date = 2026-10-09}"
        )
        assert "第3个工作日：2026-10-10（周六）" in run_case(case, engine).report("zh")

    def test_error(self, engine):
        """An unexpected error shows its status and message in place of a trace."""
        case = _case(
            "rule = 'minutes.executive'\nat = 2019-09-30T17:00:00\nexpect = {due_date = 2019-10-09}"
        )
        report = run_case(case, engine).report()
        assert "  status    expected due" in report
        assert (
            "actual   not_in_effect: rule 'minutes.executive' is not in effect at 2019-09-30"
            in report
        )
        assert "trace:" not in report

    def test_passed(self, engine):
        """A passing case has no report."""
        case = _case(
            "rule = 'minutes.executive'\nat = 2026-09-30T17:00:00\nexpect = {due_date = 2026-10-10}"
        )
        assert run_case(case, engine).report() == ""


class TestRunner:
    """The runner finds policies and overrides relative to each case file."""

    def test_examples_pass(self, calendar):
        """Every case of the policy-change example passes."""
        results = run_cases([EXAMPLES], calendar=calendar)
        assert len(results) == 15
        assert [r.report() for r in results if not r.passed] == []
        assert {r.policy for r in results} == {"policy-change", "opinion-2020"}

    def test_policy_per_case(self, tmp_path, calendar):
        """A case may name its own policy; the file's applies otherwise."""
        (tmp_path / "p.toml").write_text(
            "base = 'opinion-2020'\n[[amend]]\nid = 'routing.ordinary'\n"
            "limit = {kind = 'hours', n = 24}\n",
            "utf-8",
        )
        (tmp_path / "c.deadlines.toml").write_text(
            "policy = 'p.toml'\n"
            "[[case]]\nrule = 'routing.ordinary'\nat = 2026-06-09T10:00:00\n"
            "expect = {due = 2026-06-10T10:00:00}\n"
            "[[case]]\npolicy = 'opinion-2020'\nrule = 'routing.ordinary'\n"
            "at = 2026-06-09T10:00:00\nexpect = {due = 2026-06-11T10:00:00}\n",
            "utf-8",
        )
        results = run_cases([tmp_path], calendar=calendar)
        assert [(r.policy, r.passed) for r in results] == [("p", True), ("opinion-2020", True)]

    def test_overrides(self, tmp_path):
        """Calendar overrides of the file apply to its cases: a local day off moves the date."""
        (tmp_path / "local.toml").write_text(
            '[[local]]\nsource = "test"\ndays_off = [{date = 2026-06-10, name = "local"}]\n',
            "utf-8",
        )
        (tmp_path / "c.deadlines.toml").write_text(
            "overrides = ['local.toml']\n"
            "[[case]]\nrule = 'instructions.plan'\nat = 2026-06-08T10:00:00\n"
            "expect = {due_date = 2026-06-12}\n",
            "utf-8",
        )
        (result,) = CaseRunner().run([tmp_path])
        assert result.passed, result.report()

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            ("[[case]]\nrule = 3", "case[0].rule"),
            (_MISSING_POLICY, "cannot read it"),
        ],
        ids=["malformed", "missing-policy"],
    )
    def test_load_errors_fail(self, tmp_path, calendar, content, message):
        """A malformed file or missing policy is a failed result with the message."""
        (tmp_path / "c.deadlines.toml").write_text(content, "utf-8")
        (result,) = run_cases([tmp_path], calendar=calendar)
        assert not result.passed
        assert message in result.report()
