"""What the decided claims make: the rule set, conventions, calendar, thresholds and traces."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, TypeVar

from deadlines._errors import PluginConflictError
from deadlines._plugins._claims import Claim, Claims, PluginChange, one_line
from deadlines._plugins._read import FIELDS_ZH
from deadlines.calendar import CalendarOverride, ChinaCalendar, DayChange, Notice, OfficeHours
from deadlines.rules import Conventions, Rule, RuleSet
from deadlines.rules._trace import step

if TYPE_CHECKING:
    from deadlines._result import TraceStep
    from deadlines._thresholds import Thresholds

_T = TypeVar("_T")
_REQUIREMENTS: Final = ("limit", "effective_from", "effective_until")  # shown in traces in full


def rule_set(claims: Claims, base: RuleSet) -> RuleSet:
    """`base` with the rules disabled, changed and added.

    Raises:
        PluginConflictError: versions that different plugins add or end overlap.
    """
    disabled = {target[1] for target, _ in claims.applied("disabled")}
    fields: dict[tuple[str, dt.date], dict[str, object]] = {}
    origins: dict[tuple[str, dt.date], list[str]] = {}
    for (_, rule_id, since, name), winners in claims.applied("rule"):
        fields.setdefault((rule_id, since), {})[name] = winners[0].value
        origins.setdefault((rule_id, since), []).extend(c.plugin for c in winners)
    rules: list[Rule] = []
    touched: dict[str, set[str]] = {}
    for rule in base.rules:
        key = (rule.id, rule.effective_from)
        if rule.id in disabled:
            continue
        if key in fields:
            rule = rule.evolve(**fields[key], origin=_origin(rule.origin, origins[key]))
            touched.setdefault(rule.id, set()).update(origins[key])
        rules.append(rule)
    for (_, rule_id, since), winners in claims.applied("added"):
        if rule_id in disabled:
            continue
        added = _typed(winners[0], Rule)
        names = [c.plugin for c in winners] + origins.get((rule_id, since), [])
        rules.append(added.evolve(**fields.get((rule_id, since), {}), origin=_origin("", names)))
        touched.setdefault(rule_id, set()).update(names)
    try:
        return RuleSet(name=base.name, rules=tuple(rules))
    except ValueError as error:  # versions added or ended by different plugins overlap
        shared = sorted({p for names in touched.values() if len(names) > 1 for p in names})
        culprits = shared or sorted({p for names in touched.values() for p in names})
        raise PluginConflictError(
            "the versions of a rule", tuple(culprits), one_line(error)
        ) from error


def conventions(claims: Claims, base: Conventions) -> Conventions:
    changes = {target[1]: winners[0].value for target, winners in claims.applied("convention")}
    if not changes:
        return base
    return Conventions.model_validate({**dict(base), **changes})


def thresholds(claims: Claims, base: Thresholds | None) -> Thresholds | None:
    """The merged thresholds, or None when no plugin changes them.

    Each field falls back field by field: a rule's own, then its family's, then the merged
    default (the library's default has no per-rule entries of its own).
    """
    changed: dict[str, dict[str, object]] = {}
    for (_, key, name), winners in claims.applied("thresholds"):
        changed.setdefault(key, {})[name] = winners[0].value
    if base is None or not changed:
        return None
    cls = type(base)
    default = {**dict(base), **changed.pop("", {}), "per_rule": ()}

    def layered(key: str) -> object:
        family = key.split(".", 1)[0]
        inherited = changed.get(family, {}) if family != key else {}
        return cls.model_validate({**default, **inherited, **changed[key]})

    per_rule = tuple((key, layered(key)) for key in sorted(changed))
    return cls.model_validate({**default, "per_rule": per_rule})


def calendar(
    claims: Claims, base: ChinaCalendar | None, base_hours: OfficeHours
) -> ChinaCalendar | None:
    """The calendar with the plugins' days and office hours, or None if they change none."""
    hours = [_typed(winners[0], OfficeHours) for _, winners in claims.applied("office_hours")]
    days: dict[str, list[DayChange]] = {}
    notices: dict[str, list[Notice]] = {}
    # Where several plugins agree, the first (highest rank, then name) is the day's origin.
    for _, winners in claims.applied("day"):
        days.setdefault(winners[0].plugin, []).append(_typed(winners[0], DayChange))
    for _, winners in claims.applied("notice"):
        notices.setdefault(winners[0].plugin, []).append(_typed(winners[0], Notice))
    if not days and not notices and not hours:
        return None
    overrides = tuple(
        CalendarOverride(
            origin=name,
            notices=tuple(sorted(notices.get(name, ()), key=lambda notice: notice.year)),
            local=tuple(sorted(days.get(name, ()), key=lambda change: change.date)),
        )
        for name in sorted({*days, *notices})
    )
    office_hours = hours[0] if hours else base_hours
    if base is None:
        return ChinaCalendar(overrides, office_hours=office_hours)
    # The base's day table is reused: no second load, and no other cache directory.
    return base.evolve(overrides=(*base.overrides, *overrides), office_hours=office_hours)


def rule_steps(claims: Claims) -> dict[tuple[str, dt.date], tuple[TraceStep, ...]]:
    """The trace steps of each rule version's plugin changes: one per plugin.

    What the rule requires (limit, effective dates) is shown before and after; labels
    and the citation, which the result shows anyway, are only named.
    """
    steps: dict[tuple[str, dt.date], list[TraceStep]] = {}
    for target, winners in claims.applied("added"):
        for claim in winners:
            steps.setdefault((target[1], target[2]), []).append(_step(claim))
    grouped: dict[tuple[str, dt.date, str], list[PluginChange]] = {}
    for target, winners in claims.applied("rule"):
        for claim in winners:
            grouped.setdefault((target[1], target[2], claim.plugin), []).append(claim.change)
    for (rule_id, since, plugin), changes in grouped.items():
        shown = [c for c in changes if c.field in _REQUIREMENTS]
        named = [c.field for c in changes if c.field not in _REQUIREMENTS]
        where = changes[0].target
        zh = "；".join(
            f"{FIELDS_ZH.get(c.field, c.field)} 由 {c.before_zh or c.before} "
            f"改为 {c.after_zh or c.after}"
            for c in shown
        )
        en = "; ".join(f"{c.field} {c.before} → {c.after}" for c in shown)
        if named:
            named_zh = "、".join(FIELDS_ZH.get(field, field) for field in named)
            zh += f"{'；另改' if zh else '改'}{named_zh}"
            en += f"{'; also ' if en else ''}{', '.join(named)}"
        steps.setdefault((rule_id, since), []).append(
            step(
                "plugin", f"本地调整：{where}：{zh}", f"local change: {where}: {en}", origin=plugin
            )
        )
    return {key: tuple(value) for key, value in steps.items()}


def steps(claims: Claims) -> tuple[TraceStep, ...]:
    """The trace steps of changes that concern every rule: conventions and office hours."""
    return tuple(
        _step(claim)
        for kind in ("convention", "office_hours")
        for _, winners in claims.applied(kind)
        for claim in winners
    )


def _step(claim: Claim) -> TraceStep:
    change = claim.change
    return step(
        "plugin", f"本地调整：{change.zh}", f"local change: {change.en}", origin=claim.plugin
    )


def _typed(claim: Claim, cls: type[_T]) -> _T:
    """The payload a claim of this kind always carries."""
    if not isinstance(claim.payload, cls):  # pragma: no cover - the reader stores it
        raise TypeError(claim.payload)
    return claim.payload


def _origin(base: str, plugins: Iterable[str]) -> str:
    names = list(dict.fromkeys(plugins))
    return ", ".join([base, *names] if base else names)
