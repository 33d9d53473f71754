"""Plugins, for one engine: pluggy finds and calls them (`_manager`), a table of claims merges
their changes (`_claims`), and the configuration is built here, whole (docs/design.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import reduce
from typing import TYPE_CHECKING, Any, Final

from deadlines._errors import DeadlinesError, PluginConflictError
from deadlines._messages import Names, Said, show
from deadlines._plugins._claims import HOOKS, Claims, PluginChange, field_words, one_line
from deadlines._plugins._manager import PluginInfo, answers, infos, plugin_manager, registered
from deadlines.calendar import CalendarOverride, ChinaCalendar, OfficeHours
from deadlines.rules import Conventions, Rule, RuleSet
from deadlines.rules._trace import said

if TYPE_CHECKING:
    from deadlines._result import TraceStep
    from deadlines._thresholds import Thresholds

__all__ = ["HOOKS", "Configuration", "PluginChange", "PluginInfo", "configure"]

_Key = tuple[str, dt.date]  # a rule version: (id, effective_from)
_REQUIREMENTS: Final = ("limit", "effective_from", "effective_until")  # shown in traces in full


@dataclass(frozen=True, slots=True)
class Configuration:
    """What the plugins make of an engine's configuration (``None``: left alone)."""

    calendar: ChinaCalendar | None
    rules: RuleSet
    conventions: Conventions
    plugins: tuple[PluginInfo, ...]
    rule_steps: Mapping[_Key, tuple[TraceStep, ...]]  # the trace steps of each version's changes
    steps: tuple[TraceStep, ...]  # those of changes that concern every rule
    supervision_thresholds: Thresholds | None = None


def configure(
    calendar: ChinaCalendar | None,
    rules: RuleSet,
    conventions: Conventions,
    *,
    plugins: object = (),
    discover: bool = True,
) -> Configuration | None:
    """The configuration the plugins given in code (and installed ones, if `discover`) make, or
    ``None`` when there is none; a `PluginError` or `PluginConflictError` names the plugin."""
    manager = plugin_manager(plugins, discover=discover)
    if not registered(manager):
        return None
    base_hours = calendar.office_hours if calendar is not None else OfficeHours()
    claims = Claims(rules, conventions, base_hours)
    arguments = {"office_hours": base_hours, "conventions": conventions, "rules": rules}
    for hook in HOOKS:
        if hook == "deadlines_supervision_thresholds":
            if not getattr(manager.hook, hook).get_hookimpls():
                continue  # most plugins leave supervision alone, and pay nothing for it
            from deadlines._thresholds import Thresholds

            arguments["thresholds"] = claims.base_thresholds = Thresholds()
        for answer in answers(manager, hook, arguments):
            try:
                getattr(claims, hook.removeprefix("deadlines_"))(answer)
            except DeadlinesError:  # the reader's own, naming the plugin
                raise
            except Exception as error:  # a generator, a mapping computing its values…
                problem = f"its answer raised {type(error).__name__} while it was read: {error}"
                raise answer.error(problem) from error
    claims.decide()
    return Configuration(
        calendar=_calendar(claims, calendar, base_hours),
        rules=_rule_set(claims, rules),
        conventions=_conventions(claims, conventions),
        plugins=infos(manager, claims.changes()),
        rule_steps=_rule_steps(claims),
        steps=tuple(
            _step(claim.change.words, claim.plugin)
            for kind in ("convention", "office_hours")
            for _, winners in claims.applied(kind)
            for claim in winners
        ),
        supervision_thresholds=_thresholds(claims, claims.base_thresholds),
    )


def _rule_set(claims: Claims, base: RuleSet) -> RuleSet:
    """`base` with the rules disabled, changed and added (overlapping versions a conflict)."""
    disabled = {target[1] for target, _ in claims.applied("disabled")}
    fields: dict[_Key, dict[str, object]] = {}
    origins: dict[_Key, list[str]] = {}
    for (_, rule_id, since, name), winners in claims.applied("rule"):
        fields.setdefault((rule_id, since), {})[name] = winners[0].value
        origins.setdefault((rule_id, since), []).extend(c.plugin for c in winners)
    new = [(w[0].payload, "", [c.plugin for c in w]) for _, w in claims.applied("added")]
    rules: list[Rule] = []
    touched: dict[str, set[str]] = {}
    for rule, origin, added_by in [*((rule, rule.origin, []) for rule in base.rules), *new]:
        if rule.id in disabled:
            continue
        key = (rule.id, rule.effective_from)
        names = [*added_by, *origins.get(key, ())]
        if names:
            rule = rule.evolve(**fields.get(key, {}), origin=_origin(origin, names))
            touched.setdefault(rule.id, set()).update(names)
        rules.append(rule)
    try:
        return RuleSet(name=base.name, rules=tuple(rules))
    except ValueError as error:  # versions added or ended by different plugins overlap
        shared = sorted({p for names in touched.values() if len(names) > 1 for p in names})
        culprits = shared or sorted({p for names in touched.values() for p in names})
        raise PluginConflictError(
            "the versions of a rule", tuple(culprits), one_line(error)
        ) from error


