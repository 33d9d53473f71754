"""A ledger shared among processes by event: ``deadlines check --jobs N`` on a province's file.

Each process reads a part of the file (`_route`) and sends every line, with its number, to
the shard it belongs to. An event and every record naming one of its obligations
(``d-0913`` and ``d-0913/routing``) fall in the shard of the event's id, so each process
builds, with the code of one, a ledger that needs nothing of the others'. This process,
shard 0, also takes the lines that name no such id (meetings scheduled without one, field
days, leaders, a quarter's records) and makes the quarters' obligations. It gathers what the
others found (the span of their days, their meetings and problems, the closest id to a
record naming none, their counts and alerts); no other shard waits for it until its rows are
written. Every process writes its obligations' text to a file of its own at the same time;
the first then copies them to the report in order of due instant, a run of one process's
obligations at a time.

The report is the same, byte for byte, as one process's (tests/test_check_jobs.py).
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import datetime as dt
import difflib
import heapq
import json
import mmap
import multiprocessing
import os
import pickle
import re
import sys
import tempfile
import warnings
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, groupby, islice, repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast, final

from deadlines._errors import ProvisionalDateWarning
from deadlines._messages import Said
from deadlines.supervision._building import Building, count_rows, no_collection, no_obligation
from deadlines.supervision._events import MeetingHeld, MeetingScheduled
from deadlines.supervision._ledger import Ledger, Supervisor
from deadlines.supervision._march import meeting_notes
from deadlines.supervision._report import ALERT_LEVELS, Alert, AlertLevel, Report, _row_alerts
from deadlines.supervision._status import STATUS_ORDER
from deadlines.supervision._writing import RowTexts

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from deadlines._messages import Lang
    from deadlines.supervision._errors import Problem
    from deadlines.supervision._march import Meetings
    from deadlines.supervision._status import ObligationStatus, Status

#: Reads the lines of an events file: `(source, unreadable)`, as `cli._check._texts`.
Lines = Callable[[IO[bytes], list["Problem"]], Iterable[str]]

#: The key of the usual line, whose second key is it (``{"type": "completed", "obligation":
#: "d-0913/routing", ...}``): sure of it from the structure, and of its text (no escape).
_USUAL = re.compile(
    r'\s*\{\s*"type"\s*:\s*"[a-z_]*"\s*,\s*"(?:obligation|id)"\s*:\s*"([^"/\\]*)["/]'
)
#: What follows a key whose string value routes the line: the value up to its end or its "/".
_VALUE = re.compile(r'\s*:\s*"([^"/]*)')
#: The key of the quarters' obligations (``2026Q3/dispatch``): shard 0 makes them.
_QUARTER = re.compile(r"\d{4}Q\d", re.ASCII)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_MICROSECOND = dt.timedelta(microseconds=1)
_CHUNK = 256  # rows written at once, as `_report` writes them (the text stays in cache)
_SENT = 4096  # lines sent to a shard at once
_UNSURE = object()
_ID = attrgetter("id")


def shard_of(line: str, shards: int) -> int:
    """The shard of an events line: that of the id it creates (``id``) or names (its
    ``obligation`` up to the ``/``), 0 for none.

    A valid event has one of the two, never both; any other line is a problem of its own,
    wherever it is read. The key is read from the text where that is sure, else decoded.
    """
    return _shard(_key(line), shards)


def router(shards: int) -> Callable[[str], int]:
    """The shard of a line (`shard_of`), as fast as can be: it is asked of every line."""
    usual, quarter = _USUAL.match, _QUARTER.fullmatch

    def route(line: str) -> int:
        found = usual(line)
        key = found[1] if found is not None else _key(line)
        if key is None or (len(key) == 6 and quarter(key)):
            return 0
        return hash(key) % shards  # the same in every process forked from this one

    return route


def _key(line: str) -> str | None:
    key: Any = _UNSURE if "\\" in line else _read_key(line)
    return _decoded_key(line) if key is _UNSURE else key


def _read_key(line: str) -> Any:  # noqa: ANN401 - the key, None, or _UNSURE
    """The key of `shard_of` read from a line without escapes, or `_UNSURE`.

    Without a backslash no string holds a quote, so ``"id"`` after an even number of quotes
    is a whole string, and a key when a colon follows. It is the event's own key when the
    only brace before it is the object's; after a nested object (a decided document's), the
    line is decoded instead.
    """
    for name in ('"obligation"', '"id"'):
        at = line.find(name)
        counted = quotes = 0  # the quotes before `counted`: each counted once (a line of
        while at >= 0:  # many "id" strings is not read again for each)
            quotes += line.count('"', counted, at)
            counted = at
            if quotes % 2 == 0:  # not inside a string
                value = _VALUE.match(line, at + len(name))
                if value is not None:
                    return value[1] if line.count("{", 0, at) == 1 else _UNSURE
            at = line.find(name, at + 1)
    return None


def _decoded_key(line: str) -> str | None:
    """The key of `shard_of` from the decoded line, for a line whose text may not say it."""
    try:
        record = json.loads(line.strip().removeprefix("\ufeff"))
    except (ValueError, RecursionError):  # not JSON: a problem, in any shard
        return None
    if type(record) is not dict:
        return None
    named = record.get("obligation")
    key = named.partition("/")[0] if type(named) is str else record.get("id")
    return key if type(key) is str else None


def _shard(key: str | None, shards: int) -> int:
    if key is None or _QUARTER.fullmatch(key):
        return 0
    return hash(key) % shards


def can_share() -> bool:
    """Whether this platform starts processes by forking (elsewhere one process does it all)."""
    return "fork" in multiprocessing.get_all_start_methods()


class ShardFailedError(Exception):
    """A shard's process failed or went away: the caller builds the ledger in one process."""


