"""JSON Lines: one JSON object per line, in and out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from deadlines._errors import cut
from deadlines._textfile import check_lines
from deadlines.io._messages import shown
from deadlines.io._records import (
    EXAMPLE_LINE,
    LineError,
    Trigger,
    not_utf8,
    trigger_from,
    undecodable,
)


class _RefusedError(ValueError):
    """A JSON text that parses, but that RFC 8259 or batch mode refuses; names its key."""

    def __init__(self, key: str | None, problem: str) -> None:
        self.key = key
        self.problem = problem
        super().__init__(problem)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Python's json keeps the last of a repeated key without a word; refuse it instead.
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RefusedError(key, f"the key {shown(key)} is given twice; give each key once")
            seen.add(key)
    return record


def _constant(name: str) -> Any:  # noqa: ANN401 - never returns
    raise _RefusedError(
        None, f"not valid JSON: {name} is not a number (RFC 8259 has no NaN or Infinity)"
    )


def _float(text: str) -> float:
    value = float(text)
    if value in (_INF, -_INF):  # 1e999: strict JSON readers cannot read it back
        raise _RefusedError(
            None, f"{cut(text)} is too large a number (JSON numbers reach about 1e308)"
        )
    return value


class _Bad:
    """Where a NaN or an infinite number was, when the line is read again to find its key."""


def _non_finite_key(text: str) -> str | None:
    """The top-level key whose value holds the NaN or infinite number of `text`, if any."""
    bad = _Bad()

    def number(value: str) -> object:
        parsed = float(value)
        return bad if parsed in (_INF, -_INF) else parsed

    try:
        record = json.loads(text, parse_constant=lambda _: bad, parse_float=number)
    except ValueError:  # invalid after the NaN too ("NaN{...}"): no key to name
        return None
    if type(record) is dict:
        for key, value in record.items():
            if _holds(value, bad):
                return str(key)
    return None


def _holds(value: object, bad: _Bad) -> bool:
    if value is bad:
        return True
    if isinstance(value, dict):
        return any(_holds(item, bad) for item in value.values())
    if isinstance(value, list):
        return any(_holds(item, bad) for item in value)
    return False


_INF = float("inf")
_NOT_TEXT = "must be a line of text (str); got {}: decode the input first, e.g. as UTF-8"
_loads = json.JSONDecoder(
    object_pairs_hook=_object, parse_constant=_constant, parse_float=_float
).decode


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
            record = _loads(text)
        except _RefusedError as error:
            key = error.key if error.key is not None else _non_finite_key(text)
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