def _conventions(claims: Claims, base: Conventions) -> Conventions:
    changes = {target[1]: winners[0].value for target, winners in claims.applied("convention")}
    return Conventions.model_validate({**dict(base), **changes}) if changes else base


def _thresholds(claims: Claims, base: Thresholds | None) -> Thresholds | None:
    """The merged thresholds, or None when no plugin changes them."""
    # A family before its rules (key order): `with_rule` falls back rule, family, default.
    changed: dict[str, dict[str, Any]] = {}
    for (_, key, name), winners in claims.applied("thresholds"):
        changed.setdefault(key, {})[name] = winners[0].value
    if base is None or not changed:
        return None
    default = base.model_validate({**dict(base), **changed.pop("", {})})
    return reduce(
        lambda merged, key: merged.with_rule(key, **changed[key]), sorted(changed), default
    )


def _calendar(
    claims: Claims, base: ChinaCalendar | None, base_hours: OfficeHours
) -> ChinaCalendar | None:
    """The calendar with the plugins' days and office hours, or None if they change none."""
    hours = [winners[0].value for _, winners in claims.applied("office_hours")]
    # Where several plugins agree, the first (highest rank, then name) is the day's origin.
    days = [(w[0].plugin, w[0].payload) for _, w in claims.applied("day")]
    notices = [(w[0].plugin, w[0].payload) for _, w in claims.applied("notice")]
    if not days and not notices and not hours:
        return None
    overrides = tuple(
        CalendarOverride(
            origin=name,
            notices=tuple(sorted((n for p, n in notices if p == name), key=lambda n: n.year)),
            local=tuple(sorted((d for p, d in days if p == name), key=lambda d: d.date)),
        )
        for name in sorted({p for p, _ in days + notices})
    )
    office_hours: OfficeHours = hours[0] if hours else base_hours
    if base is None:
        return ChinaCalendar(overrides, office_hours=office_hours)
    # The base's day table is reused: no second load, and no other cache directory.
    return base.evolve(overrides=(*base.overrides, *overrides), office_hours=office_hours)


def _rule_steps(claims: Claims) -> dict[_Key, tuple[TraceStep, ...]]:
    """The trace steps of each rule version's plugin changes, one per plugin: labels and the
    citation, which the result shows anyway, only named."""
    steps: dict[_Key, list[TraceStep]] = {}
    for target, winners in claims.applied("added"):
        steps.setdefault(target[1:], []).extend(_step(c.change.words, c.plugin) for c in winners)
    grouped: dict[tuple[str, dt.date, str], list[PluginChange]] = {}
    for target, winners in claims.applied("rule"):
        for claim in winners:
            grouped.setdefault((*target[1:3], claim.plugin), []).append(claim.change)
    for (rule_id, since, plugin), changes in grouped.items():
        where: str | Said = changes[0].target  # rule@date when the rule has several versions
        if "@" in changes[0].target:
            where = Said("rule.version_of", {"rule": rule_id, "since": since})
        zh, en = Names(show(where, "zh"), show(where, "en"))
        shown = tuple(
            Names(c.zh.removeprefix(f"{zh}："), c.en.removeprefix(f"{en}: "))
            for c in changes
            if c.field in _REQUIREMENTS
        )
        named = tuple(field_words(c.field) for c in changes if c.field not in _REQUIREMENTS)
        if not named:
            message = "plugin.rule_changes"
        elif shown:
            message = "plugin.rule_changes.also"
        else:
            message = "plugin.rule_changes.only"
        change = Said(message, {"where": where, "changes": shown, "fields": named})
        steps.setdefault((rule_id, since), []).append(_step(change, plugin))
    return {key: tuple(value) for key, value in steps.items()}


def _step(change: object, plugin: str) -> TraceStep:
    return said("plugin", "plugin.local_change", origin=plugin, change=change)


def _origin(base: str, plugins: Iterable[str]) -> str:
    names = list(dict.fromkeys(plugins))
    return ", ".join([base, *names] if base else names)
