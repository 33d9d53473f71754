"""Fuzz: batch JSON Lines and CSV as raw bytes; good records are answered as if alone.

Each example mixes good records (each with its own id) and bad lines: random bytes, good lines
mutated byte by byte, values that are huge, NaN, repeated keys, impossible instants. The batch
exits 0, 1 or 2 with no traceback; each good record's output line is exactly the one a clean
run of the good records alone gives; every output line is strict JSON (or CSV of the header's
width); every error line names its input line and is short.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from strategies_fuzz import (
    MAX_ERROR_LINE,
    assert_clean,
    budget,
    mutated,
    nasty_text,
    run_cli,
    strict_json,
)

RULES = ("minutes.executive", "routing.ordinary", "signing.same_day", "decisions.time_limited")


@st.composite
def good_records(draw: st.DrawFn) -> list[dict[str, object]]:
    """A few records that compute, each with a distinct id."""
    records = []
    for number in range(draw(st.integers(1, 4))):
        rule = draw(st.sampled_from(RULES))
        day = draw(st.dates(min_value=dt.date(2020, 5, 1), max_value=dt.date(2026, 12, 20)))
        at = f"{day.isoformat()}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
        record: dict[str, object] = {"id": f"good{number}", "rule": rule, "at": at}
        if rule == "decisions.time_limited":
            record["limit_days"] = draw(st.integers(1, 60))
        records.append(record)
    return records


BASE_LINE = (
    '{"id": "b", "rule": "decisions.time_limited", "at": "2026-09-30T17:00", "limit_days": 15}'
)

bad_json_lines = st.one_of(
    st.binary(max_size=40),
    mutated(BASE_LINE.encode()),
    st.tuples(
        st.sampled_from(["id", "rule", "at", "limit_days", "deadline", "x" * 300]),
        st.one_of(nasty_text.map(json.dumps), st.sampled_from(["NaN", "1e999", "-Infinity",
                                                                "[]", "{}", "null", "true"])),
    ).map(lambda kv: ('{"rule": "decisions.time_limited", "at": "2026-09-30T17:00", '
                      f'"{kv[0]}": {kv[1]}}}').encode()),
    st.just(b'{"id": 1, "rule": "minutes.executive", "rule": "x", "at": "2026-09-30T17:00"}'),
    st.just(b'{"id": NaN, "rule": "minutes.executive", "at": "2026-09-30T17:00"}'),
    st.just(b'{"id": 1e999, "rule": "minutes.executive", "at": "2026-09-30T17:00"}'),
)  # fmt: skip


def interleave(draw: st.DrawFn, good: list[bytes], bad: st.SearchStrategy[bytes]) -> bytes:
    lines: list[bytes] = []
    for line in good:
        lines.extend(draw(st.lists(bad, max_size=2)))
        lines.append(line)
    lines.extend(draw(st.lists(bad, max_size=2)))
    return b"\n".join(lines) + b"\n"


@st.composite
def jsonl_inputs(draw: st.DrawFn) -> tuple[list[dict[str, object]], bytes]:
    good = draw(good_records())
    lines = [json.dumps(record, ensure_ascii=False).encode() for record in good]
    data = interleave(draw, lines, bad_json_lines)
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data  # Notepad's byte order mark
    return good, data


CSV_HEADER = "id,rule,at,limit_days"


def csv_row(record: dict[str, object]) -> bytes:
    return f"{record['id']},{record['rule']},{record['at']},{record.get('limit_days', '')}".encode()


# A quote left open runs on to the next quote whatever the lines (RFC 4180): that loses the
# rows it swallows by the format's own rules, so bad rows here hold no quote character.
bad_csv_rows = st.one_of(
    st.binary(max_size=40),
    mutated(b"b,decisions.time_limited,2026-09-30T17:00,15"),
    st.tuples(nasty_text, nasty_text, nasty_text).map(lambda cells: ",".join(cells).encode()),
    st.just(b"b,minutes.executive,2026-02-30T10:00,"),
    st.just(b"b,minutes.executive,2026-09-30T17:00,,,,"),
    st.just(b"b,decisions.time_limited,2026-09-30T17:00,1000000000"),
).map(lambda row: row.replace(b'"', b"")).filter(lambda row: b"\r" not in row)


@st.composite
def csv_inputs(draw: st.DrawFn) -> tuple[list[dict[str, object]], bytes]:
    good = draw(good_records())
    data = interleave(draw, [csv_row(record) for record in good], bad_csv_rows)
    return good, CSV_HEADER.encode() + b"\n" + data


def answers_by_id(output: str, fmt: str) -> dict[str, str]:
    """Each output line (a CSV row as text) by the record id it carries."""
    found: dict[str, str] = {}
    if fmt == "jsonl":
        lines = output.split("\n")
        assert lines.pop() == "", "the output ends with a newline"
        for line in lines:
            # One record per line for every reader: no character str.splitlines breaks at.
            assert line.splitlines() == [line], line
            record = strict_json(line)
            assert isinstance(record, dict), line
            if "error" in record:
                error = record["error"]
                assert set(error) == {"line", "field", "message"}, line
                assert isinstance(error["line"], int), line
                # The id is the record's own, echoed whole to join on; the error is bounded.
                size = len(json.dumps(error, ensure_ascii=False))
                assert size <= MAX_ERROR_LINE, (size, line[:300])
            elif isinstance(record.get("id"), str):
                found[record["id"]] = line
        return found
    rows = list(csv.reader(io.StringIO(output)))
    header, body = rows[0], rows[1:]
    for row in body:
        assert len(row) == len(header), row
        line = ",".join(row)
        if row[header.index("error_message")]:
            assert row[header.index("error_line")].isdigit(), row
            size = len(row[header.index("error_message")]) + len(row[header.index("error_field")])
            assert size <= MAX_ERROR_LINE, (size, line[:300])
        else:
            found[row[0]] = line
    return found


def clean_run(good: list[dict[str, object]], fmt: str) -> dict[str, str]:
    if fmt == "jsonl":
        data = b"".join(json.dumps(record).encode() + b"\n" for record in good)
    else:
        data = CSV_HEADER.encode() + b"\n" + b"".join(csv_row(r) + b"\n" for r in good)
    run = run_cli(["batch", "--format", fmt], data)
    assert run.status == 0, run
    return answers_by_id(run.out, fmt)


def check(good: list[dict[str, object]], data: bytes, fmt: str) -> None:
    argv = ["batch", "--format", fmt]
    run = run_cli(argv, data)
    assert_clean(run, argv)
    assert run.status in (0, 1), run.err
    answers = answers_by_id(run.out, fmt)
    expected = clean_run(good, fmt)
    for record in good:
        key = str(record["id"])
        assert answers.get(key) == expected[key], (key, data[:2000])


class TestJsonLines:
    """Raw bytes of JSON Lines: good records kept, output strict, errors short."""

    @budget(30)
    @given(jsonl_inputs())
    def test_good_records_survive(self, case: tuple[list[dict[str, object]], bytes]) -> None:
        """Each good record is answered as in a run of the good records alone."""
        check(*case, "jsonl")

    @budget(30)
    @given(st.lists(bad_json_lines, min_size=1, max_size=5))
    def test_bad_lines_only(self, lines: list[bytes]) -> None:
        """Nothing but bad lines: exit 0 or 1, strict JSON out, each error short."""
        argv = ["batch"]
        run = run_cli(argv, b"\n".join(lines))
        assert_clean(run, argv)
        answers_by_id(run.out, "jsonl")


class TestCsv:
    """Raw bytes of CSV: good rows kept, every row as wide as the header, errors short."""

    @budget(30)
    @given(csv_inputs())
    def test_good_rows_survive(self, case: tuple[list[dict[str, object]], bytes]) -> None:
        """Each good row is answered as in a run of the good rows alone."""
        check(*case, "csv")

    @budget(40)
    @given(mutated((CSV_HEADER + "\ng1,minutes.executive,2026-09-30T17:00,\n").encode()))
    def test_mutated_files(self, data: bytes) -> None:
        """A whole file mutated, header included: exit 0 or 1, strict CSV out."""
        argv = ["batch", "--format", "csv"]
        run = run_cli(argv, data)
        assert_clean(run, argv)
        if run.out:
            answers_by_id(run.out, "csv")
