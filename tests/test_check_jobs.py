"""``deadlines check --jobs N``: the ledger shared among processes writes one process's report."""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import os
import subprocess
import sys
import threading
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deadlines.cli import main
from deadlines.supervision import _report, _shards
from deadlines.supervision._shards import can_share, router, shard_of
from loading import load

AT = "2025-10-09T08:30"

pytestmark = pytest.mark.skipif(not can_share(), reason="this platform cannot fork processes")

#: Lines whose shard is read the hard way, and lines whose answer needs every shard's.
TRICKY = (
    # An id written with an escape, and a record naming it without (and the reverse).
    (
        '{"type": "document_received", "id": "\\u0065sc-1", "urgency": "ordinary", '
        '"received_at": "2025-05-06T10:00"}'
    ),
    '{"type": "completed", "obligation": "esc-1/routing", "at": "2025-05-07T10:00"}',
    '{"type": "document_submitted", "id": "esc-2", "submitted_at": "2025-05-06T10:00"}',
    '{"type": "completed", "obligation": "esc-\\u0032/signing", "at": "2025-05-06T12:00"}',
    # The event's id after a decided document's, keys in another order, spaces around colons.
    (
        '{"kind": "executive", "documents": [{"title": "甲", "id": "a"}], '
        '"type": "meeting_held", "ended_at": "2025-05-06T10:00", "id" : "late-id"}'
    ),
    '{"at": "2025-05-07T10:00", "obligation" :"late-id/document/a", "type": "completed"}',
    # A document whose id looks like a quarter's, and one document id twice across types.
    (
        '{"type": "document_received", "id": "2025Q3", "urgency": "urgent", '
        '"received_at": "2025-07-01T10:00"}'
    ),
    '{"type": "completed", "obligation": "2025Q3/routing", "at": "2025-07-01T11:00"}',
    '{"type": "instruction_received", "id": "twice", "received_at": "2025-05-06T10:00"}',
    '{"type": "document_submitted", "id": "twice", "submitted_at": "2025-05-06T10:00"}',
    # Records naming no obligation: the closest id may be in any shard.
    '{"type": "completed", "obligation": "esc-1/routng", "at": "2025-05-07T10:00"}',
    '{"type": "completed", "obligation": "late-id/document/b", "at": "2025-05-07T10:00"}',
    '{"type": "completed", "obligation": "2025Q3/dispatc", "at": "2025-07-02T10:00"}',
    # A quarter recorded: the quarters are followed over every shard's days.
    '{"type": "quarter_dispatched", "quarter": "2025Q3", "at": "2025-07-20T10:00"}',
)


