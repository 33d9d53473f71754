"""Triggers read from files, and the errors of single lines: the values batch mode passes on."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

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


class LineError(NamedTuple):
    """Why one input line gave no answer.

    Attributes:
        line: the 1-based line of the input.
        field: the key or column at fault (``rule``, ``at``, a parameter), or ``None`` when the
            line as a whole is unreadable (not JSON, not an object, more cells than columns).
        message: what is wrong and what a valid value looks like.
        id: the record's ``id`` when it could be read, else ``None``.
    """

    line: int
    field: str | None
    message: str
    id: Any = None

    def to_json(self) -> dict[str, Any]:
        """The JSON Lines form: ``{"id": ..., "error": {"line", "field", "message"}}``.

        >>> LineError(3, "at", "at must be ...").to_json()
        {'error': {'line': 3, 'field': 'at', 'message': 'at must be ...'}}
        """
        error = {"line": self.line, "field": self.field, "message": self.message}
        return {"error": error} if self.id is None else {"id": self.id, "error": error}


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


def not_utf8(line: int, character: str, where: str, field: str | None = None) -> LineError:
    """The error for a line holding `character` (a byte that is not UTF-8) `where` it is.

    >>> not_utf8(2, "\\udcff", "at column 61").message
    'not UTF-8 text (the byte 0xff at column 61); save the input as UTF-8 (in Excel: CSV UTF-8)'
    """
    code = ord(character)
    what = f"the byte 0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
    return LineError(
        line,
        field,
        f"not UTF-8 text ({what} {where}); save the input as UTF-8 (in Excel: CSV UTF-8)",
    )


#: Where each reserved field goes, as examples in messages: in a JSON line, in a CSV row.
_EXAMPLES = {
    "jsonl": {"rule": f"each line needs a rule, e.g. {EXAMPLE_LINE}",
              "at": f"each line needs the trigger instant, e.g. {EXAMPLE_LINE}"},
    "csv": {"rule": "each row needs a rule id in the rule column, e.g. minutes.executive",
            "at": "each row needs the trigger instant in the at column, e.g. 2026-09-30T17:00"},
}

AT_EXPECTED = "an ISO 8601 date and time such as 2026-09-30T17:00 (+08:00 optional)"


def trigger_from(
    record: dict[str, Any], line: int, fmt: Literal["jsonl", "csv"] = "jsonl"
) -> Trigger | LineError:
    """A `Trigger` from one parsed record (a JSON object or a CSV row).

    Values that are ``None`` or empty text count as absent, so one CSV file can mix rules that
    read different parameters. `record` is consumed: its reserved keys are popped. `fmt` says
    where the record came from, so that messages show an example in its own format.

    >>> trigger_from({"rule": "decisions.time_limited", "at": "2026-09-30T17:00",
    ...               "limit_days": "15", "deadline": ""}, 2)  # doctest: +NORMALIZE_WHITESPACE
    Trigger(line=2, rule='decisions.time_limited', at='2026-09-30T17:00',
            params={'limit_days': '15'}, id=None)
    >>> trigger_from({"rule": "minutes.executive", "at": 20260930}, 3).message
    'at must be an ISO 8601 date and time such as 2026-09-30T17:00 (+08:00 optional), as text; got 20260930'
    """  # noqa: E501 - a doctest's expected output is one line
    record_id = record.pop("id", None)
    if record_id == "":
        record_id = None
    rule = record.pop("rule", None)
    at = record.pop("at", None)
    if rule is None or rule == "":
        return LineError(line, "rule", f"missing; {_EXAMPLES[fmt]['rule']}", record_id)
    if not isinstance(rule, str):
        return LineError(
            line,
            "rule",
            f"rule must be a rule id such as minutes.executive; got {shown(rule)}",
            record_id,
        )
    if at is None or at == "":
        return LineError(line, "at", f"missing; {_EXAMPLES[fmt]['at']}", record_id)
    if not isinstance(at, str):
        return LineError(
            line, "at", f"at must be {AT_EXPECTED}, as text; got {shown(at)}", record_id
        )
    if record:
        params = {key: value for key, value in record.items() if value is not None and value != ""}
    else:
        params = record
    return Trigger(line, rule, at, params, record_id)
