"""What the pages show, computed from a `Report`: groups, sorting, filters, pages, calendars.

Sorting is done here, on the server, from the query string (``sort=-overdue``: a column, with
``-`` for descending), so the tables sort without any JavaScript. In every table the rows with
escalated obligations come first, whatever the column sorted by.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from deadlines._errors import InvalidValueError
from deadlines._messages import MESSAGES, Lang, Names, Said, say

if TYPE_CHECKING:
    from deadlines.calendar import ChinaCalendar, Day
    from deadlines.supervision import ObligationStatus, QuarterStanding, Report

#: Obligations per page of the board's list.
PAGE_SIZE = 200
#: Obligations listed in a day of the month view before "n more".
PER_DAY = 6

STATUSES: tuple[str, ...] = ("overdue", "warning", "open", "late", "met")
_STATUS_RANK = {s: i for i, s in enumerate(STATUSES)}

#: The value of the ``unit`` filter for obligations whose events name no responsible unit.
NOT_STATED = "~"

GROUP_SORTS: tuple[str, ...] = ("name", *STATUSES, "escalated", "total")
ROW_SORTS: tuple[str, ...] = ("due", "id", "rule", "unit", "status", "margin")


#: A shape beside each status, so that it reads without colour (and in black-and-white print).
STATUS_SYMBOL = {"overdue": "■", "escalated": "■!", "warning": "▲", "open": "●", "late": "◆"}
STATUS_SYMBOL["met"] = "✓"
#: A month's name: its number in Chinese (``10``月), its name in English (October).
MONTHS = tuple(Names(str(m), f"{dt.date(2000, m, 1):%B}") for m in range(1, 13))


class Words:
    """The board's words in one language, spelled from the catalogue (ids ``board``) when a
    page asks: ``t.title`` in a template, or ``t("page", page=1, pages=3, n=420)``."""

    __slots__ = ("lang",)

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def __getattr__(self, key: str) -> str:
        if f"board.{key}" not in MESSAGES:  # not a word: Jinja and copy probe attributes
            raise AttributeError(key)
        return say(f"board.{key}", self.lang)

    def __call__(self, key: str, **values: object) -> str:
        return say(f"board.{key}", self.lang, **values)


def status_name(status: str, lang: Lang) -> str:
    """A status (or ``escalated``) in the glossary's words: 逾期未办, 提请督办."""
    return say(f"status.{status}", lang)


def level_name(level: str, lang: Lang) -> str:
    """An alert's level (`deadlines.supervision.AlertLevel`) in words."""
    if level in ("violation", "shortfall", "provisional"):
        return say(f"board.level.{level}", lang)
    return status_name(level, lang)


def status_key(row: ObligationStatus) -> str:
    """The status to show: ``escalated`` for an escalated overdue obligation."""
    return "escalated" if row.escalated else str(row.status)


def quarter_state(quarter: QuarterStanding) -> str:
    """The status that sums up a quarter: met when both are, else the more urgent of the two."""
    if quarter.met:
        return "met"
    return min((str(quarter.dispatch), str(quarter.report)), key=_STATUS_RANK.__getitem__)


@dataclass(slots=True)
class Group:
    """One row of a summary table: a unit or a rule, with its counts by status."""

    name: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    escalated: int = 0

    @property
    def total(self) -> int:
        """How many obligations the row counts."""
        return sum(self.counts.values())


def parse_sort(argument: str, text: str | None, allowed: Sequence[str], default: str) -> str:
    """A sort given as ``column`` or ``-column``, checked against `allowed`."""
    value = text or default
    if value.lstrip("-") not in allowed:
        raise InvalidValueError(
            argument,
            value,
            "one of " + ", ".join(allowed) + " (with a leading - for descending)",
        )
    return value


def count_groups(
    rows: Iterable[ObligationStatus], key: Callable[[ObligationStatus], str]
) -> list[Group]:
    """Count `rows` by `key`: one `Group` per value, in no particular order."""
    found: dict[str, Group] = {}
    for row in rows:
        name = key(row)
        group = found.get(name)
        if group is None:
            group = found[name] = Group(name)
        group.counts[row.status.value] += 1
        group.escalated += row.escalated
    return list(found.values())


def sort_groups(groups: Iterable[Group], sort: str) -> list[Group]:
    """`groups` sorted by `sort` (a column of `GROUP_SORTS`), the escalated ones first."""
    column, descending = sort.lstrip("-"), sort.startswith("-")

    def value(group: Group) -> Any:  # noqa: ANN401 - a str or an int, by column
        if column == "name":
            return group.name
        if column == "escalated":
            return group.escalated
        if column == "total":
            return group.total
        return group.counts[column]

    ordered = sorted(groups, key=lambda g: g.name)
    ordered.sort(key=value, reverse=descending)
    ordered.sort(key=lambda g: g.escalated == 0)  # stable: escalated first, then as asked
    return ordered


