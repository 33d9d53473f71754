"""Errors in policy files and case files."""

from __future__ import annotations

from pydantic import ValidationError

from deadlines._errors import DeadlinesError

__all__ = ["CaseFileError", "PolicyFileError", "describe_validation"]


class PolicyFileError(DeadlinesError, ValueError):
    """A policy file (a rule set, or a change on top of one) is malformed or does not apply.

    Attributes:
        path: the file, or ``<string>``.
        field: where in the file, e.g. ``rules[2].limit.n``; empty when it concerns the file.
        problem: what is wrong and what valid input looks like.
    """

    def __init__(self, path: str, problem: str, field: str = "") -> None:
        self.path = path
        self.field = field
        self.problem = problem
        where = f"{path}: {field}" if field else path
        super().__init__(f"{where}: {problem}")


class CaseFileError(PolicyFileError):
    """A case file (``*.deadlines.toml``) is malformed.

    Attributes:
        path: the file.
        field: where in the file, e.g. ``case[3].at``.
        problem: what is wrong and what valid input looks like.
    """


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def describe_validation(error: ValidationError, hints: dict[str, str]) -> tuple[str, str]:
    """The location and text of the first problem pydantic found, with a hint of valid input.

    Args:
        error: what pydantic raised.
        hints: example input by the last field name, e.g. ``{"limit": '{kind = "hours", n = 48}'}``.

    Returns:
        the location (``rules[2].limit``) and the problem.
    """
    first = error.errors()[0]
    loc = tuple(first["loc"])
    message = str(first["msg"])
    if first["type"] == "union_tag_not_found":
        message = "needs a kind, the type of limit"
    if "input" in first and first["type"] not in {"missing", "union_tag_not_found"}:
        shown = repr(first["input"])
        if len(shown) <= 60:
            message += f"; got {shown}"
    names = [part for part in loc if isinstance(part, str)]
    for name in reversed(names):
        if name in hints:
            message += f"; e.g. {name} = {hints[name]}"
            break
    more = error.error_count() - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return _location(loc), message
