"""Errors in policy files and case files: each lists its problems (`deadlines._problems`)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from deadlines._errors import DeadlinesError, InvalidArgumentError
from deadlines._messages import Lang, say
from deadlines._problems import Problem
from deadlines._textfile import NotUtf8Error, read_user_text


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
        problem: what is wrong and what valid input looks like (the first problem, in English).
        problems: every problem found (`deadlines._problems.Problem`), in the order of the file.
    """

    def __init__(self, path: str, problems: Iterable[Problem]) -> None:
        self.path = path
        self.problems: tuple[Problem, ...] = tuple(p.moved(file=None) for p in problems)
        first = self.problems[0]
        self.field = first.field or ""
        self.problem = first.text()
        super().__init__(self.render())

    @classmethod
    def one(cls, path: str, message: str, field: str = "", /, **values: Any) -> PolicyFileError:  # noqa: ANN401
        """The error of one problem: catalogue `message` with its `values`, at `field`."""
        return cls(path, [Problem.of(message, field=field or None, **values)])

    def render(self, lang: Lang = "en") -> str:
        """The file and its problems in `lang`: one line, or a line per problem after a count."""
        if len(self.problems) == 1:
            return self.problems[0].moved(file=self.path).render(lang)
        lines = (f"  {p.render(lang)}" for p in self.problems)
        head = say("policy.problems", lang, path=self.path, n=len(self.problems))
        return "\n".join([head, *lines])


class CaseFileError(PolicyFileError):
    """A case file (``*.deadlines.toml``) is malformed; its attributes are `PolicyFileError`'s
    (`field` such as ``case[3].at``)."""


def read_file(file: Path, error: type[PolicyFileError], unreadable: str, **values: Any) -> str:  # noqa: ANN401
    """The text of a policy or case file, or `error` (catalogue `unreadable`) saying why not."""
    try:
        return read_user_text(file)
    except OSError as failure:
        raise error.one(str(file), unreadable, reason=str(failure.strerror), **values) from None
    except NotUtf8Error as failure:
        raise error(str(file), [Problem.stated(failure)]) from None


def schema_of(model: Any, title: str) -> dict[str, Any]:  # noqa: ANN401 - a model class
    """The JSON Schema of a file's model, for other systems to validate such files."""
    schema: dict[str, Any] = model.model_json_schema()
    schema["title"] = title
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
