"""The table of claims: what each plugin says of each thing, and which claim applies.

A claim is one plugin's value for one target (a field of a rule version, a convention, a day,
the office hours…). Target by target the highest rank applies (pluggy's ``tryfirst`` 2, plain
1, ``trylast`` 0), agreeing claims all apply, and two claims of the same rank that differ are a
`PluginConflictError` naming both plugins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Final, NoReturn

from deadlines import hookspecs
from deadlines._errors import PluginConflictError, PluginError, describe
from deadlines._messages import MESSAGES, Names, Said, say, say_in
from deadlines.rules import Citation, Limit, Rule

#: The hooks in the order they are called (that of `deadlines.hookspecs`), which is also the
#: order changes are listed in.
HOOKS: Final = tuple(name for name in vars(hookspecs) if name.startswith("deadlines_"))

# What a claim is about: ("rule", id, effective_from, field), ("added", id, effective_from),
# ("disabled", id), ("convention", name), ("office_hours",), ("day", date), ("notice", year),
# ("thresholds", rule id or family or "" for the default, field).
Target = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class PluginChange:
    """One thing a plugin changes, as ``deadlines plugins`` lists it and traces show it.

    Attributes:
        hook: the hook that returned it, e.g. ``deadlines_rules``.
        kind: ``rule``, ``rule_added``, ``rule_disabled``, ``convention``, ``office_hours``,
            ``day``, ``notice`` or ``thresholds``.
        target: what it changes: a rule id, a convention's name, a date, a year, the rule or
            family of supervision thresholds; empty for the office hours and the default
            thresholds.
        field: the field changed: of a rule (``limit``, ``title_en`` …) for ``rule`` changes,
            of the thresholds (``warning``, ``escalate_after``) for ``thresholds`` changes.
        before: the value before, as text; empty for something new.
        after: the value after, as text.
        zh: the change in Chinese.
        en: the change in English.
        overridden_by: the plugin whose higher-ranking change applies instead; empty when
            this change applies.
    """

    hook: str
    kind: str
    target: str
    field: str
    before: str
    after: str
    zh: str
    en: str
    overridden_by: str = ""
    before_zh: str = ""
    """`before` in Chinese, where it reads differently (a limit: ``48小时``)."""
    after_zh: str = ""
    """`after` in Chinese."""

    def text(self, lang: str = "en") -> str:
        """The change in one language, saying when another plugin's change won."""
        if self.overridden_by:
            return say_in(lang, "plugin.overridden", change=self.words, plugin=self.overridden_by)
        return say_in(lang, "plugin.as_is", change=self.words)

    @property
    def words(self) -> Names:
        """The change in both languages."""
        return Names(self.zh, self.en)


def spelled(message: str, /, **values: object) -> tuple[str, str]:
    """Catalogue `message` in Chinese and in English: a change's `zh` and `en`."""
    return say(message, "zh", **values), say(message, "en", **values)


def field_words(field: str) -> Said | str:
    """A rule's field as a Chinese reader knows it (时限, 中文标题); other fields by name."""
    message = f"plugin.field.{field}"
    return Said(message) if message in MESSAGES else field


@dataclass(frozen=True, slots=True)
class Answer:
    """One plugin's non-None answer to one hook, read only once the hook has returned."""

    plugin: str
    rank: int
    hook: str
    value: object

    def error(self, problem: str) -> PluginError:
        return PluginError(self.plugin, self.hook, problem)

    def wrong(self, expected: str, item: object = None) -> NoReturn:
        """Raise the plugin's error: what its hook returned and what is expected instead."""
        what = _short(self.value) if item is None else f"{_short(item)} among its values"
        raise self.error(f"returned {what}; expected {expected}")

    def each(self, values: object, cls: type, expected: str) -> list[Any]:
        """`values` (a list, a generator…) as a list of `cls`, or the plugin's error."""
        if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
            self.wrong(expected)
        found = list(values)
        for item in found:
            if not isinstance(item, cls):
                self.wrong(expected, item)
        return found

    def mapping(self, values: object, cls: type, expected: str) -> dict[str, Any]:
        """`values` as a mapping of text to `cls`, or the plugin's error."""
        if not isinstance(values, Mapping):
            self.wrong(expected)
        found = dict(values)
        for key, item in found.items():
            if not isinstance(key, str) or not isinstance(item, cls):
                self.wrong(expected, item if isinstance(key, str) else key)
        return found


@dataclass(slots=True)
class Claim:
    """One plugin's say on one target, `what` it is in a conflict's words.

    `value` is what conflicts are decided on; `payload` the thing it stands for where the value
    alone does not rebuild it (an added Rule, a DayChange, a Notice).
    """

    plugin: str
    rank: int
    change: PluginChange
    what: str
    value: Any
    payload: Any = None
    overridden_by: str = ""


