"""``deadlines notice add|list|remove``: next year's notice, stored once and used everywhere.

A stored notice lives in the user's notice folder (``$DEADLINES_HOME/notices``); every command
and every `ChinaCalendar()` then load it. An administrator puts notices for every user in the
system folder (``$DEADLINES_NOTICES``, by default ``/etc/deadlines/notices``). The words the
command prints are gathered in `_TEXT`, in both languages.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deadlines.cli._common import EXIT_OK, UsageError, guarded, out

if TYPE_CHECKING:
    from deadlines.calendar import ChinaCalendar

_TEXT = {
    "stored": {
        "zh": "已保存 {year} 年通知（{source}）：{path}{replaced}",
        "en": "stored the {year} notice ({source}) in {path}{replaced}",
    },
    "replaced": {"zh": "（替换了原有的）", "en": " (it replaces the one stored before)"},
    "counts": {
        "zh": "放假 {off} 天，调休上班 {on} 天；现已公布至 {last} 年",
        "en": "{off} days off, {on} adjusted working days; announced now through {last}",
    },
    "warning": {"zh": "deadlines notice：警告：{text}", "en": "deadlines notice: warning: {text}"},
    "removed": {"zh": "已删除 {year} 年通知：{path}", "en": "removed the {year} notice: {path}"},
    "announced": {"zh": "已公布年份：{years}", "en": "announced years: {years}"},
    "built_in": {"zh": "内置数据：{origin}", "en": "built-in data: {origin}"},
    "none": {"zh": "没有另存的通知", "en": "no stored notices"},
    "folders": {
        "zh": "用户通知目录：{user}\n系统通知目录：{system}",
        "en": "user notices: {user}\nsystem notices: {system}",
    },
}


def _say(key: str, lang: str, **values: object) -> str:
    return _TEXT[key]["zh" if lang == "zh" else "en"].format(**values)


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines notice`` to the command line (its words: ``cli.notice.*``)."""
    parser = subparsers.add_parser("notice")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add")
    add.add_argument("file", metavar="FILE")
    add.add_argument("--allow-partial", action="store_true")
    actions.add_parser("list")
    actions.add_parser("remove").add_argument("year", metavar="YEAR")


@guarded
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
            raise UsageError("FILE", str(error)) from None
    if len(override.notices) != 1 or override.local:
        raise UsageError(
            "FILE",
            f"{path} must hold exactly one [[notice]] table and no [[local]] one (it holds "
            f"{len(override.notices)} notice(s), {len(override.local)} local day(s)); pass "
            "local days with --calendar instead",
        )
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
        raise UsageError("FILE", f"cannot write {target}: {error.strerror}") from None
    lang = args.lang
    for warning in caught:
        print(_say("warning", lang, text=warning.message), file=sys.stderr)
    print(
        _say(
            "stored",
            lang,
            year=notice.year,
            source=notice.source,
            path=target,
            replaced=_say("replaced", lang) if replaced else "",
        ),
        file=out(),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # already said above
        calendar = ChinaCalendar()
    off = sum(change.off for change in notice.changes)
    print(
        _say(
            "counts",
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
        raise UsageError("YEAR", f"must be a year such as 2027; got {year_text!r}")
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
        where = (
            f"; the {year} notice in {found[0].path} is deployed system-wide: its administrator "
            "removes it"
            if found
            else f"; stored: {', '.join(_years(stored_notices())) or 'none'}"
        )
        raise UsageError("YEAR", f"no notice for {year} in your notice folder{where}")
    for stored in mine:
        try:
            stored.path.unlink()
        except OSError as error:
            raise UsageError("YEAR", f"cannot remove {stored.path}: {error.strerror}") from None
        print(_say("removed", args.lang, year=year, path=stored.path), file=out())
    return EXIT_OK


def _years(stored: tuple[Any, ...]) -> list[str]:
    return sorted({str(notice.year) for item in stored for notice in item.override.notices})


def _list(args: argparse.Namespace) -> int:
    from deadlines.calendar import ChinaCalendar
    from deadlines.calendar._store import system_notices, user_notices

    lang = args.lang
    calendar = ChinaCalendar()
    lines = [_say("built_in", lang, origin=calendar.data_origin)]
    if calendar.stored:
        for stored in calendar.stored:
            for notice in stored.override.notices:
                lines.append(f"  {notice.year}  {stored.scope:<6}  {stored.path}  {notice.source}")
            if stored.override.local:
                count = len(stored.override.local)
                lines.append(f"  local {stored.scope:<6}  {stored.path}  ({count} local day(s))")
    else:
        lines.append(_say("none", lang))
    lines.append(_say("announced", lang, years=announced_years(calendar)))
    lines.append(_say("folders", lang, user=user_notices(), system=system_notices()))
    print("\n".join(lines), file=out())
    return EXIT_OK


def announced_years(calendar: ChinaCalendar) -> str:
    """The announced years as ranges, e.g. ``2004-2027``.

    >>> from deadlines import ChinaCalendar
    >>> announced_years(ChinaCalendar())
    '2004-2026'
    """
    years = sorted(calendar.announced_years)
    ranges: list[list[int]] = []
    for year in years:
        if ranges and ranges[-1][1] == year - 1:
            ranges[-1][1] = year
        else:
            ranges.append([year, year])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in ranges)


def version_text() -> str:
    """What ``deadlines --version`` prints: the version, the calendar data, the notice files."""
    from importlib.metadata import version

    from deadlines.calendar import ChinaCalendar

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        calendar = ChinaCalendar()
    files = [f"{stored.path} ({stored.scope})" for stored in calendar.stored]
    announced = announced_years(calendar)
    return "\n".join(
        [
            f"deadlines {version('deadlines')}",
            f"calendar data: {calendar.data_origin}",
            f"last announced year: {calendar.last_announced_year} (announced: {announced})",
            f"notice files: {', '.join(files) if files else 'none'}",
        ]
    )
