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
            ("description = 'x'", "case", "required; e.g. [[case]] tables"),
            ("[[case]]\nrule = 'a.b'\nat = 2027-01-05T10:00:00", "case[0].expect", "required"),
            (
                "[[case]]\nrule = 'a.b'\nat = 2027-01-05T10:00:00\nexpect = {}",
                "case[0].expect",
                (
                    "needs at least one of status, due, due_date, provisional, effective_from, "
                    "trace_contains or message_contains; e.g. expect = {due = 2027-01-06T10:00:00}"
                ),
            ),
            (
                "[[case]]\nrule = 'a.b'\nat = 2027-01-05T10:00:00\nexpect = {status = 'late'}",
                "case[0].expect.status",
                'must be "due", "violates", "allowed", "not_in_effect"',
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
        assert info.value.field == field
        assert message in info.value.problem
        assert info.value.problem.count("e.g.") <= 1

    def test_find(self, tmp_path):
        """Folders are searched for *.deadlines.toml; a missing path is an error."""
        (tmp_path / "a").mkdir()
        (tmp_path / "a" / "one.deadlines.toml").write_text("", "utf-8")
        (tmp_path / "other.toml").write_text("", "utf-8")
        assert find_case_files([tmp_path]) == [tmp_path / "a" / "one.deadlines.toml"]
        with pytest.raises(CaseFileError, match="no such file or folder"):
            find_case_files([tmp_path / "missing"])


_TRIGGER = "[[case]]\nrule = 'a.b'\nat = 2026-10-09T10:00:00\n"


class TestDateOrInstant:
    """A date where an instant is expected (or the reverse) is refused, never guessed."""

    @pytest.mark.parametrize(
        ("expect", "field", "message"),
        [
            (
                "due = 2026-10-10",
                "case[0].expect.due",
                (
                    "2026-10-10 is a date without a time: to check the last day of the period "
                    "write due_date = 2026-10-10; to check the instant, due = 2026-10-10T17:30:00"
                ),
            ),
            (
                "due = '2026-10-10'",
                "case[0].expect.due",
                "2026-10-10 is a date without a time",
            ),
            (
                "due = 1791600000",
                "case[0].expect.due",
                "must be a date and time such as 2027-01-06T10:00:00; got 1791600000",
            ),
            (
                "due_date = 2026-10-10T00:00:00",
                "case[0].expect.due_date",
                (
                    "is a day, not an instant: e.g. due_date = 2026-10-10 "
                    "(to check the instant, due = 2026-10-10T00:00:00)"
                ),
            ),
            (
                "effective_from = 2027-01-01T09:00:00",
                "case[0].expect.effective_from",
                "is a day, not an instant: e.g. effective_from = 2027-01-01",
            ),
            (
                "effective_from = 20270101",
                "case[0].expect.effective_from",
                "must be a date such as 2027-01-01; got 20270101",
            ),
        ],
        ids=[
            "date-as-due",
            "date-text-as-due",
            "number-as-due",
            "midnight-as-due-date",
            "instant-as-version",
            "number-as-version",
        ],
    )
    def test_expect(self, expect, field, message):
        """The message names the field and shows both ways to write what was meant."""
        with pytest.raises(CaseFileError) as info:
            parse_cases(f"{_TRIGGER}expect = {{{expect}}}\n", path="x.deadlines.toml")
        assert info.value.field == field
        assert info.value.problem.startswith(message)

    @pytest.mark.parametrize(
        "at",
        ["17", "'2027-13-01'", "[2027-01-05]"],
        ids=["number", "no-such-day", "array"],
    )
    def test_at(self, at):
        """A trigger that is neither a date-time nor a date says what both look like."""
        with pytest.raises(CaseFileError) as info:
            parse_cases(f"[[case]]\nrule = 'a.b'\nat = {at}\nexpect = {{status = 'due'}}\n")
        assert info.value.field == "case[0].at"
        assert info.value.problem.startswith(
            "must be a date and time such as 2027-01-05T10:00:00 (Asia/Shanghai"
        )
        assert info.value.problem.endswith(
            f"or a date for a blackout; got {at.replace(chr(39), chr(34))}"
        )


class TestAllProblems:
    """A malformed case file reports every problem, each with its field, once."""

    _TEXT = (
        "[[case]]\nrule = 'a.b'\nat = 'x'\nexpect = {}\n"
        "[[case]]\nat = 2026-10-09T10:00:00\nexpect = {due = 'y'}\n"
        "[[case]]\nrule = 'a.b'\nat = 2026-10-09T10:00:00\nexpect = {provisional = 2026-10-10}\n"
        "nmae = 'x'\n"
    )

    def test_every_problem(self):
        """Each problem has its own line: no "(and N more problems)"."""
        with pytest.raises(CaseFileError) as info:
            parse_cases(self._TEXT, path="x.deadlines.toml")
        assert [problem.field for problem in info.value.problems] == [
            "case[0].at",
            "case[0].expect",
            "case[1].rule",
            "case[1].expect.due",
            "case[2].expect.provisional",
            "case[2].nmae",
        ]
        lines = str(info.value).splitlines()
        assert lines[0] == "x.deadlines.toml: 6 problems:"
        assert lines[3:] == [
            '  case[1].rule: required; e.g. rule = "routing.ordinary"',
            (
                '  case[1].expect.due: must be a date and time; got "y"; '
                "e.g. due = 2027-01-06T10:00:00"
            ),
            (
                "  case[2].expect.provisional: must be true or false; got 2026-10-10; "
                "e.g. provisional = true"
            ),
            (
                "  case[2].nmae: unknown field; did you mean name? the fields here are name, "
                'rule, at, params, policy, expect; got "x"'
            ),
        ]
        assert "more problem" not in str(info.value)
        first = info.value.problems[0]
        assert (info.value.field, info.value.problem) == (first.field, first.text())

    def test_one_problem(self):
        """One problem stays on one line, as before."""
        with pytest.raises(CaseFileError) as info:
            parse_cases("[[case]]\nrule = 'a.b'\nat = 2026-10-09T10:00:00\n", path="x.toml")
        assert str(info.value) == (
            "x.toml: case[0].expect: required; e.g. expect = {due = 2027-01-06T10:00:00}"
        )

    def test_in_the_report(self, tmp_path, calendar):
        """The runner's failed result for the file lists every problem."""
        (tmp_path / "c.deadlines.toml").write_text(self._TEXT, "utf-8")
        (result,) = run_cases([tmp_path], calendar=calendar)
        assert "6 problems:" in result.report()
        assert "  case[2].nmae: unknown field" in result.report()


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

    def test_values_as_written(self, engine):
        """Parameters and expected text are shown as a case file writes them, not as Python."""
        case = _case(
            f"{_MINUTES}\nparams = {{since = 2026-09-29T12:00:00, urgent = true}}\n"
            'expect = {due_date = 2026-10-10, message_contains = "it\'s"}'
        )
        report = run_case(case, engine).report()
        assert (
            "  trigger: minutes.executive at 2026-09-30T17:00, since=2026-09-29T12:00:00, "
            "urgent=true (policy opinion-2020)"
        ) in report
        assert '  message_contains  expected "it\'s"' in report

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

    def test_parameter_refused(self, tmp_path, calendar):
        """A sequence's ``done`` given as text is an invalid value the case can expect."""
        (tmp_path / "p.toml").write_text(
            "base = 'opinion-2020'\n[[add]]\nid = 'routing.two_steps'\ntitle_zh = '两步'\n"
            "title_en = 'Two steps'\ncitation = {article = 11, text = 't'}\n"
            "limit = {kind = 'sequence', limits = [{kind = 'hours', n = 24, label = 'a'}, "
            "{kind = 'hours', n = 24, label = 'b'}]}\n",
            "utf-8",
        )
        (tmp_path / "c.deadlines.toml").write_text(
            "policy = 'p.toml'\n[[case]]\nrule = 'routing.two_steps'\n"
            "at = 2026-09-28T10:00:00\nparams = {done = '2026-09-29T12:00:00'}\n"
            "expect = {status = 'invalid_value', message_contains = 'done must be a table'}\n",
            "utf-8",
        )
        (result,) = run_cases([tmp_path], calendar=calendar)
        assert result.passed, result.report()

    def test_bug_is_a_failed_case(self, engine, monkeypatch):
        """An exception that is not the library's fails its case as "error"; the run goes on."""

        def broken(*args, **kwargs):
            raise AttributeError("'str' object has no attribute 'get'")

        monkeypatch.setattr(Engine, "due", broken)
        result = run_case(_case(f"{_MINUTES}\nexpect = {{due_date = 2026-10-10}}"), engine)
        assert (result.passed, result.actual.status) == (False, "error")
        assert result.actual.message == (
            "internal error, a bug in deadlines (please report it): "
            "AttributeError: 'str' object has no attribute 'get'"
        )
        assert "actual   error: internal error" in result.report()

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


class TestHermetic:
    """Installed plugins never reach a case or a diff: a policy test means the same everywhere."""

    def test_runner_ignores_installed_plugins(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The runner builds its engines without plugin discovery."""
        import deadlines.policy._run as cases

        seen: list[bool] = []
        real = cases.Engine

        def spy(*args: object, **kwargs: object) -> object:
            seen.append(bool(kwargs.get("discover_plugins", True)))
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(cases, "Engine", spy)
        runner = cases.CaseRunner()
        runner.engine(runner.policy("opinion-2020", Path()))
        assert seen == [False]
