"""Bad input of every surface: the defects of issue 14 and those its fuzz found, one test each.

Each error exits 2 (a usage error) or is an error line of its own (batch, check), names the
input at fault, echoes at most 200 characters of a value, and never prints a traceback.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest

from deadlines import Engine, OutOfRangeError
from deadlines._errors import DeadlinesError, InvalidArgumentError, InvalidValueError
from deadlines._textfile import NotUtf8Error, decode_user_text, read_user_text
from deadlines._time import impossible_day
from deadlines.policy import CaseRunner, find_case_files, parse_cases, parse_policy
from deadlines.policy._errors import CaseFileError, PolicyFileError
from deadlines.supervision import read_events
from strategies_fuzz import EXAMPLES, run_cli, strict_json

AT = "2026-09-30T17:00"
ENGINE = Engine(discover_plugins=False)


def due_line(*params: str, at: str = AT, rule: str = "decisions.time_limited") -> list[str]:
    argv = ["due", rule, "--at", at, "--no-plugins"]
    for param in params:
        argv += ["--param", param]
    return argv


def batch(*lines: str, fmt: str = "jsonl") -> list[dict[str, object]]:
    """The output records of a batch of `lines` (JSON Lines out)."""
    run = run_cli(["batch", "--format", fmt, "--output-format", "jsonl", "--no-plugins"],
                  "\n".join(lines).encode())  # fmt: skip
    assert "Traceback" not in run.err
    return [strict_json(line) for line in run.out.splitlines()]  # type: ignore[misc]


def record(limit: object = None, **fields: object) -> str:
    values: dict[str, object] = {"id": 1, "rule": "decisions.time_limited", "at": AT}
    if limit is not None:
        values["limit_days"] = limit
    values.update(fields)
    return json.dumps(values)


class TestHugeParameter:
    """1. A huge limit_days is a range error of that parameter on every surface."""

    def test_command_line(self) -> None:
        """deadlines due: exit 2, one line about --param limit_days, no traceback."""
        run = run_cli(due_line("limit_days=1000000000"))
        assert run.status == 2
        assert run.err.startswith("deadlines due: error: argument --param limit_days: ")
        assert "2100-12-31" in run.err
        assert run.err.count("\n") == 1

    @pytest.mark.parametrize("limit", [10**9, 10**30, 10**5000, "9" * 5000],
                             ids=["1e9", "1e30", "1e5000", "5000-digit-text"])  # fmt: skip
    def test_python_api(self, limit: object) -> None:
        """Engine.due raises OutOfRangeError naming limit_days, not OverflowError."""
        with pytest.raises(OutOfRangeError) as caught:
            ENGINE.due("decisions.time_limited", AT, limit_days=limit)
        assert caught.value.input_field == "limit_days"
        assert len(str(caught.value)) < 400

    def test_batch(self) -> None:
        """A batch line: an error of the field limit_days, not a bug to report."""
        (answer,) = batch(record(10**9))
        error = answer["error"]
        assert isinstance(error, dict)
        assert error["field"] == "limit_days"
        assert "please report" not in str(error["message"])
        assert "2100-12-31" in str(error["message"])

    def test_case_file(self, tmp_path: Path) -> None:
        """deadlines test: the case gets an invalid_value status, not an internal error."""
        path = tmp_path / "huge.deadlines.toml"
        path.write_text(
            '[[case]]\nrule = "decisions.time_limited"\nat = 2026-09-30T17:00:00\n'
            'params = {limit_days = 1000000000}\nexpect = {status = "invalid_value"}\n',
            encoding="utf-8",
        )
        (result,) = CaseRunner().run([path])
        assert result.actual.status == "invalid_value", result.actual
        assert result.passed

    def test_check_keeps_the_report(self, tmp_path: Path) -> None:
        """deadlines check: the matter is a problem of its line; the report is printed."""
        events = tmp_path / "events.jsonl"
        events.write_text(
            '{"type": "meeting_held", "id": "m1", "kind": "executive", "ended_at": '
            '"2025-09-30T17:00", "matters": [{"id": "a", "limit_days": 1000000000}]}\n'
            '{"type": "meeting_held", "id": "m2", "kind": "executive", "ended_at": '
            '"2025-10-09T17:00"}\n',
            encoding="utf-8",
        )
        run = run_cli(["check", str(events), "--at", "2025-10-20T12:00", "--json",
                       "--no-plugins"])  # fmt: skip
        assert run.status == 1
        assert "Traceback" not in run.err
        report = strict_json(run.out)
        assert isinstance(report, dict)
        assert "m2/minutes" in {row["id"] for row in report["obligations"]}
        (problem,) = report["errors"]
        assert problem["line"] == 1
        assert problem["field"].endswith("limit_days")


class TestFileEncodings:
    """2. Files in GBK are refused with how to save them; a UTF-8 BOM is read."""

    NOTICE = (EXAMPLES / "notice-2026.toml").read_text(encoding="utf-8")
    POLICY = (EXAMPLES / "policy-change" / "policy.toml").read_text(encoding="utf-8")

    def files(self, tmp_path: Path, encoding: str) -> dict[str, Path]:
        """The override, policy and case files of the examples, saved in `encoding`."""
        data = {
            "notice.toml": self.NOTICE,
            "policy.toml": self.POLICY,
            "x.deadlines.toml": "# 无会月\n"
            + (EXAMPLES / "policy-change" / "meetings.deadlines.toml").read_text(encoding="utf-8"),
        }
        paths = {}
        tmp_path.mkdir(exist_ok=True)
        for name, text in data.items():
            path = tmp_path / name
            path.write_bytes(text.encode(encoding))
            paths[name] = path
        return paths

    def argvs(self, paths: dict[str, Path]) -> dict[str, list[str]]:
        return {
            "override": ["due", "minutes.executive", "--at", AT, "--calendar",
                         str(paths["notice.toml"]), "--no-plugins"],
            "policy": ["diff", "opinion-2020", str(paths["policy.toml"]), "--from",
                       "2026-09-01", "--to", "2026-09-02", "--rule", "routing.ordinary"],
            "cases": ["test", "-q", str(paths["x.deadlines.toml"])],
        }  # fmt: skip

    @pytest.mark.parametrize("surface", ["override", "policy", "cases"],
                             ids=["override", "policy", "cases"])  # fmt: skip
    def test_gbk_refused(self, tmp_path: Path, surface: str) -> None:
        """Exit 2 with the line, 'GBK', and how to save as UTF-8; no traceback."""
        run = run_cli(self.argvs(self.files(tmp_path, "gbk"))[surface])
        # deadlines test reports a file it cannot read as a failed file, and goes on.
        assert run.status == (1 if surface == "cases" else 2), run
        assert "Traceback" not in run.err
        assert "GBK" in run.err + run.out
        assert "UTF-8" in run.err + run.out

    @pytest.mark.parametrize("surface", ["override", "policy", "cases"],
                             ids=["override", "policy", "cases"])  # fmt: skip
    def test_bom_read(self, tmp_path: Path, surface: str) -> None:
        """A UTF-8 BOM (Notepad's) changes nothing: the command runs as without it."""
        plain = run_cli(self.argvs(self.files(tmp_path / "plain", "utf-8"))[surface])
        bom = run_cli(self.argvs(self.files(tmp_path / "bom", "utf-8-sig"))[surface])
        assert bom.status == plain.status
        assert bom.status in (0, 1), bom.err
        assert "Invalid statement" not in bom.err

    def test_reader(self, tmp_path: Path) -> None:
        """The reader of every such file: GBK refused by line and byte, a BOM dropped."""
        path = tmp_path / "notice.toml"
        path.write_bytes('source = "国办发明电"'.encode("gbk"))
        with pytest.raises(
            NotUtf8Error, match=r"^the file is not UTF-8 \(line 1, byte 0xb9\); it reads as GBK"
        ):
            read_user_text(path)
        path.write_bytes(codecs.BOM_UTF8 + b"year = 2027")
        assert read_user_text(path) == "year = 2027"
        assert decode_user_text(codecs.BOM_UTF8 + "王副县长".encode()) == "王副县长"


class TestBoundedEcho:
    """3. An echoed value is cut to 200 characters, with its full length stated."""

    def test_batch_line(self) -> None:
        """A 5 MB value gives a short error line that says how long it was."""
        line = record(None, at="x" * 5_000_000)
        (answer,) = batch(line)
        text = json.dumps(answer)
        assert len(text) < 600
        assert "5000000 characters in all" in text

    @pytest.mark.parametrize(
        "argv",
        [
            ["due", "minutes.executive", "--at", "9" * 100_000],
            ["due", "x" * 100_000, "--at", AT],
            due_line("limit_days=" + "x" * 100_000),
            ["calendar", "--lang", "z" * 100_000],
            ["check", "y" * 100_000],
            ["test", "t" * 100_000],
        ],
        ids=["at", "rule", "param", "argparse-choice", "events-path", "case-path"],
    )
    def test_command_line(self, argv: list[str]) -> None:
        """Exit 2, one short line, the length stated."""
        run = run_cli(argv)
        assert run.status == 2
        last = run.err.splitlines()[-1]
        assert len(last) < 700, last[:300]
        assert "characters in all" in last

    @pytest.mark.parametrize(
        "event",
        [
            {"type": "x" * 5000, "id": "a"},
            {"type": "meeting_held", "id": "m", "kind": "k" * 5000, "ended_at": AT},
            {"type": "meeting_held", "id": "i" * 5000, "kind": "executive", "ended_at": AT},
            {"type": "leader", "leader": "a", "f" * 5000: 1},
            ["x" * 5000],
        ],
        ids=["type", "kind", "id", "unknown-field", "not-an-object"],
    )
    def test_events_file(self, event: object) -> None:
        """A problem of an events file: short, with the length stated."""
        (problem,) = read_events([json.dumps(event)]).problems
        assert len(str(problem)) < 700, str(problem)[:300]
        assert "characters in all" in str(problem)

    def test_python_api(self) -> None:
        """The library's own messages are bounded too."""
        with pytest.raises(InvalidValueError) as caught:
            ENGINE.due("minutes.executive", "x" * 1_000_000)
        assert len(str(caught.value)) < 400


class TestStrictJson:
    """4. Batch output is RFC 8259 JSON; a key given twice is an error naming it."""

    @pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999"],
                             ids=["nan", "infinity", "minus-infinity", "1e999"])  # fmt: skip
    def test_non_finite_id(self, value: str) -> None:
        """The line is an error of the field id; nothing non-JSON is written."""
        line = '{"id": ' + value + ', "rule": "minutes.executive", "at": "2026-09-30T17:00"}'
        good = '{"id": 2, "rule": "minutes.executive", "at": "2026-09-30T17:00"}'
        bad, answer = batch(line, good)
        assert bad == {"error": {"line": 1, "field": "id", "message": bad["error"]["message"]}}  # type: ignore[index]
        assert value.lstrip("-") in str(bad["error"])
        assert answer["id"] == 2

    def test_non_finite_then_garbage(self) -> None:
        """NaN before text that is not JSON: an error line of the whole line, no traceback."""
        (answer,) = batch('NaN{"id": 1, "rule": "minutes.executive", "at": "2026-09-30T17:00"}')
        assert answer["error"]["field"] is None  # type: ignore[index]

    @pytest.mark.parametrize("char", ["\u0085", "\u2028", "\u2029"],
                             ids=["nel", "line-separator", "paragraph-separator"])  # fmt: skip
    def test_one_record_one_line(self, char: str) -> None:
        """A character some readers break lines at is written escaped, in ids and errors."""
        good = json.dumps({"id": char, "rule": "minutes.executive", "at": AT})
        bad = json.dumps({"id": char, "rule": "minutes.executive", "at": char})
        run = run_cli(["batch", "--no-plugins"], f"{good}\n{bad}\n".encode())
        assert run.out.splitlines() == run.out.split("\n")[:-1]
        assert len(run.out.splitlines()) == 2
        assert [strict_json(line)["id"] for line in run.out.splitlines()] == [char, char]  # type: ignore[index]

    def test_repeated_key(self) -> None:
        """A key given twice is an error naming the key, not the last value silently kept."""
        line = '{"id": 1, "rule": "minutes.executive", "at": "2026-09-30T17:00", "at": "2026-10-09T09:00"}'  # noqa: E501
        (answer,) = batch(line)
        error = answer["error"]
        assert isinstance(error, dict)
        assert error["field"] == "at"
        assert "given twice" in str(error["message"])

    def test_csv_header_repeated(self) -> None:
        """CSV: a column named twice is an error naming that column."""
        (answer,) = batch("id,rule,at,at", "1,minutes.executive,2026-09-30T17:00,x", fmt="csv")
        assert answer["error"]["field"] == "at"  # type: ignore[index]


