"""A small TOML writer for the shapes policy files hold, and the reader of policy and case
files (TOML or JSON) into their models.

The standard library reads TOML but does not write it; rule sets are JSON-like data, so a
writer of TOML 1.0 for them saves a runtime dependency.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from deadlines._errors import DeadlinesError
from deadlines._problems import problems_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from deadlines.policy._errors import PolicyFileError

TOMLDecodeError = tomllib.TOMLDecodeError
M = TypeVar("M", bound=BaseModel)
E = TypeVar("E", bound="PolicyFileError")


class TomlValueError(DeadlinesError, TypeError):
    """A value (or a key) given to the TOML writer has no TOML form, such as ``None``.

    Attributes:
        key: where in the document, e.g. ``rules[0].limit.n``.
        value: the value (or key) that has no TOML form.
    """

    def __init__(self, key: str, value: object, problem: str) -> None:
        self.key = key
        self.value = value
        super().__init__(f"{key}: {problem}" if key else problem)


#: The longest inline table or array written on one line; longer ones become sections or are
#: spread over lines. Only looks matter: any length is valid TOML.
_INLINE_WIDTH = 88

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
#: How a basic string writes a quote, a backslash and each control character.
_ESCAPES = str.maketrans(
    {chr(code): f"\\u{code:04X}" for code in (*range(0x20), 0x7F)}
    | {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
)


def loads_toml(text: str) -> dict[str, Any]:
    """Parse TOML text; an integer Python refuses (4300 digits) is a `TOMLDecodeError` too."""
    try:
        document: dict[str, Any] = tomllib.loads(text)
    except ValueError as error:
        if isinstance(error, TOMLDecodeError):
            raise
        raise TOMLDecodeError("a number has more than 4300 digits") from None
    return document


def read_model(
    text: str, fmt: Literal["toml", "json"], path: str, model: type[M], error: type[E]
) -> M:
    """The `model` a policy or case file's TOML or JSON text holds, or `error` saying why not:
    a bad document in the words of notice files, a bad value at its field."""
    from deadlines.calendar._overrides import _toml_problem  # one translation for every file

    try:
        data = json.loads(text) if fmt == "json" else loads_toml(text)
    except TOMLDecodeError as failure:
        detail = dict(_toml_problem(failure).values)["detail"]
    except json.JSONDecodeError as failure:
        detail = str(failure)
    except ValueError:  # Python reads no integer of more than 4300 digits
        raise error.one(path, "problem.huge_number") from None
    else:
        if not isinstance(data, dict):  # a JSON array or value: TOML is always a table
            raise error.one(path, "policy.not_table")
        try:
            return model.model_validate(data)
        except ValidationError as failure:
            problems = problems_of(failure, model, "policy.hint", shown=inline)
            raise error(path, problems) from None
    raise error.one(path, "policy.not_valid", format=fmt.upper(), detail=detail) from None


def dumps_toml(document: Mapping[str, Any]) -> str:
    """Write a mapping as TOML 1.0 that `tomllib` reads back equal.

    Values may be str, int, float, bool, date, time, datetime, lists (tuples) and mappings;
    ``None`` has no TOML form and raises `TomlValueError` (leave the key out instead).

    >>> rule = {"id": "a.b", "limit": {"kind": "hours", "n": 48}}
    >>> print(dumps_toml({"name": "x", "rules": [rule]}))
    name = "x"
    <BLANKLINE>
    [[rules]]
    id = "a.b"
    limit = {kind = "hours", n = 48}
    <BLANKLINE>

    >>> dumps_toml({"rules": [{"id": "a.b", "n": None}]})
    Traceback (most recent call last):
    ...
    deadlines.policy._toml.TomlValueError: rules[0].n: None has no TOML form; leave the key out

    Raises:
        TomlValueError: a value (or key) has no TOML form; it names where (``rules[0].limit``).
            It is a `TypeError` too.
    """
    if not isinstance(document, Mapping):
        raise TomlValueError(
            "", document, f"a TOML document is a mapping; got {type(document).__name__}"
        )
    lines: list[str] = []
    _table(lines, (), "", document)
    return "\n".join(lines).lstrip("\n") + "\n"


def _table(lines: list[str], path: tuple[str, ...], at: str, table: Mapping[str, Any]) -> None:
    """Write the keys of `table` (its header is written), then its sections."""
    sections: list[tuple[str, Any]] = []
    for key, value in table.items():
        where = _where(at, _check_key(key, at))
        # Top-level tables are sections; others are inline when flat (only scalars: it reads
        # best inline however long) or short, so that files written by code read like by hand.
        one_line = True
        if isinstance(value, Mapping) and value:
            one_line = bool(path) and (_flat(value) or _fits(key, value, where))
        elif (
            isinstance(value, (list, tuple))
            and value
            and all(isinstance(item, Mapping) for item in value)
        ):
            one_line = bool(path) and all(_fits("", item, where) or _flat(item) for item in value)
        if not one_line:
            sections.append((key, value))
            continue
        lines.append(f"{_key(key)} = {_value(value, where, multiline=True)}")
    for key, value in sections:
        inner = (*path, key)
        header = ".".join(map(_key, inner))
        if isinstance(value, Mapping):
            lines.extend(("", f"[{header}]"))
            _table(lines, inner, _where(at, key), value)
        else:
            for i, item in enumerate(value):
                lines.extend(("", f"[[{header}]]"))
                _table(lines, inner, f"{_where(at, key)}[{i}]", item)


def _flat(table: Mapping[str, Any]) -> bool:
    return not any(isinstance(v, (Mapping, list, tuple)) for v in table.values())


def _fits(key: str, value: Any, where: str) -> bool:  # noqa: ANN401 - any TOML value
    return len(_key(key)) + 3 + len(_value(value, where, multiline=False)) <= _INLINE_WIDTH


def _where(at: str, key: object) -> str:
    """A key's place for messages: ``rules[0].limit``; not TOML syntax, only for reading."""
    return f"{at}.{key}" if at else str(key)


