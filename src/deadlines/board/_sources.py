"""Where the events come from (an upload, or a file in the configured folder) and their ledgers.

An events file is named in every link of the board by a source key: ``file:NAME`` for a file
of the configured folder, ``upload:HASH`` for an uploaded one (the first 16 hex digits of its
SHA-256). Uploads are kept in memory only (nothing is written to disk), the most recent
`MAX_UPLOADS` of them; a ledger is built once per source and explanation setting, and kept for
the most recent `MAX_LEDGERS`, and a report for each of the last `MAX_REPORTS` moments asked
for (a sort, a filter or a page of the board asks for the same report again).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from deadlines._errors import DeadlinesError
from deadlines._textfile import NotUtf8Error, decode_user_text
from deadlines.service._settings import DEFAULT_MAX_UPLOAD

if TYPE_CHECKING:
    import datetime as dt

    from deadlines._engine import Engine
    from deadlines._result import TraceStep
    from deadlines._thresholds import Thresholds
    from deadlines.board._views import Digest
    from deadlines.supervision import Ledger, Report

MAX_UPLOADS = 8
MAX_LEDGERS = 8
#: Reports kept: sorting, filtering and paging the board at one moment reuse its report.
MAX_REPORTS = 16
#: Obligation ids found by plain text in the events' lines (see `Sources.trace`).
_PLAIN_ID = re.compile(r"[\x20-\x7e]+")
#: The largest upload taken by default, in bytes (a county's year of events is about 3 MB);
#: the service's --max-upload.
MAX_UPLOAD_BYTES = DEFAULT_MAX_UPLOAD
#: The names a file of the events folder may have: JSON Lines.
SUFFIXES = (".jsonl", ".ndjson")

K = TypeVar("K")
_ReportKey = tuple[str, str, "dt.datetime", "Thresholds | None"]
V = TypeVar("V")


class NotFoundError(DeadlinesError, LookupError):
    """Something a link names that the board does not have: an events file, an obligation.

    Attributes:
        argument: what names it: ``src`` or ``obligation``.
        value: the value given (None when it was left out).
        problem: what is wrong, and what to do.
    """

    def __init__(self, argument: str, value: str | None, problem: str) -> None:
        self.argument = argument
        self.value = value
        self.problem = problem
        got = "" if value is None else f"; got {value!r}"
        super().__init__(f"{argument}: {problem}{got}")

    def __str__(self) -> str:
        return str(self.args[0])


class UploadError(DeadlinesError, ValueError):
    """An uploaded file that cannot be read as events: too large, or not UTF-8.

    Attributes:
        filename: the uploaded file's name.
        problem: what is wrong, and how to fix it.
    """

    def __init__(self, filename: str, problem: str) -> None:
        self.filename = filename
        self.problem = problem
        super().__init__(f"file {filename!r}: {problem}")


class _Lru(Generic[K, V]):
    """A small thread-safe map that forgets its least recently used entries."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


@dataclass(frozen=True, slots=True)
class Source:
    """One events file: its key, the name to show, its text, and a version for the cache."""

    key: str
    name: str
    text: str
    version: str


