"""``deadlines batch --jobs N``: the input in chunks, each computed by a worker process.

Chunks go out in order and come back in order (a window of a few per worker keeps memory
bounded), so the output is the one ``--jobs 1`` writes: the same lines, in input order, with
the same line numbers in error lines. A chunk of CSV carries the header row with it, and ends
only where no quoted cell is left open.
"""

from __future__ import annotations

import argparse
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines.io import Format

#: Input lines per chunk: large enough that sending it costs little beside computing it.
CHUNK_LINES = 20_000
#: Chunks in flight per worker.
_WINDOW = 2

#: The worker's engine, built once per process.
_ENGINE: list[Engine] = []


def _start(options: argparse.Namespace) -> Engine:
    """Build the worker's engine once, from the same options as the parent's."""
    from deadlines.cli._common import engine_from

    if not _ENGINE:
        _ENGINE.append(engine_from(options))
    return _ENGINE[0]


def _work(
    lines: list[str], offset: int, options: argparse.Namespace, *, header: bool
) -> tuple[str, int]:
    """One chunk's output text (without the CSV header unless `header`) and its failures."""
    from deadlines.io import run_batch

    batch = run_batch(
        lines,
        _start(options),
        options.fmt,
        output_format=options.output_format,
        explain=options.explain,
        lang=options.lang,
        line_offset=offset,
    )
    output = list(batch)
    if output and not header and (options.output_format or options.fmt) == "csv":
        output = output[1:]
    return "".join(output), batch.failed


def _chunks(lines: Iterable[str], fmt: Format) -> Iterator[tuple[list[str], int]]:
    """The input as (lines, line offset) chunks, at least one; a CSV chunk starts with the
    header row."""
    source = iter(lines)
    if fmt == "jsonl":
        offset = 0
        chunk = list(islice(source, CHUNK_LINES))
        while True:
            yield chunk, offset
            offset += len(chunk)
            chunk = list(islice(source, CHUNK_LINES))
            if not chunk:
                return
    from deadlines.io import Problem, read_csv

    header = _record(source)
    if any(isinstance(r, Problem) for r in read_csv(header)):
        yield header, 0  # a bad header is one error, and no row can be read after it
        return
    number, chunk = len(header), []
    while True:
        while len(chunk) < CHUNK_LINES and (record := _record(source)):
            chunk += record
        # Numbered as if the chunk's lines followed the header directly.
        yield header + chunk, number - len(header)
        if not chunk:
            return
        number += len(chunk)
        chunk = []


def _record(source: Iterator[str]) -> list[str]:
    """The physical lines of one CSV record: up to a line where no quoted cell is open."""
    lines: list[str] = []
    quotes = 0
    for line in source:
        lines.append(line)
        quotes += line.count('"')
        if quotes % 2 == 0:
            break
    return lines


def _portable(args: argparse.Namespace) -> argparse.Namespace:
    """The options a worker needs, without what cannot be sent to a process (functions)."""
    kept = (str, int, float, bool, list, tuple, type(None))
    return argparse.Namespace(**{k: v for k, v in vars(args).items() if isinstance(v, kept)})


def run_jobs(
    lines: Iterable[str], fmt: Format, args: argparse.Namespace, jobs: int, stream: IO[str]
) -> int:
    """Write the batch of `lines` to `stream` with `jobs` processes; return how many failed."""
    options = _portable(args)
    options.fmt = fmt
    failed = 0
    pending: deque[Future[tuple[str, int]]] = deque()
    with ProcessPoolExecutor(jobs, initializer=_start, initargs=(options,)) as pool:
        for index, (chunk, offset) in enumerate(_chunks(lines, fmt)):
            pending.append(pool.submit(_work, chunk, offset, options, header=index == 0))
            if len(pending) >= jobs * _WINDOW:
                failed += _write(pending.popleft(), stream)
        while pending:
            failed += _write(pending.popleft(), stream)
    stream.flush()
    return failed


def _write(future: Future[tuple[str, int]], stream: IO[str]) -> int:
    text, failed = future.result()
    stream.write(text)
    return failed
