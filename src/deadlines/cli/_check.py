"""``deadlines check EVENTS_FILE``: every obligation's status at a moment, with the warnings.

Overdue obligations are data, not an error: the exit status is 0 for any report, 1 when some
input lines could not be taken into account (each is reported with its line number on
standard error, and in the JSON report), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path
from stat import S_ISREG
from typing import IO, TYPE_CHECKING, Any

from deadlines._errors import cut_repr
from deadlines._messages import WEEKDAYS_ZH, Lang, Names, Said, say
from deadlines._textfile import os_reason
from deadlines.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    engine_from,
    jobs_count,
    out,
    parse_instant_arg,
    table,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from deadlines._engine import Engine
    from deadlines.supervision import Ledger, ObligationStatus, Problem, Report, Supervisor
    from deadlines.supervision._shards import ShardedReport

EVENTS_EXAMPLE = "examples/supervision/county-week.jsonl"

#: ANSI colours: red, bold red, yellow, none, magenta, green; cyan for provisional dues.
_COLORS = {
    "overdue": "31", "escalated": "1;31", "warning": "33", "open": "", "late": "35", "met": "32",
    "violation": "31", "shortfall": "33", "provisional": "36", "heading": "1",
}  # fmt: skip

#: Follows a due instant that no State Council notice has settled yet (explained by a legend).
PROVISIONAL_MARK = "?"


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines check`` to the command line (its words: ``cli.check.*``)."""
    parser = subparsers.add_parser("check")
    parser.add_argument("events", metavar="EVENTS_FILE")
    parser.add_argument("--at", metavar="DATETIME")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true")
    form.add_argument("--csv", action="store_true")
    parser.add_argument("--ics", metavar="FILE")
    warn = parser.add_mutually_exclusive_group()
    warn.add_argument("--warn-days", type=int, metavar="N")
    warn.add_argument("--warn-fraction", type=float, metavar="F")
    parser.add_argument("--escalate-after", type=int, metavar="N")
    parser.add_argument("--explain", action="append", default=[], metavar="OBLIGATION")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    parser.add_argument(
        "--jobs", type=functools.partial(jobs_count, parser.lang), default=1, metavar="N"
    )
    parser.add_calendar()


def run(args: argparse.Namespace) -> int:
    """Read the events, build the ledger, print the report."""
    import gc

    # The ledger lives until the answer is written: the collector need not walk its million
    # objects while they are made, nor again while the report is written (seconds of CPU at
    # 1M): it is off until the report is made, then they are frozen. Done here, for one
    # command, not in the library: there a service would keep frozen cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        shards = _shards(args)
        if shards > 1:
            from deadlines.supervision._shards import ShardFailedError, sharded_report

            engine, supervisor, at = _supervisor(args)
            _open(args.events).close()  # a usage error, before any process starts
            form = "json" if args.json else "csv"
            try:
                with sharded_report(
                    supervisor, args.events, _texts, shards, at, form, args.lang
                ) as shared:
                    gc.freeze()
                    gc.enable()
                    return _write_shared(args, engine, shared)
            except ShardFailedError:
                gc.unfreeze()
                gc.disable()  # and the ledger is built again, in this process alone
        engine, ledger, report, at = _read(args)
        gc.freeze()
        gc.enable()  # what the writers make and drop is collected
        return _write(args, engine, ledger, report, at)
    finally:
        gc.unfreeze()  # a caller in the same process (tests, a script) collects them again
        if collecting:
            gc.enable()
        else:
            gc.disable()


def _shards(args: argparse.Namespace) -> int:
    """How many processes share the ledger: ``--jobs`` for a JSON or CSV report of a file (the
    other forms read every obligation in one process), one where processes cannot fork."""
    if args.jobs == 1 or not (args.json or args.csv) or args.ics or args.explain:
        return 1
    if args.events == "-":
        return 1  # standard input can be read only once
    try:
        status = Path(args.events).stat()
    except OSError:
        return 1  # reading it says why
    if not S_ISREG(status.st_mode):
        return 1  # a pipe can be read only once, and not in parts
    from deadlines.cli._common import cores
    from deadlines.supervision._shards import can_share

    return (args.jobs or cores()) if can_share() else 1