def _place(row: ObligationStatus) -> tuple[int, str]:
    """A row's place in a report: (due, id), the due as a whole number (exact, and cheap to
    send)."""
    return (row.due - _EPOCH) // _MICROSECOND, row.id


#: A row written by a shard: its place (due, id), the shard, and the length of its text.
Written = tuple[int, str, int, int]
#: A shard's rows as written, in order: their dues (as `_place`), ids and lengths.
Places = tuple[Sequence[int], Sequence[str], Sequence[int]]
#: An alert of a row sent by a shard: the row's place, then the alert's level, subject,
#: message and its words in Chinese and English (`Said.spelled`).
Sent = tuple[tuple[int, str], AlertLevel, str, str, str, str]


@dataclass(slots=True)
class _Part:
    """What a shard other than 0 says of its report: counts, alerts, its rows as written (in
    its file, in the same order), and the closest of its ids to each target asked."""

    by_rule: dict[str, dict[Status, int]]
    escalated: int
    alerts: list[Sent]
    rows: Places
    closest: list[tuple[float, str] | None]


def _build(
    supervisor: Supervisor,
    path: str,
    lines: Lines,
    shard: int,
    before: list[int],
    folder: str,
    exchange: Callable[[Building], None],
) -> tuple[Ledger, dict[int | None, str]]:
    """The ledger of `shard` of the lines the shards sent it from the events at `path`
    (`_route`; `before` each part, as many lines as the parts before it hold), `exchange`
    run before it is finished, and the records that name no obligation (by line). As
    `Supervisor.read`, in part."""
    build = Building(
        supervisor.engine,
        explain=False,
        quarterly=supervisor.quarterly if shard == 0 else False,
        strict=False,
        bulk=count_rows() is not None,
    )
    build.suggest = False  # the closest id may be another shard's: found in `_gather`
    with no_collection(), warnings.catch_warnings(), contextlib.ExitStack() as stack:
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        build.read(*_lines_for(shard, before, folder, lines, stack))
        if shard == 0:  # the lines not UTF-8 read as blank: shard 0 says so
            build.problems.extend(_unreadable(folder, before))
        exchange(build)
        return Ledger(supervisor, *build.finish()), build.unknown