@dataclass(frozen=True, slots=True)
class Digest:
    """What every view of one report needs, computed once per report.

    Attributes:
        units: the counts by responsible unit ("" for none stated).
        rules: the counts by rule.
        titles: each rule's title, in Chinese and English.
        unit_names: every responsible unit, sorted.
    """

    units: list[Group]
    rules: list[Group]
    titles: dict[str, Names]
    unit_names: list[str]

    @classmethod
    def of(cls, report: Report) -> Digest:
        """The digest of `report`."""
        titles: dict[str, Names] = {}
        for row in report.rows:
            if row.rule_id not in titles:
                titles[row.rule_id] = Names(row.obligation.title_zh, row.obligation.title_en)
        units = count_groups(report.rows, lambda r: r.tracked.obligation.responsible)
        return cls(
            units=units,
            rules=count_groups(report.rows, lambda r: r.tracked.obligation.rule_id),
            titles=titles,
            unit_names=sorted(g.name for g in units),
        )


@dataclass(frozen=True, slots=True)
class Filters:
    """Which obligations the list shows: by unit, rule, status and due date (None: all)."""

    unit: str | None = None
    rule: str | None = None
    status: str | None = None
    day: dt.date | None = None

    def keep(self, row: ObligationStatus) -> bool:
        """Whether `row` passes every filter."""
        if self.unit is not None and row.obligation.responsible != self.unit:
            return False
        if self.rule is not None and row.rule_id != self.rule:
            return False
        if self.status is not None and self.status not in (str(row.status), status_key(row)):
            return False
        return self.day is None or row.due_date == self.day

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return any(v is not None for v in (self.unit, self.rule, self.status, self.day))


def sort_rows(rows: Iterable[ObligationStatus], sort: str) -> list[ObligationStatus]:
    """Obligations (in a report's order: by due instant, then id) sorted by `sort`, the
    escalated ones first."""
    column, descending = sort.lstrip("-"), sort.startswith("-")
    keys: dict[str, Callable[[ObligationStatus], Any]] = {
        "due": lambda r: (r.due, r.id),
        "id": lambda r: r.id,
        "rule": lambda r: (r.rule_id, r.due),
        "unit": lambda r: (r.obligation.responsible, r.due),
        "status": lambda r: (_STATUS_RANK[str(r.status)], r.hours_left),
        "margin": lambda r: r.hours_left,
    }
    # a report's rows are in order of due instant already
    ordered = list(rows) if sort == "due" else sorted(rows, key=keys[column], reverse=descending)
    ordered.sort(key=lambda r: not r.escalated)
    return ordered


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the obligations list."""

    rows: list[ObligationStatus]
    number: int
    pages: int
    total: int


def page_of(rows: list[ObligationStatus], number: int) -> Page:
    """Page `number` (from 1) of `rows`; a number past the last gives the last page."""
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    number = min(max(1, number), pages)
    start = (number - 1) * PAGE_SIZE
    return Page(rows[start : start + PAGE_SIZE], number, pages, len(rows))


def by_due_date(report: Report | None) -> dict[dt.date, list[ObligationStatus]]:
    """The report's obligations by the last day of their period, most urgent first each day."""
    found: dict[dt.date, list[ObligationStatus]] = {}
    if report is None:
        return found
    for row in report.rows:
        found.setdefault(row.due_date, []).append(row)
    for rows in found.values():
        rows.sort(key=lambda r: (not r.escalated, _STATUS_RANK[str(r.status)], r.due, r.id))
    return found


@dataclass(frozen=True, slots=True)
class Cell:
    """One day of a month grid, with the obligations due that day, and its words where it is
    a day off or an adjusted working day (a break's weekend day counts as off)."""

    day: Day
    due: list[ObligationStatus]
    words: Said | Names | None = None

    @property
    def kind(self) -> str:
        """The day's kind as a CSS class: workday, weekend, holiday, adjusted."""
        if self.words is not None and self.day.kind == 1:
            return "holiday"  # a weekend day inside a 放假 period
        return ("workday", "weekend", "holiday", "adjusted")[self.day.kind]


def month_weeks(
    cal: ChinaCalendar, year: int, month: int, due: dict[dt.date, list[ObligationStatus]]
) -> list[list[Cell | None]]:
    """The month as weeks (Monday first), each a list of seven cells (None outside it)."""
    from deadlines.calendar._describe import day_words

    first = dt.date(year, month, 1)
    length = stdlib_calendar.monthrange(year, month)[1]
    cells: list[Cell | None] = [None] * first.weekday()
    for day in cal.days(first, dt.date(year, month, length)):
        cells.append(Cell(day, due.get(day.date, []), day_words(cal, day)))
    cells += [None] * (-len(cells) % 7)
    return [cells[i : i + 7] for i in range(0, len(cells), 7)]


def check_year(year: int, month: int | None = None) -> None:
    """Refuse a year outside the calendar, or a month outside 1 to 12."""
    if not 2004 <= year <= 2100:
        raise InvalidValueError("year", year, "a year from 2004 through 2100, such as 2026")
    if month is not None and not 1 <= month <= 12:
        raise InvalidValueError("month", month, "a month from 1 to 12, such as 10")
