"""``deadlines notice add|list|remove``: next year's notice, stored once and used everywhere.

A stored notice lives in the user's notice folder (``$DEADLINES_HOME/notices``); every command
and every `ChinaCalendar()` then load it. An administrator puts notices for every user in the
system folder (``$DEADLINES_NOTICES``, by default ``/etc/deadlines/notices``). The words the
command prints are the catalogue's (ids ``notice``).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deadlines._errors import Spoken
from deadlines._messages import say
from deadlines.calendar._describe import cite
from deadlines.cli._common import EXIT_OK, UsageError, out

if TYPE_CHECKING:
    from deadlines._messages import Lang
    from deadlines.calendar import ChinaCalendar


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines notice`` to the command line (its words: ``cli.notice.*``)."""
    parser = subparsers.add_parser("notice")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add")
    add.add_argument("file", metavar="FILE")
    add.add_argument("--allow-partial", action="store_true")
    actions.add_parser("list")
    actions.add_parser("remove").add_argument("year", metavar="YEAR")


def run(args: argparse.Namespace) -> int:
    """Add, list or remove."""
    if args.action == "add":
        return _add(args)
    if args.action == "remove":
        return _remove(args)
    return _list(args)


def _add(args: argparse.Namespace) -> int:
    from deadlines import OverrideFileError
    from deadlines.calendar import ChinaCalendar, load_overrides
    from deadlines.calendar._store import user_notices

    path = Path(args.file)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            override = load_overrides(path, allow_partial=args.allow_partial)
        except OverrideFileError as error:
            raise UsageError("FILE", error.said or str(error)) from None
    if len(override.notices) != 1 or override.local:
        counts = {"notices": len(override.notices), "local": len(override.local)}
        raise UsageError("FILE", say("notice.error.one", args.lang, path=path, **counts))
    (notice,) = override.notices
    folder = user_notices()
    target = folder / f"{notice.year}.toml"
    replaced = target.exists()
    from deadlines._textfile import read_user_text

    text = read_user_text(path)  # already read once: without a BOM, as UTF-8
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        problem = say("notice.error.write", args.lang, path=target, reason=error.strerror)
        raise UsageError("FILE", problem) from None
    lang = args.lang
    for warning in caught:
        message = warning.message
        text = message.render(lang) if isinstance(message, Spoken) else str(message)
        print(say("notice.warning", lang, text=text), file=sys.stderr)
    print(
        say(
            "notice.stored",
            lang,
            year=notice.year,
            source=cite(notice.source)[0],
            path=target,
            replaced=say("notice.replaced", lang) if replaced else "",
        ),
        file=out(),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # already said above
        calendar = ChinaCalendar()
    off = sum(change.off for change in notice.changes)
    print(
        say(
            "notice.counts",
            lang,
            off=off,
            on=len(notice.changes) - off,
            last=calendar.last_announced_year,
        ),
        file=out(),
    )
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    from deadlines.calendar._store import stored_notices

    year_text = str(args.year).strip()
    # ASCII digits, four at most: int() refuses "²", and reads no 5000 digits.
    if not (year_text.isascii() and year_text.isdigit() and len(year_text) <= 4):
        raise UsageError("YEAR", say("notice.error.year", args.lang, text=year_text))
    year = int(year_text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = [
            stored
            for stored in stored_notices()
            if any(notice.year == year for notice in stored.override.notices)
        ]
    mine = [stored for stored in found if stored.scope == "user"]
    if not mine:
        if found:
            problem = say("notice.error.system", args.lang, year=year, path=found[0].path)
        else:
            years = ", ".join(_years(stored_notices())) or say("notice.error.none", args.lang)
            problem = say("notice.error.absent", args.lang, year=year, years=years)
        raise UsageError("YEAR", problem)
    for stored in mine:
        try:
            stored.path.unlink()
        except OSError as error:
            reason = error.strerror
            problem = say("notice.error.remove", args.lang, path=stored.path, reason=reason)
            raise UsageError("YEAR", problem) from None
        print(say("notice.removed", args.lang, year=year, path=stored.path), file=out())
    return EXIT_OK


def _years(stored: tuple[Any, ...]) -> list[str]:
    return sorted({str(notice.year) for item in stored for notice in item.override.notices})


def _list(args: argparse.Namespace) -> int:
    from deadlines.calendar import ChinaCalendar
    from deadlines.calendar._store import system_notices, user_notices
    from deadlines.calendar._table import holidays_version, raw

    lang = args.lang
    calendar = ChinaCalendar()
    packaged = max(notice["year"] for notice in raw()["notices"])
    lines = [say("notice.built_in", lang, last=packaged, version=holidays_version())]
    if calendar.stored:
        for stored in calendar.stored:
            scope = say(f"notice.scope.{stored.scope}", lang)
            for notice in stored.override.notices:
                values = {
                    "year": notice.year,
                    "path": stored.path,
                    "source": cite(notice.source)[0],
                }
                lines.append(say("notice.row", lang, scope=scope, **values))
            if stored.override.local:
                count = len(stored.override.local)
                lines.append(say("notice.local", lang, scope=scope, path=stored.path, n=count))
    else:
        lines.append(say("notice.none", lang))
    lines.append(say("notice.announced", lang, years=announced_years(calendar)))
    lines.append(say("notice.folders", lang, user=user_notices(), system=system_notices()))
    print("\n".join(lines), file=out())
    return EXIT_OK


def announced_years(calendar: ChinaCalendar) -> str:
    """The announced years as ranges, e.g. ``2004-2027``."""
    years = sorted(calendar.announced_years)
    ranges: list[list[int]] = []
    for year in years:
        if ranges and ranges[-1][1] == year - 1:
            ranges[-1][1] = year
        else:
            ranges.append([year, year])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in ranges)


def version_text(lang: Lang = "en") -> str:
    """What ``deadlines --version`` prints: the version, the calendar data, the notice files."""
    from importlib.metadata import version

    from deadlines.calendar import ChinaCalendar
    from deadlines.calendar._table import holidays_version, raw

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        calendar = ChinaCalendar()
    packaged = max(notice["year"] for notice in raw()["notices"])
    files = tuple(
        say("version.file", lang, path=stored.path, scope=say(f"notice.scope.{stored.scope}", lang))
        for stored in calendar.stored
    )
    last, years = calendar.last_announced_year, announced_years(calendar)
    return "\n".join(
        [
            f"deadlines {version('deadlines')}",
            say("version.data", lang, last=packaged, version=holidays_version()),
            say("version.announced", lang, last=last, years=years),
            say("version.files", lang, files=files or (say("version.no_files", lang),)),
        ]
    )
