"""Triggers read from JSON Lines and CSV, and the problems of single lines: what batch mode
passes on. Both readers share the reading of one record (`trigger_from`) and of bytes that
are not UTF-8 (`not_utf8`)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal, NamedTuple

from deadlines._errors import cut
from deadlines._json import RefusedJsonError, loads_strict, refused_key
from deadlines._messages import Said
from deadlines._problems import Problem, in_words
from deadlines._textfile import check_lines
from deadlines.io._messages import shown

#: The keys (JSON Lines) or columns (CSV) that are not rule parameters.
RESERVED = ("id", "rule", "at")

#: An input line that works, as an example in error messages.
EXAMPLE_LINE = '{"rule": "minutes.executive", "at": "2026-09-30T17:00"}'


class Trigger(NamedTuple):
    """One input record: a rule, the instant it starts from, and the parameters it reads.

    Attributes:
        line: the 1-based line of the input where the record starts.
        rule: the rule id.
        at: the trigger as given: ISO 8601 text (naive means Asia/Shanghai) or a datetime.
        params: every other key or column, with empty and null values left out.
        id: the record's ``id``, echoed on its output line; ``None`` when it had none.
    """

    line: int
    rule: str
    at: Any
    params: dict[str, Any]
    id: Any = None


def undecodable(text: str) -> int | None:
    """The index of the first character of `text` that is not UTF-8 text, or None.

    Input is decoded with ``errors="surrogateescape"`` (a bad byte becomes U+DC80 to U+DCFF), so
    the line it is on is reported alone and the batch goes on.
    """
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def not_utf8(line: int, character: str, where: Said, field: str | None = None) -> Problem:
    """The problem of a line holding `character` (a byte that is not UTF-8) `where` it is."""
    code = ord(character)
    what = (
        Said("problem.byte", {"code": f"{code - 0xDC00:02x}"})
        if 0xDC80 <= code <= 0xDCFF
        else Said("problem.character", {"code": f"{code:04X}"})
    )
    return Problem.of("problem.not_utf8", field=field, line=line, what=what, where=where)


def trigger_from(
    record: dict[str, Any], line: int, fmt: Literal["jsonl", "csv"] = "jsonl"
) -> Trigger | Problem:
    """A `Trigger` from one parsed record (a JSON object or a CSV row; `record` is consumed).

    ``None`` and empty text are absent, so one CSV file can mix rules that read different
    parameters; `fmt` makes a message's example a line or a cell.
    """
    record_id = record.pop("id", None)
    if record_id == "":
        record_id = None
    rule = record.pop("rule", None)
    at = record.pop("at", None)
    cell = "_cell" if fmt == "csv" else ""  # a row's example is a cell, a line's a whole line
    for name, value in (("rule", rule), ("at", at)):
        if value is None or value == "":
            message = f"problem.missing_{name}{cell}"
            return Problem.of(message, field=name, line=line, id=record_id, example=EXAMPLE_LINE)
        if not isinstance(value, str):
            message = f"problem.{name}_not_text"
            return Problem.of(message, field=name, line=line, id=record_id, value=shown(value))
    if record:
        params = {key: value for key, value in record.items() if value is not None and value != ""}
    else:
        params = record
    return Trigger(line, rule, at, params, record_id)


#: A value that is not a JSON object, in words (``problem.kind.*``).
_KINDS = {list: "list", str: "string", bool: "boolean", int: "number", float: "number"}


def read_jsonl(lines: Iterable[str]) -> Iterator[Trigger | Problem]:
    """Each non-blank line as a `Trigger`, or a `Problem` saying why it cannot be one.

    Line numbers count every line, blank ones too, so they match an editor's. Blank lines
    (only whitespace) are skipped; a byte order mark on the first line is ignored. A line
    holding bytes that are not UTF-8 (decoded with ``errors="surrogateescape"``) is an error
    of its own.

    >>> list(read_jsonl(['{"rule": "minutes.executive", "at": "2026-09-30T17:00"}', "", "[1]"]))
    ... # doctest: +NORMALIZE_WHITESPACE
    [Trigger(line=1, rule='minutes.executive', at='2026-09-30T17:00', params={}, id=None),
     Problem(message='problem.not_object', values=(('example', '{"rule": "minutes.executive",
     "at": "2026-09-30T17:00"}'), ('kind', Said('problem.kind.list', {}))), field=None, line=3,
     file=None, id=None)]
    """
    for number, text in enumerate(check_lines("lines", lines), 1):
        if type(text) is not str:
            yield Problem.of("problem.not_text", line=number, kind=type(text).__name__)
            continue
        text = text.strip()
        if not text:
            continue
        if number == 1 and text[0] == "\ufeff":
            text = text[1:]
        if not text.isascii():
            bad = undecodable(text)
            if bad is not None:
                yield not_utf8(number, text[bad], Said("problem.at_column", {"n": bad + 1}))
                continue
        try:
            record = loads_strict(text)
        except RefusedJsonError as error:
            key = refused_key(error, text)
            yield Problem.stated(error, field=key and cut(key), line=number)
            continue
        except json.JSONDecodeError as error:
            detail = in_words(error.msg)
            where = Said("problem.json_at", {"detail": detail, "column": error.colno})
            yield Problem.of("problem.not_json", line=number, detail=where)
            continue
        except ValueError:  # an integer Python will not read
            yield Problem.of("problem.huge_number", line=number)
            continue
        if type(record) is not dict:
            kind = Said(f"problem.kind.{_KINDS.get(type(record), 'null')}")
            yield Problem.of("problem.not_object", line=number, example=EXAMPLE_LINE, kind=kind)
            continue
        yield trigger_from(record, number)


_HEADER_EXAMPLE = "id,rule,at,limit_days"


def read_csv(lines: Iterable[str]) -> Iterator[Trigger | Problem]:
    """Each data row as a `Trigger`, or a `Problem` saying why it cannot be one.

    The first row is the header: it must name ``rule`` and ``at``; ``id`` is optional, and
    every other column is a rule parameter. Cells are stripped of surrounding spaces; an empty
    cell means the parameter is absent, so rules reading different parameters can share one
    file. Blank rows are skipped. Line numbers are those of the file (a quoted cell may span
    lines; a record is numbered by its first line).

    A header without ``rule`` or ``at`` (or holding bytes that are not UTF-8) is reported once,
    as an error on line 1, and ends the reading: no row can be understood without it. A row
    holding such bytes (decoded with ``errors="surrogateescape"``) is an error of its own.

    >>> rows = ["rule,at,limit_days", "decisions.time_limited,2026-09-30T17:00,15", "",
    ...         "minutes.executive,2026-09-30T17:00,"]
    >>> for record in read_csv(rows):
    ...     print(record.line, record.rule, record.params)
    2 decisions.time_limited {'limit_days': '15'}
    4 minutes.executive {}
    """
    reader = csv.reader(check_lines("lines", lines))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        return
    except csv.Error as error:  # no row can be read without the header: stop here too
        yield Problem.of("problem.header_not_csv", line=reader.line_num or 1, detail=str(error))
        return
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    failure = _undecodable_cell(header, None, reader.line_num)
    if failure is not None:  # no row can be read without the header: stop here too
        yield failure
        return
    missing = [name for name in RESERVED[1:] if name not in header]
    duplicates = sorted({name for name in header if header.count(name) > 1})
    if missing or duplicates or "" in header:
        problem = (
            Said("problem.header_missing", {"columns": tuple(missing)})
            if missing
            else Said("problem.header_twice", {"names": cut(", ".join(duplicates))})
            if duplicates
            else Said("problem.header_empty")
        )
        field = missing[0] if missing else cut(duplicates[0]) if duplicates else None
        yield Problem.of(
            "problem.header",
            field=field,
            line=reader.line_num,
            problem=problem,
            example=_HEADER_EXAMPLE,
        )
        return
    width = len(header)
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Problem.of("problem.not_csv", line=first, detail=str(error))
            continue
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if not all(map(str.isascii, cells)):
            failure = _undecodable_cell(cells, header, first)
            if failure is not None:
                yield failure
                continue
        if len(cells) > width:
            yield Problem.of(
                "problem.too_many_cells",
                line=first,
                cells=len(cells),
                width=width,
                header=cut(",".join(header)),
            )
            continue
        record: dict[str, Any] = dict(zip(header, cells, strict=False))  # short rows: absent
        yield trigger_from(record, first, "csv")


def _undecodable_cell(cells: list[str], header: list[str] | None, line: int) -> Problem | None:
    """The problem of the first cell (of the header, without `header`) that is not UTF-8."""
    for index, cell in enumerate(cells):
        bad = undecodable(cell)
        if bad is not None:
            if header is None:
                return not_utf8(line, cell[bad], Said("problem.header_column", {"n": index + 1}))
            if index < len(header):
                name = header[index]
                return not_utf8(line, cell[bad], Said("problem.cell_named", {"name": name}), name)
            return not_utf8(line, cell[bad], Said("problem.cell", {"n": index + 1}))
    return None
