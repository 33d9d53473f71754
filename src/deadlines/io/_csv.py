"""CSV: a header row naming the columns, then one record per row, in and out."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from deadlines._errors import cut
from deadlines._messages import Said
from deadlines._problems import Problem
from deadlines._textfile import check_lines
from deadlines.io._records import RESERVED, Trigger, not_utf8, trigger_from, undecodable

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
    if not all(map(str.isascii, header)):
        for index, name in enumerate(header):
            bad = undecodable(name)
            if bad is not None:  # no row can be read without the header: stop here too
                where = Said("problem.header_column", {"n": index + 1})
                yield not_utf8(reader.line_num, name[bad], where)
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


def _undecodable_cell(cells: list[str], header: list[str], line: int) -> Problem | None:
    """The problem of the first cell holding bytes that are not UTF-8, if any does."""
    for index, cell in enumerate(cells):
        bad = undecodable(cell)
        if bad is not None:
            if index < len(header):
                name = header[index]
                return not_utf8(line, cell[bad], Said("problem.cell_named", {"name": name}), name)
            return not_utf8(line, cell[bad], Said("problem.cell", {"n": index + 1}))
    return None
