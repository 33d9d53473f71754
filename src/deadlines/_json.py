"""Strict JSON (RFC 8259) for batch and events lines: what Python's `json` accepts beyond it
(NaN, 1e999, a repeated key) could not be written back or would drop a value, so is refused."""

from __future__ import annotations

import json
from typing import Any

from deadlines._errors import Spoken, cut, cut_repr


class RefusedJsonError(Spoken, ValueError):
    """JSON that parses but that RFC 8259 refuses, or that would lose a value; names its `key`
    (when known) and says the `problem` in English (`render`: either language)."""

    def __init__(self, key: str | None, message: str, **values: object) -> None:
        self.key = key
        self._say(message, **values)
        self.problem = str(self)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Python's json keeps the last of a repeated key without a word; refuse it instead.
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise RefusedJsonError(key, "error.json.twice", name=cut_repr(key))
            seen.add(key)
    return record


def _constant(name: str) -> Any:  # noqa: ANN401 - never returns
    raise RefusedJsonError(None, "error.json.not_a_number", name=name)


def _float(text: str) -> float:
    value = float(text)
    if value in (_INF, -_INF):  # 1e999: strict JSON readers cannot read it back
        raise RefusedJsonError(None, "error.json.too_large", number=cut(text))
    return value


def refused_key(error: RefusedJsonError, text: str) -> str | None:
    """The top-level key of `text` that `error` concerns, if one can be named."""
    if error.key is not None:
        return error.key
    bad = object()  # where a NaN or an infinite number was, when the line is read again

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


def _holds(value: object, bad: object) -> bool:
    if value is bad:
        return True
    if isinstance(value, dict):
        return any(_holds(item, bad) for item in value.values())
    if isinstance(value, list):
        return any(_holds(item, bad) for item in value)
    return False


_INF = float("inf")
loads_strict = json.JSONDecoder(
    object_pairs_hook=_object, parse_constant=_constant, parse_float=_float
).decode
