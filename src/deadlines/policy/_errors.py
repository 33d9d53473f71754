"""Errors in policy files and case files, and the reading of pydantic's validation errors."""

from __future__ import annotations

import difflib
import os
import types
import typing
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from deadlines._errors import DeadlinesError, InvalidArgumentError, bounded
from deadlines.policy._toml import inline

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

__all__ = ["CaseFileError", "PolicyFileError", "describe_validation"]

_E = TypeVar("_E", bound="PolicyFileError")

#: A problem in a file: where (``case[2].expect.due``, or empty for the whole file) and what.
Problem = tuple[str, str]


def check_path(argument: str, value: object) -> str | os.PathLike[str]:
    """`value` if it names a file (text or a path), else an `InvalidArgumentError`."""
    if isinstance(value, (str, os.PathLike)):
        return value
    raise InvalidArgumentError(argument, value, "a path: text or a pathlib.Path")


class PolicyFileError(DeadlinesError, ValueError):
    """A policy file (a rule set, or a change on top of one) is malformed or does not apply.

    When the file has several problems, the message lists each on its own line, and `field`
    and `problem` are the first of them.

    Attributes:
        path: the file, or ``<string>``.
        field: where in the file, e.g. ``rules[2].limit.n``; empty when it concerns the file.
        problem: what is wrong and what valid input looks like.
        problems: every problem found, as (field, problem) pairs, in the order of the file.
    """

    def __init__(
        self, path: str, problem: str, field: str = "", *, problems: Iterable[Problem] = ()
    ) -> None:
        self.path = path
        self.field = field
        self.problem = problem
        self.problems: tuple[Problem, ...] = tuple(problems) or ((field, problem),)
        if len(self.problems) == 1:
            where = f"{path}: {field}" if field else path
            super().__init__(bounded(f"{where}: {problem}"))
        else:
            lines = (f"  {f}: {p}" if f else f"  {p}" for f, p in self.problems)
            text = f"{path}: {len(self.problems)} problems:\n" + "\n".join(lines)
            super().__init__(bounded(text))

    @classmethod
    def of(cls: type[_E], path: str, problems: Iterable[Problem]) -> _E:
        """The error for one or more problems, e.g. what `describe_validation` found."""
        found = tuple(problems)
        field, problem = found[0]
        return cls(path, problem, field, problems=found)


class CaseFileError(PolicyFileError):
    """A case file (``*.deadlines.toml``) is malformed.

    Attributes:
        path: the file.
        field: where in the file, e.g. ``case[3].at``.
        problem: what is wrong and what valid input looks like.
        problems: every problem found, as (field, problem) pairs.
    """


# --- reading pydantic's errors ---------------------------------------------------------------

#: pydantic error types → what the value must be, in the words of a TOML file.
_MUST_BE = {
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "string_type": "must be text in quotes",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
    "list_type": "must be an array",
    "tuple_type": "must be an array",
    "date_type": "must be a date",
    "date_parsing": "must be a date",
    "date_from_datetime_parsing": "must be a date",
    "date_from_datetime_inexact": "must be a date, without a time",
    "datetime_type": "must be a date and time",
    "datetime_parsing": "must be a date and time",
    "datetime_from_date_parsing": "must be a date and time",
    "datetime_object_invalid": "must be a date and time",
    "string_pattern_mismatch": "is not in the expected form",
}


def _members(annotation: Any) -> tuple[Any, ...]:  # noqa: ANN401 - any annotation
    """The members of a union (``None`` left out), or ``()`` for anything else."""
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return tuple(a for a in typing.get_args(annotation) if a is not type(None))
    return ()


@cache
def _hints(model: type) -> Mapping[str, Any]:
    try:
        return typing.get_type_hints(model, include_extras=True)
    except (NameError, TypeError):  # an annotation that does not resolve: no type to follow
        return {}


def _is_model(annotation: Any) -> bool:  # noqa: ANN401 - any annotation
    return isinstance(annotation, type) and hasattr(annotation, "model_fields")


def _child(annotation: Any, part: int | str) -> Any:  # noqa: ANN401 - any annotation
    """The type at `part` inside a value of type `annotation`, or ``None`` when unknown."""
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if _is_model(annotation) and isinstance(part, str):
        return _hints(annotation).get(part)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (tuple, list) and args and isinstance(part, int):
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def _member(members: tuple[Any, ...], tag: str) -> Any:  # noqa: ANN401 - any annotation
    """The member of a union that pydantic names `tag`: its ``kind``, or its type's name."""
    for member in members:
        if _is_model(member):
            kind = member.model_fields.get("kind")
            if kind is not None and kind.default == tag:
                return member
        if getattr(member, "__name__", None) == tag:
            return member
    return None