def _supervisor(args: argparse.Namespace) -> tuple[Engine, Supervisor, dt.datetime]:
    """The engine, the supervisor with the thresholds the options set, and ``--at``."""
    import datetime as dt

    from deadlines._time import CHINA_TZ
    from deadlines.supervision import Supervisor

    at = parse_instant_arg("--at", args.at) if args.at else dt.datetime.now(CHINA_TZ)
    changes = _thresholds(args)
    engine = engine_from(args)
    # The options win over the thresholds the engine's plugins set, for every rule and family.
    thresholds = engine.supervision_thresholds.with_all(**changes)
    supervisor = Supervisor(engine, thresholds=thresholds, explain=bool(args.explain))
    return engine, supervisor, at


def _read(args: argparse.Namespace) -> tuple[Engine, Ledger, Report, dt.datetime]:
    """Read the events file: the engine, the ledger and its report at ``--at``."""
    source = _open(args.events)
    unreadable: list[Problem] = []
    try:
        engine, supervisor, at = _supervisor(args)
        # The ledger is built while the file is read: no event outlives what it adds.
        ledger = supervisor.read(_texts(source, unreadable))
    except OSError as error:
        raise _failed("EVENTS_FILE", "error.cannot_read", args.events, error) from None
    finally:
        if args.events != "-":
            source.close()
    if unreadable:
        problems = (*ledger.problems, *unreadable)
        ledger.problems = tuple(sorted(problems, key=lambda p: (p.line is None, p.line or 0)))
    for name in args.explain:
        if name not in ledger:
            unknown = Said("check.usage.no_obligation", {"name": cut_repr(name)})
            raise UsageError("--explain", unknown)
    return engine, ledger, ledger.report(at), at


def _write(
    args: argparse.Namespace, engine: Engine, ledger: Ledger, report: Report, at: dt.datetime
) -> int:
    """Write `report` as the options ask (and the ICS file), its problems to standard error."""
    from deadlines.supervision import MissingExtraError, write_ics

    written = None
    if args.ics:
        try:
            written = write_ics(report, args.ics, lang=args.lang)
        except MissingExtraError as error:
            extra = {"module": repr(error.module), "extra": error.extra}
            raise UsageError("--ics", Said("check.usage.ics_extra", extra)) from None
        except OSError as error:
            raise _failed("--ics", "check.usage.cannot_write", args.ics, error) from None
    if args.json:
        from deadlines._provenance import provenance

        report.write_json(out(), provenance(engine), args.lang)
    elif args.csv:
        report.write_csv(out(), args.lang)
    else:
        color = args.color == "always" or (
            args.color == "auto" and not os.environ.get("NO_COLOR") and _isatty()
        )
        print(render(report, args.lang, color=color), file=out())
        notes = [ledger.as_at(name, at).explain(args.lang) for name in args.explain]
        if written is not None:
            notes.append(say("check.ics_written", args.lang, n=written, path=args.ics))
        for note in notes:
            print("", note, sep="\n", file=out())
    return _told(args, report.problems)


def _write_shared(args: argparse.Namespace, engine: Engine, report: ShardedReport) -> int:
    """Write the report of every shard as ``--json`` or ``--csv`` ask, its problems to
    standard error."""
    if args.json:
        from deadlines._provenance import provenance

        report.write_json(out(), provenance(engine), args.lang)
    else:
        report.write_csv(out(), args.lang)
    return _told(args, report.problems)


def _told(args: argparse.Namespace, problems: tuple[Problem, ...]) -> int:
    """Each problem on standard error; the exit status they make."""
    for problem in problems:
        text = problem.render(args.lang)
        line = say("error.problem", args.lang, command="deadlines check", text=text)
        print(line, file=sys.stderr)
    return EXIT_FAILED if problems else EXIT_OK


