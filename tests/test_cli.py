"""The command line: deadlines rules, due, calendar; usage errors; python -m deadlines."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from deadlines import DueResult, Engine
from deadlines.cli import main
from deadlines.rules import (
    OPINION_2020,
    AllOf,
    CalendarDays,
    Condition,
    EarliestOf,
    Hours,
    Sequence,
    Tiered,
    When,
    WorkingDays,
)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `deadlines ARGV` in this process: (exit status, stdout, stderr)."""
    try:
        status = main(list(argv))
    except SystemExit as exit_:  # argparse's own errors
        status = exit_.code if isinstance(exit_.code, int) else 1
    captured = capsys.readouterr()
    return status, captured.out, captured.err


class TestEntryPoints:
    """`deadlines` and `python -m deadlines` are the same program."""

    def test_python_dash_m(self, capsys: pytest.CaptureFixture[str]) -> None:
        """python -m deadlines prints what the in-process command prints."""
        argv = ["due", "minutes.executive", "--at", "2026-09-30T17:00"]
        done = subprocess.run(
            [sys.executable, "-m", "deadlines", *argv],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        status, out, _ = cli(capsys, *argv)
        assert (done.returncode, done.stdout, done.stderr) == (0, out, "")
        assert status == 0

    def test_help_lists_the_commands(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help names every subcommand built here."""
        status, out, _ = cli(capsys, "--help")
        assert status == 0
        for command in ("rules", "due", "batch", "calendar"):
            assert command in out


USAGE_ERRORS = [
    (["due", "minutes.exec", "--at", "2026-09-30T17:00"], "argument RULE: unknown rule",
     "did you mean minutes.executive?"),
    (["due", "nope", "--at", "2026-09-30T17:00"], "argument RULE: unknown rule 'nope'",
     "known rules: minutes.party_group, minutes.executive"),
    (["due", "minutes.executive", "--at", "30/09/2026"], "argument --at:", "2026-09-30T17:00"),
    (["due", "minutes.executive", "--at", "2026-09-30"], "argument --at:", "2026-09-30T17:00"),
    (["due", "minutes.executive", "--at", "2026-09-30T25:00"], "argument --at:",
     "2026-09-30T17:00"),
    (["due", "minutes.executive", "--at", "2019-09-30T17:00"], "argument --at:",
     "from 2020-04-21"),
    (["due", "decisions.time_limited", "--at", "2026-09-30T17:00"], "argument --param:",
     "--param deadline=2026-10-31"),
    (["due", "decisions.time_limited", "--at", "2026-09-30T17:00", "--param", "limit_days=x"],
     "argument --param limit_days:", "such as 15"),
    (["due", "minutes.executive", "--at", "2026-09-30T17:00", "--param", "foo=1"],
     "argument --param foo:", "it reads: none"),
    (["due", "minutes.executive", "--at", "2026-09-30T17:00", "--param", "foo"],
     "argument --param:", "NAME=VALUE such as limit_days=15"),
    (["due", "decisions.time_limited", "--at", "2026-09-30T17:00", "--param", "limit_days=1",
      "--param", "limit_days=2"], "argument --param:", "given twice"),
    (["due", "minutes.special_topic", "--at", "2026-09-30T17:00", "--param",
      "involves_personnel_money_assets=maybe"], "argument --param involves_personnel_money_assets",
     "true or false"),
    (["due", "meetings.march_freeze", "--at", "2026-03-02T09:00"], "argument RULE:",
     "blackout, not a deadline"),
    (["due", "minutes.executive", "--at", "2026-09-30T17:00", "--calendar", "missing.toml"],
     "argument --calendar:", "missing.toml: cannot read it"),
    (["calendar", "2026-13"], "argument YEAR[-MM]:", "2026-10"),
    (["calendar", "october"], "argument YEAR[-MM]:", "a year such as 2026 or a month"),
    (["calendar", "1999"], "argument YEAR[-MM]:", "2004 through 2100"),
    (["batch", "no-such-file.jsonl"], "argument FILE:", "cannot read no-such-file.jsonl"),
]


class TestUsageErrors:
    """A usage error exits 2 with one line naming the argument and a valid value; no traceback."""

    @pytest.mark.parametrize(
        ("argv", "names", "shows"),
        USAGE_ERRORS,
        ids=[
            "unknown-rule-close", "unknown-rule-far", "at-not-iso", "at-date-only",
            "at-bad-hour", "at-before-effective", "missing-param", "bad-param-value",
            "unknown-param", "param-without-equals", "param-twice", "bad-condition",
            "blackout-rule", "missing-calendar-file", "month-13", "calendar-word",
            "calendar-out-of-range", "batch-missing-file",
        ],
    )
    def test_message(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], names: str, shows: str
    ) -> None:
        """The message names the argument and shows what is valid."""
        status, out, err = cli(capsys, *argv)
        assert status == 2
        assert out == ""
        assert err.count("\n") == 1, err
        assert err.startswith(f"deadlines {argv[0]}: error: {names}")
        assert shows in err
        assert "Traceback" not in err

    def test_malformed_calendar_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A broken override file is named, with its line."""
        bad = tmp_path / "bad.toml"
        bad.write_text('[[local]]\nsource = "x"\ndays_off = [{ date = "soon" }]\n', "utf-8")
        status, _, err = cli(
            capsys, "due", "minutes.executive", "--at", "2026-09-30T17:00", "--calendar", str(bad)
        )
        assert status == 2
        assert f"argument --calendar: {bad}:3:" in err

    @pytest.mark.parametrize(
        "argv",
        [["due", "minutes.executive"], ["rules", "--lang", "fr"], ["batch", "--format", "xml"],
         ["frobnicate"]],
        ids=["missing-at", "bad-lang", "bad-format", "unknown-command"],
    )
    def test_argparse_errors_exit_2(
        self, capsys: pytest.CaptureFixture[str], argv: list[str]
    ) -> None:
        """What argparse itself refuses exits 2 with its usage line."""
        status, _, err = cli(capsys, *argv)
        assert status == 2
        assert "usage: deadlines" in err
        assert "Traceback" not in err


ROOT = Path(__file__).resolve().parent.parent
COVERS = "the calendar covers 2004-01-01 through 2100-12-31"
AFTER = (
    "the due date would fall after 2100-12-31, where the calendar ends "
    "(it covers 2004-01-01 through 2100-12-31)"
)
RANGE_ERRORS = [
    (["due", "minutes.executive", "--at", "2101-01-01T10:00"],
     f"deadlines due: error: argument --at: {COVERS}; got 2101-01-01T10:00"),
    (["due", "minutes.executive", "--at", "2100-12-30T17:00"],
     f"deadlines due: error: argument --at: {AFTER}; got 2100-12-30T17:00"),
    (["due", "routing.ordinary", "--at", "2100-12-31T17:00+14:00"],
     f"deadlines due: error: argument --at: {AFTER}; got 2100-12-31T17:00+14:00"),
    (["check", str(ROOT / "examples" / "supervision" / "county-week.jsonl"), "--at",
      "2101-01-01T00:00"],
     f"deadlines check: error: argument --at: {COVERS}; got 2101-01-01T00:00"),
]


class TestCalendarRange:
    """A trigger or a due date outside the calendar is about --at, in plain words."""

    @pytest.mark.parametrize(
        ("argv", "message"),
        RANGE_ERRORS,
        ids=["at-after-2100", "due-after-2100", "due-after-2100-with-offset", "check-at"],
    )
    def test_names_at(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
    ) -> None:
        """--at is named, the calendar's span said, the value shown as typed; no --param."""
        status, out, err = cli(capsys, *argv)
        assert (status, out, err) == (2, "", message + "\n")


class TestValuesAsTyped:
    """Error messages show values as the user wrote them, not as Python reprs."""

    def test_date_parameter(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A deadline before the meeting is shown as the date typed."""
        status, _, err = cli(
            capsys, "due", "decisions.time_limited", "--at", "2026-09-30T17:00", "--param",
            "deadline=2026-09-01",
        )
        assert status == 2
        assert err.startswith("deadlines due: error: argument --param deadline: must be ")
        assert err.endswith("; got 2026-09-01\n")
        assert "datetime" not in err

    def test_schema_argument_named_as_shown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """deadlines schema names its argument as its usage line does."""
        status, _, err = cli(capsys, "schema", "nope")
        assert status == 2
        assert "usage: deadlines schema [-h] [--lang {zh,en}] [SCHEMA]" in err
        assert "deadlines schema: error: argument SCHEMA: invalid choice: 'nope'" in err


class TestExtraArguments:
    """An argument a subcommand does not take is reported by that subcommand, with its usage."""

    @pytest.mark.parametrize(
        ("argv", "extra"),
        [
            (["rules", "extra"], "extra"),
            (["calendar", "2026", "2027"], "2027"),
            (["schema", "cases", "extra"], "extra"),
            (["due", "minutes.executive", "extra", "--at", "2026-09-30T17:00"], "extra"),
            (["rules", "--bogus"], "--bogus"),
        ],
        ids=["rules", "calendar", "schema", "due", "unknown-option"],
    )
    def test_subcommand_usage(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], extra: str
    ) -> None:
        """Exit 2, the subcommand's usage line, and the argument named with where to look."""
        status, out, err = cli(capsys, *argv)
        assert (status, out) == (2, "")
        assert err.startswith(f"usage: deadlines {argv[0]} ")
        assert err.endswith(
            f"deadlines {argv[0]}: error: unrecognized arguments: {extra} "
            f"(see deadlines {argv[0]} --help)\n"
        )


class TestBrokenPlugin:
    """A broken installed plugin: one line that says how to do without it."""

    @pytest.fixture
    def broken(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Discovering the installed plugins fails as a broken plugin makes it fail."""
        from deadlines import PluginError

        def engine(*args: Any, discover_plugins: bool = True, **kwargs: Any) -> Engine:
            if discover_plugins:
                raise PluginError("broken", "load", "cannot import broken: ImportError: no")
            return Engine(*args, discover_plugins=False, **kwargs)

        monkeypatch.setattr("deadlines._engine.Engine", engine)

    @pytest.mark.usefixtures("broken")
    @pytest.mark.parametrize(
        "argv",
        [["due", "minutes.executive", "--at", "2026-09-30T17:00"], ["rules"],
         ["calendar", "2026-10"]],
        ids=["due", "rules", "calendar"],
    )
    def test_suggests_no_plugins(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """Exit 2 with the plugin's error and the way round it; --no-plugins then works."""
        status, out, err = cli(capsys, *argv)
        assert (status, out) == (2, "")
        assert err == (
            f"deadlines {argv[0]}: error: plugin 'broken', hook load: cannot import broken: "
            "ImportError: no; add --no-plugins to compute without plugins, or uninstall the "
            "plugin\n"
        )
        assert cli(capsys, *argv, "--no-plugins")[0] == 0

    @pytest.mark.usefixtures("broken")
    def test_plugins_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """deadlines plugins reports it as a finding (exit 1) and points to the way round it."""
        status, out, err = cli(capsys, "plugins")
        assert (status, out) == (1, "")
        assert err.endswith(
            "ImportError: no; uninstall the plugin, or add --no-plugins to other commands to "
            "compute without it\n"
        )


class TestDocumentedExitStatuses:
    """docs/cli.md lists every exit status the command line uses."""

    def test_listed(self) -> None:
        """0, 1 (including a closed standard output), 2 and 130 are each explained."""
        text = (ROOT / "docs" / "cli.md").read_text("utf-8")
        section = " ".join(text[text.index("Exit status") :].split("\n\n", 1)[0].split())
        for status in ("**0**", "**1**", "**2**", "**130**"):
            assert status in section
        assert "standard output is closed early" in section
        assert "--no-plugins" in section


class TestInterrupt:
    """Ctrl-C ends a command with one line and status 130, not a traceback."""

    def test_keyboard_interrupt(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An interrupt inside a command is reported in one line."""

        def interrupted(args: object) -> object:
            raise KeyboardInterrupt

        monkeypatch.setattr("deadlines.cli._common.engine_from", interrupted)
        monkeypatch.setattr("deadlines.cli._due.engine_from", interrupted)
        status, _, err = cli(capsys, "due", "minutes.executive", "--at", "2026-09-30T17:00")
        assert (status, err) == (130, "deadlines due: interrupted\n")


class TestClosedPipe:
    """A reader that goes away (`deadlines ... | head`) ends the command quietly."""

    def test_no_traceback(self) -> None:
        """Status 1 and nothing on standard error when standard output is closed early."""
        script = (
            "import sys, deadlines.cli, deadlines.cli._rules as rules\n"
            "def flood(args):\n"
            "    for _ in range(20000):\n"
            "        print('x' * 100)\n"
            "    return 0\n"
            "rules.run = flood\n"
            "sys.exit(deadlines.cli.main(['rules']))\n"
        )
        with subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            process.stdout.read(10)
            process.stdout.close()
            err = process.stderr.read().decode()
            status = process.wait(timeout=60)
        assert (status, err) == (1, "")


class TestDue:
    """deadlines due: the answer, its citation, and the trace on demand."""

    def test_default_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The due instant with offset, the due date, the citation; no trace."""
        status, out, err = cli(capsys, "due", "minutes.executive", "--at", "2026-09-30T17:00")
        assert (status, err) == (0, "")
        lines = out.splitlines()
        assert lines[:3] == [
            "minutes.executive (Minutes of the executive meeting signed)",
            "due: 2026-10-10T17:30+08:00",
            "due date: 2026-10-10 (Sat)",
        ]
        assert lines[3].startswith("source: opinion of 2020, art. 8: “县政府党组会议")
        assert len(lines) == 4

    def test_explain_adds_numbered_steps(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--explain lists each step, skipped holidays and the adjusted Saturday included."""
        _, out, _ = cli(
            capsys, "due", "minutes.executive", "--at", "2026-09-30T17:00", "--explain"
        )
        assert "  4. skip 2026-10-01 (Thu): holiday (National Day)" in out
        assert "  13. working day 3: 2026-10-10 (Sat) (adjusted working day)" in out

    def test_chinese(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--lang zh prints the Chinese title, labels and trace."""
        _, out, _ = cli(
            capsys, "due", "minutes.executive", "--at", "2026-09-30T17:00", "--explain",
            "--lang", "zh",
        )
        assert out.splitlines()[:3] == [
            "minutes.executive（县政府常务会议纪要签发）",
            "到期时间：2026年10月10日（周六）17:30",
            "期限最后一日：2026-10-10（周六）",
        ]
        assert "第3个工作日：2026-10-10（周六），调休上班" in out

    def test_provisional_is_data_not_a_warning(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A provisional answer is marked, and nothing is written to standard error.

        (The suite turns a ProvisionalDateWarning into an error, so a leak would fail here.)
        """
        status, out, err = cli(capsys, "due", "routing.ordinary", "--at", "2030-12-30T10:00")
        assert (status, err) == (0, "")
        assert "(provisional)" in out.splitlines()[1]

    def test_offset_is_converted(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An instant with an offset is converted to China time."""
        _, out, _ = cli(capsys, "due", "signing.same_day", "--at", "2026-10-09T09:45Z")
        assert "due: 2026-10-10T12:00+08:00" in out  # 17:45 in China: the next day's noon

    def test_json_is_the_result_model(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json prints DueResult.model_dump(mode="json"): it validates back to the result."""
        _, out, _ = cli(
            capsys, "due", "decisions.time_limited", "--at", "2026-09-16T10:00", "--param",
            "limit_days=15", "--json",
        )
        data = json.loads(out)
        assert set(data) == {*DueResult.model_fields, "provenance"}
        assert data.pop("provenance")["rule_set"]["name"] == "opinion-2020"
        assert data["due"] == "2026-10-08T17:30:00+08:00"
        assert data["due_date"] == "2026-10-08"
        assert data["provisional"] is False
        assert data["trace"] == []
        expected = Engine().due(
            "decisions.time_limited", dt.datetime(2026, 9, 16, 10), explain=False, limit_days="15"
        )
        assert DueResult.model_validate(data) == expected

    def test_json_explain_has_the_trace(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json --explain includes each step with its action."""
        _, out, _ = cli(
            capsys, "due", "minutes.executive", "--at", "2026-09-30T17:00", "--json", "--explain"
        )
        actions = [step["action"] for step in json.loads(out)["trace"]]
        assert actions[:3] == ["trigger", "version", "convention"]
        assert actions[-1] == "cutoff"

    def test_parts_are_listed(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A rule of several parts lists each with its actor."""
        _, out, _ = cli(
            capsys, "due", "minutes.special_topic", "--at", "2026-09-30T17:00", "--param",
            "involves_personnel_money_assets=true",
        )
        assert "  县长审定 (县长): 2026-10-10T17:30+08:00" in out

    def test_calendar_file_applies(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """--calendar FILE changes the days the count relies on."""
        local = tmp_path / "local.toml"
        local.write_text(
            '[[local]]\nsource = "县政府通知"\n'
            'days_off = [{ date = 2026-10-08, name = "本地假日" }]\n',
            "utf-8",
        )
        _, out, _ = cli(
            capsys, "due", "minutes.executive", "--at", "2026-09-30T17:00", "--calendar",
            str(local), "--explain",
        )
        assert "due: 2026-10-12T17:30+08:00" in out
        assert "skip 2026-10-08 (Thu): holiday (本地假日) (from " in out


class TestRules:
    """deadlines rules: the catalog."""

    def test_table_lists_every_rule(self, capsys: pytest.CaptureFixture[str]) -> None:
        """One row per rule, with its article and limit."""
        status, out, _ = cli(capsys, "rules")
        assert status == 0
        rows = out.splitlines()
        assert rows[0].split() == ["ID", "ART.", "LIMIT", "TITLE"]
        assert [row.split()[0] for row in rows[1:]] == list(OPINION_2020.ids)
        assert "minutes.executive          8  3 working days" in out
        assert "routing.ordinary          11  48 hours" in out

    def test_chinese_titles(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--lang zh shows the Chinese titles and limits."""
        _, out, _ = cli(capsys, "rules", "--lang", "zh")
        assert "3个工作日" in out
        assert "县政府常务会议纪要签发" in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json gives every field of every rule, the limit tagged by kind."""
        _, out, _ = cli(capsys, "rules", "--json")
        data = json.loads(out)
        assert [rule["id"] for rule in data] == list(OPINION_2020.ids)
        executive = data[1]
        assert executive["limit"]["kind"] == "working_days"
        assert executive["citation"]["article"] == 8


class TestSummary:
    """The LIMIT column: a limit in a few words."""

    @pytest.mark.parametrize(
        ("limit", "en", "zh"),
        [
            (WorkingDays(3), "3 working days", "3个工作日"),
            (CalendarDays(30), "30 calendar days", "30个自然日"),
            (AllOf(WorkingDays(3), WorkingDays(3, label="b")), "3 working days", "3个工作日"),
            (EarliestOf(WorkingDays(3), Hours(48)), "earliest of: 3 working days, 48 hours",
             "取早：3个工作日，48小时"),
            (Sequence(WorkingDays(3), WorkingDays(3)),
             "in order: 3 working days, 3 working days", "依次：3个工作日，3个工作日"),
            (When(condition=Condition(parameter="urgent"), then=Hours(24),
                  otherwise=WorkingDays(3)),
             "24 hours if urgent, else 3 working days", "urgent：是，24小时；否，3个工作日"),
            (Tiered(committed=WorkingDays(2), statutory=WorkingDays(5)),
             "2 working days (by law 5 working days)", "承诺2个工作日（法定5个工作日）"),
        ],
        ids=["working", "calendar", "same-parts", "earliest", "sequence", "when", "tiered"],
    )
    def test_summary(self, limit: object, en: str, zh: str) -> None:
        """Equal parts are said once, except in a sequence, where they add up."""
        assert (limit.describe("en"), limit.describe("zh")) == (en, zh)


class TestCalendar:
    """deadlines calendar: a month or a year, marks and legend."""

    def test_october_2026(self, capsys: pytest.CaptureFixture[str]) -> None:
        """National Day week is starred, the working Saturday 10-10 marked +."""
        status, out, _ = cli(capsys, "calendar", "2026-10")
        assert status == 0
        lines = out.splitlines()
        assert lines[:4] == [
            "October 2026",
            " Mo   Tu   We   Th   Fr   Sa   Su",
            "                 1*   2*   3*   4*",
            "  5*   6*   7*   8    9   10+  11-",
        ]
        assert "10-10 (Sat) adjusted working day" in lines
        assert lines[-1].startswith("-  weekend    *  holiday    +  adjusted working day")

    def test_january_2020(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The working Sunday 01-19 before Spring Festival, then 24 to 31 off."""
        _, out, _ = cli(capsys, "calendar", "2020-01")
        lines = out.splitlines()
        assert lines[4] == " 13   14   15   16   17   18-  19+"
        assert lines[5] == " 20   21   22   23   24*  25*  26*"
        assert lines[6] == " 27*  28*  29*  30*  31*"
        assert "01-31 (Fri) holiday: Chinese New Year Extended Holiday" in lines

    def test_february_2020_extension(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The extension made 02-01, once a working Saturday, and 02-02 days off."""
        _, out, _ = cli(capsys, "calendar", "2020-02", "--lang", "zh")
        lines = out.splitlines()
        assert lines[:3] == [
            "2020年2月",
            " 一   二   三   四   五   六   日",
            "                           1*   2*",
        ]
        assert "02-01（周六） 放假：春节延长假期" in lines
        assert "+" not in "".join(lines[2:8])

    def test_provisional_days_are_marked(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Days no notice has settled carry ?, and a note says from when."""
        _, out, _ = cli(capsys, "calendar", "2030-10")
        assert "  1*?  2*?  3*?" in out
        assert "provisional: days from 2030-10-01 have no State Council notice yet" in out

    def test_year_view(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A year prints twelve months and one legend."""
        _, out, _ = cli(capsys, "calendar", "2026")
        months = [line for line in out.splitlines() if line.endswith(" 2026")]
        assert months[0] == "January 2026"
        assert len(months) == 12
        assert out.count("-  weekend") == 1

    def test_local_days_from_a_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """--calendar FILE marks its days and names the file among the sources."""
        local = tmp_path / "local.toml"
        local.write_text(
            '[[local]]\nsource = "县政府办通知"\n'
            'days_off = [{ date = 2026-10-09, name = "本地假日", name_en = "local day off" }]\n',
            "utf-8",
        )
        _, out, _ = cli(capsys, "calendar", "2026-10", "--calendar", str(local))
        assert "  5*   6*   7*   8    9*  10+  11-" in out
        assert "10-09 (Fri) holiday: local day off" in out
        assert f"source: {local}: 县政府办通知" in out

    def test_current_month_by_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without an argument, this month in China."""
        today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
        status, out, _ = cli(capsys, "calendar")
        assert status == 0
        assert out.splitlines()[0] == f"{today:%B} {today.year}"


class TestEveryRuleAnswers:
    """`deadlines due` answers for every catalog id without --param, unless the answer needs one."""

    @pytest.mark.parametrize(
        "rule",
        [
            "minutes.party_group",
            "minutes.executive",
            "minutes.special_topic",
            "documents.issue",
            "signing.same_day",
            "matters.same_day",
            "routing.urgent",
            "routing.ordinary",
            "instructions.plan",
            "supervision.quarterly",
            "tasks.immediate",
        ],
    )
    def test_no_param_needed(self, capsys: pytest.CaptureFixture[str], rule: str) -> None:
        """The rule answers from the trigger alone."""
        status, out, err = cli(capsys, "due", rule, "--at", "2026-06-10T10:00")
        assert (status, err) == (0, "")
        assert out.startswith(rule)

    def test_meeting_limit_names_the_parameter(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A matter's limit depends on the minutes: the error names each way to give it."""
        status, _, err = cli(capsys, "due", "decisions.time_limited", "--at", "2026-06-10T10:00")
        assert status == 2
        for name in ("deadline=", "limit_days=", "limit_working_days="):
            assert name in err

    @pytest.mark.parametrize("rule", ["meetings.march_freeze", "research.field_days"])
    def test_constraints_are_not_deadlines(
        self, capsys: pytest.CaptureFixture[str], rule: str
    ) -> None:
        """A blackout or a quota is not a deadline, parameter or not."""
        status, _, err = cli(capsys, "due", rule, "--at", "2026-06-10T10:00")
        assert status != 0
        assert "not a deadline" in err

    def test_special_topic_trace(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without the flag the approval is shown as conditional (issue 9, case 1)."""
        status, out, _ = cli(
            capsys, "due", "minutes.special_topic", "--at", "2026-06-10T10:00", "--explain",
            "--lang", "zh",
        )  # fmt: skip
        assert status == 0
        assert "到期时间：2026年6月15日（周一）17:30" in out
        assert "如涉及人、财、物等重要事项，须报县长审定" in out
