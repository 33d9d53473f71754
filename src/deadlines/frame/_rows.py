"""The rows a kernel counts for, and the answer it gives them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from deadlines.frame._days import Bools, Days, Ints
from deadlines.rules import Conventions

Objects = npt.NDArray[np.object_]


class Answer(NamedTuple):
    """What a kernel returns for its rows."""

    due: Ints
    """The due instants, China-time ns."""
    last: Ints
    """The offsets of the last days."""
    provisional: Bools
    ok: Bools
    """The rows answered; the others go to `Engine.due`."""


class Rows:
    """The rows a kernel counts for: their triggers, parameters, and the calendar's arrays."""

    __slots__ = ("conventions", "days", "params", "rule_id", "start")

    def __init__(
        self,
        days: Days,
        conventions: Conventions,
        start: Ints,
        params: Mapping[str, Objects],
        rule_id: str,
    ) -> None:
        self.days = days
        self.conventions = conventions
        self.start = start
        self.params = params
        self.rule_id = rule_id

    def take(self, where: Ints, start: Ints | None = None) -> Rows:
        """The rows at `where` (with other triggers, for a step of a sequence)."""
        return Rows(
            self.days,
            self.conventions,
            self.start[where] if start is None else start,
            {name: values[where] for name, values in self.params.items()},
            self.rule_id,
        )

    def given(self, name: str) -> Bools:
        """Whether each row gives the parameter `name`."""
        values = self.params.get(name)
        if values is None:
            return np.zeros(len(self.start), dtype=np.bool_)
        return given(values)


def given(values: Objects) -> Bools:
    """Which cells hold a value (a cell not given is None)."""
    return np.asarray(values != None, dtype=np.bool_)  # noqa: E711 - elementwise, on purpose