def _failed(option: str, message: str, path: str, error: OSError) -> UsageError:
    return UsageError(option, Said(message, {"path": cut_repr(path), "reason": os_reason(error)}))


def _isatty() -> bool:
    isatty = getattr(out(), "isatty", None)
    return bool(isatty and isatty())


def _open(path: str) -> IO[bytes] | IO[str]:
    """The events of `path` to read line by line (``-``: standard input, as bytes if it can)."""
    if path == "-":
        # A text stream without bytes underneath (tests use io.StringIO) is read as text.
        return getattr(sys.stdin, "buffer", None) or sys.stdin
    try:
        return open(path, "rb")  # noqa: PTH123 - argparse gives text; run() closes it
    except (FileNotFoundError, IsADirectoryError) as error:
        folder = isinstance(error, IsADirectoryError)
        values = {"path": cut_repr(path), "example": EVENTS_EXAMPLE}
        message = "check.usage.folder" if folder else "check.usage.no_file"
        raise UsageError("EVENTS_FILE", Said(message, values)) from None
    except OSError as error:
        raise _failed("EVENTS_FILE", "error.cannot_read", path, error) from None
    except ValueError:  # a NUL in the path
        no_name = Said("check.usage.no_name", {"path": cut_repr(path)})
        raise UsageError("EVENTS_FILE", no_name) from None


def _texts(source: IO[bytes] | IO[str], unreadable: list[Problem]) -> Iterator[str]:
    """The lines of `source` (ended as ``bytes.splitlines`` ends them), one at a time; a line
    that is not UTF-8 goes to `unreadable` and reads as blank, so the numbering stays."""
    from typing import cast

    from deadlines._textfile import utf8_lines, whole_lines
    from deadlines.supervision import Problem

    if isinstance(source.read(0), str):  # a text stream: its own lines
        yield from cast("IO[str]", source)
        return
    number = 0
    for block in whole_lines(cast("IO[bytes]", source)):
        lines = utf8_lines(block)
        if lines is not None:  # the common case: a block decoded at once
            number += len(lines)
            yield from lines
            continue
        for line in block.splitlines():
            number += 1
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError as error:
                byte, column = f"{line[error.start]:02x}", error.start + 1
                found = Problem.of("check.not_utf8", line=number, byte=byte, column=column)
                unreadable.append(found)
                yield ""  # blank: the events reader skips it


def _thresholds(args: argparse.Namespace) -> dict[str, Any]:
    """The thresholds the options set, checked: ``{"warning": ..., "escalate_after": ...}``."""
    from deadlines.supervision import FractionOfLimit, WorkingDaysBefore

    changes: dict[str, Any] = {}
    if args.warn_days is not None:
        changes["warning"] = WorkingDaysBefore(_at_least("--warn-days", args.warn_days, 0, 1))
    if args.warn_fraction is not None:
        if not 0 < args.warn_fraction <= 1:
            fraction = Said("check.usage.fraction", {"value": args.warn_fraction})
            raise UsageError("--warn-fraction", fraction)
        changes["warning"] = FractionOfLimit(args.warn_fraction)
    if args.escalate_after is not None:
        changes["escalate_after"] = _at_least("--escalate-after", args.escalate_after, 1, 5)
    return changes


def _at_least(option: str, value: int, least: int, example: int) -> int:
    if value < least:
        values = {"least": least, "example": example, "value": value}
        raise UsageError(option, Said("check.usage.at_least", values))
    return value


# --- rendering -------------------------------------------------------------------------------


