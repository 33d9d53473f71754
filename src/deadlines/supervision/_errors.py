"""The problems of supervision input: a bad event line, a missing optional extra.

A line that is not taken into account is a `deadlines._problems.Problem` (re-exported here):
the one shape of a problem at a line, shared by policy files, batch lines and events files.
"""

from __future__ import annotations

from deadlines._errors import DeadlinesError
from deadlines._messages import Said, known
from deadlines._problems import Problem as Problem  # re-exported: supervision names it


class EventError(DeadlinesError, ValueError):
    """An event is invalid (raised by the strict API; files collect `Problem` values instead).

    Attributes:
        problem: the `Problem`, with the line and field (`Problem.text` says what is wrong).
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

    def __init__(self, extra: str, module: str, purpose: str | Said) -> None:
        self.extra = extra
        self.module = module
        self.name = module  # ImportError's
        # The purpose in both languages when the catalogue knows it (``problem.known.*``).
        wanted = known(purpose) if isinstance(purpose, str) else purpose
        self._say("check.missing_extra", purpose=wanted, module=repr(module), extra=extra)
