"""JSON Lines: one JSON object per line, in and out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from deadlines._errors import cut
from deadlines._json import RefusedJsonError, loads_strict, refused_key
from deadlines._textfile import check_lines
from deadlines.io._records import (
    EXAMPLE_LINE,
    LineError,
    Trigger,
    not_utf8,
    trigger_from,
    undecodable,
)

_NOT_TEXT = "must be a line of text (str); got {}: decode the input first, e.g. as UTF-8"


def read_jsonl(lines: Iterable[str]) -> Iterator[Trigger | LineError]:
    """Each non-blank line as a `Trigger`, or a `LineError` saying why it cannot be one.

    Line numbers count every line, blank ones too, so they match an editor's. Blank lines
    (only whitespace) are skipped; a byte order mark on the first line is ignored. A line
    holding bytes that are not UTF-8 (decoded with ``errors="surrogateescape"``) is an error
    of its own.

    >>> list(read_jsonl(['{"rule": "minutes.executive", "at": "2026-09-30T17:00"}', "", "[1]"]))
    ... # doctest: +NORMALIZE_WHITESPACE
    [Trigger(line=1, rule='minutes.executive', at='2026-09-30T17:00', params={}, id=None),
     LineError(line=3, field=None, message='must be a JSON object such as {"rule":
     "minutes.executive", "at": "2026-09-30T17:00"}; got a list', id=None)]
    """
    for number, text in enumerate(check_lines("lines", lines), 1):
        if type(text) is not str:
            yield LineError(number, None, _NOT_TEXT.format(type(text).__name__))
            continue
        text = text.strip()
        if not text:
            continue
        if number == 1 and text[0] == "\ufeff":
            text = text[1:]
        if not text.isascii():
            bad = undecodable(text)
            if bad is not None:
                yield not_utf8(number, text[bad], f"at column {bad + 1}")
                continue
        try:
            record = loads_strict(text)
        except RefusedJsonError as error:
            key = refused_key(error, text)
            yield LineError(number, key and cut(key), error.problem)
            continue
        except ValueError as error:
            # JSONDecodeError has msg; the other ValueError is an integer Python will not read.
            message = getattr(error, "msg", "a number has more than 4300 digits")
            column = getattr(error, "colno", None)
            where = f" at column {column}" if column is not None else ""
            yield LineError(number, None, f"not valid JSON: {message}{where}")
            continue
        if type(record) is not dict:
            yield LineError(
                number,
                None,
                f"must be a JSON object such as {EXAMPLE_LINE}; got {_json_kind(record)}",
            )
            continue
        yield trigger_from(record, number)


def _json_kind(value: object) -> str:
    kinds = {list: "a list", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def dumps(value: Any) -> str:  # noqa: ANN401 - any JSON-able value
    """One JSON line (without its newline), non-ASCII characters kept as they are.

    Strict JSON (RFC 8259): NaN and Infinity are refused, never written. The characters some
    readers take for line breaks (U+0085, U+2028, U+2029) are written as escapes, so that one
    record stays one line for every reader (Python's ``str.splitlines``, editors).
    """
    return one_line(json.dumps(value, ensure_ascii=False, allow_nan=False))


def one_line(text: str) -> str:
    """JSON text with U+0085, U+2028 and U+2029 escaped (they are valid JSON either way)."""
    return text if text.isascii() else text.translate(_BREAKS)


_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}
