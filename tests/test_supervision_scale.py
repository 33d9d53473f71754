"""Supervision at a province's scale: the faster paths write exactly what the plain ones did."""

from __future__ import annotations

import contextlib
import gc
import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from deadlines import Engine
from deadlines.cli import main
from deadlines.supervision import Supervisor, read_events
from loading import load

ROOT = Path(__file__).resolve().parent.parent
MOMENTS = ("2025-03-31T12:00", "2025-10-09T08:30", "2025-12-31T18:00")


@pytest.fixture(scope="module")
def year_lines() -> list[str]:
    """A county's year of events (the seeded fixture of examples/supervision)."""
    module = load("examples/supervision/county_year.py", "county_year_scale")
    return list(module.lines(module.generate(2025, 2025, 0.5)))


class TestJson:
    """`Report.write_json` writes what ``json.dumps(indent=2)`` of `Report.to_json` wrote."""

    @pytest.mark.parametrize("at", MOMENTS, ids=["march", "october", "year-end"])
    def test_county_year(self, year_lines, at):
        """A year of a county's obligations, at several moments."""
        ledger = Supervisor(Engine(discover_plugins=False)).ledger(read_events(year_lines))
        report = ledger.report(at)
        written = io.StringIO()
        report.write_json(written)
        plain = json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
        assert written.getvalue() == plain

    def test_command(self):
        """``deadlines check --json`` on the worked example: the standard library's text."""
        events = ROOT / "examples" / "supervision" / "county-week.jsonl"
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            main(["check", str(events), "--at", "2025-10-13T09:00", "--json", "--no-plugins"])
        data = json.loads(out.getvalue())
        assert out.getvalue() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        assert data["obligations"]


class TestCollector:
    """Pausing the garbage collector leaves it as it was."""

    def test_restored(self, year_lines):
        """Enabled before, enabled after; disabled before, still disabled after."""
        supervisor = Supervisor(Engine(discover_plugins=False), explain=False)
        ledger = supervisor.ledger(read_events(year_lines[:200]))
        ledger.report("2025-12-31T18:00")
        assert gc.isenabled()
        gc.disable()
        try:
            supervisor.ledger(read_events(year_lines[:200])).report("2025-12-31T18:00")
            assert not gc.isenabled()
        finally:
            gc.enable()


def _golden_module():
    return load("tests/data/check_golden.py", "check_golden")


@pytest.fixture(scope="module")
def found() -> tuple[dict[str, str], dict[str, str]]:
    """The outputs now, and the outputs recorded from main before issue 13."""
    golden = _golden_module()
    recorded = json.loads(gzip.decompress(golden.GOLDEN.read_bytes()))
    return golden.outputs(golden.events()), recorded["outputs"]


class TestGolden:
    """``deadlines check`` writes what it wrote before issue 13 (tests/data/check_golden.py)."""

    @pytest.mark.parametrize("run", ["json", "csv", "text-zh", "text-explain", "ics"], ids=str)
    def test_same_output(self, found, run):
        """The same exit status, report, problems and file, line for line."""
        now, before = found
        assert now[run].splitlines() == before[run].splitlines()


