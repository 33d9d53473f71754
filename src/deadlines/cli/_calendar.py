"""``deadlines calendar [YEAR | YEAR-MM]``: a month (or a year) of the working-day calendar.

Plain text, readable without colour: each day carries a mark after its number.
"""

from __future__ import annotations

import argparse
import calendar as stdlib_calendar
import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from deadlines.calendar._days import BUILT_IN
from deadlines.cli._common import (
    EXIT_OK,
    UsageError,
    add_calendar,
    add_lang,
    engine_from,
    guarded,
    out,
)
from deadlines.rules._trace import WEEKDAYS_ZH

if TYPE_CHECKING:
    from deadlines.calendar import ChinaCalendar, Day

_MONTHS_EN: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
_MONTHS_EN += ("August", "September", "October", "November", "December")
_WEEKDAYS = {"en": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"), "zh": tuple(WEEKDAYS_ZH)}
# The mark after a day's number, by DayKind value: working day, weekend, holiday, adjusted.
_MARKS = (" ", "-", "*", "+")
_PROVISIONAL = "?"
_LEGEND = {
    "en": "-  weekend    *  holiday    +  adjusted working day (调休上班)    "
    "?  provisional (no notice yet)",
    "zh": "-  周末    *  节假日    +  调休上班日    ?  暂定（尚无国务院通知）",
}
_WHEN = re.compile(r"(\d{4})(?:-(\d{1,2}))?")
_WHEN_EXAMPLE = "a year such as 2026 or a month such as 2026-10"


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines calendar`` to the command line."""
    parser = subparsers.add_parser(
        "calendar",
        help="show a month or a year: rest days, holidays, adjusted working days",
        description="Show a month (YEAR-MM) or a whole year (YEAR) of the official calendar; "
        "the current month without an argument. Each day's number is followed by its mark: "
        "- weekend, * holiday, + adjusted working day (调休上班), ? provisional.",
    )
    parser.add_argument(
        "when",
        nargs="?",
        metavar="YEAR[-MM]",
        help="a year (2026) or a month (2026-10); the current month by default",
    )
    add_lang(parser)
    add_calendar(parser)


@guarded
def run(args: argparse.Namespace) -> int:
    """Print the month or year asked for."""
    year, month = _parse_when(args.when)
    cal = engine_from(args).calendar  # with the days plugins add
    months = [month] if month is not None else list(range(1, 13))
    blocks = [month_grid(cal, year, m, args.lang) for m in months]
    lines: list[str] = []
    for block in blocks:
        lines += [*block, ""]
    if month is not None:
        lines += special_days(cal, year, month, args.lang)
    lines.append(_LEGEND[args.lang])
    first = dt.date(year, months[0], 1)
    last = dt.date(year, months[-1], stdlib_calendar.monthrange(year, months[-1])[1])
    if cal.any_provisional(first, last):
        since = max(first, cal.provisional_from)
        lines.append(
            f"暂定：{since} 起的日期尚无国务院放假通知，可能变动"
            if args.lang == "zh"
            else f"provisional: days from {since} have no State Council notice yet and may change"
        )
    print("\n".join(lines), file=out())
    return EXIT_OK


def _parse_when(text: str | None) -> tuple[int, int | None]:
    if text is None:
        today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
        return today.year, today.month
    match = _WHEN.fullmatch(text.strip())
    if match is None:
        raise UsageError("YEAR[-MM]", f"must be {_WHEN_EXAMPLE}; got {text!r}")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    if not 2004 <= year <= 2100:
        raise UsageError("YEAR[-MM]", f"the calendar covers 2004 through 2100; got {text!r}")
    if month is not None and not 1 <= month <= 12:
        raise UsageError("YEAR[-MM]", f"the month must be 01 to 12, e.g. 2026-10; got {text!r}")
    return year, month


def month_grid(cal: ChinaCalendar, year: int, month: int, lang: str = "en") -> list[str]:
    """A month as lines of text: the title, the weekdays (Monday first), then the weeks.

    Each day takes five columns: its number, its mark (see `_MARKS`), and ``?`` when a notice
    may still change it.

    >>> from deadlines import ChinaCalendar
    >>> print("\\n".join(month_grid(ChinaCalendar(), 2026, 10)))
    October 2026
     Mo   Tu   We   Th   Fr   Sa   Su
                    1*   2*   3*   4-
      5*   6*   7*   8    9   10+  11-
     12   13   14   15   16   17-  18-
     19   20   21   22   23   24-  25-
     26   27   28   29   30   31-
    """
    title = f"{year}年{month}月" if lang == "zh" else f"{_MONTHS_EN[month - 1]} {year}"
    names = _WEEKDAYS["zh" if lang == "zh" else "en"]
    header = "".join(f" {name}  " if lang == "zh" else f" {name:>2}  " for name in names)
    lines = [title, header.rstrip()]
    first = dt.date(year, month, 1)
    length = stdlib_calendar.monthrange(year, month)[1]
    cells = ["     "] * first.weekday()
    for number in range(1, length + 1):
        day = cal.day(dt.date(year, month, number))
        mark = _MARKS[day.kind]
        cells.append(f"{number:>3}{mark}{_PROVISIONAL if day.provisional else ' '}")
    for week in range(0, len(cells), 7):
        lines.append("".join(cells[week : week + 7]).rstrip())
    return lines


def special_days(cal: ChinaCalendar, year: int, month: int, lang: str = "en") -> list[str]:
    """One line per holiday and adjusted working day of the month, then their sources."""
    length = stdlib_calendar.monthrange(year, month)[1]
    days = [cal.day(dt.date(year, month, n)) for n in range(1, length + 1)]
    special = [day for day in days if day.kind in (2, 3)]
    if not special:
        return []
    lines = [_describe(day, lang) for day in special]
    sources = dict.fromkeys(
        day.source if day.origin == BUILT_IN else f"{day.origin}: {day.source}"
        for day in special
    )
    label = "来源：" if lang == "zh" else "source: "
    lines += [label + source for source in sources]
    return [*lines, ""]


def _describe(day: Day, lang: str) -> str:
    date = day.date
    if lang == "zh":
        kind, name = day.kind.label_zh, day.name_zh
        head = f"{date:%m-%d}（周{WEEKDAYS_ZH[date.weekday()]}）"
        tail = "（暂定）" if day.provisional else ""
        return f"{head} {kind}" + (f"：{name}" if name and name != "调休上班" else "") + tail
    kind, name = day.kind.label_en, day.name_en
    head = f"{date:%m-%d} ({date:%a})"
    tail = " (provisional)" if day.provisional else ""
    return f"{head} {kind}" + (f": {name}" if name and name != kind else "") + tail
