"""``deadlines batch [FILE]``: many due dates, JSON Lines or CSV in and out (the work is
`deadlines.io.run_batch`'s)."""

from __future__ import annotations

import argparse
import functools
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deadlines._errors import cut, cut_repr
from deadlines._messages import Said
from deadlines._textfile import os_reason
from deadlines.cli._common import EXIT_FAILED, EXIT_OK, UsageError, engine_from, jobs_count

if TYPE_CHECKING:
    from deadlines.io import Format

_FORMATS = ("jsonl", "csv")
_BLOCK = 512  # output lines per write


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines batch`` to the command line (its words: ``cli.batch.*``)."""
    parser = subparsers.add_parser("batch")
    parser.add_argument("file", nargs="?", default="-", metavar="FILE")
    parser.add_argument("--format", choices=_FORMATS)
    parser.add_argument("--output-format", choices=_FORMATS)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument(
        "--jobs", type=functools.partial(jobs_count, parser.lang), default=1, metavar="N"
    )
    parser.add_calendar()


def run(args: argparse.Namespace) -> int:
    """Read, compute, write; exit 1 when any record failed."""
    from deadlines.io import run_batch

    fmt: Format = args.format or ("csv" if args.file.lower().endswith(".csv") else "jsonl")
    engine = engine_from(args)
    stream = sys.stdout
    if args.jobs != 1:
        from deadlines.cli._common import cores
        from deadlines.cli._jobs import run_jobs

        jobs = args.jobs or cores()
        if jobs > 1:
            with _open(args.file) as lines:
                return EXIT_FAILED if run_jobs(lines, fmt, args, jobs, stream) else EXIT_OK
    with _open(args.file) as lines:
        batch = run_batch(
            lines, engine, fmt, output_format=args.output_format, explain=args.explain,
            lang=args.lang,
        )  # fmt: skip
        # A reader that goes away (`deadlines batch big.jsonl | head`) is main's to handle.
        while block := list(islice(batch, _BLOCK)):
            stream.write("".join(block))
        stream.flush()
    return EXIT_FAILED if batch.failed else EXIT_OK


@contextmanager
def _open(path: str) -> Iterator[Any]:
    """The input as text lines: UTF-8 (a byte order mark skipped), newlines kept for CSV; a
    byte not UTF-8 becomes a lone surrogate, for the reader to report its line."""
    if path == "-" and not hasattr(sys.stdin, "buffer"):  # text without bytes (a test's)
        yield sys.stdin
        return
    try:
        raw = sys.stdin.buffer if path == "-" else Path(path).open("rb")  # noqa: SIM115
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        nul = not isinstance(error, OSError)
        reason = os_reason(error) if isinstance(error, OSError) else Said("error.no_such_name")
        values = {"path": cut_repr(path) if nul else cut(path), "reason": reason}
        raise UsageError("FILE", Said("error.cannot_read", values)) from None
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        yield text
    finally:
        if path == "-":
            text.detach()  # leave sys.stdin open
        else:
            text.close()