def _route(path: str, lines: Lines, shard: int, starts: list[int], folder: str) -> int:
    """Read `shard`'s part of the file at `path` (from its start, `_parts`, to the next part's
    or the end of the file) and send each line to the shard it belongs to (`shard_of`), with
    its number in the part: to a file of the two shards (`_sent`). Returns how many lines the
    part holds.

    Each shard reads a part: each line is read (decoded, its id found) once, not once by
    every shard (that took each process about 2 s at a million obligations; writing and
    reading again the lines sent costs a part of what it saves).
    """
    shards = len(starts)
    route = router(shards)
    texts: list[list[str]] = [[] for _ in range(shards)]
    numbers = [array("q") for _ in range(shards)]
    unreadable: list[Problem] = []
    with contextlib.ExitStack() as stack:
        source = stack.enter_context(open(path, "rb"))  # noqa: PTH123 - a path from the command line
        sinks = [
            stack.enter_context(open(_sent(folder, shard, to) + ".txt", "wb"))  # noqa: PTH123
            for to in range(shards)
        ]
        number = 0
        end = starts[shard + 1] if shard + 1 < shards else None  # the last: all there is
        part = cast("IO[bytes]", _Slice(source, starts[shard], end))
        for text in lines(part, unreadable):
            number += 1
            if text:
                to = route(text)
                texts[to].append(text)
                numbers[to].append(number)
                if len(texts[to]) == _SENT:
                    sinks[to].write(("\n".join(texts[to]) + "\n").encode())
                    texts[to].clear()
        for to in range(shards):
            if texts[to]:
                sinks[to].write(("\n".join(texts[to]) + "\n").encode())
            with open(_sent(folder, shard, to) + ".numbers", "wb") as file:  # noqa: PTH123
                numbers[to].tofile(file)
    _leave(_unreadable_path(folder, shard), unreadable)
    return number


def _lines_for(
    shard: int,
    before: list[int],
    folder: str,
    lines: Lines,
    stack: contextlib.ExitStack[bool | None],
) -> tuple[Iterable[str], Iterable[int]]:
    """The lines every shard sent to `shard` (`_route`), in the order of the file, and
    their numbers in it (`before` each part, as many lines as the parts before it hold); the
    files are closed with `stack`."""
    texts: list[Iterable[str]] = []
    numbers: list[Iterable[int]] = []
    for sender, offset in enumerate(before):
        sent = _sent(folder, sender, shard)
        texts.append(lines(stack.enter_context(open(sent + ".txt", "rb")), []))  # noqa: PTH123, SIM115
        with open(sent + ".numbers", "rb") as file:  # noqa: PTH123
            numbers.append(map(offset.__add__, array("q", file.read())))
        # Read through the open file: its space (the events file's, over all shards) is
        # given back when it is closed, not when the report is written.
        Path(sent + ".txt").unlink()
        Path(sent + ".numbers").unlink()
    return chain.from_iterable(texts), chain.from_iterable(numbers)


def _unreadable(folder: str, before: list[int]) -> list[Problem]:
    """The lines not UTF-8 of every part, numbered in the file (see `_lines_for`)."""
    problems: list[Problem] = []
    for sender, offset in enumerate(before):
        found: list[Problem] = _take(_unreadable_path(folder, sender))
        problems.extend(dataclasses.replace(p, line=(p.line or 0) + offset) for p in found)
    return problems


def _sent(folder: str, sender: int, to: int) -> str:
    """The files (``.txt`` and ``.numbers``) of the lines `sender` read for `to`."""
    return str(Path(folder) / f"lines-{sender}-{to}")


def _unreadable_path(folder: str, sender: int) -> str:
    return str(Path(folder) / f"unreadable-{sender}.pickle")