class TestImpossibleInstants:
    """5. Offsets beyond -12:00..+14:00 are refused; a day that does not exist says so."""

    @pytest.mark.parametrize(
        ("at", "words"),
        [
            ("2026-09-30T10:00+15:00", "an offset from -12:00 to +14:00"),
            ("2026-09-30T10:00-12:30", "an offset from -12:00 to +14:00"),
            ("2026-02-30T10:00", "February 2026 has no 30th (it has 28 days)"),
            ("2024-02-30T10:00", "February 2024 has no 30th (it has 29 days)"),
            ("2026-04-31T10:00", "April 2026 has no 31st"),
            ("2026-13-01T10:00", "a month from 01 to 12"),
        ],
        ids=["plus-15", "minus-12-30", "february-30", "leap-february-30", "april-31", "month-13"],
    )
    def test_command_line(self, at: str, words: str) -> None:
        """deadlines due: exit 2, about --at, in words."""
        run = run_cli(["due", "minutes.executive", "--at", at])
        assert run.status == 2
        assert run.err.startswith("deadlines due: error: argument --at: must be ")
        assert words in run.err

    @pytest.mark.parametrize(
        ("text", "zh"),
        [
            ("2026-02-30T10:00", "存在的日期：2026年2月没有30日（该月只有28天）"),
            ("2026-13-01", "01至12之间的月份"),
            ("0000-01-01", "0001年以后的年份"),
        ],
        ids=["february-30", "month-13", "year-0"],
    )
    def test_impossible_day_in_chinese(self, text: str, zh: str) -> None:
        """The day that does not exist, said in Chinese too."""
        said = impossible_day(text)
        assert said is not None
        assert said.render("zh") == zh

    def test_possible_day(self) -> None:
        """A day that exists is no problem of that kind."""
        assert impossible_day("2026-02-28T10:00") is None

    @pytest.mark.parametrize("at", ["2026-09-30T10:00-12:00", "2026-09-30T10:00+14:00"],
                             ids=["minus-12", "plus-14"])  # fmt: skip
    def test_extremes_accepted(self, at: str) -> None:
        """-12:00 and +14:00 are offsets places use."""
        assert ENGINE.due("minutes.executive", at).at.utcoffset() == dt.timedelta(hours=8)

    def test_python_datetime(self) -> None:
        """A datetime with an offset of +15:00 is refused as text is."""
        at = dt.datetime(2026, 9, 30, 10, tzinfo=dt.timezone(dt.timedelta(hours=15)))
        with pytest.raises(InvalidValueError, match="-12:00 to \\+14:00") as caught:
            ENGINE.due("minutes.executive", at)
        assert caught.value.input_field == "at"

    def test_batch(self) -> None:
        """A batch line says it too, as an error of the field at."""
        (answer,) = batch(record(None, rule="minutes.executive", at="2026-02-30T10:00"))
        assert answer["error"]["field"] == "at"  # type: ignore[index]
        assert "February 2026 has no 30th" in answer["error"]["message"]  # type: ignore[index]


