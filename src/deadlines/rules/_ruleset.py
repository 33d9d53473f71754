"""Rules (a cited, dated limit with a stable id) and rule sets (values you can copy and diff)."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from typing import Any, ClassVar

from pydantic import Field, PrivateAttr, model_validator

from deadlines._errors import InvalidValueError, NotInEffectError, UnknownRuleError
from deadlines._messages import Said
from deadlines.rules._combinators import AnyLimit
from deadlines.rules._values import Citation, Value

#: The day the 2020 opinion was issued, from which all its rules apply.
OPINION_2020_ISSUED = dt.date(2020, 4, 21)


class Rule(Value):
    """A limit of the policy: its stable id, titles, citation, who acts, and when it applies.

    Attributes:
        id: a stable dotted id such as ``minutes.executive``; integrators depend on it.
        title_zh: the Chinese title.
        title_en: the English title.
        citation: the article and the sentence it encodes.
        limit: what it requires (a duration, a combination, or a constraint).
        actor_zh: who acts, in Chinese.
        actor_en: who acts, in English.
        effective_from: the first day it applies (inclusive).
        effective_until: the last day it applies (inclusive), or ``None`` for open-ended.
        origin: who changed or added it, when not the base policy (a plugin, a policy file).
    """

    _positional: ClassVar[tuple[str, ...]] = ("id",)
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
    title_zh: str
    title_en: str
    citation: Citation
    limit: AnyLimit
    actor_zh: str = ""
    actor_en: str = ""
    effective_from: dt.date = OPINION_2020_ISSUED
    effective_until: dt.date | None = None
    origin: str = ""

    @model_validator(mode="after")
    def _dates(self) -> Rule:
        if self.effective_until is not None and self.effective_until < self.effective_from:
            raise ValueError(
                f"effective_until ({self.effective_until}) is before effective_from "
                f"({self.effective_from})"
            )
        return self

    def in_effect(self, day: dt.date) -> bool:
        """Whether this version applies on `day`."""
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )

    def window(self) -> str:
        """``from 2020-04-21`` or ``from 2020-04-21 through 2026-12-31``."""
        return self.window_said().render("en")

    def window_said(self) -> Said:
        """When this version applies, for a message: 自2020年4月21日起执行 / from 2020-04-21."""
        first, last = self.effective_from, self.effective_until
        if last is None:
            return Said("window.open", {"first": first})
        return Said("window.closed", {"first": first, "last": last})

    def evolve(self, **changes: Any) -> Rule:  # noqa: ANN401
        """A copy with some fields changed, validated again."""
        return Rule.model_validate({**dict(self), **changes})


class RuleChange(Value):
    """A rule id whose versions differ between two rule sets."""

    id: str
    before: tuple[Rule, ...]
    after: tuple[Rule, ...]


class RuleSetDiff(Value):
    """What changes from one rule set to another: the ids `added` (only in the new set),
    `removed` (only in the old) and `changed` (in both, with versions that differ)."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[RuleChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


class RuleSet(Value):
    """A set of rules: a value. Copy it with one rule changed, and diff two.

    Several versions of one id may coexist if their effective dates do not overlap; the one
    applied is chosen by the trigger's date.
    """

    name: str = ""
    rules: tuple[Rule, ...] = ()
    _by_id: dict[str, tuple[Rule, ...]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:  # noqa: ANN401 - pydantic's signature
        """Index the versions by id (also for sets built without validation)."""
        by_id: dict[str, list[Rule]] = {}
        for rule in self.rules:
            by_id.setdefault(rule.id, []).append(rule)
        self._by_id = {
            k: tuple(sorted(v, key=lambda r: r.effective_from)) for k, v in by_id.items()
        }

    @model_validator(mode="after")
    def _no_overlap(self) -> RuleSet:
        for rule_id, versions in self._by_id.items():
            for before, after in pairwise(versions):
                if before.effective_until is None or before.effective_until >= after.effective_from:
                    raise ValueError(
                        f"versions of {rule_id!r} overlap: {before.window()} and {after.window()}; "
                        "end the earlier one (effective_until) before the later one starts"
                    )
        return self

    def __repr__(self) -> str:
        name = f"{self.name!r}, " if self.name else ""
        return f"RuleSet({name}{len(self.rules)} rules: {', '.join(self.ids)})"

    @property
    def ids(self) -> tuple[str, ...]:
        """The rule ids, in the order of the set."""
        return tuple(self._by_id)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def versions(self, rule_id: str) -> tuple[Rule, ...]:
        """Every version of `rule_id`, oldest first."""
        try:
            return self._by_id[rule_id]
        except KeyError:
            raise UnknownRuleError(rule_id, self.ids) from None

    def get(self, rule_id: str, on: dt.date | None = None) -> Rule:
        """The version of `rule_id` in effect on `on` (the latest version when `on` is None).

        Raises:
            UnknownRuleError: no rule has that id.
            NotInEffectError: no version applies on `on`.
        """
        versions = self.versions(rule_id)
        if on is None:
            return versions[-1]
        for rule in versions:
            if rule.in_effect(on):
                return rule
        raise NotInEffectError(rule_id, on, tuple(rule.window_said() for rule in versions))

    def with_rule(self, rule: Rule) -> RuleSet:
        """A copy with `rule` added, or replacing the version of its id that starts the same day."""
        if not isinstance(rule, Rule):
            raise InvalidValueError("rule", rule, "a Rule")
        rules = [
            r for r in self.rules if (r.id, r.effective_from) != (rule.id, rule.effective_from)
        ]
        if len(rules) == len(self.rules):
            rules.append(rule)
        else:
            position = next(i for i, r in enumerate(self.rules) if r.id == rule.id)
            rules.insert(position, rule)
        return RuleSet(name=self.name, rules=tuple(rules))

    def without(self, rule_id: str) -> RuleSet:
        """A copy without any version of `rule_id`."""
        self.versions(rule_id)
        return RuleSet(name=self.name, rules=tuple(r for r in self.rules if r.id != rule_id))

    def diff(self, other: RuleSet) -> RuleSetDiff:
        """What changes going from this set to `other`.

        >>> from deadlines.rules import OPINION_2020, Hours
        >>> faster = OPINION_2020.get("routing.ordinary").evolve(limit=Hours(24))
        >>> OPINION_2020.diff(OPINION_2020.with_rule(faster)).changed[0].id
        'routing.ordinary'
        """
        mine, theirs = self._by_id, other._by_id
        return RuleSetDiff(
            added=tuple(i for i in theirs if i not in mine),
            removed=tuple(i for i in mine if i not in theirs),
            changed=tuple(
                RuleChange(id=i, before=mine[i], after=theirs[i])
                for i in mine
                if i in theirs and mine[i] != theirs[i]
            ),
        )
