"""``deadlines calendar [YEAR | YEAR-MM]``: a month (or a year) of the working-day calendar.

Plain text, readable without colour: each day carries a mark after its number. With
``--json``, ``--csv`` or ``--ics``, the special days instead, as data for other systems (the
shape OA work calendars import): every holiday and adjusted working day, each with ``date``,
``off``, ``name``, ``name_en``, ``source`` and ``provisional``.
"""

from __future__ import annotations

import argparse
import calendar as stdlib_calendar
import csv
import datetime as dt
import json
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from deadlines._messages import WEEKDAYS_ZH, Lang, Names, Said, say
from deadlines.calendar._days import BUILT_IN, DayKind
from deadlines.cli._common import (
    EXIT_OK,
    UsageError,
    engine_from,
    guarded,
    out,
)

if TYPE_CHECKING:
    from deadlines.calendar import ChinaCalendar, Day

_MONTHS_EN: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
_MONTHS_EN += ("August", "September", "October", "November", "December")
_WEEKDAYS = {"en": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"), "zh": tuple(WEEKDAYS_ZH)}
# The mark after a day's number, by DayKind value: working day, weekend, holiday, adjusted.
_MARKS = (" ", "-", "*", "+")
_PROVISIONAL = "?"
_WHEN = re.compile(r"(\d{4})(?:-(\d{1,2}))?")
_WHEN_EXAMPLE = "a year such as 2026 or a month such as 2026-10"


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines calendar`` to the command line (its words: ``cli.calendar.*``)."""
    parser = subparsers.add_parser("calendar")
    parser.add_argument("when", nargs="?", metavar="YEAR[-MM]")
    parser.add_calendar()
    formats = parser.add_mutually_exclusive_group()
    for name in ("json", "csv", "ics"):
        formats.add_argument(f"--{name}", dest="format", action="store_const", const=name)


#: The fields of each special day in --json and --csv, in order.
FIELDS = ("date", "off", "name", "name_en", "source", "provisional")


@guarded
def run(args: argparse.Namespace) -> int:
    """Print the month or year asked for."""
    year, month = _parse_when(args.when)
    cal = engine_from(args).calendar  # with the days plugins add
    if args.format:
        rows = special_rows(cal, year, month)
        print(render(rows, args.format), file=out(), end="")
        return EXIT_OK
    months = [month] if month is not None else list(range(1, 13))
    blocks = [month_grid(cal, year, m, args.lang) for m in months]
    lines: list[str] = []
    for block in blocks:
        lines += [*block, ""]
    if month is not None:
        lines += special_days(cal, year, month, args.lang)
    lines.append(say("calendar.legend", args.lang))
    first = dt.date(year, months[0], 1)
    last = dt.date(year, months[-1], stdlib_calendar.monthrange(year, months[-1])[1])
    if cal.any_provisional(first, last):
        since = max(first, cal.provisional_from)
        lines.append(say("calendar.provisional", args.lang, since=since))
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

    Each day takes five columns: its number, its mark (see `_MARKS`; a weekend day inside a
    放假 period is marked as a holiday, as the notice counts it), and ``?`` when a notice may
    still change it.

    >>> from deadlines import ChinaCalendar
    >>> print("\\n".join(month_grid(ChinaCalendar(), 2026, 10)))
    October 2026
     Mo   Tu   We   Th   Fr   Sa   Su
                    1*   2*   3*   4*
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
        mark = _MARKS[day.kind] if break_of(cal, day) is None else _MARKS[DayKind.HOLIDAY]
        cells.append(f"{number:>3}{mark}{_PROVISIONAL if day.provisional else ' '}")
    for week in range(0, len(cells), 7):
        lines.append("".join(cells[week : week + 7]).rstrip())
    return lines


def special_days(cal: ChinaCalendar, year: int, month: int, lang: str = "en") -> list[str]:
    """One line per holiday and adjusted working day of the month, then their sources."""
    length = stdlib_calendar.monthrange(year, month)[1]
    days = [cal.day(dt.date(year, month, n)) for n in range(1, length + 1)]
    special = [day for day in days if day.kind in (2, 3) or break_of(cal, day) is not None]
    if not special:
        return []
    language: Lang = "zh" if lang == "zh" else "en"
    lines = [_describe(cal, day, language) for day in special]
    sources = dict.fromkeys(_source(day) for day in special if day.kind in (2, 3))
    lines += [say("calendar.source", language, source=source) for source in sources]
    return [*lines, ""]


#: A source as the notices' data give it: ``国办发明电〔2025〕7号 国务院办公厅关于…的通知 https://…``.
_NOTICE = re.compile(r"(\S+〔\d{4}〕\d+号) (\S+)(?: \S+)?")


def _source(day: Day) -> Said | str:
    """The notice by its title and number (its web address stays in the JSON and CSV)."""
    match = _NOTICE.fullmatch(day.source)
    if match is None:
        return day.source if day.origin == BUILT_IN else f"{day.origin}: {day.source}"
    cited = Said("calendar.notice", {"number": match[1], "title": match[2]})
    if day.origin == BUILT_IN:
        return cited
    return Said("calendar.notice.origin", {"origin": day.origin, "notice": cited})


def break_of(cal: ChinaCalendar, day: Day) -> Names | None:
    """The holiday whose 放假 period a weekend `day` lies inside, or None.

    The notices count the weekend days inside a break as part of it ("10月1日至7日放假调休，
    共7天"): a run of rest days that holds a holiday is one break.

    >>> from deadlines import ChinaCalendar
    >>> cal = ChinaCalendar()
    >>> break_of(cal, cal.day(dt.date(2026, 10, 4))), break_of(cal, cal.day(dt.date(2026, 10, 11)))
    (Names(zh='国庆节', en='National Day'), None)
    """
    if day.kind is not DayKind.WEEKEND:
        return None
    run: list[Day] = []
    for step in (-1, 1):
        other = day.date
        for _ in range(_LONGEST_BREAK):
            other += dt.timedelta(days=step)
            found = cal.day(other)
            if found.is_workday:
                break
            run.append(found)
    # The break is named after its festival: the name most of its days bear (春节, not 除夕).
    names = [
        value
        for d in run
        if d.kind is DayKind.HOLIDAY
        for key, value in d.said().values
        if key == "name" and isinstance(value, Names)
    ]
    return Counter(names).most_common(1)[0][0] if names else None


#: No 放假 period runs longer than this many days on either side of a day inside it.
_LONGEST_BREAK = 10


def _describe(cal: ChinaCalendar, day: Day, lang: Lang) -> str:
    mark = say("word.provisional", lang) if day.provisional else ""
    if day.kind is DayKind.ADJUSTED_WORKDAY:
        return say("calendar.line.workday", lang, day=day.date, mark=mark)
    name = break_of(cal, day)
    if name is not None:
        words = Said("calendar.in_period", {"name": name})
        return say("calendar.line.off", lang, day=day.date, words=words, mark=mark)
    names = Names(day.describe("zh"), day.name_en)
    return say("calendar.line.off", lang, day=day.date, words=names, mark=mark)


def special_rows(cal: ChinaCalendar, year: int, month: int | None = None) -> list[dict[str, Any]]:
    """The holidays and adjusted working days of a year (or a month), as export rows.

    >>> from deadlines import ChinaCalendar
    >>> rows = special_rows(ChinaCalendar(), 2026, 10)
    >>> [(row["date"], row["off"]) for row in rows][-2:]
    [('2026-10-07', True), ('2026-10-10', False)]
    >>> rows[-1]["source"].split()[0]
    '国办发明电〔2025〕7号'
    """
    first = dt.date(year, month or 1, 1)
    last = dt.date(year, month or 12, stdlib_calendar.monthrange(year, month or 12)[1])
    return [
        {
            "date": day.date.isoformat(),
            "off": not day.is_workday,
            "name": day.name_zh,
            "name_en": day.name_en,
            "source": day.source if day.origin == BUILT_IN else f"{day.origin}: {day.source}",
            "provisional": day.provisional,
        }
        for day in cal.days(first, last)
        if day.kind in (2, 3)
    ]


def render(rows: list[dict[str, Any]], form: str) -> str:
    """The rows as JSON, CSV or iCalendar text."""
    if form == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if form == "csv":
        import io

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    **row,
                    "off": str(row["off"]).lower(),
                    "provisional": str(row["provisional"]).lower(),
                }
            )
        return buffer.getvalue()
    return _ics(rows)


def _ics_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 section 3.3.11 says."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """One content line folded at 75 octets (RFC 5545 section 3.1), never inside a character."""
    parts: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not parts else 74  # a continuation line starts with a space
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return [parts[0], *(" " + part for part in parts[1:])]


def _ics(rows: list[dict[str, Any]]) -> str:
    """The rows as a VCALENDAR of all-day events; a day off is TRANSPARENT, a working day not."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//deadlines//calendar//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:中国法定节假日与调休 (deadlines)",
    ]
    for row in rows:
        day = dt.date.fromisoformat(row["date"])
        kind = "off" if row["off"] else "workday"
        summary = row["name"] + ("（暂定）" if row["provisional"] else "")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{day:%Y%m%d}-{kind}@deadlines",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(summary)}",
            f"DESCRIPTION:{_ics_text(row['name_en'] + ' / ' + row['source'])}",
            f"CATEGORIES:{'HOLIDAY' if row['off'] else 'WORKDAY'}",
            f"TRANSP:{'TRANSPARENT' if row['off'] else 'OPAQUE'}",
            f"X-DEADLINES-OFF:{'TRUE' if row['off'] else 'FALSE'}",
            f"X-DEADLINES-PROVISIONAL:{'TRUE' if row['provisional'] else 'FALSE'}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