class TestInputAtFault:
    """9. Errors name the input that caused them: a parameter, not --at, when it did."""

    @pytest.mark.parametrize(
        ("params", "at", "option"),
        [
            (("limit_days=40000",), AT, "--param limit_days"),
            (("deadline=2200-01-01",), AT, "--param deadline"),
            ((), "2100-12-30T17:00", "--at"),
            (("limit_days=15",), "2003-12-31T17:00", "--at"),
        ],
        ids=["long-limit", "late-deadline", "late-trigger", "early-trigger"],
    )
    def test_command_line(self, params: tuple[str, ...], at: str, option: str) -> None:
        """The option named is the one whose value carried the date out of the calendar."""
        rule = "decisions.time_limited" if params else "minutes.executive"
        run = run_cli(due_line(*params, at=at, rule=rule))
        assert run.status == 2
        assert run.err.startswith(f"deadlines due: error: argument {option}: "), run.err

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            (lambda: ENGINE.due("decisions.time_limited", AT, limit_days=40000), "limit_days"),
            (lambda: ENGINE.due("decisions.time_limited", AT, limit_days="x"), "limit_days"),
            (lambda: ENGINE.due("decisions.time_limited", AT), "deadline"),
            (lambda: ENGINE.due("minutes.executive", "2100-12-31T17:00"), "at"),
            (lambda: ENGINE.due("minutes.executive", "yesterday"), "at"),
            (lambda: ENGINE.due("minutes.nope", AT), "rule"),
            (lambda: ENGINE.due("meetings.march_freeze", AT), "rule"),
            (lambda: ENGINE.due(["minutes.executive"], AT), "rule"),  # type: ignore[arg-type]
            (lambda: ENGINE.due("minutes.executive", AT, limit_days=3), "limit_days"),
        ],
        ids=["range", "value", "missing", "late-at", "bad-at", "unknown-rule", "blackout",
             "rule-not-text", "unread-parameter"],
    )  # fmt: skip
    def test_python_api(self, call: object, field: str) -> None:
        """Engine.due records the input on its error: input_field."""
        with pytest.raises(DeadlinesError) as caught:
            call()  # type: ignore[operator]
        assert caught.value.input_field == field

    def test_batch(self) -> None:
        """A batch line's error names the column: limit_days, not at."""
        (answer,) = batch(record(40000))
        assert answer["error"]["field"] == "limit_days"  # type: ignore[index]
        assert answer["error"]["message"].endswith("got 40000")  # type: ignore[index]


