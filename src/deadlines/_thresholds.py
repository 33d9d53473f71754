"""Supervision thresholds (public as `deadlines.supervision.Thresholds`): when an obligation
turns yellow, and when an overdue one is escalated (docs/supervision.md, docs/design.md).

Kept outside `deadlines.supervision` so that an engine whose plugins set them does not import
supervision (about 45 ms of events, ledger and report) during ``deadlines due``.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, NonNegativeInt, PositiveInt

from deadlines._value import Value


class WorkingDaysBefore(Value):
    """Warn from `n` working days before the due instant (at the same time of day).

    ``n = 0`` warns only at the due instant itself.

    >>> WorkingDaysBefore(1)
    WorkingDaysBefore(1)
    """

    kind: Literal["working_days_before"] = "working_days_before"
    _positional: ClassVar[tuple[str, ...]] = ("n",)
    n: NonNegativeInt = 1

    def __init__(self, n: int | None = None, /, **data: object) -> None:
        if n is not None:
            data["n"] = n
        super().__init__(**data)


class FractionOfLimit(Value):
    """Warn once `fraction` of the limit has elapsed since the trigger.

    For a limit in working days, the remaining share is rounded up to whole working days:
    with 0.8 of a 3-working-day limit, 0.6 of a day is left, so the warning starts 1 working
    day before the due instant. Other limits measure the share in clock time.

    >>> FractionOfLimit(0.8)
    FractionOfLimit(0.8)
    """

    kind: Literal["fraction_of_limit"] = "fraction_of_limit"
    _positional: ClassVar[tuple[str, ...]] = ("fraction",)
    fraction: Annotated[float, Field(gt=0, le=1)]

    def __init__(self, fraction: float | None = None, /, **data: object) -> None:
        if fraction is not None:
            data["fraction"] = fraction
        super().__init__(**data)


WarningRule = Annotated[WorkingDaysBefore | FractionOfLimit, Field(discriminator="kind")]
"""When the warning window opens."""


class Thresholds(Value):
    """When an obligation turns yellow, and when an overdue one is escalated.

    Attributes:
        warning: when the warning window opens; 1 working day before the due instant by
            default.
        escalate_after: an overdue obligation is escalated from this working day after its
            last day (5 by default: a notice of criticism in many supervision systems).
        per_rule: thresholds for single rules (``minutes.executive``) or families
            (``minutes``), which win over these.

    >>> t = Thresholds().with_rule("routing", warning=FractionOfLimit(0.5))
    >>> t.for_rule("routing.ordinary").warning, t.for_rule("minutes.executive").warning
    (FractionOfLimit(0.5), WorkingDaysBefore(1))
    """

    warning: WarningRule = WorkingDaysBefore(1)
    escalate_after: PositiveInt = 5
    per_rule: tuple[tuple[str, Thresholds], ...] = ()

    def for_rule(self, rule_id: str) -> Thresholds:
        """The thresholds that apply to `rule_id`: its own, its family's, or these."""
        if not self.per_rule:
            return self
        found = dict(self.per_rule)
        chosen = found.get(rule_id) or found.get(rule_id.split(".", 1)[0])
        if chosen is None:
            return self.model_copy(update={"per_rule": ()})
        return chosen

    def with_rule(
        self,
        rule_id: str,
        *,
        warning: WorkingDaysBefore | FractionOfLimit | None = None,
        escalate_after: int | None = None,
    ) -> Thresholds:
        """A copy with other thresholds for one rule or family (the rest as here)."""
        base = self.for_rule(rule_id)
        own = Thresholds(
            warning=warning if warning is not None else base.warning,
            escalate_after=escalate_after if escalate_after is not None else base.escalate_after,
        )
        others = tuple((key, value) for key, value in self.per_rule if key != rule_id)
        return Thresholds(
            warning=self.warning,
            escalate_after=self.escalate_after,
            per_rule=(*others, (rule_id, own)),
        )

    def with_all(
        self,
        *,
        warning: WorkingDaysBefore | FractionOfLimit | None = None,
        escalate_after: int | None = None,
    ) -> Thresholds:
        """A copy with these thresholds for every rule: per-rule and family ones included.

        What ``deadlines check --warn-days`` (``--warn-fraction``, ``--escalate-after``) does
        to the thresholds a plugin set: the option wins everywhere, the rest stays.

        >>> t = Thresholds().with_rule("minutes", warning=FractionOfLimit(0.5), escalate_after=3)
        >>> t.with_all(warning=WorkingDaysBefore(2)).for_rule("minutes.executive")
        Thresholds(warning=WorkingDaysBefore(2), escalate_after=3)
        """
        given = {"warning": warning, "escalate_after": escalate_after}
        changes = {name: value for name, value in given.items() if value is not None}
        if not changes:
            return self
        per_rule = tuple(
            (key, value.with_all(warning=warning, escalate_after=escalate_after))
            for key, value in self.per_rule
        )
        return Thresholds.model_validate({**dict(self), **changes, "per_rule": per_rule})
