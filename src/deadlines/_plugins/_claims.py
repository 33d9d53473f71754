"""The table of claims: each hook's answer read into claims (one plugin's value for one
target), and the one rule that decides them, by rank (docs/design.md, "Plugins")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import reduce
from typing import TYPE_CHECKING, Any, Final, NoReturn

from deadlines import hookspecs
from deadlines._errors import PluginConflictError, PluginError, describe
from deadlines._messages import MESSAGES, Lang, Names, Said, say, say_in
from deadlines.calendar import CalendarOverride, DayChange, Notice, OfficeHours
from deadlines.calendar._table import FIRST_DATE, LAST_DATE
from deadlines.rules import Citation, Conventions, Limit, Rule, RuleSet

if TYPE_CHECKING:
    from deadlines._thresholds import Thresholds
    from deadlines.calendar import Season

#: The hooks in the order they are called (that of `deadlines.hookspecs`), which is also the
#: order changes are listed in.
HOOKS: Final = tuple(name for name in vars(hookspecs) if name.startswith("deadlines_"))
_LABEL_FIELDS: Final = ("title_zh", "title_en", "actor_zh", "actor_en")
_RULE_FIELDS: Final = tuple(name for name in Rule.model_fields if name != "origin")
_RULES = 'a list of Rule values, e.g. [rules.get("routing.ordinary").evolve(limit=...)]'
_LABELS = "a mapping of rule ids to labels, e.g. {'routing.ordinary': {'title_en': '...'}}"
_THRESHOLDS = (
    "a Thresholds value, e.g. Thresholds(warning=WorkingDaysBefore(2)), or a mapping of rule "
    "ids or families to Thresholds, e.g. {'minutes': Thresholds(escalate_after=3)}"
)
# ("rule", id, effective_from, field), ("added", id, effective_from), ("disabled", id),
# ("convention", name), ("office_hours",), ("day", date), ("notice", year) or
# ("thresholds", key, field), the key a rule id, a family or "" (the default)
Target = tuple[Any, ...]
_LANGS: Final[tuple[Lang, Lang]] = ("zh", "en")


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


def field_words(field: str) -> Said | str:
    """A rule's field as a Chinese reader knows it (时限, 中文标题); other fields by name."""
    message = f"plugin.field.{field}"
    return Said(message) if message in MESSAGES else field


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


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

    def change(self, kind: str, target: str, after: str, said: Said) -> PluginChange:
        """The change of something new (`before` empty), in the words `said`."""
        return PluginChange(self.hook, kind, target, "", "", after, *map(said.render, _LANGS))


@dataclass(slots=True)
class Claim:
    """One plugin's say on one target: `value` decides conflicts, `payload` rebuilds the thing."""

    plugin: str
    rank: int
    change: PluginChange
    what: str  # the target in a conflict's words
    value: Any
    payload: Any = None
    overridden_by: str = ""


