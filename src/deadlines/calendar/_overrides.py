"""Calendar data supplied by the user, as TOML: a notice (which replaces 1 December of the year
before through 30 November of its year) or local days (docs/calendar.md)."""

from __future__ import annotations

import datetime as dt
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from deadlines._errors import OverrideFileError, PartialNoticeWarning, cut
from deadlines._messages import MESSAGES, WEEKDAYS_ZH, Names, Said
from deadlines._textfile import NotUtf8Error, os_reason, read_user_text
from deadlines.calendar._table import FIRST_DATE, LAST_DATE

_EXAMPLE_ROW = '{ date = 2027-10-01, name = "国庆节" }'
_ROW_KEYS = frozenset({"date", "name", "name_en", "source"})
_KEYS = tuple(sorted(_ROW_KEYS))


@dataclass(frozen=True, slots=True)
class DayChange:
    """One day set off or on.

    Attributes:
        date: the day.
        off: ``True`` for a day off, ``False`` for a working day.
        name: what the day is, e.g. ``国庆节`` or ``调休上班``.
        source: the notice's number or a link.
        name_en: an English name, if known.
    """

    date: dt.date
    off: bool
    name: str
    source: str
    name_en: str = ""


@dataclass(frozen=True, slots=True)
class Notice:
    """A year's State Council holiday notice: every holiday and adjusted working day of it.

    Attributes:
        year: the year the notice arranges.
        source: the notice's number or link.
        changes: the days off and adjusted working days it lists. Days of the previous
            December are allowed (the 2019 notice made 2018-12-29 a working Saturday).
    """

    year: int
    source: str
    changes: tuple[DayChange, ...]


@dataclass(frozen=True, slots=True)
class CalendarOverride:
    """Calendar data from one file, plugin or piece of code.

    Attributes:
        origin: where it comes from (a file path or a plugin's name); shown in traces.
        notices: whole years' notices.
        local: single local days, applied after every notice.
        from_file: whether it was read from a file (`parse_overrides`, `load_overrides`): two
            files that disagree are an `OverrideConflictError`, not a plugin conflict.
    """

    origin: str
    notices: tuple[Notice, ...] = ()
    local: tuple[DayChange, ...] = ()
    from_file: bool = False


def _line_of(lines: list[str], pattern: str, occurrence: int = 1, start: int = 1) -> int | None:
    """The 1-based line of the `occurrence`-th match of `pattern` (outside comments) from line
    `start` on; two matches on one line count two (two rows written on one line)."""
    seen = 0
    for number, line in enumerate(lines[start - 1 :], start=start):
        seen += len(re.findall(pattern, line.split("#", 1)[0]))
        if seen >= occurrence:
            return number
    return None


