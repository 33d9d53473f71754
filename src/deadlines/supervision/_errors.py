"""The problems of supervision input: a bad event line, a missing optional extra."""

from __future__ import annotations

from dataclasses import dataclass
from typing import final

from deadlines._errors import ECHO_LIMIT, DeadlinesError, bounded, cut


@final
@dataclass(frozen=True, slots=True)
class Problem:
    """Why one event, or one line of an events file, was not taken into account.

    Attributes:
        line: the 1-based line of the events file, or ``None`` for an event given in code.
        field: the field at fault (``ended_at``, ``matters[0].deadline``, ``obligation``), or
            ``None`` when the line as a whole is unreadable.
        message: what is wrong and what valid input looks like.
    """

    line: int | None
    field: str | None
    message: str

    def __post_init__(self) -> None:
        # Every problem of an events file passes here: the one place to cut echoed values.
        if self.field is not None and len(self.field) > ECHO_LIMIT:
            object.__setattr__(self, "field", cut(self.field))
        if len(self.message) > ECHO_LIMIT:
            object.__setattr__(self, "message", bounded(self.message))

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "event"
        field = f", {self.field}" if self.field else ""
        return f"{where}{field}: {self.message}"

    def to_json(self) -> dict[str, object]:
        """``{"line": 3, "field": "ended_at", "message": "..."}``."""
        return {"line": self.line, "field": self.field, "message": self.message}


class EventError(DeadlinesError, ValueError):
    """An event is invalid (raised by the strict API; files collect `Problem` values instead).

    Attributes:
        problem: the `Problem`, with the line and field.
    """

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


class MissingExtraError(DeadlinesError, ImportError):
    """An optional dependency is not installed.

    Attributes:
        extra: the extra that installs it, e.g. ``ics``.
        module: the module that is missing, e.g. ``icalendar``.
    """

    def __init__(self, extra: str, module: str, purpose: str) -> None:
        self.extra = extra
        self.module = module
        super().__init__(
            f"{purpose} needs the optional package {module!r}; install it with "
            f"pip install 'deadlines[{extra}]'",
            name=module,
        )
