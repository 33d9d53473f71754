"""Batch mode: deadlines batch and deadlines.io (JSON Lines, CSV, run_batch)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deadlines import DueResult, Engine, InvalidValueError
from deadlines._messages import Said
from deadlines.cli import main
from deadlines.io import (
    CSV_COLUMNS,
    Problem,
    Trigger,
    read_csv,
    read_jsonl,
    run_batch,
)
from deadlines.io._messages import day_of, shown
from deadlines.io._records import not_utf8, trigger_from


@pytest.fixture(scope="module")
def engine() -> Engine:
    """One engine for the module."""
    return Engine()


def batch(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: str,
    *argv: str,
) -> tuple[int, str, str]:
    """Run `deadlines batch ARGV` in this process with `stdin`: (status, stdout, stderr)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    status = main(["batch", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def jsonl(*records: dict[str, Any] | str) -> str:
    """Input lines: dicts as JSON, strings as they are."""
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


SHARED_ENGINE = Engine()
GOOD = {"id": "g", "rule": "minutes.executive", "at": "2026-09-30T17:00"}


class TestJsonLines:
    """JSON Lines in and out: order, line numbers, ids, exit status."""

    def test_good_and_bad_interleaved(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """One output line per record, in input order; blank lines skipped but counted."""
        stdin = jsonl(
            {**GOOD, "id": 1},
            "",
            {"id": 2, "rule": "nope", "at": "2026-09-30T17:00"},
            "   ",
            {"id": 3, "rule": "routing.ordinary", "at": "2026-09-30T10:00+08:00"},
            "{oops",
            {"id": 4, "rule": "signing.same_day", "at": "yesterday"},
            {"id": 5, "rule": "decisions.time_limited", "at": "2026-09-16T10:00",
             "limit_days": 15},
        )
        status, out, err = batch(capsys, monkeypatch, stdin)
        assert (status, err) == (1, "")
        lines = [json.loads(line) for line in out.splitlines()]
        assert [line.get("id") for line in lines] == [1, 2, 3, None, 4, 5]
        assert lines[0].pop("provenance")["rule_set"]["name"] == "opinion-2020"
        assert lines[0] == {
            "id": 1,
            "rule": "minutes.executive",
            "at": "2026-09-30T17:00:00+08:00",
            "due": "2026-10-10T17:30:00+08:00",
            "due_date": "2026-10-10",
            "provisional": False,
        }
        assert lines[1]["error"]["line"] == 3
        assert lines[1]["error"]["field"] == "rule"
        assert lines[2]["due"] == "2026-10-09T10:00:00+08:00"
        assert lines[3] == {
            "error": {"line": 6, "field": None, "message": lines[3]["error"]["message"]}
        }
        assert lines[3]["error"]["message"].startswith("not valid JSON")
        assert (lines[4]["error"]["line"], lines[4]["error"]["field"]) == (7, "at")
        assert "2026-09-30T17:00" in lines[4]["error"]["message"]
        assert lines[5]["due"] == "2026-10-08T17:30:00+08:00"

    def test_all_good_exits_0(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """No failed record, exit status 0; a record without id has none in its output."""
        status, out, _ = batch(capsys, monkeypatch, jsonl({"rule": "minutes.executive",
                                                            "at": "2026-09-30T17:00"}))
        assert status == 0
        assert "id" not in json.loads(out)

    def test_empty_input(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """No input, no output, exit 0."""
        assert batch(capsys, monkeypatch, "") == (0, "", "")

    @pytest.mark.parametrize(
        "record_id",
        ["中文编号", 'quote " and \\ backslash', 7, 2.5, None, True, [1, "a"], {"k": 1}],
        ids=["chinese", "escapes", "int", "float", "null", "bool", "list", "object"],
    )
    def test_ids_are_echoed_as_json(self, engine: Engine, record_id: Any) -> None:
        """Any JSON id comes back equal; null means no id."""
        (line,) = run_batch([json.dumps({**GOOD, "id": record_id})], engine)
        data = json.loads(line)
        if record_id is None:
            assert "id" not in data
        else:
            assert data["id"] == record_id

    @pytest.mark.parametrize(
        ("record", "field"),
        [
            ({"at": "2026-09-30T17:00"}, "rule"),
            ({"rule": "minutes.executive"}, "at"),
            ({"rule": 5, "at": "2026-09-30T17:00"}, "rule"),
            ({"rule": "minutes.executive", "at": 20260930}, "at"),
            ({"rule": "minutes.executive", "at": "2026-09-30T17:00", "note": "x"}, "note"),
            ({"rule": "decisions.time_limited", "at": "2026-09-30T17:00"}, "deadline"),
            ({"rule": "decisions.time_limited", "at": "2026-09-30T17:00", "limit_days": -1},
             "limit_days"),
            ({"rule": "decisions.time_limited", "at": "2026-09-30T17:00",
              "deadline": "2026-09-01"}, "deadline"),
            ({"rule": "minutes.special_topic", "at": "2026-09-30T17:00",
              "involves_personnel_money_assets": "perhaps"}, "involves_personnel_money_assets"),
            ({"rule": "meetings.march_freeze", "at": "2026-03-02T09:00"}, "rule"),
            ({"rule": "minutes.executive", "at": "2019-09-30T17:00"}, "at"),
            ({"rule": "minutes.executive", "at": "2100-12-31T17:00"}, "at"),
            ("[1, 2]", None),
            ('"text"', None),
        ],
        ids=[
            "missing-rule", "missing-at", "rule-not-text", "at-not-text", "unknown-parameter",
            "missing-parameter", "bad-parameter", "deadline-before-meeting", "bad-condition",
            "blackout", "before-effective", "beyond-calendar", "array", "string",
        ],
    )
    def test_error_names_the_field(
        self, engine: Engine, record: dict[str, Any] | str, field: str | None
    ) -> None:
        """Each kind of bad record names the key at fault (null for the line as a whole)."""
        text = record if isinstance(record, str) else json.dumps({"id": "x", **record})
        run = run_batch(["", text], engine)
        (line,) = run
        data = json.loads(line)
        assert data["error"]["line"] == 2
        assert data["error"]["field"] == field, data
        assert data["error"]["message"]
        assert run.failed == 1

    def test_null_and_empty_values_are_absent(self, engine: Engine) -> None:
        """A null or empty parameter counts as not given, so mixed files work."""
        record = {**GOOD, "limit_days": None, "deadline": ""}
        (line,) = run_batch([json.dumps(record)], engine)
        assert json.loads(line)["due"] == "2026-10-10T17:30:00+08:00"

    def test_byte_order_mark(self, engine: Engine) -> None:
        """A UTF-8 byte order mark before the first line is ignored."""
        (line,) = run_batch(["\ufeff" + json.dumps(GOOD)], engine)
        assert "error" not in json.loads(line)

    def test_explain_adds_the_trace(self, engine: Engine) -> None:
        """--explain puts the steps, each with its action and both languages."""
        (line,) = run_batch([json.dumps(GOOD)], engine, explain=True)
        trace = json.loads(line)["trace"]
        assert trace[0]["action"] == "trigger"
        assert {"action", "zh", "en"} <= set(trace[3])
        assert trace[3]["date"] == "2026-10-01"


MESSAGES = [
    ('{"rule": "minutes.executive", "at": 20260930}', "jsonl", "at",
     ("at must be an ISO 8601 date and time such as 2026-09-30T17:00 (+08:00 optional), as "
      "text; got 20260930")),
    ('{"rule": "minutes.executive", "at": "2101-01-01T10:00"}', "jsonl", "at",
     "the calendar covers 2004-01-01 through 2100-12-31; got 2101-01-01T10:00"),
    ('{"rule": "minutes.executive", "at": "2100-12-30T17:00"}', "jsonl", "at",
     ("the due date would fall after 2100-12-31, where the calendar ends (it covers 2004-01-01 "
      "through 2100-12-31); got 2100-12-30T17:00")),
    ('{"rule": "decisions.time_limited", "at": "2026-09-30T17:00", "deadline": "2026-09-01"}',
     "jsonl", "deadline",
     "deadline must be a deadline after the meeting (2026-09-30T17:00+08:00); got 2026-09-01"),
    ("rule,at\nminutes.executive,", "csv", "at",
     "missing; each row needs the trigger instant in the at column, e.g. 2026-09-30T17:00"),
    ("rule,at\n,2026-09-30T17:00", "csv", "rule",
     "missing; each row needs a rule id in the rule column, e.g. minutes.executive"),
]


class TestMessages:
    """Messages show values as written and examples in the input's own format."""

    @pytest.mark.parametrize(
        ("text", "fmt", "field", "message"),
        MESSAGES,
        ids=["at-a-number", "at-after-2100", "due-after-2100", "date-parameter",
             "csv-missing-at", "csv-missing-rule"],
    )
    def test_message(self, engine: Engine, text: str, fmt: str, field: str, message: str) -> None:
        """The field at fault and a message without Python reprs."""
        run = run_batch(text.splitlines(), engine, fmt, output_format="jsonl")  # type: ignore[arg-type]
        (line,) = run
        error = json.loads(line)["error"]
        assert (error["field"], error["message"]) == (field, message)


class TestProvisional:
    """A provisional row says so in its field and warns nothing, per line or otherwise."""

    def test_no_warning(self, engine: Engine) -> None:
        """Rows relying on unannounced days are answers, not errors, and raise no warning."""
        lines = [json.dumps({"rule": "minutes.executive", "at": f"2030-0{m}-03T09:00"})
                 for m in range(1, 10)]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            run = run_batch(lines, engine)
            out = [json.loads(line) for line in run]
        assert caught == []
        assert all(row["provisional"] for row in out)
        assert run.failed == 0

    def test_filter_does_not_leak(self, engine: Engine) -> None:
        """Between output lines, the caller's warning filters are its own."""
        before = list(warnings.filters)
        run = run_batch([json.dumps(GOOD)] * 3, engine)
        next(run)
        assert warnings.filters == before
        with pytest.warns(UserWarning, match="the caller's own"):
            warnings.warn("the caller's own", UserWarning, stacklevel=1)
        list(run)


def parse_csv(text: str) -> list[dict[str, str]]:
    """CSV text as rows."""
    return list(csv.DictReader(io.StringIO(text)))


class TestCsv:
    """CSV in and out: header, parameters as columns, and the round trip."""

    def test_round_trip(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """CSV in, CSV out: the same answers as JSON Lines, errors in their columns."""
        stdin = (
            "id,rule,at,limit_days,involves_personnel_money_assets\n"
            "a,minutes.executive,2026-09-30T17:00,,\n"
            "\n"
            '"b, quoted",decisions.time_limited,2026-09-16T10:00,15,\n'
            "c,minutes.special_topic,2026-09-30T17:00,,yes\n"
            "d,decisions.time_limited,2026-09-30T17:00,,\n"
        )
        status, out, err = batch(capsys, monkeypatch, stdin, "--format", "csv")
        assert (status, err) == (1, "")
        rows = parse_csv(out)
        assert tuple(rows[0]) == CSV_COLUMNS
        assert [row["id"] for row in rows] == ["a", "b, quoted", "c", "d"]
        assert rows[0]["due"] == "2026-10-10T17:30:00+08:00"
        assert rows[0]["provisional"] == "false"
        assert rows[1]["due_date"] == "2026-10-08"
        assert rows[2]["due"] == "2026-10-10T17:30:00+08:00"
        assert (rows[3]["error_line"], rows[3]["error_field"]) == ("6", "deadline")
        assert rows[3]["due"] == ""

        # The same records as JSON Lines give the same answers.
        records = [{k: v for k, v in row.items() if v} for row in csv.DictReader(
            io.StringIO(stdin))]
        _, out_jsonl, _ = batch(capsys, monkeypatch, jsonl(*records))
        for row, line in zip(rows, out_jsonl.splitlines(), strict=True):
            data = json.loads(line)
            assert row["due"] == data.get("due", "")

    def test_csv_file_by_extension(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A FILE ending in .csv is read as CSV without --format; a BOM is fine."""
        path = tmp_path / "in.csv"
        path.write_text("\ufeffrule,at\nminutes.executive,2026-09-30T17:00\n", "utf-8")
        status = main(["batch", str(path)])
        rows = parse_csv(capsys.readouterr().out)
        assert status == 0
        assert rows[0]["due"] == "2026-10-10T17:30:00+08:00"

    def test_header_without_rule(self, engine: Engine) -> None:
        """A header lacking rule or at is one error on line 1, and nothing else is read."""
        run = run_batch(["name,at", "x,2026-09-30T17:00"], engine, "csv")
        rows = parse_csv("".join(run))
        assert len(rows) == 1
        assert (rows[0]["error_line"], rows[0]["error_field"]) == ("1", "rule")
        assert "id,rule,at,limit_days" in rows[0]["error_message"]
        assert run.failed == 1

    def test_too_many_cells(self, engine: Engine) -> None:
        """A row with more cells than the header is an error for that row only."""
        rows = list(read_csv(["rule,at", "minutes.executive,2026-09-30T17:00,extra",
                              "minutes.executive,2026-09-30T17:00"]))
        assert isinstance(rows[0], Problem)
        assert rows[0].line == 2
        assert "quote a cell" in rows[0].text()
        assert isinstance(rows[1], Trigger)

    def test_multiline_cell_numbers_by_first_line(self) -> None:
        """A quoted cell spanning lines: the record is numbered by its first line."""
        text = 'id,rule,at\n"two\nlines",minutes.executive,2026-09-30T17:00\nx,y,z\n'
        records = list(read_csv(io.StringIO(text, newline="")))
        assert [record.line for record in records] == [2, 4]

    @pytest.mark.parametrize(
        ("record_id", "cell"),
        [("a1", "a1"), (7, "7"), (True, "true"), ({"k": 1}, '{"k": 1}'), (None, "")],
        ids=["text", "int", "bool", "object", "none"],
    )
    def test_ids_in_csv(self, engine: Engine, record_id: Any, cell: str) -> None:
        """A JSON id becomes a CSV cell: text and numbers as they are, others as JSON."""
        out = "".join(run_batch([json.dumps({**GOOD, "id": record_id})], engine,
                                output_format="csv"))
        assert parse_csv(out)[0]["id"] == cell

    def test_jsonl_to_csv(self, engine: Engine) -> None:
        """--output-format csv turns JSON Lines into a table, trace column with explain."""
        rows = parse_csv("".join(run_batch([json.dumps(GOOD)], engine, output_format="csv",
                                           explain=True, lang="zh")))
        assert rows[0]["id"] == "g"
        assert "第3个工作日：2026-10-10（周六）" in rows[0]["trace"]


class TestInput:
    """Standard input, '-', files and bad encodings."""

    def test_dash_is_stdin(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """FILE '-' reads standard input."""
        status, out, _ = batch(capsys, monkeypatch, jsonl(GOOD), "-")
        assert status == 0
        assert json.loads(out)["id"] == "g"

    def test_real_stdin_in_a_subprocess(self) -> None:
        """Bytes on a real standard input are read as UTF-8 (a BOM skipped), output is UTF-8."""
        data = ("\ufeff" + jsonl({**GOOD, "id": "编号"}, "bad")).encode("utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "deadlines", "batch"], input=data, capture_output=True,
            check=False,
        )
        lines = done.stdout.decode("utf-8").splitlines()
        assert done.returncode == 1
        assert done.stderr == b""
        assert json.loads(lines[0])["id"] == "编号"
        assert json.loads(lines[1])["error"]["line"] == 2

    def test_not_utf8_line_alone(self) -> None:
        """A line with a byte that is not UTF-8 is an error line of its own; the batch goes on."""
        data = (
            jsonl(GOOD).encode("utf-8")
            + b'{"rule": "minutes.executive", "at": "2026-09-30T17:00", "id": "\xff"}\n'
            + jsonl({**GOOD, "id": "编号"}).encode("utf-8")
        )
        done = subprocess.run(
            [sys.executable, "-m", "deadlines", "batch"], input=data, capture_output=True,
            check=False,
        )
        lines = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
        assert (done.returncode, done.stderr) == (1, b"")
        assert [line.get("id") for line in lines] == ["g", None, "编号"]
        assert lines[1] == {
            "error": {
                "line": 2,
                "field": None,
                "message": "not UTF-8 text (the byte 0xff at column 64); save the input as "
                "UTF-8 (in Excel: CSV UTF-8)",
            }
        }

    def test_not_utf8_csv_row(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A CSV row in another encoding is an error naming its cell; the other rows are read."""
        path = tmp_path / "gbk.csv"
        path.write_bytes(
            "id,rule,at\n编号,minutes.executive,2026-09-30T17:00\n".encode("gbk")
            + b"ok,minutes.executive,2026-09-30T17:00\n"
        )
        status = main(["batch", str(path)])
        rows = parse_csv(capsys.readouterr().out)
        assert status == 1
        assert (rows[0]["error_line"], rows[0]["error_field"]) == ("2", "id")
        assert rows[0]["error_message"].startswith("not UTF-8 text (the byte 0xb1 in the id cell)")
        assert rows[1]["due"] == "2026-10-10T17:30:00+08:00"

    def test_not_utf8_csv_header(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A header in another encoding is one error on line 1 that says how to fix it."""
        path = tmp_path / "gbk.csv"
        path.write_bytes("rule,at,备注\nminutes.executive,2026-09-30T17:00,x\n".encode("gbk"))
        status = main(["batch", str(path)])
        rows = parse_csv(capsys.readouterr().out)
        assert status == 1
        assert len(rows) == 1
        assert rows[0]["error_line"] == "1"
        assert "in column 3 of the header); save the input as UTF-8" in rows[0]["error_message"]

    def test_bad_format_in_the_library(self, engine: Engine) -> None:
        """run_batch refuses an unknown format by name."""
        with pytest.raises(InvalidValueError, match="output_format must be jsonl or csv"):
            run_batch([], engine, output_format="xml")  # type: ignore[arg-type]


class TestReaders:
    """The readers give triggers with their parameters, or the problem of a record."""

    def test_parameters_are_the_other_keys(self) -> None:
        """Keys besides id, rule and at are parameters."""
        (trigger,) = read_jsonl([json.dumps({**GOOD, "limit_days": 3})])
        assert trigger == Trigger(1, "minutes.executive", "2026-09-30T17:00", {"limit_days": 3},
                                  "g")

    def test_empty_values_are_absent(self) -> None:
        """A record's empty and null values are not parameters."""
        record = {"rule": "decisions.time_limited", "at": "2026-09-30T17:00", "limit_days": "15",
                  "deadline": "", "note": None}
        assert trigger_from(record, 2) == Trigger(
            2, "decisions.time_limited", "2026-09-30T17:00", {"limit_days": "15"}, None
        )

    def test_at_not_text(self) -> None:
        """A trigger that is not text is refused with an example."""
        problem = trigger_from({"rule": "minutes.executive", "at": 20260930}, 3)
        assert isinstance(problem, Problem)
        assert problem.text() == (
            "at must be an ISO 8601 date and time such as 2026-09-30T17:00 (+08:00 optional), "
            "as text; got 20260930"
        )

    def test_not_utf8(self) -> None:
        """A byte that is not UTF-8 is named with where it is."""
        problem = not_utf8(2, "\udcff", Said("problem.at_column", {"n": 61}))
        assert problem.text() == (
            "not UTF-8 text (the byte 0xff at column 61); save the input as UTF-8 "
            "(in Excel: CSV UTF-8)"
        )

    def test_day_of(self) -> None:
        """A trigger's day is its China-time day; text that is no instant has none."""
        assert day_of("2026-09-30T23:30-05:00") == dt.date(2026, 10, 1)
        assert day_of("30/09/2026") is None

    @pytest.mark.parametrize(
        ("value", "expected"),
        [(dt.date(2026, 9, 1), "2026-09-01"), ("five", "'five'"), (True, "true"),
         ([1, "a"], '[1, "a"]')],
        ids=["date", "text", "bool", "json"],
    )
    def test_shown(self, value: object, expected: str) -> None:
        """Values in messages as written: dates in ISO 8601, text quoted, JSON as JSON."""
        assert shown(value) == expected


class TestDueResultShortcut:
    """Engine.due builds its result directly; it must equal what model_construct builds."""

    def test_same_as_model_construct(self, engine: Engine) -> None:
        """Equal, same dump, same fields set, and it validates back to itself."""
        result = engine.due("minutes.executive", "2026-09-30T17:00")
        slow = DueResult.model_construct(**dict(result))
        assert result == slow
        assert result.model_dump() == slow.model_dump()
        assert result.model_fields_set == slow.model_fields_set
        assert DueResult.model_validate_json(result.model_dump_json()) == result
        assert result.model_copy(update={"provisional": True}).provisional is True


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["minutes.executive", "signing.same_day", "routing.ordinary",
                             "documents.issue", "instructions.plan"]),
            st.datetimes(min_value=dt.datetime(2020, 4, 21), max_value=dt.datetime(2026, 12, 31)),
        ),
        max_size=20,
    )
)
def test_batch_agrees_with_the_api(records: list[tuple[str, dt.datetime]]) -> None:
    """Batch answers are Engine.due's answers, line for line."""
    engine = SHARED_ENGINE
    lines = [json.dumps({"rule": r, "at": at.isoformat(timespec="minutes")}) for r, at in records]
    out = [json.loads(line) for line in run_batch(lines, engine)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = [engine.due(r, at.replace(second=0, microsecond=0), explain=False)
                    for r, at in records]
    assert [row["due"] for row in out] == [result.due.isoformat() for result in expected]
    assert [row["provisional"] for row in out] == [result.provisional for result in expected]