def _parts(path: str, shards: int) -> list[int]:
    """Where each shard's part of the file at `path` begins: each part about as long as the
    others, after a line feed. Found once, before the shards start (a file still being written
    is read as it is then, and to its end by the last part)."""
    with open(path, "rb") as source:  # noqa: PTH123 - a path from the command line
        size = os.fstat(source.fileno()).st_size
        starts = [0]
        for shard in range(1, shards):
            at = max(size * shard // shards, starts[-1])
            source.seek(at)
            while block := source.read(1 << 16):
                found = block.find(b"\n")
                if found >= 0:
                    at += found + 1
                    break
                at += len(block)
            starts.append(min(at, size))
    return starts


@final
class _Slice:
    """The bytes of `source` from `start` to `end` (``None``: its end), read as a file (`Lines`
    reads it)."""

    def __init__(self, source: IO[bytes], start: int, end: int | None) -> None:
        source.seek(start)
        self.source = source
        self.left = -1 if end is None else end - start  # -1: no bound

    def read(self, size: int = -1) -> bytes:
        if self.left < 0:
            return self.source.read(size)
        size = self.left if size < 0 else min(size, self.left)
        data = self.source.read(size)
        self.left -= len(data)
        return data


def _closest(ledger: Ledger, targets: list[str]) -> list[tuple[float, str] | None]:
    """For each target, the id of `ledger` that `difflib.get_close_matches` takes, with its
    score: the best of each shard's is the one among all ids (it orders by score, then id)."""
    ids = [t.obligation.id for t in ledger.tracked]
    found: list[tuple[float, str] | None] = []
    for target in targets:
        close = difflib.get_close_matches(target, ids, n=1)
        found.append(
            (difflib.SequenceMatcher(None, close[0], target).ratio(), close[0]) if close else None
        )
    return found


def _row_alerts_placed(report: Report) -> list[tuple[tuple[int, str], Alert]]:
    """The alerts of `report`'s rows (as `build_report` makes them), each with its row's place."""
    return [
        (_place(row), alert)
        for row in report.rows
        if row.completed_at is None
        for alert in _row_alerts(row)
    ]


def _child(
    conn: Connection,
    supervisor: Supervisor,
    path: str,
    lines: Lines,
    shard: int,
    starts: list[int],
    at: dt.datetime,
    form: str,
    lang: Lang,
    rows_path: str,
    inherited: list[Connection],
) -> None:
    """Shard `shard`: its ledger, its rows' text to `rows_path`, then what shard 0 asks of it.

    It never waits for shard 0 until its rows are written: what it finds goes to a file
    beside `rows_path` (a pipe holds 64 KiB, and a province's meetings and problems fill it
    before shard 0, still reading, takes them), and the closest ids shard 0 asks for are
    found last.

    `inherited` are shard 0's ends of the pipes made so far, which the fork copied: closed at
    once, so that this process reads the end of its pipe, and stops, when shard 0 goes away
    (killed, or running alone after another shard failed) instead of waiting for ever.
    """
    for end in inherited:
        end.close()
    try:
        folder = str(Path(rows_path).parent)
        conn.send(("routed", _route(path, lines, shard, starts, folder)))
        before = _receive(conn, "read")  # every shard has sent its lines
        span: Callable[[Building], None] = lambda b: conn.send(("span", b.span))  # noqa: E731
        ledger, unknown = _build(supervisor, path, lines, shard, before, folder, span)
        found = (_checked_meetings(ledger, at), ledger.problems, unknown)
        _leave(_found_path(rows_path), found)
        conn.send(("found", None))
        del found
        ledger.meetings = ()  # shard 0 checks all of them
        report = ledger.report(at)
        dues, ids, lengths = _write_rows(report.rows, rows_path, form, lang)
        # Spelled here, while shard 0 writes its rows, and sent as text: an alert's values
        # (nested sentences, names, instants) took 0.1 ms each to send.
        alerts = [
            (place, a.level, a.subject, a.said.message, a.zh, a.en)
            for place, a in _row_alerts_placed(report)
        ]
        _receive(conn, "targets")
        closest = _closest(ledger, _take(_targets_path(folder)))
        # The places as arrays, which pickle as their bytes: as tuples, half a second.
        rows = (array("q", dues), ids, array("q", lengths))
        conn.send(("done", _Part(report.by_rule, report.escalated, alerts, rows, closest)))
    except KeyboardInterrupt:
        os._exit(130)  # the whole command was interrupted: shard 0 says so
    except BaseException as error:
        with contextlib.suppress(OSError):  # shard 0 may be gone: nothing to tell
            conn.send(("failed", repr(error)))


def _leave(path: str, value: object) -> None:
    """Leave `value` in a file of the temporary folder for another shard (a pipe holds 64 KiB:
    its sender would wait there until the other reads it)."""
    Path(path).write_bytes(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def _take(path: str) -> Any:  # noqa: ANN401 - what `_leave` left there
    return pickle.loads(Path(path).read_bytes())


def _targets_path(folder: str) -> str:
    """Where shard 0 leaves the ids it asks the closest of (a pipe holds 64 KiB: a shard would
    read them only once its rows are written, and shard 0 wait for it)."""
    return str(Path(folder) / "targets.pickle")


def _found_path(rows_path: str) -> str:
    """Where the shard writing `rows_path` leaves what it found."""
    return rows_path.removesuffix(".txt") + "-found.pickle"


def _checked_meetings(ledger: Ledger, at: dt.datetime) -> Meetings:
    """The meetings of `ledger` that shard 0's checks of all of them find or note, with what
    they depend on: the same checks of these alone find the same (a province has a hundred
    thousand meetings, a few hundred in March, whose sending was a second and 200 MB).

    A meeting is checked alone but for one thing: a meeting held is the scheduled one of its
    id, which then decides. The two are in one shard (by the id), and the scheduled one goes
    with the held one.
    """
    meetings = ledger.meetings
    lines = {f.line for f in ledger.march(at)} | {n.line for n in meeting_notes(meetings, at)}
    held = {m.id for m, line in meetings if line in lines and isinstance(m, MeetingHeld)}
    return tuple(
        (meeting, line)
        for meeting, line in meetings
        if line in lines or (isinstance(meeting, MeetingScheduled) and meeting.id in held)
    )


def _send(conn: Connection, tag: str, payload: object) -> None:
    """Send `payload` to a shard: one gone (it failed, or was killed) is a failed shard."""
    try:
        conn.send((tag, payload))
    except OSError as error:
        raise ShardFailedError(repr(error)) from None


def _receive(conn: Connection, tag: str) -> Any:  # noqa: ANN401 - what `tag` carries
    try:
        said, payload = conn.recv()
    except (EOFError, OSError) as error:
        raise ShardFailedError(repr(error)) from None
    if said != tag:
        raise ShardFailedError(payload)
    return payload


def _write_rows(
    rows: tuple[ObligationStatus, ...], rows_path: str, form: str, lang: Lang
) -> tuple[list[int], list[str], list[int]]:
    """Write the UTF-8 of each row to `rows_path`, one after the other; the place of each
    (its due as a whole number, as `_place`, and its id) and the length of its text.

    A JSON item is written after its comma, so that a run of them is copied as it is.
    """
    texts = RowTexts(lang)
    dues: list[int] = []
    ids: list[str] = []
    lengths: list[int] = []
    with open(rows_path, "wb") as file:  # noqa: PTH123 - a file of our temporary folder
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            # Each row's UTF-8 made alone: its length is the one needed (a row holds Chinese).
            if form == "json":
                pieces = [("," + texts.json(row)).encode() for row in chunk]
            else:
                pieces = [texts.csv_text((row,)).encode() for row in chunk]
            file.write(b"".join(pieces))
            lengths.extend(map(len, pieces))
            # Taken with the chunk, while its rows are in cache, not in a second pass over all.
            dues.extend([(row.due - _EPOCH) // _MICROSECOND for row in chunk])
            ids.extend(map(_ID, chunk))
    return dues, ids, lengths


@contextmanager
def sharded_report(
    supervisor: Supervisor,
    path: str,
    lines: Lines,
    shards: int,
    at: dt.datetime,
    form: str,
    lang: Lang,
) -> Iterator[ShardedReport]:
    """The report at `at` of the events at `path`, read by `shards` processes, to write as
    `form` (``json`` or ``csv``) in `lang` inside the block.

    Raises:
        ShardFailedError: a process other than this one failed (the caller runs alone).
    """
    context = multiprocessing.get_context("fork")
    for stream in (sys.stdout, sys.stderr):  # nothing written before is written twice
        stream.flush()
    starts = _parts(path, shards)
    with tempfile.TemporaryDirectory(prefix="deadlines-check-") as folder:
        children: list[tuple[Any, Connection, str]] = []
        try:
            for shard in range(1, shards):
                ours, theirs = context.Pipe()
                rows_path = str(Path(folder) / f"rows-{shard}.txt")
                arguments = (theirs, supervisor, path, lines, shard, starts, at, form, lang)
                inherited = [ours, *(conn for _, conn, _ in children)]
                process = context.Process(target=_child, args=(*arguments, rows_path, inherited))
                process.start()
                theirs.close()
                children.append((process, ours, rows_path))
            own = str(Path(folder) / "rows-0.txt")
            yield _gather(supervisor, path, lines, starts, at, children, own, form, lang)
        finally:
            for process, conn, _ in children:
                conn.close()
                process.join(timeout=0 if process.exitcode is not None else 5)
                if process.is_alive():
                    process.kill()
                    process.join()


def _gather(
    supervisor: Supervisor,
    path: str,
    lines: Lines,
    starts: list[int],
    at: dt.datetime,
    children: list[tuple[Any, Connection, str]],
    rows_path: str,
    form: str,
    lang: Lang,
) -> ShardedReport:
    """Shard 0's ledger and report, with what the others found and counted."""

    def spans(build: Building) -> None:  # the quarters to follow run over every shard's days
        for _, conn, _ in children:
            for day in _receive(conn, "span"):
                build._span(day)

    folder = str(Path(rows_path).parent)
    counts = [_route(path, lines, 0, starts, folder)]
    counts.extend(_receive(conn, "routed") for _, conn, _ in children)
    before = [sum(counts[:part]) for part in range(len(starts))]
    for _, conn, _ in children:
        _send(conn, "read", before)
    ledger, unknown = _build(supervisor, path, lines, 0, before, folder, spans)
    meetings, problems = list(ledger.meetings), list(ledger.problems)
    for _, conn, their_rows in children:
        _receive(conn, "found")
        theirs, their_problems, their_unknown = _take(_found_path(their_rows))
        meetings.extend(theirs)
        problems.extend(their_problems)
        unknown.update(their_unknown)
    targets = sorted(set(unknown.values()))
    _leave(_targets_path(folder), targets)
    for _, conn, _ in children:
        _send(conn, "targets", None)
    closest = _closest(ledger, targets)
    ledger.meetings = tuple(sorted(meetings, key=lambda m: (m[1] is None, m[1] or 0)))
    report = ledger.report(at)  # its problems are every shard's, below
    # Written while the others write theirs.
    own = _write_rows(report.rows, rows_path, form, lang)
    alerts = _row_alerts_placed(report)
    # The rows are text now: they and the ledger are let go before the others' places come
    # (at a million obligations, 500 MB of the two processes' 1.6 GB).
    report = dataclasses.replace(report, rows=())
    del ledger
    for _, alert in alerts:  # spelled now, while the others finish (a sentence keeps its words)
        alert.said.render("zh")
        alert.said.render("en")
    parts = [_receive(conn, "done") for _, conn, _ in children]
    for part in parts:
        for index, found in enumerate(part.closest):
            if found is not None and (closest[index] is None or found > closest[index]):
                closest[index] = found
    close = dict(zip(targets, closest, strict=True))
    problems = [_suggested(problem, unknown, close) for problem in problems]
    problems.sort(key=lambda p: (p.line is None, p.line or 0))
    report = dataclasses.replace(report, problems=tuple(problems))
    paths = [rows_path, *(path for _, _, path in children)]
    merged = _merged(report, alerts, parts)
    return ShardedReport(merged, [own, *(part.rows for part in parts)], paths)


def _suggested(
    problem: Problem,
    unknown: dict[int | None, str],
    close: dict[str, tuple[float, str] | None],
) -> Problem:
    """`problem` with the closest id among every shard's, for a record naming none."""
    if problem.message != "check.no_obligation" or problem.line not in unknown:
        return problem
    target = unknown[problem.line]
    found = close[target]
    return no_obligation(problem.field, problem.line, target, None if found is None else found[1])


def _received(alerts: list[Sent]) -> list[tuple[tuple[int, str], Alert]]:
    return [
        (place, Alert(level, subject, Said.spelled(message, zh, en)))
        for place, level, subject, message, zh, en in alerts
    ]


def _merged(
    report: Report, alerts: list[tuple[tuple[int, str], Alert]], parts: list[_Part]
) -> Report:
    """Shard 0's `report` with every shard's counts and alerts (`alerts`: those of its rows,
    placed)."""
    counted: Counter[tuple[str, Status]] = Counter()
    for by_rule in [report.by_rule, *(part.by_rule for part in parts)]:
        for rule, counts in by_rule.items():
            counted.update({(rule, status): n for status, n in counts.items()})
    rules = sorted({rule for rule, _ in counted})
    by_rule = {rule: {s: counted[rule, s] for s in STATUS_ORDER} for rule in rules}
    placed = [alerts, *(_received(part.alerts) for part in parts)]
    every = [alert for _, alert in heapq.merge(*placed, key=lambda pair: pair[0])]
    # Then the checks' alerts, as `build_report` adds them; the most serious first (stable).
    every.extend(a for a in report.alerts if a.level in ("violation", "shortfall"))
    every.sort(key=lambda alert: ALERT_LEVELS.index(alert.level))
    return dataclasses.replace(
        report,
        by_status={s: sum(counts[s] for counts in by_rule.values()) for s in STATUS_ORDER},
        by_rule=by_rule,
        escalated=report.escalated + sum(part.escalated for part in parts),
        alerts=tuple(every),
    )


@final
class ShardedReport:
    """Every shard's report: shard 0's `Report` with everyone's counts, alerts and problems,
    and the other shards' rows as text. It writes as JSON or CSV as one `Report` would."""

    def __init__(self, report: Report, written: list[Places], paths: list[str]) -> None:
        self.report = report
        self.paths = paths
        # Every shard's rows by place (unique: the sort compares no further). Sorting the runs
        # joined merges them in C, several times as fast as heapq.merge.
        self.order: list[Written] = []
        for shard, (dues, ids, lengths) in enumerate(written):
            self.order.extend(zip(dues, ids, repeat(shard), lengths, strict=False))
        self.order.sort()
        self.total = len(self.order)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every shard's problems, by line."""
        return self.report.problems

    def write_json(
        self, stream: IO[str], provenance: dict[str, Any] | None = None, lang: Lang = "en"
    ) -> None:
        """As `Report.write_json` writes one process's report."""
        self.report._write_json(stream, provenance, lang, self.total, self._json_rows)

    def write_csv(self, stream: IO[str], lang: Lang = "en") -> None:
        """As `Report.write_csv` writes one process's report."""
        self.report._write_csv(stream, lang, self._csv_rows)

    def _blocks(self) -> Iterator[memoryview]:
        """The UTF-8 of every row, by place: each run of one shard's rows at once, as a view
        of its file (read through a window of it: half the time of reading it into bytes)."""
        with contextlib.ExitStack() as stack:
            files = [_Window(stack.enter_context(open(path, "rb"))) for path in self.paths]  # noqa: PTH123
            ends = [0] * len(files)
            length = itemgetter(3)
            for shard, run in groupby(self.order, key=itemgetter(2)):
                start = ends[shard]
                end = ends[shard] = start + sum(map(length, run))
                yield files[shard].view(start, end)

    # `lang` is the writers' hook's: the rows were written in it by `_write_rows`.
    def _json_rows(self, stream: IO[str], lang: Lang) -> None:
        write = _writer(stream)
        blocks = self._blocks()
        # Each item follows its comma: the first's is left out.
        write(b"[" + b"".join(islice(blocks, _CHUNK))[1:])
        while chunk := list(islice(blocks, _CHUNK)):
            write(b"".join(chunk))
        stream.write("\n  ]" if self.total else "]")

    def _csv_rows(self, stream: IO[str], lang: Lang) -> None:
        write = _writer(stream)
        blocks = self._blocks()
        while chunk := list(islice(blocks, _CHUNK)):
            write(b"".join(chunk))


@final
class _Window:
    """The bytes of a file read in order, mapped a window at a time: what is read is not
    copied, and no more than a window of it is in this process's memory (a province's rows
    are 800 MB)."""

    SIZE = 1 << 24  # 16 MiB: a few mappings per file, and little of it in memory at once

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.size = os.fstat(file.fileno()).st_size
        self.start = self.end = 0
        self.mapped = memoryview(b"")

    def view(self, start: int, end: int) -> memoryview:
        """The bytes from `start` to `end`, at or after those of the last view."""
        if end > self.end:  # the next window, from the page of `start`
            at = start - start % mmap.ALLOCATIONGRANULARITY
            self.end = min(self.size, max(end, at + self.SIZE))
            length, self.start = self.end - at, at
            self.mapped = memoryview(
                mmap.mmap(self.file.fileno(), length, access=mmap.ACCESS_READ, offset=at)
            )
        return self.mapped[start - self.start : end - self.start]


def _writer(stream: IO[str]) -> Callable[[bytes | memoryview], object]:
    """Writes UTF-8 to `stream`: to its bytes below, where it has them and writes UTF-8 (the
    text is not decoded and encoded again: a fifth of writing a million rows), else as text."""
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None) or ""
    if buffer is None or codecs.lookup(encoding).name != "utf-8":
        return lambda data: stream.write(str(data, "utf-8"))
    stream.flush()  # what it holds goes first
    write: Callable[[bytes | memoryview], object] = buffer.write
    return write
