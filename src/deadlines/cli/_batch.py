"""``deadlines batch [FILE]``: many due dates, JSON Lines or CSV in and out.

Parsing the arguments and printing is all that happens here; `deadlines.io.run_batch` does the
work.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deadlines._errors import cut_repr
from deadlines._messages import Lang, say
from deadlines.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    add_calendar,
    add_lang,
    engine_from,
    guarded,
    out,
)

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
        "--jobs", type=functools.partial(_jobs, parser.lang), default=1, metavar="N"
    )
    add_lang(parser)
    add_calendar(parser)


@guarded
def run(args: argparse.Namespace) -> int:
    """Read, compute, write; exit 1 when any record failed."""
    from deadlines.io import run_batch

    fmt: Format = args.format or ("csv" if args.file.lower().endswith(".csv") else "jsonl")
    engine = engine_from(args)
    stream = out()
    jobs = args.jobs
    if jobs == 0:
        from deadlines.cli._jobs import cores

        jobs = cores()
    if jobs > 1:
        from deadlines.cli._jobs import run_jobs

        with _open(args.file) as lines:
            try:
                failed = run_jobs(lines, fmt, args, jobs, stream)
            except BrokenPipeError:
                _silence_stdout()
                return EXIT_FAILED
        return EXIT_FAILED if failed else EXIT_OK
    with _open(args.file) as lines:
        batch = run_batch(
            lines,
            engine,
            fmt,
            output_format=args.output_format,
            explain=args.explain,
            lang=args.lang,
        )
        try:
            block: list[str] = []
            for line in batch:
                block.append(line)
                if len(block) == _BLOCK:
                    stream.write("".join(block))
                    block.clear()
            stream.write("".join(block))
            stream.flush()
        except BrokenPipeError:
            # The reader went away (`deadlines batch big.jsonl | head`): stop quietly.
            _silence_stdout()
            return EXIT_FAILED
    return EXIT_FAILED if batch.failed else EXIT_OK


def _jobs(lang: Lang, text: str) -> int:
    """The value of --jobs: a whole number from 0 to 4 processes per core.

    More processes than that only wait for the cores (each holds the calendar, about 30 MB),
    and a mistyped 10000 would start that many at once.
    """
    from deadlines.cli._jobs import cores

    most = 4 * cores()
    if not (text.isascii() and text.isdigit()) or int(text) > most:
        raise argparse.ArgumentTypeError(say("error.jobs", lang, most=most, value=cut_repr(text)))
    return int(text)


@contextmanager
def _open(path: str) -> Iterator[Any]:
    """The input as text lines: UTF-8 (a byte order mark is skipped), newlines kept for CSV.

    A byte that is not UTF-8 does not stop the reading: it becomes a lone surrogate
    (``surrogateescape``), and the reader reports the line it is on as an error of its own.
    """
    if path == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text stream without bytes underneath (tests use io.StringIO)
            yield sys.stdin
            return
        wrapper = io.TextIOWrapper(
            buffer, encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
        try:
            yield wrapper
        finally:
            wrapper.detach()  # leave sys.stdin open
        return
    try:
        handle = Path(path).open(  # noqa: SIM115 - closed below
            encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
    except OSError as error:
        raise UsageError("FILE", f"cannot read {path}: {error.strerror}") from None
    except ValueError:  # a NUL in the path
        raise UsageError("FILE", f"cannot read {path!r}: no file has such a name") from None
    try:
        yield handle
    finally:
        handle.close()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return
