"""JSON Lines: one JSON object per line, in and out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from deadlines._errors import cut
from deadlines._json import RefusedJsonError, loads_strict, refused_key
from deadlines._messages import Said
from deadlines._problems import Problem, in_words
from deadlines._textfile import check_lines
from deadlines.io._records import EXAMPLE_LINE, Trigger, not_utf8, trigger_from, undecodable

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