def inline(value: Any) -> str:  # noqa: ANN401 - any value
    """A value as it is written in a TOML file, for messages; Python's form if TOML has none."""
    try:
        return _value(value, "", multiline=False)
    except TomlValueError:
        return repr(value)


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    return '"' + text.translate(_ESCAPES) + '"'


def _value(value: Any, where: str, *, multiline: bool) -> str:  # noqa: ANN401 - any TOML value
    """One value in inline form; a long array of tables may spread over lines."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # nan, inf and -inf are TOML's words too
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dt.time) and value.tzinfo is not None:
        raise TomlValueError(where, value, f"TOML times have no offset; got {value.isoformat()}")
    if isinstance(value, (dt.date, dt.time)):  # a datetime is a date
        return value.isoformat()
    if isinstance(value, Mapping):
        items = (
            f"{_key(_check_key(k, where))} = {_value(v, _where(where, k), multiline=False)}"
            for k, v in value.items()
        )
        return "{" + ", ".join(items) + "}"
    if isinstance(value, (list, tuple)):
        items_ = [_value(v, f"{where}[{i}]", multiline=False) for i, v in enumerate(value)]
        one_line = "[" + ", ".join(items_) + "]"
        if not multiline or len(one_line) <= _INLINE_WIDTH:
            return one_line
        return "[\n" + "".join(f"    {item},\n" for item in items_) + "]"
    if value is None:
        raise TomlValueError(where, value, "None has no TOML form; leave the key out")
    raise TomlValueError(
        where,
        value,
        f"{type(value).__name__} {value!r} has no TOML form; "
        "use str, int, float, bool, date, time, datetime, lists or tables",
    )


def _check_key(key: object, where: str) -> str:
    if not isinstance(key, str):
        raise TomlValueError(
            _where(where, key), key, f"TOML keys are strings; got {type(key).__name__} {key!r}"
        )
    return key