#: Lines at the edges of what the fast path of `read_events` takes: each is read as the full
#: validation reads it (the same event, or the same problem).
EDGES = {
    "surrogate": '{"type": "leader", "leader": "\\ud800"}',
    "surrogate-upper": '{"type": "completed", "obligation": "a\\uD800/b", '
    '"at": "2025-05-06T10:00"}',
    "ideographic-space": '{"type": "document_submitted", "id": "a\\u3000b", "submitted_at": '
    '"2025-05-06T10:00"}',
    "next-line": '{"type": "instruction_received", "id": "a\\u0085b", "received_at": '
    '"2025-05-06T10:00"}',
    "zero-width": '{"type": "document_submitted", "id": "a\\u200bb", "submitted_at": '
    '"2025-05-06T10:00"}',
    "control": '{"type": "document_submitted", "id": "a\\u001fb", "submitted_at": '
    '"2025-05-06T10:00"}',
    "long-id": '{"type": "document_submitted", "id": "' + "x" * 201 + '", "submitted_at": '
    '"2025-05-06T10:00"}',
    "longest-id": '{"type": "document_submitted", "id": "' + "x" * 200 + '", "submitted_at": '
    '"2025-05-06T10:00"}',
    "empty-id": '{"type": "document_received", "id": "", "urgency": "urgent", "received_at": '
    '"2025-05-06T10:00"}',
    "empty-scheduled-id": '{"type": "meeting_scheduled", "date": "2025-05-06", "id": ""}',
    "compact-date": '{"type": "meeting_scheduled", "date": "20250506"}',
    "int-flag": '{"type": "meeting_scheduled", "date": "2025-05-06", "emergency_exemption": 1}',
    "text-flag": '{"type": "meeting_scheduled", "date": "2025-05-06", "emergency_exemption": "y"}',
    "other-kind": '{"type": "meeting_scheduled", "date": "2025-05-06", "kind": "weekly"}',
    "utc": '{"type": "completed", "obligation": "x/y", "at": "2025-05-06T10:00Z"}',
    "date-only": '{"type": "completed", "obligation": "x/y", "at": "2025-05-06"}',
    "hour-25": '{"type": "paused", "obligation": "x/y", "at": "2025-05-06T25:00"}',
    "null-note": '{"type": "completed", "obligation": "x/y", "at": "2025-05-06T10:00", '
    '"note": null}',
    "number-reason": '{"type": "paused", "obligation": "x/y", "at": "2025-05-06T10:00", '
    '"reason": 3}',
    "empty-leader": '{"type": "field_day", "leader": "", "date": "2025-05-06"}',
    "leader-extra": '{"type": "leader", "leader": "县长", "date": "2025-05-06"}',
    "null-stated": '{"type": "document_received", "id": "d", "urgency": "urgent", '
    '"received_at": "2025-05-06T10:00", "stated_limit": null}',
    "stated-ordinary": '{"type": "document_received", "id": "d", "urgency": "ordinary", '
    '"received_at": "2025-05-06T10:00", "stated_limit": "2025-05-06T12:00"}',
    "urgency-case": '{"type": "document_received", "id": "d", "urgency": "Urgent", '
    '"received_at": "2025-05-06T10:00"}',
    "resumed-note": '{"type": "resumed", "obligation": "x/y", "at": "2025-05-06T10:00", '
    '"note": ""}',
    "type-number": '{"type": 3, "leader": "县长"}',
    "scheduled-at-null": '{"type": "meeting_scheduled", "date": "2025-05-06", '
    '"scheduled_at": null, "title": "会"}',
    # A line without a backslash is decoded without the check of repeated keys: its quotes
    # must show every repeat, whatever the value repeated.
    "repeated-key": '{"type": "completed", "obligation": "x/y", "at": "2025-05-06T10:00", '
    '"at": "2025-05-06T11:00"}',
    "repeated-type": '{"type": "leader", "type": "leader", "leader": "县长"}',
    "repeated-null": '{"type": "document_received", "id": "d", "urgency": "urgent", '
    '"received_at": "2025-05-06T10:00", "stated_limit": null, "stated_limit": null}',
    "repeated-flag": '{"type": "meeting_scheduled", "date": "2025-05-06", '
    '"emergency_exemption": true, "emergency_exemption": false}',
    "repeated-number": '{"type": "leader", "leader": 1, "leader": "县长"}',
    "repeated-list": '{"type": "leader", "leader": ["a", "b"], "leader": "县长"}',
    "repeated-object": '{"type": "leader", "leader": {"a": "b"}, "leader": "县长"}',
    "repeated-escaped": '{"type": "leader", "leader": "a", "le\\u0061der": "b"}',
    "escaped-quote": '{"type": "leader", "leader": "a\\"b"}',
    "escaped-text": '{"type": "leader", "leader": "\\u738b"}',
    "two-objects": '{"type": "leader", "leader": "a"} {"type": "leader", "leader": "b"}',
    "two-objects-comma": '{"type": "leader", "leader": "a"}, {"type": "leader", "leader": "b"}',
    "trailing": '{"type": "leader", "leader": "a"}x',
    "array": '[{"type": "leader", "leader": "a"}]',
    "nan": '{"type": "completed", "obligation": "x/y", "at": NaN}',
    "huge": '{"type": "leader", "leader": "a", "n": 1e999}',
    "compact": '{"type":"completed","obligation":"x/y","at":"2025-05-06T10:00"}',
}


