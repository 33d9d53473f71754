"""Batch mode: many triggers in, one answer per trigger out, in order, bad lines included."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterable, Iterator
from itertools import islice
from json.encoder import encode_basestring as _encode_string
from typing import TYPE_CHECKING, Any, Literal

from deadlines._errors import (
    DeadlinesError,
    InvalidValueError,
    ProvisionalDateWarning,
)
from deadlines._problems import Problem
from deadlines._textfile import check_lines
from deadlines.io._jsonl import dumps, one_line
from deadlines.io._messages import as_given
from deadlines.io._records import Trigger, read_csv, read_jsonl

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines._result import DueResult, Lang

Format = Literal["jsonl", "csv"]

#: The reader of each format batch mode reads (and writes).
_READERS = {"jsonl": read_jsonl, "csv": read_csv}

#: The columns of CSV output, in order; ``trace`` is added with ``explain=True``.
CSV_COLUMNS = (
    *("id", "rule", "at", "due", "due_date", "provisional", "warnings"),
    *("error_line", "error_field", "error_message"),
)

# Lines are computed in chunks, each under one warnings filter: entering the filter costs more
# than a due date without a trace, and a generator must not hold it across a `yield`.
_CHUNK = 256


class BatchRun(Iterator[str]):
    """The output lines of a batch, computed as the input is read; counts what failed.

    Iterate it for each output line (with its newline). Once it is exhausted, `records` is the
    number of input records and `failed` the number that gave an error line.
    """

    def __init__(
        self, records: Iterator[Trigger | Problem], engine: Engine, writer: _Writer
    ) -> None:
        self.records = 0
        self.failed = 0
        self._lines = self._generate(records, engine, writer)

    def __next__(self) -> str:
        return next(self._lines)

    def _generate(
        self, records: Iterator[Trigger | Problem], engine: Engine, writer: _Writer
    ) -> Iterator[str]:
        if writer.header:
            yield writer.header
        due, explain = engine.due, writer.explain
        while chunk := list(islice(records, _CHUNK)):
            lines: list[str] = []
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ProvisionalDateWarning)
                for record in chunk:
                    if type(record) is Trigger:
                        try:
                            if record.params:
                                result = due(
                                    record.rule, record.at, explain=explain, **record.params
                                )
                            else:
                                result = due(record.rule, record.at, explain=explain)
                        except DeadlinesError as error:
                            failure = problem_of(error, record)
                        except Exception as error:  # a faulty rule (a plugin's) must not stop it
                            failure = Problem.of(
                                "problem.unexpected",
                                line=record.line,
                                id=record.id,
                                kind=type(error).__name__,
                                detail=str(error),
                            )
                        else:
                            lines.append(writer.result(result, record.id))
                            continue
                    else:
                        failure = record  # type: ignore[assignment] # a Problem from reading
                    self.failed += 1
                    lines.append(writer.error(failure))
            self.records += len(chunk)
            yield from lines


def run_batch(
    lines: Iterable[str],
    engine: Engine,
    fmt: Format = "jsonl",
    *,
    output_format: Format | None = None,
    explain: bool = False,
    lang: Lang = "en",
    line_offset: int = 0,
) -> BatchRun:
    """Compute a due date for every record of `lines`; one output line per record, in order.

    A record that cannot be answered (bad JSON, an unknown rule, a bad instant, a missing
    parameter) gives an error line naming its input line and field instead, and the batch goes
    on. A provisional answer does not warn: its ``provisional`` field says so.

    Records are computed in chunks of a few hundred, so output lags input by up to one chunk:
    batch mode is for files and pipes, not a request-and-answer protocol.

    Args:
        lines: the input, line by line (an open file, `sys.stdin`, a list of strings).
        engine: computes the due dates.
        fmt: the input format, ``jsonl`` or ``csv``.
        output_format: the output format; the input format by default.
        explain: add each result's trace (JSON: the steps; CSV: a ``trace`` column of texts).
        lang: the language of the problems of bad lines and of the CSV ``warnings`` and
            ``trace`` columns; in Chinese, a JSON line gains ``warnings_zh`` beside
            ``warnings`` (which stays English, a machine field).
        line_offset: added to every line number of an error: the lines before `lines` when
            they are a part of a larger input (``deadlines batch --jobs``).

    Returns:
        An iterator of output lines; a CSV output starts with its header row.

    Raises:
        InvalidValueError: `fmt` or `output_format` is not ``jsonl`` or ``csv``.

    >>> from deadlines import Engine
    >>> run = run_batch(['{"id": 1, "rule": "minutes.executive", "at": "2026-09-30T17:00"}',
    ...                  '{"rule": "minutes.executive", "at": "30/09/2026"}'], Engine())
    >>> print("".join(run), end="")  # doctest: +NORMALIZE_WHITESPACE
    {"id": 1, "rule": "minutes.executive", "at": "2026-09-30T17:00:00+08:00",
     "due": "2026-10-10T17:30:00+08:00", "due_date": "2026-10-10", "provisional": false,
     "provenance": {"deadlines": ..., "rule_set": {"name": "opinion-2020", ...}, "plugins": []}}
    {"error": {"line": 2, "field": "at", "message": "at must be an ISO 8601 date and time such
     as 2026-09-30T17:00 (+08:00 optional); got '30/09/2026'"}}
    >>> run.records, run.failed
    (2, 1)
    """
    check_lines("lines", lines)  # now, not when the first line is read
    out = fmt if output_format is None else output_format
    for name, value in (("fmt", fmt), ("output_format", out)):
        if value not in _READERS:
            raise InvalidValueError(name, value, "jsonl or csv")
    records = _READERS[fmt](lines)
    if line_offset:
        records = (
            r._replace(line=r.line + line_offset)
            if isinstance(r, Trigger)
            else r.moved(line=(r.line or 0) + line_offset)
            for r in records
        )
    writer: _Writer
    if out == "jsonl":
        from deadlines._provenance import provenance

        writer = _JsonlWriter(explain=explain, lang=lang, provenance=provenance(engine))
    else:
        writer = _CsvWriter(explain=explain, lang=lang)
    return BatchRun(records, engine, writer)


def problem_of(error: DeadlinesError, record: Trigger) -> Problem:
    """The problem of `record`'s line that an engine error is, at its `input_field`."""
    where: dict[str, Any] = {"field": error.input_field, "line": record.line, "id": record.id}
    said = as_given(error, record.at, record.params)
    return (
        Problem.stated(error, **where)
        if said is None
        else Problem(said.message, said.values, **where)
    )


class _JsonlWriter:
    """Writes JSON by hand for the fixed fields: `json.dumps` of a dict costs twice as much."""

    header = ""

    def __init__(self, *, explain: bool, lang: Lang, provenance: dict[str, Any]) -> None:
        self.explain = explain
        self.lang: Lang = lang
        self.rules: dict[str, str] = {}
        self.provenance = ', "provenance": ' + dumps(provenance)

    def result(self, result: DueResult, record_id: Any) -> str:  # noqa: ANN401
        rule = self.rules.get(result.rule_id)
        if rule is None:
            rule = self.rules[result.rule_id] = dumps(result.rule_id)
        head = "{" if record_id is None else '{"id": ' + _scalar(record_id) + ", "
        extra = ""
        if result.warnings:
            extra += ', "warnings": ' + dumps(list(result.warnings))
            if self.lang == "zh":
                extra += ', "warnings_zh": ' + dumps(list(result.warnings_zh))
        if self.explain:
            extra += ', "trace": ' + dumps([s.model_dump(mode="json") for s in result.trace])
        return (
            f'{head}"rule": {rule}, "at": "{result.at.isoformat()}", '
            f'"due": "{result.due.isoformat()}", "due_date": "{result.due_date.isoformat()}", '
            f'"provisional": {"true" if result.provisional else "false"}{extra}'
            f"{self.provenance}}}\n"
        )

    def error(self, problem: Problem) -> str:
        error = problem.to_json(self.lang)
        return (
            dumps({"error": error} if problem.id is None else {"id": problem.id, "error": error})
            + "\n"
        )


def _scalar(value: Any) -> str:  # noqa: ANN401 - any JSON value
    """`value` as JSON; text and integers (the usual ids) without `json.dumps`' overhead."""
    kind = type(value)
    if kind is str:
        return one_line(_encode_string(value))
    if kind is int:
        return str(value)
    return dumps(value)


def _cell(value: Any) -> Any:  # noqa: ANN401 - any JSON value
    """An id as a CSV cell: text and numbers as they are, anything else as JSON."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    return dumps(value)


class _CsvWriter:
    def __init__(self, *, explain: bool, lang: Lang) -> None:
        self.explain = explain
        self.lang: Lang = lang
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")
        self.header = self._line(CSV_COLUMNS + (("trace",) if explain else ()))

    def _line(self, row: Iterable[Any]) -> str:
        self.writer.writerow(row)
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text

    def result(self, result: DueResult, record_id: Any) -> str:  # noqa: ANN401
        row = [_cell(record_id), result.rule_id, result.at.isoformat(), result.due.isoformat()]
        row += [result.due_date.isoformat(), "true" if result.provisional else "false"]
        warned = result.warnings_zh if self.lang == "zh" else result.warnings
        row += ["; ".join(warned), "", "", ""]
        if self.explain:
            row.append(" | ".join(step.text(self.lang) for step in result.trace))
        return self._line(row)

    def error(self, problem: Problem) -> str:
        row = [_cell(problem.id), "", "", "", "", "", ""]
        row += [problem.line, problem.field or "", problem.text(self.lang)]
        return self._line([*row, ""] if self.explain else row)


_Writer = _JsonlWriter | _CsvWriter