class Claims:
    """Every claim by target, in the order read, against the base configuration; the method
    named after a hook (``rules`` for ``deadlines_rules``) reads its answers."""

    def __init__(self, rules: RuleSet, conventions: Conventions, hours: OfficeHours) -> None:
        self.by_target: dict[Target, list[Claim]] = {}
        self.base_rules, self.base_conventions, self.base_hours = rules, conventions, hours
        self.by_key = {(rule.id, rule.effective_from): rule for rule in rules.rules}
        self.base_thresholds: Thresholds | None = None  # set when a plugin implements the hook

    # -- the readers, one per hook ---------------------------------------------------------

    def calendar(self, answer: Answer) -> None:
        override, seen = answer.value, dict[dt.date, bool]()
        if not isinstance(override, CalendarOverride):
            answer.wrong("a CalendarOverride, e.g. CalendarOverride('', local=(DayChange(...),))")
        local = "DayChange values in CalendarOverride.local"
        for day in answer.each(override.local, DayChange, local):
            _check_day(answer, day.date)
            if seen.setdefault(day.date, day.off) != day.off:
                raise answer.error(f"sets {day.date} both off and on")
            after, name = "off" if day.off else "on", Names(day.name, day.name_en or day.name)
            values = {"day": day.date, "what": Said(f"plugin.day.{after}"), "name": name}
            said = Said("plugin.day", {**values, "source": day.source})
            change = answer.change("day", str(day.date), after, said)
            self.add(("day", day.date), f"the day {day.date}", answer, change, day.off, day)
        notices = "Notice values in CalendarOverride.notices"
        for notice in answer.each(override.notices, Notice, notices):
            year, first, last = notice.year, FIRST_DATE.year, LAST_DATE.year
            if not first <= year <= last:
                raise answer.error(
                    f"a notice for {year}: the calendar covers {first} through {last}"
                )
            for day in notice.changes:
                _check_day(answer, day.date)
            off, on = sum(d.off for d in notice.changes), sum(not d.off for d in notice.changes)
            said = Said(
                "plugin.notice", {"year": year, "source": notice.source, "off": off, "on": on}
            )
            change = answer.change("notice", str(year), notice.source, said)
            self.add(("notice", year), f"the {year} notice", answer, change, notice, notice)

    def office_hours(self, answer: Answer) -> None:
        hours, base = answer.value, self.base_hours
        if not isinstance(hours, OfficeHours):
            answer.wrong("an OfficeHours value, e.g. OfficeHours(seasons=(summer,))")
        if hours == base:
            return
        was, now = _hours_said(base), _hours_said(hours)
        zh, en = map(Said("plugin.office_hours", {"before": was, "after": now}).render, _LANGS)
        kept, added = hours.seasons[: len(base.seasons)], hours.seasons[len(base.seasons) :]
        if added and (hours.sessions, kept) == (base.sessions, base.seasons):
            # Only seasons added: before and after would read the same up to them.
            seasons = tuple(_season_said(season) for season in added)
            zh = say("plugin.office_hours.seasons", "zh", seasons=seasons)
        before, after = was.render("en"), now.render("en")
        change = PluginChange(answer.hook, "office_hours", "", "", before, after, zh, en)
        self.add(("office_hours",), "the office hours", answer, change, hours)

    def conventions(self, answer: Answer) -> None:
        example = "a mapping of convention names to values, e.g. {'cutoff': 'midnight'}"
        changes, base = answer.mapping(answer.value, object, example), self.base_conventions
        unknown = [name for name in changes if name not in Conventions.model_fields]
        if unknown:
            names = ", ".join(Conventions.model_fields)
            raise answer.error(f"no convention {unknown[0]!r}; the conventions are {names}")
        try:
            merged = Conventions.model_validate({**dict(base), **changes})
        except ValueError as error:
            raise answer.error(one_line(error)) from error
        for name in changes:
            words = f"the convention {name}", Said("plugin.convention", {"name": name})
            before, after = getattr(base, name), getattr(merged, name)
            self.set(("convention", name), words, answer, before, after, name)

    def rules(self, answer: Answer) -> None:
        if isinstance(answer.value, Rule):  # iterable (a pydantic model), but one rule
            answer.wrong(f"{_RULES}; put the rule in a list")
        rules: list[Rule] = answer.each(answer.value, Rule, _RULES)
        try:  # the plugin's rules alone must make a valid set: no overlapping versions
            reduce(RuleSet.with_rule, rules, self.base_rules)
        except ValueError as error:
            raise answer.error(one_line(error)) from error
        # New versions first, so that the changes of a rule that now has several versions
        # name each by its date.
        for rule in sorted(rules, key=lambda rule: (rule.id, rule.effective_from) in self.by_key):
            key = (rule.id, rule.effective_from)
            base = self.by_key.get(key)
            if base is not None:
                for name in _RULE_FIELDS:
                    self._rule_field(answer, key, name, getattr(base, name), getattr(rule, name))
                continue
            limit, cited = rule.limit, rule.citation
            source = {"article": cited.article, "document": cited.document}
            values = {"rule": rule.id, "window": rule.window_said()}
            values["limit"] = Names(limit.describe("zh"), limit.describe())
            values["source"] = Names(
                cited.render("zh"), say("plugin.rule_added.source", "en", **source)
            )
            change = answer.change(
                "rule_added", rule.id, limit.describe(), Said("plugin.rule_added", values)
            )
            what = f"the new rule {rule.id} (from {rule.effective_from})"
            value = tuple(getattr(rule, name) for name in _RULE_FIELDS)
            self.add(("added", *key), what, answer, change, value, rule)

    def disable_rules(self, answer: Answer) -> None:
        ids = ", ".join(self.base_rules.ids)
        for rule_id in answer.each(
            answer.value, str, "a list of rule ids, e.g. ['meetings.march_freeze']"
        ):
            if rule_id not in self.base_rules:
                raise answer.error(f"no rule {rule_id!r} to disable; the rules are {ids}")
            said = Said("plugin.rule_disabled", {"rule": rule_id})
            change = answer.change("rule_disabled", rule_id, "disabled", said)
            self.add(("disabled", rule_id), f"the rule {rule_id}", answer, change, value=True)

    def labels(self, answer: Answer) -> None:
        versions = self.versions()
        ids = sorted({rule_id for rule_id, _ in versions})
        for rule_id, fields in answer.mapping(answer.value, Mapping, _LABELS).items():
            if rule_id not in ids:
                raise answer.error(f"no rule {rule_id!r} to label; the rules are {', '.join(ids)}")
            for name, text in answer.mapping(fields, str, _LABELS).items():
                if name not in _LABEL_FIELDS:
                    labels = ", ".join(_LABEL_FIELDS)
                    raise answer.error(
                        f"cannot label {name!r} of {rule_id}; the labels are {labels}"
                    )
                if not text.strip():
                    answer.wrong(f"non-empty text for {name} of {rule_id}", text)
                for key, rule in versions.items():
                    if key[0] == rule_id:
                        self._rule_field(answer, key, name, getattr(rule, name), text)

    def supervision_thresholds(self, answer: Answer) -> None:
        from deadlines._thresholds import Thresholds

        base, value = self.base_thresholds or Thresholds(), answer.value
        default: list[tuple[str, Thresholds]] = []
        if isinstance(value, Thresholds):  # the default, with its own per-rule entries
            default, keyed = [("", value)], list(value.per_rule)
            keys = [key for key, _ in keyed]
            twice = next((key for key in keys if keys.count(key) > 1), None)
            if twice is not None:
                raise answer.error(
                    f"gives {twice!r} twice in per_rule; give each rule or family once"
                )
        else:
            keyed = list(answer.mapping(value, Thresholds, _THRESHOLDS).items())
        ids = {rule_id for rule_id, _ in self.versions()}
        families = sorted({rule_id.split(".", 1)[0] for rule_id in ids})
        for key, own in keyed:  # a rule id or a family, as `Thresholds.for_rule` looks them up
            if key not in ids and key not in families:
                family = key.endswith(".*") and key[:-2] in families
                hint = f" (a family is named without '.*': {key[:-2]!r})" if family else ""
                raise answer.error(
                    f"no rule or family {key!r} to set thresholds for{hint}; give a rule id "
                    f"such as 'minutes.executive' or a family: {', '.join(families)}"
                )
            if own.per_rule:
                raise answer.error(
                    f"the thresholds for {key!r} have per_rule entries of their own; give each "
                    "rule or family its own key instead"
                )
        for key, own in default + keyed:
            before = base.for_rule(key) if key else base
            label = Said("plugin.thresholds.of", {"key": key}) if key else Said("plugin.thresholds")
            for name in ("warning", "escalate_after"):
                what = f"the supervision threshold {name}{f' for {key}' if key else ''}"
                old, new = getattr(before, name), getattr(own, name)
                self.set(("thresholds", key, name), (what, label), answer, old, new, key)

    # -- the table ---------------------------------------------------------------------------

    def versions(self) -> dict[tuple[str, dt.date], Rule]:
        """Every version of every rule known so far: the base's, and those plugins add."""
        added = {target[1:]: claims[0].payload for target, claims in self.applied("added")}
        return {**self.by_key, **added}

    def _rule_field(
        self, answer: Answer, key: tuple[str, dt.date], name: str, before: object, after: object
    ) -> None:
        if before == after:
            return
        rule_id, since = key
        several = sum(other == rule_id for other, _ in self.versions()) > 1
        # routing.ordinary@2020-04-21 as data; routing.ordinary（2020年4月21日版本） in Chinese
        shown = Said("rule.version_of", {"rule": rule_id, "since": since}) if several else rule_id
        what = f"{name} of the rule {rule_id} (from {since})"
        where = f"{rule_id}@{since}" if several else rule_id
        self.set(("rule", *key, name), (what, shown), answer, before, after, where)

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
        """Claim `target` where `after` differs from `before` (``{target}: {field} {before} →
        {after}``); `words`: the target in a conflict's and in the change's words."""
        if before == after:
            return
        field = target[-1] if target[0] in ("rule", "thresholds") else ""
        b, a, b_zh, a_zh = _plain(before), _plain(after), _plain(before, "zh"), _plain(after, "zh")
        values = {"target": words[1], "before": Names(b_zh, b), "after": Names(a_zh, a)}
        values["field"] = field_words(field)  # the plain message has no place for it
        message = "plugin.changed.field" if field else "plugin.changed"
        zh, en = map(Said(message, values).render, _LANGS)
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
        """Mark every claim a higher-ranking one overrides; raise on a conflict between equals
        (a rule disabled is one more target: its disabling against every change to it)."""
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


def _plain(value: object, lang: str = "en") -> str:
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


def _hours_said(hours: OfficeHours) -> Said:
    """``09:00–12:00, 13:30–17:30; summer 07-01–09-30: 08:00–12:00, 15:00–18:00``."""
    seasons = tuple(_season_said(s) for s in hours.seasons)
    message = "plugin.hours.seasons" if seasons else "plugin.hours"
    return Said(message, {"sessions": _sessions(hours.sessions), "seasons": seasons})


def _sessions(items: tuple[tuple[dt.time, dt.time], ...]) -> tuple[str, ...]:
    return tuple(f"{start:%H:%M}–{end:%H:%M}" for start, end in items)


def _season_said(season: Season) -> Said:
    (m1, d1), (m2, d2), sessions = season.start, season.end, _sessions(season.sessions)
    span = f"{m1:02}-{d1:02}–{m2:02}-{d2:02}"
    return Said("plugin.season", {"name": season.name, "span": span, "sessions": sessions})


def _check_day(answer: Answer, day: object) -> None:
    if type(day) is not dt.date or not FIRST_DATE <= day <= LAST_DATE:
        raise answer.error(
            f"a day {describe(day)}: each day must be a date from {FIRST_DATE} through {LAST_DATE}"
        )