class TestFastPath:
    """`read_events` reads every line as the full validation does, fast path or not."""

    @pytest.mark.parametrize("line", list(EDGES.values()), ids=list(EDGES))
    def test_edge(self, line):
        """The same event, with the same fields set, or the same problem."""
        fast, slow = read_events([line]), read_events([line], fast_path=False)
        assert fast.problems == slow.problems
        assert fast.events == slow.events
        assert [e.model_fields_set for e in fast.events] == [
            e.model_fields_set for e in slow.events
        ]

    @pytest.mark.parametrize(
        "lines",
        [
            ['{"type": "leader",', '"leader": "a"}'],
            ['{"type": "leader", "leader": "a"', "}"],
            ['{"type": "leader", "leader": "a\n', 'b"}'],
            ["\ufeff" + EDGES["compact"], "", "  ", EDGES["utc"]],
            ["", "\ufeff" + EDGES["compact"]],
            [" \t" + EDGES["compact"] + "\u3000\n"],
        ],
        ids=["split-object", "split-brace", "split-string", "bom-blanks", "late-bom", "spaces"],
    )
    def test_lines(self, lines):
        """Lines read one by one: never a neighbour's, numbered as given."""
        fast, slow = read_events(lines), read_events(lines, fast_path=False)
        assert (fast.lines, fast.problems) == (slow.lines, slow.problems)
        assert fast.events == slow.events

    @pytest.mark.parametrize(
        "lines",
        [
            list(EDGES.values()),
            [EDGES["two-objects-comma"], '{"type": "leader", "leader": "c"', "}"],
            [EDGES["two-objects-comma"], EDGES["compact"]],
            ['{"type": "leader", "leader": "a", "x": {"y": 1', '{"z": 2}}}', EDGES["compact"]],
            ['{"type": "leader", "leader": "a"', '{"type": "leader", "leader": "b"}}'],
            ['{"type": "leader", "leader": "a", "x": "', '{"}', EDGES["compact"]],
            [EDGES["compact"], EDGES["nan"], EDGES["compact"], EDGES["huge"], "{}"],
            [EDGES["compact"], "", "\ufeff" + EDGES["compact"], " ", EDGES["repeated-key"]],
            [EDGES["compact"], EDGES["escaped-text"], EDGES["compact"], EDGES["surrogate"]],
            [EDGES["compact"], '{"type": "leader", "leader": {"a": "b"}}', EDGES["compact"]],
            [EDGES["compact"], EDGES["repeated-object"], EDGES["compact"]],
            [EDGES["compact"] + " ", "\t" + EDGES["leader-extra"], EDGES["compact"]],
        ],
        ids=[
            "every-edge",
            "two-objects-then-split",
            "two-objects-one-more",
            "split-nested",
            "brace-on-next",
            "string-across",
            "refused-numbers",
            "blanks-bom-repeat",
            "escapes-between",
            "nested-object",
            "repeated-object",
            "spaces",
        ],
    )
    def test_run(self, lines):
        """A run of lines read together reads as each line alone, in order."""
        fast, slow = read_events(lines), read_events(lines, fast_path=False)
        assert (fast.lines, fast.problems) == (slow.lines, slow.problems)
        assert fast.events == slow.events

    def test_run_not_text(self):
        """A line that is not text ends a run: the problems stay in line order."""
        from deadlines.supervision._reading import iter_events

        lines = [EDGES["compact"], 3, EDGES["repeated-key"], EDGES["compact"]]
        numbers = [(number, bool(found)) for number, _, found in iter_events(lines)]
        assert numbers == [(1, False), (2, True), (3, True), (4, False)]

    def test_run_decoded_together(self, monkeypatch):
        """Common lines are taken from the run's one decoding, not read again one by one."""
        from deadlines.supervision import _reading

        again: list[int] = []
        line = _reading._line

        def alone(number, text, **options):
            again.append(number)
            return line(number, text, **options)

        monkeypatch.setattr(_reading, "_line", alone)
        lines = [EDGES["compact"], EDGES["hour-25"], EDGES["repeated-key"], EDGES["compact"]]
        assert len(read_events(lines).events) == 2
        assert again == [2, 3]  # no such hour, a repeated key: the strict reader's

    def test_quotes_prove_no_repeat(self):
        """A plain line is taken on its quotes; one more key than its record has is not."""
        from deadlines.supervision._fast import fast_values

        line = '{"type": "completed", "obligation": "x/y", "at": "2025-05-06T10:00"}'
        record = json.loads(line)
        assert fast_values(record, line) == fast_values(record)
        repeated = line[:-1] + ', "at": "2025-05-06T10:00"}'
        assert fast_values(json.loads(repeated), repeated) is None

    def test_golden_events(self):
        """Every line of the golden events file: the same events, fields and problems."""
        text = _golden_module().events().splitlines()
        fast, slow = read_events(text), read_events(text, fast_path=False)
        assert (fast.lines, fast.problems) == (slow.lines, slow.problems)
        for mine, theirs in zip(fast.events, slow.events, strict=True):
            assert type(mine) is type(theirs)
            assert mine.model_dump() == theirs.model_dump()
            assert list(mine.__dict__) == list(theirs.__dict__)
            assert mine.model_fields_set == theirs.model_fields_set