def _paint(text: str, code: str, *, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color and code else text


def _row(row: ObligationStatus, lang: Lang) -> list[str]:
    from deadlines.supervision._status import status_words

    due = f"{row.due:%Y-%m-%d %H:%M}" + (PROVISIONAL_MARK if row.obligation.provisional else "")
    words = status_words(row.status, escalated=row.escalated).render(lang)
    return [row.id, row.rule_id, due, words, row.describe_left(lang)]


def render(report: Report, lang: Lang = "en", *, color: bool = False) -> str:
    """The report as text: the obligations (grouped by status and coloured with `color`, else
    by due instant; a provisional due marked, with a legend), the counts, warnings and checks."""
    from deadlines.supervision import STATUS_ORDER

    weekday = Names(WEEKDAYS_ZH[report.at.weekday()], f"{report.at:%a}")
    at = Said("check.at", {"at": report.at, "weekday": weekday})
    lines = [_paint(say("check.title", lang, at=at), _COLORS["heading"], color=color), ""]
    if not report.rows:
        lines.append(say("check.empty", lang, at=at))
    # Grouped by status when coloured, else one table; one set of widths, so groups line up.
    cells = [_row(row, lang) for row in report.rows]
    head, *body = table([say("check.header", lang).split("|"), *cells])
    rows = list(zip(report.rows, body, strict=True))
    groups = [(s, [(r, c) for r, c in rows if r.status is s]) for s in STATUS_ORDER]
    for status, group in groups if color else [(None, rows)]:
        if not group:
            continue
        if status is not None:
            heading = say("check.group", lang, state=Said(f"check.state.{status}"), n=len(group))
            lines.append(_paint(heading, _COLORS[str(status)] or "1", color=color))
        painted = [_paint(head, "2", color=color)]
        for row, line in group:
            code = _COLORS["escalated" if row.escalated else str(row.status)]
            painted.append(_paint(line, code, color=color))
        lines.extend(painted if status is None else [*(f"  {line}" for line in painted), ""])
    if any(r.obligation.provisional for r in report.rows):
        if lines[-1] == "":
            lines.pop()  # the legend belongs to the table above it
        legend = say("check.provisional_legend", lang, mark=PROVISIONAL_MARK)
        lines.append(_paint(legend, _COLORS["provisional"], color=color))
    if lines[-1] != "":
        lines.append("")
    lines.extend(_summary(report, lang, color=color))
    n = len(report.alerts)
    lines.append(say("check.alerts", lang, n=n) if n else say("check.alerts.none", lang))
    for alert in report.alerts:
        level = Said(f"check.level.{alert.level}")
        text = say("check.alert", lang, level=level, text=alert.said)
        lines.append(_paint(f"  {text}", _COLORS[alert.level], color=color))
    lines.append("")
    for heading, items in (
        ("check.meetings", report.meetings),
        ("check.march", report.march),
        ("check.quota", report.quota),
        ("check.quarterly", report.quarterly),
    ):
        if items:
            lines.extend([say(heading, lang), *(f"  {item.describe(lang)}" for item in items), ""])
    if report.problems:  # each is on standard error; the printed report must not hide them
        lines.append(say("check.not_taken", lang, n=len(report.problems)))
    return "\n".join(lines).rstrip("\n")


def _summary(report: Report, lang: Lang, *, color: bool) -> list[str]:
    """The counts by status, and by rule as a table."""
    from deadlines.supervision import STATUS_ORDER

    states = [Said(f"check.state.{s}") for s in STATUS_ORDER]
    counts = tuple(
        Said("check.count", {"state": state, "n": report.by_status[s]})
        for state, s in zip(states, STATUS_ORDER, strict=True)
    )
    totals = {"total": report.total, "escalated": report.escalated}
    lines = [say("check.by_status", lang, counts=counts, **totals), ""]
    if report.by_rule:
        total = say("check.total", lang)
        rows = [[say("check.by_rule", lang), *(s.render(lang) for s in states), total]]
        for rule, per in report.by_rule.items():
            rows.append([rule, *(str(per[s]) for s in STATUS_ORDER), str(sum(per.values()))])
        head, *body = table(rows, right=range(1, len(STATUS_ORDER) + 2))
        lines.extend([_paint(head, "1", color=color), *body, ""])
    return lines