class Sources:
    """The events files the board can show, and a ledger for each.

    Args:
        engine_factory: builds the engine every ledger is counted with (called once, lazily).
        events_dir: the folder whose JSON Lines files can be picked, or ``None``.
        max_upload: the largest upload taken, in bytes.
    """

    def __init__(
        self,
        engine_factory: Callable[[], Engine],
        events_dir: Path | None,
        *,
        max_upload: int = MAX_UPLOAD_BYTES,
    ) -> None:
        self._engine_factory = engine_factory
        self.max_upload = max_upload
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self.events_dir = events_dir
        self._uploads: _Lru[str, Source] = _Lru(MAX_UPLOADS)
        self._ledgers: _Lru[tuple[str, str, bool], Ledger] = _Lru(MAX_LEDGERS)
        self._reports: _Lru[_ReportKey, tuple[Report, Digest]] = _Lru(MAX_REPORTS)

    @property
    def engine(self) -> Engine:
        """The engine, built on first use."""
        with self._engine_lock:
            if self._engine is None:
                self._engine = self._engine_factory()
            return self._engine

    def files(self) -> list[str]:
        """The names of the events files in the folder, sorted."""
        if self.events_dir is None or not self.events_dir.is_dir():
            return []
        return sorted(
            p.name for p in self.events_dir.iterdir() if p.suffix in SUFFIXES and p.is_file()
        )

    def upload(self, filename: str, data: bytes) -> Source:
        """Keep an uploaded file in memory; returns its source."""
        if len(data) > self.max_upload:
            raise UploadError(filename, f"is larger than {self.max_upload / 2**20:.3g} MB")
        try:
            text = decode_user_text(data)
        except NotUtf8Error as error:
            raise UploadError(filename, error.problem) from None
        digest = hashlib.sha256(data).hexdigest()[:16]
        source = Source(f"upload:{digest}", filename or digest, text, digest)
        self._uploads.put(source.key, source)
        return source

    def get(self, key: str) -> Source:
        """The source a key names."""
        kind, _, name = key.partition(":")
        if kind == "upload":
            found = self._uploads.get(key)
            if found is None:
                raise NotFoundError(
                    "src",
                    key,
                    "this upload is no longer kept by the server (it keeps the last "
                    f"{MAX_UPLOADS}, in memory, in the process that received it); upload the "
                    "file again",
                )
            return found
        if kind == "file":
            folder = self.events_dir
            if folder is None or name not in self.files():
                raise NotFoundError(
                    "src", key, "no such events file on the server; pick one of the board's list"
                )
            path = folder / name
            try:
                stat = path.stat()
                text = decode_user_text(path.read_bytes())
            except NotUtf8Error as error:
                raise NotFoundError("src", key, error.problem) from None
            except OSError as error:
                raise NotFoundError("src", key, f"cannot read it: {error.strerror}") from None
            return Source(key, name, text, f"{stat.st_mtime_ns}:{stat.st_size}")
        raise NotFoundError(
            "src", key, "must be file:NAME or upload:HASH, as the board's links give"
        )

    def ledger(self, source: Source, *, explain: bool = False) -> Ledger:
        """The ledger of `source`, built once (with traces when `explain`)."""
        from deadlines.supervision import Supervisor, read_events

        cache_key = (source.key, source.version, explain)
        found = self._ledgers.get(cache_key)
        if found is None:
            log = read_events(source.text.splitlines())
            found = Supervisor(self.engine, explain=explain).ledger(log)
            self._ledgers.put(cache_key, found)
        return found

    def report(
        self, source: Source, at: dt.datetime, thresholds: Thresholds | None = None
    ) -> tuple[Report, Digest]:
        """The report of `source` at `at`, with its digest (counts by unit and by rule).

        `thresholds`, when given, win over the engine's (as ``deadlines check --warn-days``).
        """
        from deadlines.board._views import Digest

        cache_key: _ReportKey = (source.key, source.version, at, thresholds)
        found = self._reports.get(cache_key)
        if found is None:
            report = self.ledger(source).report(at, thresholds=thresholds)
            found = (report, Digest.of(report))
            self._reports.put(cache_key, found)
        return found

    def trace(self, source: Source, obligation_id: str) -> tuple[TraceStep, ...]:
        """How the due instant of one obligation was counted, its pauses included.

        Tracing every obligation of a large file costs seconds (about 0.5 ms each), so only
        this one's events are counted again with explanations: the line that created it and
        the lines that name it (its completion, pauses and resumptions). A quarter's dispatch
        or report is counted from its quarter. Raises `KeyError` for an unknown id.
        """
        from deadlines.supervision import Supervisor, quarter_obligations, read_events

        tracked = self.ledger(source)[obligation_id]
        ob = tracked.obligation
        if ob.line is None:  # the quarterly supervision: no line creates it
            made = quarter_obligations(self.engine, int(ob.event_id[:4]), int(ob.event_id[-1]))
            found = {o.id: o.trace for o in made}.get(obligation_id)
            if found is not None:
                return found
        elif _PLAIN_ID.fullmatch(obligation_id) and not {'"', "\\"} & set(obligation_id):
            lines = source.text.splitlines()
            quoted = f'"{obligation_id}"'
            picked = [lines[ob.line - 1]]
            picked += [line for i, line in enumerate(lines, 1) if quoted in line and i != ob.line]
            mini = Supervisor(self.engine, explain=True, quarterly=False).ledger(
                read_events(picked)
            )
            again = next((t for t in mini if t.id == obligation_id), None)
            # the same completion and pauses, unless an escape (\/) hid a line from the search
            if (
                again is not None
                and again.pauses == tracked.pauses
                and again.completed_at == tracked.completed_at
                and again.due == tracked.due
            ):
                return again.trace
        return self.ledger(source, explain=True)[obligation_id].trace