class Claims:
    """Every claim by target, in the order the answers were read (highest rank, then name)."""

    def __init__(self) -> None:
        self.by_target: dict[Target, list[Claim]] = {}

    def add(
        self,
        target: Target,
        what: str,
        answer: Answer,
        change: PluginChange,
        value: object,
        payload: object = None,
    ) -> None:
        """Record a claim; a plugin that contradicts itself (a label against its rule) is wrong."""
        claims = self.by_target.setdefault(target, [])
        for other in (claim for claim in claims if claim.plugin == answer.plugin):
            hook, then = other.change.hook, other.change.after
            if other.value != value:
                raise answer.error(f"sets {what} to {change.after}, but its {hook} sets {then}")
            if hook == answer.hook:  # said twice in one answer: once is enough
                return
        claims.append(Claim(answer.plugin, answer.rank, change, what, value, payload))

    def set(
        self,
        target: Target,
        words: tuple[str, object],
        answer: Answer,
        before: object,
        after: object,
        name: str,
    ) -> None:
        """Claim `target` where `after` differs from `before`.

        `words` are what a conflict calls the target, and the target as the change names it
        (text, or a catalogue `Said`): ``{target}: {field} {before} → {after}``; `name` is the
        change's target.
        """
        if before == after:
            return
        field = target[-1] if target[0] in ("rule", "thresholds") else ""
        b, a, b_zh, a_zh = plain(before), plain(after), plain(before, "zh"), plain(after, "zh")
        values = {"target": words[1], "before": Names(b_zh, b), "after": Names(a_zh, a)}
        if field:
            values["field"] = field_words(field)
        zh, en = spelled("plugin.changed.field" if field else "plugin.changed", **values)
        if field == "effective_until" and before is None and isinstance(after, dt.date):
            # An open end closed: 执行至2026年3月1日, not 失效日期由未设定改为2026-03-01.
            until = say("plugin.until", "zh", day=after)
            zh = say("plugin.changed.as", "zh", target=words[1], change=until)
        b_zh, a_zh = ("" if b_zh == b else b_zh), ("" if a_zh == a else a_zh)
        change = PluginChange(answer.hook, target[0], name, field, b, a, zh, en, "", b_zh, a_zh)
        self.add(target, words[0], answer, change, after)

    def applied(self, kind: str) -> Iterator[tuple[Target, list[Claim]]]:
        """Each target of `kind` with its claims that apply (those no other plugin overrode)."""
        for target, claims in self.by_target.items():
            winners = [claim for claim in claims if not claim.overridden_by]
            if target[0] == kind and winners:
                yield target, winners

    def decide(self) -> None:
        """Mark every claim a higher-ranking one overrides; raise on a conflict between equals."""
        for claims in self.by_target.values():
            first = max(claims, key=lambda claim: claim.rank)  # the first of the highest rank
            for claim in claims:
                if claim.value == first.value:
                    continue
                if claim.rank == first.rank:
                    a, b = first.plugin, claim.plugin
                    sets = f"{a!r} sets {first.change.after}, {b!r} sets {claim.change.after}"
                    raise PluginConflictError(first.what, (a, b), sets)
                claim.overridden_by = first.plugin
        for (_, rule_id), disables in list(self.applied("disabled")):
            changes = [
                claim
                for target, claims in self.by_target.items()
                if target[0] in ("rule", "added") and target[1] == rule_id
                for claim in claims
                if not claim.overridden_by
            ]
            if not changes:
                continue
            off, on = (max(claims, key=lambda c: c.rank) for claims in (disables, changes))
            if off.rank == on.rank:  # a rule one plugin disables and another changes
                if off.plugin == on.plugin:
                    problem = f"disables {rule_id}, which its {on.change.hook} changes"
                    raise PluginError(off.plugin, off.change.hook, problem)
                says = f"{off.plugin!r} disables it, {on.plugin!r} changes it ({on.change.en})"
                raise PluginConflictError(f"the rule {rule_id}", (off.plugin, on.plugin), says)
            winner, losers = (off, changes) if off.rank > on.rank else (on, disables)
            for claim in losers:
                claim.overridden_by = winner.plugin

    def changes(self) -> dict[str, tuple[PluginChange, ...]]:
        """What each plugin changes, in hook order, each marked when another plugin won."""
        out: dict[str, list[PluginChange]] = {}
        every = [claim for claims in self.by_target.values() for claim in claims]
        every.sort(key=lambda c: (HOOKS.index(c.change.hook), c.change.kind, c.change.target))
        for claim in every:
            change = replace(claim.change, overridden_by=claim.overridden_by)
            out.setdefault(claim.plugin, []).append(change)
        return {name: tuple(changes) for name, changes in out.items()}


def plain(value: object, lang: str = "en") -> str:
    """A limit in words, an enum by its value, a date in ISO form, a citation as it reads."""
    if value is None:  # an open end: effective_until
        return say_in(lang, "plugin.unset")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Citation):
        return value.render(lang)
    if isinstance(value, Limit):
        return value.describe(lang)
    inner = getattr(value, "value", value)
    return inner if isinstance(inner, str) else repr(value)


def _short(value: object) -> str:
    """A value for an error message: a rule by its id, anything else cut at 100 characters."""
    if isinstance(value, Rule):
        return f"a Rule ({value.id})"
    text = describe(value)
    return text if len(text) <= 100 else f"{text[:99]}…"


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split())