def _golden_events() -> str:
    return load("tests/data/check_golden.py", "check_golden_jobs").events()


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The golden events with the tricky lines, a byte order mark, a line that is not UTF-8
    and a line ended by CR alone."""
    text = "\ufeff" + _golden_events() + "\n".join(TRICKY) + "\n"
    data = text.encode() + b'{"type": "leader", "leader": "\xff"}\n{"type": "leader",\r'
    path = tmp_path_factory.mktemp("jobs") / "events.jsonl"
    path.write_bytes(data + b' "leader": "x"}\n')
    return path


def _check(*argv: str, at: str = AT) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", *argv, "--at", at, "--no-plugins"])
    return code, out.getvalue(), err.getvalue()


FORMS = {"json": ["--json"], "csv": ["--csv"], "csv-zh": ["--csv", "--lang", "zh"]}


@pytest.mark.parametrize("form", FORMS, ids=str)
@pytest.mark.parametrize("jobs", ["2", "3"])
def test_same_report(events, monkeypatch, form, jobs):
    """The same exit status, report and problems as one process, byte for byte; rows written
    a few at a time, so that the text of several shards joins at many places."""
    monkeypatch.setattr(_shards, "_CHUNK", 7)
    monkeypatch.setattr(_report, "_CHUNK", 7)
    monkeypatch.setattr(_shards, "_SENT", 5)  # lines sent to a shard a few at a time
    monkeypatch.setattr(_shards._Window, "SIZE", 1)  # rows copied through many windows
    alone = _check(str(events), *FORMS[form])
    shared = _check(str(events), *FORMS[form], "--jobs", jobs)
    assert shared == alone
    if form == "json":
        data = json.loads(alone[1])
        assert len(data["obligations"]) > 100
        assert sum("did you mean" in e["message"] for e in data["errors"]) >= 3


def test_failed_shard(events, monkeypatch):
    """A shard that fails: the ledger is built again in this process, with the same report."""
    build = _shards._build

    def failing(supervisor, path, lines, shard, *rest):
        if shard:
            raise MemoryError
        return build(supervisor, path, lines, shard, *rest)

    alone = _check(str(events), "--json")
    monkeypatch.setattr(_shards, "_build", failing)
    assert _check(str(events), "--json", "--jobs", "2") == alone


def test_shard_fails_after_what_it_found(events, monkeypatch):
    """A shard that fails while it writes its rows, after it said what it found: shard 0,
    which may then find its pipe closed, builds the ledger alone (it ended silently, as if
    standard output had been closed)."""
    write_rows = _shards._write_rows

    def failing(rows, rows_path, *rest):
        if rows_path.endswith("rows-1.txt"):
            raise OSError(28, "No space left on device")
        return write_rows(rows, rows_path, *rest)

    alone = _check(str(events), "--json")
    monkeypatch.setattr(_shards, "_write_rows", failing)
    for _ in range(3):  # shard 0 finds the pipe closed, or reads that the shard failed
        assert _check(str(events), "--json", "--jobs", "3") == alone


def test_path_not_read(tmp_path):
    """A path that cannot be read is the same usage error with --jobs (a name too long, once
    a traceback)."""
    for path in ["a" * 300, str(tmp_path / "missing.jsonl")]:
        alone = _check(path, "--json")
        assert alone[0] == 2
        assert _check(path, "--json", "--jobs", "2") == alone


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="no /proc here")
def test_file_of_no_size():
    """A file whose size is 0 though it holds text (those of /proc): the last part is read to
    the end of the file, whatever its size said (every part was empty, and the report too)."""
    alone = _check("/proc/version", "--json")
    assert _check("/proc/version", "--json", "--jobs", "2") == alone


def test_others_stop_when_one_fails(events, monkeypatch):
    """When one shard fails, the others read the end of their pipes and stop by themselves
    (they held shard 0's ends, copied by the fork, and waited until they were killed)."""
    build = _shards._build
    fork = multiprocessing.get_context("fork")
    started = []

    class Recorded(fork.Process):  # type: ignore[name-defined,misc]
        def start(self) -> None:
            started.append(self)
            super().start()

    def failing(supervisor, path, lines, shard, *rest):
        if shard == 1:
            raise MemoryError
        return build(supervisor, path, lines, shard, *rest)

    alone = _check(str(events), "--json")
    monkeypatch.setattr(_shards, "_build", failing)
    context = types.SimpleNamespace(Pipe=fork.Pipe, Process=Recorded)
    monkeypatch.setattr(_shards.multiprocessing, "get_context", lambda method: context)
    assert _check(str(events), "--json", "--jobs", "3") == alone
    assert [process.exitcode for process in started] == [0, 0]  # not killed (-9)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this platform has no named pipes")
def test_named_pipe(events, tmp_path):
    """A named pipe can be read only once, and not in parts: one process reads it."""
    fifo = tmp_path / "events.jsonl"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_bytes, args=(events.read_bytes(),), daemon=True)
    writer.start()
    shared = _check(str(fifo), "--json", "--jobs", "2")
    writer.join(timeout=10)
    assert not writer.is_alive()
    assert shared == _check(str(events), "--json")


def test_other_forms(events):
    """The text report reads every obligation in one process: --jobs changes nothing there."""
    assert _check(str(events), "--jobs", "2", "--lang", "zh") == _check(str(events), "--lang", "zh")


_ID = st.text(st.characters(codec="utf-8", exclude_characters="/\n\r"), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    event_id=_ID,
    what=st.sampled_from(["routing", "document/1", "matter/x/y"]),
    ascii_only=st.booleans(),
    spaced=st.booleans(),
    nested_first=st.booleans(),
    shards=st.integers(2, 5),
)
def test_event_and_record_together(event_id, what, ascii_only, spaced, nested_first, shards):
    """An event and a record naming one of its obligations are read by the same shard, however
    the JSON is written (escapes, spaces, key order, a decided document's id before its own),
    and `router` agrees with `shard_of`."""
    separators = (" , ", " : ") if spaced else (",", ":")
    event: dict[str, object] = {"type": "meeting_held", "id": event_id}
    if nested_first:
        event = {"documents": [{"id": "other", "title": "x"}], **event}
    record = {"type": "completed", "obligation": f"{event_id}/{what}", "at": "2025-05-06T10:00"}
    lines = [
        json.dumps(value, ensure_ascii=ascii_only, separators=separators)
        for value in (event, record)
    ]
    assert shard_of(lines[0], shards) == shard_of(lines[1], shards)
    for line in lines:
        assert router(shards)(line) == shard_of(line, shards)


def test_quarters_over_every_shard(tmp_path):
    """The quarters followed run from the first to the last day of any shard's events."""
    ids = (f"d-{n}" for n in range(1000))
    theirs = [i for i in ids if router(2)(f'{{"type": "x", "id": "{i}"}}') == 1][:2]
    lines = [
        '{"type": "quarter_dispatched", "quarter": "2025Q2", "at": "2025-04-20T10:00"}',
        (
            f'{{"type": "document_received", "id": "{theirs[0]}", "urgency": "ordinary", '
            '"received_at": "2025-01-10T10:00"}'
        ),
        (
            f'{{"type": "document_received", "id": "{theirs[1]}", "urgency": "ordinary", '
            '"received_at": "2025-12-01T10:00"}'
        ),
    ]
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    alone = _check(str(path), "--json")
    assert [q["quarter"] for q in json.loads(alone[1])["quarterly"]] == [
        "2025Q1", "2025Q2", "2025Q3", "2025Q4"
    ]  # fmt: skip
    assert _check(str(path), "--json", "--jobs", "2") == alone