class _Reader:
    """Validates the parsed TOML, naming the file and line of each problem."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        # Each day listed so far, with the first line of the table that listed it.
        self.seen_dates: dict[dt.date, int] = {}

    def fail(
        self,
        problem: Said,
        pattern: str | None = None,
        occurrence: int = 1,
        start: int | None = None,
    ) -> NoReturn:
        """Raise OverrideFileError at the `occurrence`-th line matching `pattern` from `start`
        (the table's line, where the error points when nothing matches)."""
        line = _line_of(self.lines, pattern, occurrence, start or 1) if pattern else None
        raise OverrideFileError(self.path, line if line is not None else start, problem)

    def tables(self, document: dict[str, Any], name: str) -> list[Any]:
        """The ``[[name]]`` tables of the document (``name = 1`` is refused, not iterated)."""
        tables: list[Any] = document.get(name, [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            self.fail(_said("calendar.file.array", table=name), rf"^\s*{name}\s*=")
        return tables

    def header_line(self, name: str, index: int) -> int | None:
        """The line of the `index`-th ``[[name]]`` header; None for a table written inline."""
        return _line_of(self.lines, rf"^\s*\[\[\s*{name}\s*\]\]", index)

    def text(self, table: dict[str, Any], key: str, where: Said, header: tuple[str, int]) -> str:
        """A required non-empty string; `header` locates the table (its name, its number)."""
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            example = f'{key} = "国办发明电〔2025〕7号"'
            pattern = rf"^\s*{key}\s*=" if key in table else rf"^\s*\[\[\s*{header[0]}\s*\]\]"
            occurrence = 1 if key in table else header[1]
            problem = _said("calendar.file.text", key=key, example=example)
            self.fail(_at(where, problem), pattern, occurrence)
        return str(value)

    def date(self, value: object, where: Said, start: int | None) -> dt.date:
        if isinstance(value, dt.datetime):
            problem = _said("calendar.file.date.time", value=str(value), example=_EXAMPLE_ROW)
            self.fail(_at(where, problem), re.escape(value.date().isoformat()), start=start)
        if isinstance(value, str):
            text = value
            try:
                value = dt.date.fromisoformat(text)
            except ValueError:
                problem = _said("calendar.file.date.text", text=cut(text), example=_EXAMPLE_ROW)
                self.fail(_at(where, problem), re.escape(text), start=start)
        if not isinstance(value, dt.date):
            pattern = None if value is None else rf"\bdate\s*=\s*{re.escape(repr(value))}"
            problem = _said("calendar.file.date.type", example=_EXAMPLE_ROW)
            self.fail(_at(where, problem), pattern, start=start)
        if not FIRST_DATE <= value <= LAST_DATE:
            problem = _said("calendar.file.date.range", day=value, first=FIRST_DATE, last=LAST_DATE)
            self.fail(_at(where, problem), re.escape(value.isoformat()), start=start)
        return value

    def rows(
        self, table: dict[str, Any], where: Said, source: str, year: int | None, start: int | None
    ) -> tuple[DayChange, ...]:
        """The days of one table; `start` is the line of its header (None if inline)."""

        def fail(message: str, pattern: str | None, occurrence: int = 1, **values: Any) -> NoReturn:  # noqa: ANN401
            self.fail(_at(where, _said(message, **values)), pattern, occurrence, start=start)

        changes: list[DayChange] = []
        allowed = {"year", "source", "days_off", "workdays"} | ({"partial"} if year else set())
        if strange := sorted(set(table) - allowed):
            fail(
                "calendar.file.keys",
                rf"^\s*({'|'.join(map(re.escape, strange))})\s*=",
                unknown=tuple(map(cut, strange)),
                allowed=tuple(sorted(allowed)),
            )
        for key, off in (("days_off", True), ("workdays", False)):
            rows = table.get(key, [])
            key_line = rf"^\s*{key}\s*="
            if not isinstance(rows, list):
                fail("calendar.file.rows", key_line, key=key, example=_EXAMPLE_ROW)
            for row in rows:
                if not isinstance(row, dict):
                    got = cut(str(row))
                    fail("calendar.file.row", key_line, key=key, example=_EXAMPLE_ROW, got=got)
                day = self.date(
                    row.get("date"), _said("calendar.file.where.key", where=where, key=key), start
                )
                iso = re.escape(day.isoformat())
                if extra := sorted(set(row) - _ROW_KEYS):
                    unknown = tuple(map(cut, extra))
                    fail("calendar.file.row.keys", iso, day=day, unknown=unknown, allowed=_KEYS)
                if day in self.seen_dates:
                    # The second listing is in this table: the second row of the day here when
                    # the first is here too, else the first.
                    here = self.seen_dates[day] == (start or 0)
                    twice = rf"\bdate\s*=\s*[\"']?{iso}\b"
                    fail("calendar.file.row.twice", twice, 2 if here else 1, day=day)
                self.seen_dates[day] = start or 0
                if year is not None:
                    first, last = dt.date(year - 1, 12, 1), dt.date(year, 12, 31)
                    if not first <= day <= last:
                        values = {"day": day, "first": first, "last": last}
                        fail("calendar.file.row.reach", iso, 1, year=year, **values)
                if year is not None and not off and day.weekday() < 5:
                    weekday = Names(f"周{WEEKDAYS_ZH[day.weekday()]}", f"{day:%A}")
                    fail("calendar.file.row.weekday", iso, day=day, weekday=weekday)
                name = row.get("name", "调休上班" if not off else "")
                if not isinstance(name, str) or not name:
                    fail("calendar.file.row.name", iso, day=day, example=_EXAMPLE_ROW)
                row_source = row.get("source", source)
                if not isinstance(row_source, str) or not row_source:
                    fail("calendar.file.row.source", iso, day=day)
                name_en = row.get("name_en", "")
                changes.append(DayChange(day, off, str(name), str(row_source), str(name_en)))
        if year is not None and not any(change.off for change in changes):
            # A notice without holidays would announce its year as all working days: National
            # Day would silently stop being provisional and become ordinary working days.
            example = f'days_off = [{{ date = {year}-10-01, name = "国庆节" }}]'
            fail("calendar.file.no_days_off", None, example=example)
        return tuple(sorted(changes, key=lambda change: change.date))


def _said(message: str, **values: Any) -> Said:  # noqa: ANN401 - any value
    return Said(message, values)


def _at(where: Said, problem: Said) -> Said:
    """`problem` of the table or rows `where` (``notice 2027: …``)."""
    return Said("calendar.file.at", {"where": where, "problem": problem})


def _notice(year: object) -> Said:
    return Said("calendar.file.where.notice", {"year": year})


_TOML_AT = re.compile(r"(.*?)(?: \(at line (\d+), column (\d+)\)| \(at end of document\))?\Z", re.S)


def _toml_problem(error: ValueError) -> Said:
    """tomllib's complaint, in the catalogue's words where it knows them (else as it is)."""
    text = str(error)
    match = _TOML_AT.match(text)
    # tomllib's sentences the catalogue words in both languages (``calendar.file.toml.*``).
    worded = {
        message.en.removesuffix("{at}"): key
        for key, message in MESSAGES.items()
        if key.startswith("calendar.file.toml.") and message.en.endswith("{at}")
    }
    key = worded.get(match.group(1)) if match else None
    if match is None or key is None:
        return _said("calendar.file.toml", detail=text)
    at: Said | str = ""
    if match.group(2):
        at = _said("calendar.file.toml.at", line=int(match.group(2)), column=int(match.group(3)))
    elif text != match.group(1):
        at = _said("calendar.file.toml.end")
    return _said("calendar.file.toml", detail=_said(key, at=at))


def parse_overrides(
    text: str, path: str = "<string>", *, allow_partial: bool = False
) -> CalendarOverride:
    """Parse and validate override TOML.

    Each notice is checked against 《全国年节及纪念日放假办法》 (`deadlines.calendar._law`): every
    statutory festival of its year must be off, and its count of weekday days off plausible.

    Args:
        text: the TOML.
        path: the file's name, for messages.
        allow_partial: a notice that fails that check loads with a `PartialNoticeWarning`
            instead of an error (also what ``partial = true`` in a ``[[notice]]`` table does).

    Raises:
        OverrideFileError: naming the file and line, for malformed TOML or dates, a day listed
            twice, a year listed twice, a day outside its notice's year, a missing source, a
            notice that lacks a statutory festival (unless partial is allowed), or a file that
            holds no notice and no local day.

    >>> parse_overrides('[[notice]]\\nyear = 2027\\nsource = "x"\\n', "notice-2027.toml")
    Traceback (most recent call last):
    ...
    deadlines._errors.OverrideFileError: notice-2027.toml:1: notice 2027: lists no days off; ...
    """
    # Imported here: a calendar without override files should not pay for a TOML parser.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        document = tomllib.loads(text)
    except ValueError as error:  # TOMLDecodeError, or an integer of more than 4300 digits
        match = re.search(r"line (\d+)", str(error))
        line = int(match.group(1)) if match else None
        raise OverrideFileError(path, line, _toml_problem(error)) from None
    reader = _Reader(path, text)
    unknown = set(document) - {"notice", "local"}
    if unknown:
        reader.fail(
            _said("calendar.file.tables", unknown=tuple(map(cut, sorted(unknown)))),
            rf"^\s*\[+\s*({'|'.join(map(re.escape, sorted(unknown)))})",
        )
    notices: list[Notice] = []
    checks: list[tuple[Notice, int | None, bool]] = []
    years: set[int] = set()
    for index, table in enumerate(reader.tables(document, "notice"), start=1):
        year = table.get("year")
        where = _said("calendar.file.where.index", index=index)
        if isinstance(year, bool) or not isinstance(year, int) or not 2004 <= year <= 2100:
            problem = _at(where, _said("calendar.file.year"))
            reader.fail(problem, r"^\s*\[\[\s*notice\s*\]\]", occurrence=index)
        if year in years:
            problem = _at(where, _said("calendar.file.year_twice", year=year))
            reader.fail(problem, rf"^\s*year\s*=\s*{year}\b", occurrence=2)
        years.add(year)
        source = reader.text(table, "source", _notice(year), ("notice", index))
        start = reader.header_line("notice", index)
        changes = reader.rows(table, _notice(year), source, year, start)
        partial = table.get("partial", False)
        if not isinstance(partial, bool):
            problem = _at(_notice(year), _said("calendar.file.partial"))
            reader.fail(problem, r"^\s*partial\s*=", start=start)
        notices.append(Notice(year, source, changes))
        checks.append((notices[-1], start, allow_partial or partial))
    local: list[DayChange] = []
    for index, table in enumerate(reader.tables(document, "local"), start=1):
        where = _said("calendar.file.where.local")
        source = reader.text(table, "source", where, ("local", index))
        local.extend(reader.rows(table, where, source, None, reader.header_line("local", index)))
    # Checked once the whole file is known to be well formed: a typo is reported before a
    # missing festival.
    for notice, start, partial in checks:
        _check_law(reader, notice, start, allow_partial=partial)
    if not notices and not local:
        # A file that changes nothing is most likely the wrong file, or one cut short.
        reader.fail(_said("calendar.file.empty", example=_EXAMPLE_ROW))
    return CalendarOverride(path, tuple(notices), tuple(local), from_file=True)


def _check_law(reader: _Reader, notice: Notice, start: int | None, *, allow_partial: bool) -> None:
    """Fail (or warn, when partial notices are allowed) when the notice breaks the measures."""
    from deadlines.calendar._law import check_notice, version_of

    off = {change.date for change in notice.changes if change.off}
    on = {change.date for change in notice.changes if not change.off}
    if not (problems := check_notice(notice.year, off, on)):
        return
    version = version_of(notice.year)
    against = _said("calendar.law.against", version=version, problems=tuple(problems))
    problem = _at(_notice(notice.year), against)
    if allow_partial:
        loaded = _said("calendar.file.partial_loaded", path=reader.path, problem=problem)
        warnings.warn(PartialNoticeWarning(loaded), stacklevel=4)
        return
    reader.fail(_said("calendar.file.partial_needed", problem=problem), start=start)


def load_overrides(path: str | Path, *, allow_partial: bool = False) -> CalendarOverride:
    """Read and validate an override file; see `parse_overrides`."""
    file = Path(path)
    try:
        text = read_user_text(file)
    except OSError as error:
        problem = _said("calendar.file.unreadable", reason=os_reason(error))
        raise OverrideFileError(str(file), None, problem) from None
    except NotUtf8Error as error:
        raise OverrideFileError(str(file), error.line, error.said or error.problem) from None
    return parse_overrides(text, str(file), allow_partial=allow_partial)
