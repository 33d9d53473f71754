"""``deadlines calendar [YEAR | YEAR-MM]``: a month (or a year) of the working-day calendar.

Plain text, readable without colour: each day carries a mark after its number. With
``--json``, ``--csv`` or ``--ics``, the days off and adjusted working days instead, as data for
other systems (the shape OA work calendars import), each with ``date``, ``off``, ``name``,
``source``, ``url`` and ``provisional``: the name and the source in the language asked, the
keys and the web address the same in both.
"""

from __future__ import annotations

import argparse
import calendar as stdlib_calendar
import csv
import datetime as dt
import io
import json
import re
from typing import TYPE_CHECKING, Any

from deadlines._messages import Lang, Names, say
from deadlines.calendar._days import DayKind
from deadlines.calendar._describe import break_of, cite_day, special
from deadlines.cli._common import EXIT_OK, UsageError, engine_from, out

if TYPE_CHECKING:
    from deadlines.calendar import ChinaCalendar

# The mark after a day's number, by DayKind value: working day, weekend, holiday, adjusted.
_MARKS = (" ", "-", "*", "+")
_WHEN = re.compile(r"(\d{4})(?:-(\d{1,2}))?")


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines calendar`` to the command line (its words: ``cli.calendar.*``)."""
    parser = subparsers.add_parser("calendar")
    parser.add_argument("when", nargs="?", metavar="YEAR[-MM]")
    parser.add_calendar()
    formats = parser.add_mutually_exclusive_group()
    for name in ("json", "csv", "ics"):
        formats.add_argument(f"--{name}", dest="format", action="store_const", const=name)


def run(args: argparse.Namespace) -> int:
    """Print the month or year asked for."""
    year, month = _parse_when(args.when, args.lang)
    cal = engine_from(args).calendar  # with the days plugins add
    lang: Lang = args.lang
    if args.format:
        print(render(export_rows(cal, year, month, lang), args.format, lang), file=out(), end="")
        return EXIT_OK
    months = [month] if month is not None else list(range(1, 13))
    lines = [line for m in months for line in (*month_grid(cal, year, m, lang), "")]
    if month is not None:
        lines += special_days(cal, year, month, lang)
    lines.append(say("calendar.legend", lang))
    first, last = _span(year, month)
    if cal.any_provisional(first, last):
        since = max(first, cal.provisional_from)
        lines.append(say("calendar.provisional", lang, since=since))
    print("\n".join(lines), file=out())
    return EXIT_OK


def _parse_when(text: str | None, lang: Lang) -> tuple[int, int | None]:
    if text is None:
        today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
        return today.year, today.month
    match = _WHEN.fullmatch(text.strip())
    if match is None:
        raise UsageError("YEAR[-MM]", say("calendar.error.when", lang, text=text))
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    if not 2004 <= year <= 2100:
        raise UsageError("YEAR[-MM]", say("calendar.error.year", lang, text=text))
    if month is not None and not 1 <= month <= 12:
        raise UsageError("YEAR[-MM]", say("calendar.error.month", lang, text=text))
    return year, month


def _span(year: int, month: int | None) -> tuple[dt.date, dt.date]:
    """The first and last day of a month, or of the year when `month` is None."""
    last_month = month or 12
    last = stdlib_calendar.monthrange(year, last_month)[1]
    return dt.date(year, month or 1, 1), dt.date(year, last_month, last)


def month_grid(cal: ChinaCalendar, year: int, month: int, lang: Lang = "en") -> list[str]:
    """A month as lines of text: the title, the weekdays (Monday first), then the weeks; a day is
    its number, its mark (`_MARKS`; a weekend inside a 放假 period is a holiday, as the notice
    counts it) and ``?`` when a notice may still change it."""
    first, last = _span(year, month)
    title = say("calendar.month", lang, year=year, month=Names(str(month), f"{first:%B}"))
    cells = ["     "] * first.weekday()
    for day in cal.days(first, last):
        mark = _MARKS[DayKind.HOLIDAY if break_of(cal, day) else day.kind]
        cells.append(f"{day.date.day:>3}{mark}{'?' if day.provisional else ' '}")
    weeks = ["".join(cells[week : week + 7]).rstrip() for week in range(0, len(cells), 7)]
    return [title, say("calendar.weekdays", lang), *weeks]


def special_days(cal: ChinaCalendar, year: int, month: int, lang: Lang = "en") -> list[str]:
    """One line per day off and adjusted working day of the month, then their sources."""
    days = special(cal, *_span(year, month))
    if not days:
        return []
    lines = []
    for day, words in days:
        mark = say("word.provisional", lang) if day.provisional else ""
        if day.kind is DayKind.ADJUSTED_WORKDAY:
            lines.append(say("calendar.line.workday", lang, day=day.date, mark=mark))
        else:
            lines.append(say("calendar.line.off", lang, day=day.date, words=words, mark=mark))
    sources = dict.fromkeys(cite_day(cal, day)[0] for day, _ in days)
    return [*lines, *(say("calendar.source", lang, source=source) for source in sources), ""]


#: The fields of each day in --json and --csv, in order.
FIELDS = ("date", "off", "name", "source", "url", "provisional")


def export_rows(
    cal: ChinaCalendar, year: int, month: int | None = None, lang: Lang = "en"
) -> list[dict[str, Any]]:
    """The days off and adjusted working days of a year (or a month), as export rows."""
    rows = []
    for day, words in special(cal, *_span(year, month)):
        label, url = cite_day(cal, day)
        rows.append(
            {
                "date": day.date.isoformat(),
                "off": not day.is_workday,
                "name": words.render(lang),
                "source": label if isinstance(label, str) else label.render(lang),
                "url": url,
                "provisional": day.provisional,
            }
        )
    return rows


def render(rows: list[dict[str, Any]], form: str, lang: Lang = "en") -> str:
    """The rows as JSON, CSV (headers and yes/no in `lang`) or iCalendar text."""
    if form == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if form == "ics":
        return _ics(rows, lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(say(f"calendar.field.{field}", lang) for field in FIELDS)
    for row in rows:
        writer.writerow(
            say(f"calendar.csv.{value}", lang) if isinstance(value, bool) else value
            for value in row.values()
        )
    return buffer.getvalue()


def _ics_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 section 3.3.11 says."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """One content line folded at 75 octets (RFC 5545 section 3.1), never inside a character;
    each continuation line starts with a space."""
    parts: list[str] = []
    current = ""
    for char in line:
        if len((current + char).encode("utf-8")) > 75:
            parts.append(current)
            current = " "
        current += char
    return [*parts, current]


def _ics(rows: list[dict[str, Any]], lang: Lang) -> str:
    """The rows as a VCALENDAR of all-day events; a day off is TRANSPARENT, a working day not."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//deadlines//calendar//EN"]
    lines += ["CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_ics_text(say('calendar.ics.name', lang))}"]
    for row in rows:
        day = dt.date.fromisoformat(row["date"])
        off = row["off"]
        summary = row["name"] + (say("word.provisional", lang) if row["provisional"] else "")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{day:%Y%m%d}-{'off' if off else 'workday'}@deadlines",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(summary)}",
            f"DESCRIPTION:{_ics_text(row['source'])}",
            *([f"URL:{row['url']}"] if row["url"] else []),
            f"CATEGORIES:{'HOLIDAY' if off else 'WORKDAY'}",
            f"TRANSP:{'TRANSPARENT' if off else 'OPAQUE'}",
            f"X-DEADLINES-OFF:{'TRUE' if off else 'FALSE'}",
            f"X-DEADLINES-PROVISIONAL:{'TRUE' if row['provisional'] else 'FALSE'}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
