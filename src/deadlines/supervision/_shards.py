"""A ledger shared among processes by event: ``deadlines check --jobs N`` on a province's file.

Every process reads the whole file but takes only the lines of its shard. An event and every
record naming one of its obligations (``d-0913`` and ``d-0913/routing``) fall in the shard of
the event's id, so each process builds, with the code of one, a ledger that needs nothing of
the others'. This process, shard 0, also takes the lines that name no such id (meetings
scheduled without one, field days, leaders, a quarter's records) and makes the quarters'
obligations. It gathers what the others found (the span of their days, their meetings and
problems, the closest id to a record naming none, their counts and alerts), and writes their
obligations, which they wrote as text, in order of due instant among its own.

The report is the same, byte for byte, as one process's (tests/test_check_jobs.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import heapq
import json
import multiprocessing
import os
import re
import sys
import tempfile
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, final

from deadlines._errors import ProvisionalDateWarning
from deadlines.supervision._building import Building, count_rows, no_collection, no_obligation
from deadlines.supervision._ledger import Ledger, Supervisor
from deadlines.supervision._report import ALERT_LEVELS, Alert, Report, _row_alerts
from deadlines.supervision._status import STATUS_ORDER
from deadlines.supervision._writing import RowTexts

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from deadlines._messages import Lang
    from deadlines.supervision._errors import Problem
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
_UNSURE = object()


def shard_of(line: str, shards: int) -> int:
    """The shard of an events line: that of the id it creates (``id``) or names (its
    ``obligation`` up to the ``/``), 0 for none.

    A valid event has one of the two, never both; any other line is a problem of its own,
    wherever it is read. The key is read from the text where that is sure, else decoded.
    """
    return _shard(_key(line), shards)


def keeper(shard: int, shards: int) -> Callable[[str], bool]:
    """Whether a line is `shard`'s (`shard_of`), as fast as can be: every process asks it of
    every line."""
    usual, quarter = _USUAL.match, _QUARTER.fullmatch

    def keep(line: str) -> bool:
        found = usual(line)
        key = found[1] if found is not None else _key(line)
        if key is None or (len(key) == 6 and quarter(key)):
            return shard == 0
        return hash(key) % shards == shard  # the same in every process forked from this one

    return keep


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
        while at >= 0:
            if line.count('"', 0, at) % 2 == 0:  # not inside a string
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


@dataclass(slots=True)
class _Part:
    """What a shard other than 0 says of its report: counts, alerts, and its rows' places
    with the length of each one's text (in its file, in the same order)."""

    by_rule: dict[str, dict[Status, int]]
    escalated: int
    alerts: list[tuple[tuple[int, str], Alert]]
    rows: list[tuple[tuple[int, str], int]]


def _build(
    supervisor: Supervisor,
    path: str,
    lines: Lines,
    shard: int,
    shards: int,
    exchange: Callable[[Building], None],
) -> tuple[Ledger, dict[int | None, str]]:
    """The ledger of `shard` of the events at `path`, `exchange` run before it is finished,
    and the records that name no obligation (by line). As `Supervisor.read`, in part."""
    build = Building(
        supervisor.engine,
        explain=False,
        quarterly=supervisor.quarterly if shard == 0 else False,
        strict=False,
        bulk=count_rows() is not None,
    )
    build.suggest = False  # the closest id may be another shard's: found in `_gather`
    unreadable: list[Problem] = []
    with (
        no_collection(),
        warnings.catch_warnings(),
        open(path, "rb") as source,  # noqa: PTH123 - a path from the command line
    ):
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        keep = keeper(shard, shards)
        # A line not UTF-8 reads as blank: shard 0's, which alone says so.
        build.read(text if keep(text) else "" for text in lines(source, unreadable))
        if shard == 0:
            build.problems.extend(unreadable)
        exchange(build)
        return Ledger(supervisor, *build.finish()), build.unknown


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
    shards: int,
    at: dt.datetime,
    form: str,
    lang: Lang,
    rows_path: str,
) -> None:
    """Shard `shard`: its ledger, what shard 0 asks of it, then its rows' text to `rows_path`."""
    try:
        ledger, unknown = _build(
            supervisor, path, lines, shard, shards, lambda b: conn.send(("span", b.span))
        )
        conn.send(("found", (ledger.meetings, ledger.problems, unknown)))
        conn.send(("closest", _closest(ledger, _receive(conn, "targets"))))
        ledger.meetings = ()  # shard 0 checks all of them
        report = ledger.report(at)
        places = [_place(row) for row in report.rows]
        lengths = _write_rows(report.rows, rows_path, form, lang)
        rows = list(zip(places, lengths, strict=True))
        alerts = _row_alerts_placed(report)
        conn.send(("done", _Part(report.by_rule, report.escalated, alerts, rows)))
    except KeyboardInterrupt:
        os._exit(130)  # the whole command was interrupted: shard 0 says so
    except BaseException as error:
        conn.send(("failed", repr(error)))


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
) -> list[int]:
    """Write the text of each row to `rows_path`, one after the other; their lengths."""
    text = _row_text(RowTexts(lang), form)
    lengths: list[int] = []
    with _open(rows_path, "w") as file:
        for start in range(0, len(rows), _CHUNK):
            chunk = [text(row) for row in rows[start : start + _CHUNK]]
            file.write("".join(chunk))
            lengths.extend(map(len, chunk))
    return lengths


def _row_text(texts: RowTexts, form: str) -> Callable[[ObligationStatus], str]:
    """A row's text in `form`: its JSON item, or its CSV line."""
    return texts.json if form == "json" else lambda row: texts.csv_text((row,))