def _walk(model: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[tuple[int | str, ...], Any]:
    """The location without the union members pydantic inserts, and the type it ends in.

    pydantic reports ``rules[0].limit.hours.n`` and ``case[0].at.datetime``; a person wrote
    ``rules[0].limit.n`` and ``case[0].at``.
    """
    kept: list[int | str] = []
    annotation: Any = model
    for part in loc:
        members = _members(annotation)
        if members and isinstance(part, str):
            member = _member(members, part)
            if member is not None:
                annotation = member
                continue
        kept.append(part)
        annotation = _child(annotation, part) if annotation is not None else None
    return tuple(kept), annotation


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _message(error: Mapping[str, Any], parent: Any) -> str:  # noqa: ANN401 - any annotation
    """pydantic's message in the words of a file: what the value must be, not Python types."""
    kind = str(error["type"])
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    message = str(error["msg"])
    if kind == "missing":
        return "required"
    if kind == "extra_forbidden":
        if not _is_model(parent):
            return "unknown field"
        fields = list(parent.model_fields)
        close = difflib.get_close_matches(str(error["loc"][-1]), fields, n=1)
        guess = f"did you mean {close[0]}? " if close else ""
        return f"unknown field; {guess}the fields here are {', '.join(fields)}"
    if kind in ("value_error", "assertion_error"):
        return message.split(", ", 1)[1] if ", " in message else message
    if kind == "union_tag_not_found":
        return f"needs a {str(ctx.get('discriminator', 'kind')).strip(chr(39))}, the type of limit"
    if kind == "union_tag_invalid":
        return (
            f"unknown {str(ctx.get('discriminator', 'kind')).strip(chr(39))} "
            f'"{ctx.get("tag")}"; the kinds are {_toml_quotes(ctx.get("expected_tags"))}'
        )
    if kind == "literal_error":
        return f"must be {_toml_quotes(ctx.get('expected'))}"
    if kind == "too_short":
        least = int(ctx.get("min_length", 1))
        return f"needs at least {least} entr{'y' if least == 1 else 'ies'}"
    if kind in _MUST_BE:
        return _MUST_BE[kind]
    return message.replace("Input should be", "must be", 1)


def _toml_quotes(text: object) -> str:
    """pydantic's list of choices, ``'a', 'b' or 'c'``, quoted as in TOML: ``"a", "b" or "c"``."""
    return str(text).replace("'", '"')


def describe_validation(
    error: ValidationError, hints: Mapping[str, str], model: type[BaseModel]
) -> list[Problem]:
    """Every problem pydantic found, each with its location and a hint of valid input.

    A union's members are left out of locations (``rules[0].limit.n``, not
    ``rules[0].limit.hours.n``), a location gets one problem even when every member of a union
    refused the value, and a collection's "too short" is left out when its items have
    problems of their own (it only counts the items that failed).

    Args:
        error: what pydantic raised.
        hints: example input by the last field name, e.g. ``{"limit": '{kind = "hours", n = 48}'}``;
            a hint that starts with ``[[`` is a section, shown as it is.
        model: the model validated, to follow locations through it.

    Returns:
        (location, problem) pairs in the order pydantic found them.
    """
    found: dict[tuple[int | str, ...], Problem] = {}
    details = error.errors(include_url=False)
    walked = [_walk(model, tuple(item["loc"])) for item in details]
    for item, (loc, _) in zip(details, walked, strict=True):
        raw = tuple(item["loc"])
        if loc in found:  # another member of the same union: one problem per place is enough
            continue
        if item["type"] == "too_short" and any(
            other[: len(loc)] == loc and len(other) > len(loc) for other, _ in walked
        ):
            continue
        parent = _walk(model, raw[:-1])[1] if raw else None
        message = _message(item, parent)
        # A validator of ours says what it got and what would do; pydantic's messages do not.
        if (
            item["type"] not in {"missing", "union_tag_not_found", "value_error"}
            and "input" in item
        ):
            shown = inline(item["input"])
            if len(shown) <= 60:
                message += f"; got {shown}"
        if item["type"] not in {"extra_forbidden", "value_error", "literal_error"}:
            for name in reversed([part for part in loc if isinstance(part, str)]):
                if name in hints:
                    hint = hints[name]
                    message += (
                        f"; e.g. {hint}" if hint.startswith("[[") else f"; e.g. {name} = {hint}"
                    )
                    break
        found[loc] = (_location(loc), message)
    return list(found.values())