class TestFoundByFuzzing:
    """Defects the fuzz found beyond the issue's list."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["calendar", "--calendar", "\x00"],
            ["check", "a\x00b.jsonl"],
            ["test", "n" * 5000],
            ["diff", "opinion-2020", "p" * 5000],
            ["diff", "opinion-2020", "p\x00.toml"],
            ["batch", "b\x00.jsonl"],
            ["notice", "remove", "9" * 5000],
            ["notice", "remove", "²"],
        ],
        ids=["nul-override-path", "nul-events-path", "long-case-path", "long-policy-path",
             "nul-policy-path", "nul-batch-path", "year-of-5000-digits", "year-superscript"],
    )
    def test_odd_paths(self, argv: list[str]) -> None:
        """A path with a NUL, or too long for the file system: exit 2, no traceback."""
        run = run_cli(argv)
        assert run.status == 2, run
        assert "Traceback" not in run.err

    @pytest.mark.parametrize(
        "text",
        ["x = " + "9" * 5000, '{"rules": ' + "9" * 5000 + "}"],
        ids=["toml", "json"],
    )
    def test_number_of_5000_digits(self, text: str) -> None:
        """A number Python will not read is a file error, in policy and case files alike."""
        fmt = "json" if text.startswith("{") else "toml"
        with pytest.raises(PolicyFileError, match="more than 4300 digits"):
            parse_policy(text, fmt)  # type: ignore[arg-type]
        if fmt == "toml":
            with pytest.raises(CaseFileError, match="more than 4300 digits"):
                parse_cases(text)

    def test_case_path_too_long(self) -> None:
        """find_case_files refuses a path too long with a CaseFileError."""
        with pytest.raises(CaseFileError):
            find_case_files(["n" * 5000])

    def test_events_line_not_utf8(self, tmp_path: Path) -> None:
        """One line of an events file that is not UTF-8 is a problem of that line alone."""
        events = tmp_path / "events.jsonl"
        good = (EXAMPLES / "supervision" / "county-week.jsonl").read_bytes()
        events.write_bytes(b'{"type": "leader", "leader": "\xd5\xc5"}\n' + good)
        run = run_cli(["check", str(events), "--at", "2025-10-20T12:00", "--json"])
        assert run.status == 1, run.err
        report = strict_json(run.out)
        assert isinstance(report, dict)
        assert report["obligations"]
        (problem,) = report["errors"]
        assert problem["line"] == 1
        assert "not UTF-8" in problem["message"]

    @pytest.mark.parametrize("value", ["²", "１５"], ids=["superscript", "fullwidth"])
    def test_limit_days_digits(self, value: str) -> None:
        """A digit int() refuses is a bad value; full-width digits read as the number."""
        if value == "²":
            with pytest.raises(InvalidValueError) as caught:
                ENGINE.due("decisions.time_limited", AT, limit_days=value)
            assert caught.value.input_field == "limit_days"
        else:
            result = ENGINE.due("decisions.time_limited", AT, limit_days=value)
            assert result.due == ENGINE.due("decisions.time_limited", AT, limit_days=15).due

    def test_rule_id_not_text(self) -> None:
        """A rule id that is not text (unhashable, even) is an argument error."""
        with pytest.raises(InvalidArgumentError):
            ENGINE.violates({"a": 1}, dt.date(2026, 3, 1))  # type: ignore[arg-type]

    def test_csv_header_not_csv(self) -> None:
        """A header line the csv module refuses is one error line, not an exception."""
        from deadlines.io import read_csv

        (error,) = list(read_csv(["id,rule\r,at\n"]))
        assert error.line == 1
        assert "not valid CSV" in error.text()

    def test_after_year_9999(self) -> None:
        """An instant whose China time is past 9999 is refused, not an OverflowError."""
        with pytest.raises(InvalidValueError) as caught:
            ENGINE.due("minutes.executive", "9999-12-31T23:00-05:00")
        assert caught.value.input_field == "at"

    def test_bom_then_gbk_says_gbk(self, tmp_path: Path) -> None:
        """A BOM does not hide a GBK body: still refused."""
        path = tmp_path / "notice.toml"
        path.write_bytes(codecs.BOM_UTF8 + 'source = "国办发明电"'.encode("gbk"))
        run = run_cli(["due", "minutes.executive", "--at", AT, "--calendar", str(path)])
        assert run.status == 2
        assert "not UTF-8" in run.err


class TestLoneSurrogate:
    """An escape of half a character (``\\ud800``) is valid JSON but no text: its line is a
    problem naming the field, not a traceback when the report is written."""

    GOOD = '{"type": "document_received", "id": "ok", "urgency": "urgent", "received_at": "2025-05-06T10:00"}'  # noqa: E501

    @pytest.mark.parametrize(
        ("line", "field"),
        [
            (('{"type": "document_received", "id": "a\\ud800", "urgency": "ordinary", '
             '"received_at": "2025-05-06T10:00"}'), "id"),
            (('{"type": "meeting_held", "id": "m", "kind": "executive", "ended_at": '
             '"2025-05-06T10:00", "matters": [{"id": "x", "title": "\\udc00"}]}'), "matters"),
        ],
    )  # fmt: skip
    def test_events_file(self, line: str, field: str) -> None:
        read = read_events([line, self.GOOD])
        (problem,) = read.problems
        assert (problem.line, problem.field) == (1, field)
        assert "surrogate" in problem.render("en")
        assert [event.id for event in read.events] == ["ok"]

    def test_key(self) -> None:
        """A key that is half a character is named by its escape: the report can write it."""
        (problem,) = read_events(['{"type": "leader", "leader": "x", "\\ud800": 1}']).problems
        assert problem.field == "\\ud800"
        json.dumps(problem.to_json("en"), ensure_ascii=False).encode()

    def test_pair_is_a_character(self) -> None:
        line = self.GOOD.replace('"ok"', '"\\ud83d\\ude00"')
        read = read_events([line])
        assert read.problems == ()
        assert read.events[0].id == "\U0001f600"

    def test_check_writes_utf8(self, tmp_path: Path) -> None:
        """On a real UTF-8 standard output (a StringIO takes any text), in both languages."""
        import subprocess
        import sys

        events = tmp_path / "events.jsonl"
        bad = self.GOOD.replace('"ok"', '"a\\ud800"')
        events.write_text(f"{bad}\n{self.GOOD}\n", encoding="utf-8")
        for form in ("--json", "--csv", "--lang=zh"):
            command = [sys.executable, "-m", "deadlines", "check", str(events), form]
            run = subprocess.run(
                [*command, "--at", "2025-05-07T12:00", "--no-plugins"],
                capture_output=True, check=False,
            )  # fmt: skip
            assert run.returncode == 1, run.stderr
            assert b"Traceback" not in run.stderr
            assert b"ok" in run.stdout
            assert "第1行".encode() in run.stderr or b"line 1" in run.stderr