def _open(path: str, mode: str = "r") -> IO[str]:
    # Lengths count characters; a lone surrogate (an escape in the events) is kept as it is.
    return open(path, mode, encoding="utf-8", errors="surrogatepass", newline="")  # noqa: PTH123


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
    with tempfile.TemporaryDirectory(prefix="deadlines-check-") as folder:
        children: list[tuple[Any, Connection, str]] = []
        try:
            for shard in range(1, shards):
                ours, theirs = context.Pipe()
                rows_path = str(Path(folder) / f"rows-{shard}.txt")
                arguments = (theirs, supervisor, path, lines, shard, shards, at, form, lang)
                process = context.Process(target=_child, args=(*arguments, rows_path))
                process.start()
                theirs.close()
                children.append((process, ours, rows_path))
            yield _gather(supervisor, path, lines, shards, at, children)
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
    shards: int,
    at: dt.datetime,
    children: list[tuple[Any, Connection, str]],
) -> ShardedReport:
    """Shard 0's ledger and report, with what the others found and counted."""

    def spans(build: Building) -> None:  # the quarters to follow run over every shard's days
        for _, conn, _ in children:
            for day in _receive(conn, "span"):
                build._span(day)

    ledger, unknown = _build(supervisor, path, lines, 0, shards, spans)
    meetings, problems = list(ledger.meetings), list(ledger.problems)
    for _, conn, _ in children:
        theirs, their_problems, their_unknown = _receive(conn, "found")
        meetings.extend(theirs)
        problems.extend(their_problems)
        unknown.update(their_unknown)
    targets = sorted(set(unknown.values()))
    for _, conn, _ in children:
        conn.send(("targets", targets))
    closest = _closest(ledger, targets)
    for _, conn, _ in children:
        for index, found in enumerate(_receive(conn, "closest")):
            if found is not None and (closest[index] is None or found > closest[index]):
                closest[index] = found
    close = dict(zip(targets, closest, strict=True))
    problems = [_suggested(problem, unknown, close) for problem in problems]
    problems.sort(key=lambda p: (p.line is None, p.line or 0))
    ledger.meetings = tuple(sorted(meetings, key=lambda m: (m[1] is None, m[1] or 0)))
    ledger.problems = tuple(problems)
    report = ledger.report(at)
    parts = [(_receive(conn, "done"), rows_path) for _, conn, rows_path in children]
    return ShardedReport(_merged(report, [part for part, _ in parts]), parts)


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


def _merged(report: Report, parts: list[_Part]) -> Report:
    """Shard 0's `report` with every shard's counts and alerts (its rows stay its own)."""
    counted: Counter[tuple[str, Status]] = Counter()
    for by_rule in [report.by_rule, *(part.by_rule for part in parts)]:
        for rule, counts in by_rule.items():
            counted.update({(rule, status): n for status, n in counts.items()})
    rules = sorted({rule for rule, _ in counted})
    by_rule = {rule: {s: counted[rule, s] for s in STATUS_ORDER} for rule in rules}
    placed = [_row_alerts_placed(report), *(part.alerts for part in parts)]
    alerts = [alert for _, alert in heapq.merge(*placed, key=lambda pair: pair[0])]
    # Then the checks' alerts, as `build_report` adds them; the most serious first (stable).
    alerts.extend(a for a in report.alerts if a.level in ("violation", "shortfall"))
    alerts.sort(key=lambda alert: ALERT_LEVELS.index(alert.level))
    return dataclasses.replace(
        report,
        by_status={s: sum(counts[s] for counts in by_rule.values()) for s in STATUS_ORDER},
        by_rule=by_rule,
        escalated=report.escalated + sum(part.escalated for part in parts),
        alerts=tuple(alerts),
    )


def _sourced(rows: list[tuple[tuple[int, str], int]], source: int) -> Iterator[tuple[Any, ...]]:
    return ((place, source, length) for place, length in rows)


@final
class ShardedReport:
    """Every shard's report: shard 0's `Report` with everyone's counts, alerts and problems,
    and the other shards' rows as text. It writes as JSON or CSV as one `Report` would."""

    def __init__(self, report: Report, parts: list[tuple[_Part, str]]) -> None:
        self.report = report
        self.parts = parts
        self.total = len(report.rows) + sum(len(part.rows) for part, _ in parts)

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

    def _texts(self, own: Callable[[ObligationStatus], str]) -> Iterator[str]:
        """Every row's text by due instant: shard 0's made by `own`, the others' read."""
        files = [_open(path) for _, path in self.parts]
        try:
            rows = self.report.rows
            ours = ((place, -1, row) for place, row in zip(map(_place, rows), rows, strict=True))
            theirs = [_sourced(part.rows, index) for index, (part, _) in enumerate(self.parts)]
            for _, source, item in heapq.merge(ours, *theirs):  # places are unique
                yield own(item) if source < 0 else files[source].read(item)
        finally:
            for file in files:
                file.close()

    def _json_rows(self, stream: IO[str], lang: Lang) -> None:
        texts = self._texts(_row_text(RowTexts(lang), "json"))
        stream.write("[" + ",".join(islice(texts, _CHUNK)))
        while chunk := list(islice(texts, _CHUNK)):
            stream.write("," + ",".join(chunk))
        stream.write("\n  ]" if self.total else "]")

    def _csv_rows(self, stream: IO[str], lang: Lang) -> None:
        texts = self._texts(_row_text(RowTexts(lang), "csv"))
        while chunk := list(islice(texts, _CHUNK)):
            stream.write("".join(chunk))