class TestRead:
    """`Supervisor.read` builds, while reading, the ledger `Supervisor.ledger` builds."""

    def test_golden_events(self):
        """The same obligations, completions, pauses, meetings, field days and problems."""
        text = _golden_module().events().splitlines()
        supervisor = Supervisor(Engine(discover_plugins=False))
        streamed, whole = supervisor.read(text), supervisor.ledger(read_events(text))
        assert streamed.problems == whole.problems
        assert streamed.tracked == whole.tracked
        assert (streamed.meetings, streamed.field_days) == (whole.meetings, whole.field_days)


def _without_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if numpy were not installed: the bulk counting cannot be imported."""
    monkeypatch.setitem(sys.modules, "deadlines.frame._count", None)


class TestBulk:
    """Without explanations, `Supervisor.read` counts the obligations together with numpy."""

    @pytest.mark.parametrize("batch", [20_000, 7], ids=["one-batch", "batches-of-7"])
    def test_same_ledger(self, monkeypatch, batch):
        """The same obligations and problems as each counted by the engine on its line."""
        from deadlines.frame import _count

        counted: list[int] = []

        def count(engine, rows, shared):
            answers = _count.count_rows(engine, rows, shared)
            counted.append(sum(answer is not None for answer in answers))
            return answers

        text = _golden_module().events().splitlines()
        supervisor = Supervisor(Engine(discover_plugins=False), explain=False)
        monkeypatch.setattr("deadlines.supervision._building.count_rows", lambda: count)
        monkeypatch.setattr("deadlines.supervision._building._BATCH", batch)
        bulk = supervisor.read(text)
        assert sum(counted) > len(bulk) * 3 // 4  # most by the kernels
        monkeypatch.undo()
        _without_numpy(monkeypatch)
        plain = supervisor.read(text)
        assert bulk.problems == plain.problems
        assert bulk.tracked == plain.tracked

    @pytest.mark.parametrize("run", ["json", "csv", "text-zh", "ics"], ids=str)
    def test_golden_without_numpy(self, monkeypatch, run):
        """Without numpy, ``deadlines check`` writes what it wrote before issue 13."""
        _without_numpy(monkeypatch)
        golden = _golden_module()
        recorded = json.loads(gzip.decompress(golden.GOLDEN.read_bytes()))["outputs"]
        runs = {run: golden.RUNS[run]}
        monkeypatch.setattr(golden, "RUNS", runs)
        assert golden.outputs(golden.events())[run].splitlines() == recorded[run].splitlines()


class TestStreamedFile:
    """``deadlines check`` reads the file a line at a time, numbered as ``bytes.splitlines``."""

    def test_line_endings_and_bytes(self, tmp_path):
        """CR, CRLF and LF end lines; a line that is not UTF-8 is a problem of its own."""
        path = tmp_path / "events.jsonl"
        path.write_bytes(
            b'\xef\xbb\xbf{"type": "leader", "leader": "\xe5\x8e\xbf\xe9\x95\xbf"}\r'
            b"{not json\r\n"
            b'\xff{"type": "leader", "leader": "x"}\n'
            b'{"type": "completed", "obligation": "x/y", "at": "2025-05-06T10:00"}'
        )
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", str(path), "--at", "2025-05-07T09:00", "--no-plugins", "--csv"])
        assert code == 1
        lines = [line.split(":")[1].split(",")[0] for line in err.getvalue().splitlines()]
        assert lines == [" line 2", " line 3", " line 4"]
        assert "not UTF-8 text (the byte 0xff at column 1)" in err.getvalue()


#: Lines ended every way, a line that is not UTF-8, and the characters `str.splitlines` would
#: end a line at but `bytes.splitlines` does not.
BYTES = (
    b'\xef\xbb\xbf{"a": 1}\r\n{"b": "\xe2\x80\xa8"}\n\xff bad\r{"c": "\x0c\x1c\xc2\x85"}\n\n'
    b'\r\r\n{"d": "\xe5\x8e\xbf"}\r{"e": 2}\n\xe5\x8e\n{"f": 3}'
)


class TestLines:
    """`cli._check._texts` reads a file in blocks as it read it line by line."""

    @pytest.mark.parametrize("size", [1, 2, 3, 7, 1 << 20], ids=str)
    def test_whole_lines(self, size):
        """Every byte, in blocks cut after a line feed: the same lines as the whole."""
        from deadlines._textfile import whole_lines

        blocks = list(whole_lines(io.BytesIO(BYTES), size))
        assert b"".join(blocks) == BYTES
        assert all(block.endswith(b"\n") for block in blocks[:-1])
        assert [line for block in blocks for line in block.splitlines()] == BYTES.splitlines()

    @pytest.mark.parametrize("size", [1, 5, 1 << 20], ids=str)
    def test_texts(self, monkeypatch, size):
        """The lines and the problems of the bytes read line by line."""
        from deadlines import _textfile
        from deadlines.cli._check import _texts

        monkeypatch.setattr(_textfile.whole_lines, "__defaults__", (size,))
        expected, numbers = [], []
        for number, line in enumerate(BYTES.splitlines(), 1):
            try:
                expected.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                expected.append("")
                numbers.append(number)
        unreadable: list = []
        assert list(_texts(io.BytesIO(BYTES), unreadable)) == expected
        assert [problem.line for problem in unreadable] == numbers == [3, 10]
        clean = BYTES.replace(b"\xff", b"").replace(b"\xe5\x8e\n", b"\n")
        assert list(_texts(io.BytesIO(clean), [])) == [x.decode() for x in clean.splitlines()]

    def test_text_stream(self):
        """A text stream is read as its own lines."""
        from deadlines.cli._check import _texts

        assert list(_texts(io.StringIO("a\r\nb\u2028c\n"), [])) == ["a\r\n", "b\u2028c\n"]


class TestRawFields:
    """`iter_events(raw=True)` gives the common events as the fields their events hold."""

    def test_golden_events(self):
        """Every raw line's fields are its event's ``__dict__``, in the same order."""
        from deadlines.supervision._reading import iter_events

        text = _golden_module().events().splitlines()
        raw = list(iter_events(text, raw=True))
        made = list(iter_events(text))
        assert sum(isinstance(event, dict) for _, event, _ in raw) > len(raw) // 2
        for (line, fields, found), (same_line, event, same_found) in zip(raw, made, strict=True):
            assert (line, found) == (same_line, same_found)
            if isinstance(fields, dict):
                assert list(fields.items()) == list(event.__dict__.items())
            else:
                assert fields == event


class TestFastInit:
    """`fast_init` makes the same frozen record as the dataclass's own constructor."""

    def test_same_obligation(self):
        """Equal to the keyword-made obligation, and still frozen."""
        import dataclasses

        from deadlines.supervision._obligations import Obligation, fast_init, oblige

        made = oblige(Engine(discover_plugins=False), "minutes.executive", "2026-09-30T17:00",
                      id="m1/minutes", event_id="m1", line=3)  # fmt: skip
        values = [getattr(made, field.name) for field in dataclasses.fields(Obligation)]
        again = fast_init(Obligation)(*values)
        assert again == made
        assert type(again) is Obligation
        with pytest.raises(dataclasses.FrozenInstanceError):
            again.line = 4  # type: ignore[misc]
