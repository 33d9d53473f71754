"""The counting context handed to every limit, and the outcome a limit returns."""

from __future__ import annotations

import datetime as dt
from typing import Any

from deadlines._value import Citation, Value
from deadlines.rules._conventions import Conventions

__all__ = ["Citation", "Context", "Outcome", "Value"]


class Context:
    """What a limit needs to count: the calendar, the conventions, and whether to explain.

    Rules ask the context; the context asks the calendar. It is built once per engine.
    """

    __slots__ = ("calendar", "conventions", "explain", "params", "rule_id")

    def __init__(
        self,
        calendar: Any,  # noqa: ANN401 - ChinaCalendar; typed loosely to keep rules free of it
        conventions: Conventions,
        *,
        explain: bool,
        params: dict[str, Any],
        rule_id: str = "",
    ) -> None:
        self.rule_id = rule_id
        self.calendar = calendar
        self.conventions = conventions
        self.explain = explain
        self.params = params


class Outcome:
    """A limit's answer before it becomes a `DueResult`; mutable while it is being built."""

    __slots__ = ("due", "last_day", "parts", "provisional", "steps", "warnings")

    def __init__(self, due: dt.datetime, last_day: dt.date, *, provisional: bool) -> None:
        self.due = due
        self.last_day = last_day
        self.provisional = provisional
        self.steps: list[Any] = []
        self.parts: list[Any] = []
        self.warnings: list[str] = []
