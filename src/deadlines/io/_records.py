"""Triggers read from files, and the problems of single lines: what batch mode passes on."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from deadlines._messages import Said
from deadlines._problems import Problem
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

    Batch input is decoded with ``errors="surrogateescape"``: a byte that is not UTF-8 becomes
    a lone surrogate (U+DC80 to U+DCFF) instead of stopping the decoding, so the line it is on
    can be reported alone and the batch goes on.
    """
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def not_utf8(line: int, character: str, where: Said, field: str | None = None) -> Problem:
    """The problem of a line holding `character` (a byte that is not UTF-8) `where` it is.

    >>> not_utf8(2, "\\udcff", Said("problem.at_column", {"n": 61})).text()
    'not UTF-8 text (the byte 0xff at column 61); save the input as UTF-8 (in Excel: CSV UTF-8)'
    """
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
    """A `Trigger` from one parsed record (a JSON object or a CSV row).

    Values that are ``None`` or empty text count as absent, so one CSV file can mix rules that
    read different parameters. `record` is consumed: its reserved keys are popped. `fmt` says
    where the record came from, so that messages show an example in its own format.

    >>> trigger_from({"rule": "decisions.time_limited", "at": "2026-09-30T17:00",
    ...               "limit_days": "15", "deadline": ""}, 2)  # doctest: +NORMALIZE_WHITESPACE
    Trigger(line=2, rule='decisions.time_limited', at='2026-09-30T17:00',
            params={'limit_days': '15'}, id=None)
    >>> trigger_from({"rule": "minutes.executive", "at": 20260930}, 3).text()
    'at must be an ISO 8601 date and time such as 2026-09-30T17:00 (+08:00 optional), as text; got 20260930'
    """  # noqa: E501 - a doctest's expected output is one line
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
