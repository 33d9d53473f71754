"""Calendar data supplied by the user: a new year's notice, or local days, as TOML.

A notice makes its year *announced*: it replaces whatever the calendar said for the span it
governs, 1 December of the previous year through 30 November of its year, so the days it lists
are the only holidays and adjusted working days there. December is left to the next year's
notice, which arranges New Year there (the 2019 notice made 2018-12-29 a working day); a
notice's rows may still set days of its own December. Local days change single days on top of
whatever the calendar says and announce nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deadlines._errors import OverrideFileError, PartialNoticeWarning
from deadlines._textfile import NotUtf8Error, read_user_text
from deadlines.calendar._table import FIRST_DATE, LAST_DATE

_EXAMPLE_ROW = '{ date = 2027-10-01, name = "国庆节" }'
_ROW_KEYS = frozenset({"date", "name", "name_en", "source"})


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
    """The 1-based line of the `occurrence`-th match of `pattern` from line `start` on.

    Matches are counted within lines too, so the second of two rows written on one line is
    found on that line. Comments are left out.
    """
    seen = 0
    regex = re.compile(pattern)
    for number, line in enumerate(lines[start - 1 :], start=start):
        seen += sum(1 for _ in regex.finditer(line.split("#", 1)[0]))
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
        problem: str,
        pattern: str | None = None,
        occurrence: int = 1,
        start: int | None = None,
    ) -> None:
        """Raise OverrideFileError at the `occurrence`-th line matching `pattern`.

        `start` is the line of the table concerned: the search begins there, and when nothing
        matches, the error points at the table itself rather than at no line.
        """
        line = _line_of(self.lines, pattern, occurrence, start or 1) if pattern else None
        raise OverrideFileError(self.path, line if line is not None else start, problem)

    def header_line(self, name: str, index: int) -> int | None:
        """The line of the `index`-th ``[[name]]`` header; None for a table written inline."""
        return _line_of(self.lines, rf"^\s*\[\[\s*{name}\s*\]\]", index)

    def text(self, table: dict[str, Any], key: str, where: str, header: tuple[str, int]) -> str:
        """A required non-empty string; `header` locates the table (its name, its number)."""
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            example = f'{key} = "国办发明电〔2025〕7号"'
            pattern = rf"^\s*{key}\s*=" if key in table else rf"^\s*\[\[\s*{header[0]}\s*\]\]"
            occurrence = 1 if key in table else header[1]
            self.fail(
                f"{where}: {key} must be a non-empty string, e.g. {example}", pattern, occurrence
            )
        return str(value)

    def date(self, value: object, where: str, start: int | None) -> dt.date:
        if isinstance(value, dt.datetime):
            self.fail(
                f"{where}: {value} has a time; give the date alone, e.g. {_EXAMPLE_ROW}",
                re.escape(value.date().isoformat()),
                start=start,
            )
        if isinstance(value, str):
            text = value
            try:
                value = dt.date.fromisoformat(text)
            except ValueError:
                self.fail(
                    f"{where}: {text!r} is not a date; write it as {_EXAMPLE_ROW}",
                    re.escape(text),
                    start=start,
                )
        if not isinstance(value, dt.date):
            pattern = None if value is None else rf"\bdate\s*=\s*{re.escape(repr(value))}"
            self.fail(
                f"{where}: date must be a TOML date, e.g. {_EXAMPLE_ROW}", pattern, start=start
            )
            raise AssertionError  # unreachable: fail() raised
        if not FIRST_DATE <= value <= LAST_DATE:
            self.fail(
                f"{where}: {value} is outside the calendar ({FIRST_DATE} through {LAST_DATE})",
                re.escape(value.isoformat()),
                start=start,
            )
        return value

    def rows(
        self, table: dict[str, Any], where: str, source: str, year: int | None, start: int | None
    ) -> tuple[DayChange, ...]:
        """The days of one table; `start` is the line of its header (None if inline)."""

        def fail(problem: str, pattern: str | None, occurrence: int = 1) -> None:
            self.fail(f"{where}: {problem}", pattern, occurrence, start=start)

        changes: list[DayChange] = []
        allowed = {"year", "source", "days_off", "workdays"} | ({"partial"} if year else set())
        if unknown := sorted(set(table) - allowed):
            fail(
                f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}",
                rf"^\s*({'|'.join(map(re.escape, unknown))})\s*=",
            )
        for key, off in (("days_off", True), ("workdays", False)):
            rows = table.get(key, [])
            key_line = rf"^\s*{key}\s*="
            if not isinstance(rows, list):
                fail(f"{key} must be a list of rows like [{_EXAMPLE_ROW}]", key_line)
            for row in rows:
                if not isinstance(row, dict):
                    fail(f"each row of {key} must look like {_EXAMPLE_ROW}, not {row!s}", key_line)
                day = self.date(row.get("date"), f"{where}, {key}", start)
                iso = re.escape(day.isoformat())
                if extra := sorted(set(row) - _ROW_KEYS):
                    keys = ", ".join(sorted(_ROW_KEYS))
                    fail(
                        f"the row for {day} has unknown key(s) {', '.join(extra)}; allowed: {keys}",
                        iso,
                    )
                if day in self.seen_dates:
                    # The second listing is in this table: the second row of the day here when
                    # the first is here too, else the first.
                    here = self.seen_dates[day] == (start or 0)
                    fail(
                        f"{day} is listed twice (a day is either off or a working day, once)",
                        rf"\bdate\s*=\s*[\"']?{iso}\b",
                        occurrence=2 if here else 1,
                    )
                self.seen_dates[day] = start or 0
                if year is not None and not dt.date(year - 1, 12, 1) <= day <= dt.date(
                    year, 12, 31
                ):
                    reach = f"({year - 1}-12-01 through {year}-12-31)"
                    fail(f"{day} is outside the {year} notice's reach {reach}", iso)
                if year is not None and not off and day.weekday() < 5:
                    fail(
                        f"{day} is a {day:%A}, already a working day; workdays lists the weekend "
                        "days the notice makes working days",
                        iso,
                    )
                name = row.get("name", "调休上班" if not off else "")
                if not isinstance(name, str) or not name:
                    fail(f"the row for {day} needs a name, e.g. {_EXAMPLE_ROW}", iso)
                row_source = row.get("source", source)
                if not isinstance(row_source, str) or not row_source:
                    fail(f"the row for {day} needs a source (a notice or link)", iso)
                name_en = row.get("name_en", "")
                changes.append(DayChange(day, off, str(name), str(row_source), str(name_en)))
        if year is not None and not any(change.off for change in changes):
            # A notice without holidays would announce its year as all working days: National
            # Day would silently stop being provisional and become ordinary working days.
            fail(
                "lists no days off; a State Council notice lists the holidays it arranges, e.g. "
                f'days_off = [{{ date = {year}-10-01, name = "国庆节" }}]',
                None,
            )
        return tuple(sorted(changes, key=lambda change: change.date))


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
        raise OverrideFileError(
            path, int(match.group(1)) if match else None, f"not valid TOML: {error}"
        ) from None
    reader = _Reader(path, text)
    unknown = set(document) - {"notice", "local"}
    if unknown:
        reader.fail(
            f"unknown table(s) {', '.join(sorted(unknown))}; allowed: [[notice]] and [[local]]",
            rf"^\s*\[+\s*({'|'.join(map(re.escape, sorted(unknown)))})",
        )
    notices: list[Notice] = []
    checks: list[tuple[int, tuple[DayChange, ...], int | None, bool]] = []
    years: set[int] = set()
    for index, table in enumerate(document.get("notice", []), start=1):
        if not isinstance(table, dict):
            reader.fail("notice must be an array of tables: [[notice]]")
        year = table.get("year")
        if isinstance(year, bool) or not isinstance(year, int) or not 2004 <= year <= 2100:
            reader.fail(
                f"notice #{index}: year must be an integer from 2004 to 2100, e.g. year = 2027",
                r"^\s*\[\[\s*notice\s*\]\]",
                occurrence=index,
            )
        if year in years:
            reader.fail(
                f"notice #{index}: the year {year} is listed twice; merge the two notices",
                rf"^\s*year\s*=\s*{year}\b",
                occurrence=2,
            )
        years.add(year)
        source = reader.text(table, "source", f"notice {year}", ("notice", index))
        start = reader.header_line("notice", index)
        changes = reader.rows(table, f"notice {year}", source, year, start)
        partial = table.get("partial", False)
        if not isinstance(partial, bool):
            reader.fail(
                f"notice {year}: partial must be true or false, e.g. partial = true",
                r"^\s*partial\s*=",
                start=start,
            )
        checks.append((year, changes, start, allow_partial or partial))
        notices.append(Notice(year, source, changes))
    local: list[DayChange] = []
    for index, table in enumerate(document.get("local", []), start=1):
        if not isinstance(table, dict):
            reader.fail("local must be an array of tables: [[local]]")
        source = reader.text(table, "source", "local", ("local", index))
        local.extend(reader.rows(table, "local", source, None, reader.header_line("local", index)))
    # Checked once the whole file is known to be well formed: a typo is reported before a
    # missing festival.
    for year, changes, start, partial in checks:
        _check_law(reader, year, changes, start, allow_partial=partial)
    if not notices and not local:
        # A file that changes nothing is most likely the wrong file, or one cut short.
        reader.fail(
            "holds no notice and no local day; a notice file has a [[notice]] table "
            f"(see examples/notice-2026.toml), a local one [[local]] rows like {_EXAMPLE_ROW}"
        )
    return CalendarOverride(path, tuple(notices), tuple(local), from_file=True)


def _check_law(
    reader: _Reader,
    year: int,
    changes: tuple[DayChange, ...],
    start: int | None,
    *,
    allow_partial: bool,
) -> None:
    """Fail (or warn, when partial notices are allowed) when the notice breaks the measures."""
    from deadlines.calendar._law import check_notice, version_of

    off = {change.date for change in changes if change.off}
    on = {change.date for change in changes if not change.off}
    problems = check_notice(year, off, on)
    if not problems:
        return
    text = f"notice {year}: against {version_of(year)}: {'; '.join(problems)}"
    if allow_partial:
        warnings.warn(
            PartialNoticeWarning(
                f"{reader.path}: {text}; loaded anyway (partial): those days are working days "
                "unless another file gives them off"
            ),
            stacklevel=4,
        )
        return
    reader.fail(
        f"{text}. A State Council notice gives every statutory day; a file meant to hold "
        "part of one says partial = true in its [[notice]] table",
        start=start,
    )


def load_overrides(path: str | Path, *, allow_partial: bool = False) -> CalendarOverride:
    """Read and validate an override file; see `parse_overrides`."""
    file = Path(path)
    try:
        text = read_user_text(file)
    except OSError as error:
        raise OverrideFileError(str(file), None, f"cannot read it: {error.strerror}") from None
    except NotUtf8Error as error:
        raise OverrideFileError(str(file), error.line, error.problem) from None
    return parse_overrides(text, str(file), allow_partial=allow_partial)