def test_meetings_of_every_shard(tmp_path):
    """The March check and the notes on meetings find in every shard what one process finds:
    a meeting held in March whose id was scheduled for April (the schedule decides, in the
    shard of their id), exemptions, meetings after the check, matters without a limit."""
    lines = []
    for n in range(60):
        meeting_id = f"m-{n % 23}"  # ids again: held meetings with their scheduled twins
        month, day = 2 + n % 3, 1 + n % 27
        if n % 2:
            exempt = ', "emergency_exemption": true, "reason": "防汛"' if n % 5 == 0 else ""
            lines.append(
                f'{{"type": "meeting_scheduled", "id": "{meeting_id}", "kind": "executive", '
                f'"date": "2025-{month:02}-{day:02}"{exempt}}}'
            )
        else:
            matters = ', "matters": [{"id": "x", "title": "研究"}]' if n % 4 == 0 else ""
            speakers = ', "keynote_speakers": ["甲", "乙"]' if n % 6 == 0 else ""
            lines.append(
                f'{{"type": "meeting_held", "id": "{meeting_id}", "kind": "special_topic", '
                f'"ended_at": "2025-{month:02}-{day:02}T10:00"{matters}{speakers}}}'
            )
            lines.append(
                f'{{"type": "meeting_held", "id": "{meeting_id}-{n}", "kind": "executive", '
                f'"ended_at": "2025-{month:02}-{day:02}T16:00"}}'
            )
    lines.append('{"type": "meeting_scheduled", "date": "2025-03-05"}')  # no id: shard 0's
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    for at in ("2025-03-15T12:00", "2025-12-31T18:00"):
        alone = _check(str(path), "--json", at=at)
        data = json.loads(alone[1])
        assert len(data["march"]) > 10
        assert {n["kind"] for n in data["meetings"]} == {"no_limit", "approval_unstated", "keynote"}
        for jobs in ("2", "3"):
            assert _check(str(path), "--json", "--jobs", jobs, at=at) == alone


@pytest.mark.parametrize("form", ["--json", "--csv"])
def test_written_as_bytes(events, tmp_path, form):
    """Where standard output is a file, the rows are copied to it as bytes: the same file.
    Its text layer buffered (not PYTHONUNBUFFERED), so that what it holds must go first."""
    written = {}
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    for jobs in ("1", "2"):
        path = tmp_path / f"report-{jobs}"
        with path.open("wb") as sink:
            command = [sys.executable, "-m", "deadlines", "check", str(events), form, "--at", AT]
            command += ["--no-plugins", "--jobs", jobs]
            subprocess.run(command, stdout=sink, stderr=subprocess.DEVNULL, check=False, env=env)
        written[jobs] = path.read_bytes()
    assert len(written["1"]) > 10_000
    assert written["2"] == written["1"]


_ENDS = st.sampled_from([b"\n", b"\r\n", b"\r"])
_LINES = st.lists(
    st.one_of(
        st.builds(
            lambda n, what: json.dumps({"type": "completed", "obligation": f"d-{n}/{what}"}),
            st.integers(0, 30),
            st.sampled_from(["routing", "x"]),
        ).map(str.encode),
        st.builds(lambda n: f'{{"type": "leader", "id": "L{n}"}}', st.integers(0, 30)).map(
            str.encode
        ),
        st.sampled_from([b"", b"  ", b'{"id": "\xff"}', b"{\x0b}", "\u2028甲".encode(), b"x"]),
    ),
    max_size=40,
)


@given(
    lines=_LINES, ends=st.lists(_ENDS, min_size=1), shards=st.integers(2, 4), sent=st.integers(1, 5)
)
def test_lines_routed(lines, ends, shards, sent, tmp_path_factory):
    """Each shard reads a part of the file and sends each line to its shard, with its number:
    a shard receives, in order and numbered, exactly the lines of the whole file that are
    its own; a line that is not UTF-8 is numbered in the whole file."""
    from deadlines.cli._check import _texts

    data = b"".join(line + ends[i % len(ends)] for i, line in enumerate(lines))
    folder = tmp_path_factory.mktemp("routed")
    path = folder / "events.jsonl"
    path.write_bytes(data)
    unreadable: list = []
    with path.open("rb") as source:
        whole = list(enumerate(_texts(source, unreadable), 1))
    starts = _shards._parts(str(path), shards)
    original = _shards._SENT
    _shards._SENT = sent  # sent a few at a time
    try:
        counts = [_shards._route(str(path), _texts, s, starts, str(folder)) for s in range(shards)]
    finally:
        _shards._SENT = original
    before = [sum(counts[:part]) for part in range(shards)]
    route = router(shards)
    for shard in range(shards):
        with contextlib.ExitStack() as stack:
            texts, numbers = _shards._lines_for(shard, before, str(folder), _texts, stack)
            received = list(zip(numbers, texts, strict=True))
        assert received == [(n, text) for n, text in whole if text and route(text) == shard]
    assert _shards._unreadable(str(folder), before) == unreadable
