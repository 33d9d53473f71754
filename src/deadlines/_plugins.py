"""Plugins: finding them, calling their hooks, and merging what they change, for one engine.

Each engine gets its own `pluggy.PluginManager`, so two engines in one process never share
plugins. Everything happens while the engine is built: the hooks are called, every answer is
checked, conflicts are found, and the whole configuration (calendar, rules, conventions) is
built before the engine takes any of it. A plugin that fails leaves nothing behind.

With no plugin installed, discovery costs one scan of the installed distributions' entry
points (about 1 ms): neither `importlib.metadata` nor pluggy is imported.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final, NoReturn

from deadlines._discovery import AUTOLOAD_ENV, ENTRY_POINT_GROUP, plugins_may_be_installed
from deadlines._errors import (
    DeadlinesError,
    InvalidArgumentError,
    InvalidValueError,
    PluginConflictError,
    PluginError,
    describe,
)
from deadlines._result import TraceStep
from deadlines.calendar import CalendarOverride, ChinaCalendar, DayChange, Notice, OfficeHours
from deadlines.calendar._table import FIRST_DATE, LAST_DATE
from deadlines.rules import Citation, Conventions, Limit, Rule, RuleSet, describe_limit
from deadlines.rules._trace import step

if TYPE_CHECKING:
    from pluggy import PluginManager

    from deadlines._thresholds import Thresholds

__all__ = [
    "AUTOLOAD_ENV",
    "ENTRY_POINT_GROUP",
    "Configuration",
    "PluginChange",
    "PluginInfo",
    "configure",
    "find_plugins",
]


#: The rule fields `deadlines_labels` may set.
LABEL_FIELDS: Final = ("title_zh", "title_en", "actor_zh", "actor_en")

_HOOKS: Final = (
    "deadlines_calendar",
    "deadlines_office_hours",
    "deadlines_conventions",
    "deadlines_rules",
    "deadlines_disable_rules",
    "deadlines_labels",
    "deadlines_supervision_thresholds",
)
_REQUIREMENTS: Final = ("limit", "effective_from", "effective_until")  # shown in traces in full
_LOAD: Final = "(load)"  # the "hook" named when a plugin fails before any hook is called
_RULE_FIELDS: Final = tuple(name for name in Rule.model_fields if name != "origin")
_RULES_EXAMPLE = 'a list of Rule values, e.g. [rules.get("routing.ordinary").evolve(limit=...)]'
_THRESHOLD_FIELDS: Final = ("warning", "escalate_after")
_THRESHOLDS_EXAMPLE = (
    "a Thresholds value, e.g. Thresholds(warning=WorkingDaysBefore(2)), or a mapping of rule "
    "ids or families to Thresholds, e.g. {'minutes': Thresholds(escalate_after=3)}"
)


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
        if lang == "zh":
            return f"{self.zh}（被 {self.overridden_by} 取代）" if self.overridden_by else self.zh
        return f"{self.en} (overridden by {self.overridden_by})" if self.overridden_by else self.en


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """A plugin an engine uses, where it comes from, and what it changes.

    Attributes:
        name: its name: the entry point's name, or the name it was given in code.
        module: the module that defines it.
        distribution: ``name version`` of the installed distribution; empty when it was
            passed in code.
        hooks: the hooks it implements.
        changes: what it changes, in the order of `deadlines.hookspecs`.
    """

    name: str
    module: str
    distribution: str
    hooks: tuple[str, ...]
    changes: tuple[PluginChange, ...] = ()

    @property
    def source(self) -> str:
        """``entry point`` or ``code``."""
        return "entry point" if self.distribution else "code"


@dataclass(frozen=True, slots=True)
class Configuration:
    """What the plugins make of an engine's configuration: built whole before it is used.

    Attributes:
        calendar: the new calendar, or ``None`` when the plugins leave the calendar alone.
        rules: the rule set.
        conventions: the conventions.
        plugins: each plugin and what it changes.
        rule_steps: trace steps naming the plugin changes of each rule version, keyed by
            (rule id, effective_from).
        steps: trace steps naming the changes that concern every rule (conventions, office
            hours).
        supervision_thresholds: the supervision thresholds, or ``None`` when the plugins
            leave the default alone.
    """

    calendar: ChinaCalendar | None
    rules: RuleSet
    conventions: Conventions
    plugins: tuple[PluginInfo, ...]
    rule_steps: Mapping[tuple[str, dt.date], tuple[TraceStep, ...]]
    steps: tuple[TraceStep, ...]
    supervision_thresholds: Thresholds | None = None


@dataclass(frozen=True, slots=True)
class _Found:
    """A plugin to register: its name, the object, and the distribution it came with."""

    name: str
    plugin: object
    distribution: str = ""


@dataclass(slots=True)
class _Claim:
    """One plugin's say on one target; `value` is what conflicts are decided on."""

    plugin: str
    rank: int  # 2 tryfirst, 1 plain, 0 trylast: pluggy's call order
    change: PluginChange
    value: object
    overridden_by: str = ""


# --- finding and registering ------------------------------------------------------------------


def find_plugins(plugins: object, *, discover: bool) -> tuple[_Found, ...]:
    """The plugins given in code, then those installed (unless `discover` is false).

    An installed plugin is skipped when a plugin of the same name, or the same object, was
    given in code.

    Raises:
        InvalidArgumentError: `plugins` is not an iterable of plugin objects or a mapping of
            names to plugin objects.
        PluginError: an installed plugin cannot be imported, or two distributions install
            plugins of the same name.
    """
    found = list(_given(plugins))
    if not discover or os.environ.get(AUTOLOAD_ENV) or not plugins_may_be_installed():
        return tuple(found)
    from importlib.metadata import entry_points

    names = {item.name: item for item in found}
    # By name: the order distributions are found in depends on the file system.
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        dist = f"{ep.dist.name} {ep.dist.version}" if ep.dist is not None else ep.value
        if ep.name in names:
            if names[ep.name].distribution:
                raise PluginError(
                    ep.name,
                    _LOAD,
                    "two distributions install a plugin of this name "
                    f"({names[ep.name].distribution} and {dist}); uninstall one",
                )
            continue
        try:
            plugin = ep.load()
        except Exception as error:
            raise PluginError(
                ep.name, _LOAD, f"cannot import {ep.value}: {type(error).__name__}: {error}"
            ) from error
        if any(item.plugin is plugin for item in found):
            continue
        item = _Found(ep.name, plugin, dist)
        names[ep.name] = item
        found.append(item)
    return tuple(found)


def _given(plugins: object) -> Iterable[_Found]:
    example = "an iterable of plugin objects, e.g. [module], or a mapping {name: plugin}"
    if isinstance(plugins, (str, bytes)) or not isinstance(plugins, Iterable):
        raise InvalidArgumentError("plugins", plugins, example)
    pairs: Iterable[tuple[object, object]]
    if isinstance(plugins, Mapping):
        pairs = plugins.items()
    else:
        pairs = ((_name_of(plugin), plugin) for plugin in plugins)
    seen: dict[str, object] = {}
    for name, plugin in pairs:
        if not isinstance(name, str) or not name:
            raise InvalidArgumentError(
                "plugins", name, "non-empty names in a mapping {name: plugin}"
            )
        if plugin is None or isinstance(plugin, (str, bytes)):
            raise InvalidArgumentError("plugins", plugin, f"plugin objects, not names: {example}")
        if name in seen:
            raise InvalidValueError(
                "plugins", name, "distinct plugin names; name them with a mapping {name: plugin}"
            )
        seen[name] = plugin
        yield _Found(name, plugin)


def _name_of(plugin: object) -> str:
    name = getattr(plugin, "__name__", None)
    return name if isinstance(name, str) else type(plugin).__name__


def _manager(found: tuple[_Found, ...]) -> PluginManager:
    """A plugin manager of its own with every plugin checked and registered."""
    # Imported here: pluggy (and the `inspect` it needs) cost ~9 ms that an engine without
    # plugins does not pay.
    from pluggy import PluginManager, PluginValidationError

    from deadlines import hookspecs

    manager = PluginManager(ENTRY_POINT_GROUP)
    manager.add_hookspecs(hookspecs)
    for item in found:
        _check_marks(item)
        try:
            manager.register(item.plugin, name=item.name)
        except PluginValidationError as error:
            hook = next((h for h in _HOOKS if repr(h) in str(error)), _LOAD)
            raise PluginError(item.name, hook, str(error).replace("\n", "; ")) from None
        except ValueError as error:  # the same object under two names
            raise InvalidValueError(
                "plugins", item.plugin, "each plugin once; it is already registered"
            ) from error
    return manager


def _check_marks(item: _Found) -> None:
    """Catch what pluggy would let pass silently: unmarked hooks, unknown hooks, wrappers."""
    import inspect

    marked = 0
    for attr in dir(item.plugin):
        try:
            value = inspect.getattr_static(item.plugin, attr)
        except AttributeError:  # pragma: no cover - dir() lists what getattr_static misses
            continue
        function = getattr(value, "__func__", value)
        opts = getattr(function, "deadlines_impl", None) if callable(function) else None
        if opts is None:
            if attr.startswith("deadlines_") and callable(function):
                raise PluginError(
                    item.name, attr, "is not marked; decorate it with @deadlines.hookimpl"
                )
            continue
        marked += 1
        hook = opts.get("specname") or attr
        if hook not in _HOOKS and not opts.get("optionalhook"):
            raise PluginError(item.name, hook, f"no such hook; the hooks are {', '.join(_HOOKS)}")
        if opts.get("wrapper") or opts.get("hookwrapper"):
            raise PluginError(
                item.name,
                hook,
                "wrappers are not supported: return the change as a value, which the engine "
                "merges and reports",
            )
    if not marked:
        raise PluginError(
            item.name,
            _LOAD,
            f"implements no hook; mark functions such as deadlines_rules with @deadlines.hookimpl"
            f" (the hooks are {', '.join(_HOOKS)})",
        )


@dataclass(frozen=True, slots=True)
class _Answer:
    plugin: str
    rank: int
    hook: str
    value: object


def _call(manager: PluginManager, hook: str, **kwargs: object) -> list[_Answer]:
    """Each plugin's non-None answer, highest rank first, then by plugin name.

    Each implementation is called by itself, so an exception is pinned on its plugin.
    """
    answers: list[_Answer] = []
    for impl in reversed(getattr(manager.hook, hook).get_hookimpls()):
        try:
            value = impl.function(*(kwargs[name] for name in impl.argnames))
        except Exception as error:
            raise PluginError(
                impl.plugin_name, hook, f"raised {type(error).__name__}: {error}"
            ) from error
        if value is not None:
            rank = 2 if impl.tryfirst else 0 if impl.trylast else 1
            answers.append(_Answer(impl.plugin_name, rank, hook, value))
    answers.sort(key=lambda answer: (-answer.rank, answer.plugin))
    return answers


def _read(answer: _Answer, merge: Callable[[_Answer], None]) -> None:
    """Merge one answer; whatever it raises while it is read is its plugin's error.

    A hook's answer is read only here, after the call: a generator runs as it is consumed,
    a mapping may compute its values. Errors the merger raises itself (`DeadlinesError`)
    already name the plugin and pass through.
    """
    try:
        merge(answer)
    except DeadlinesError:
        raise
    except Exception as error:
        raise PluginError(
            answer.plugin,
            answer.hook,
            f"its answer raised {type(error).__name__} while it was read: {error}",
        ) from error


# --- merging ------------------------------------------------------------------------------------

# What a claim is about: ("rule", id, effective_from, field), ("added", id, effective_from),
# ("disabled", id), ("convention", name), ("office_hours",), ("day", date), ("notice", year),
# ("thresholds", rule id or family or "" for the default, field).
_Target = tuple[Any, ...]


def configure(
    calendar: ChinaCalendar | None,
    rules: RuleSet,
    conventions: Conventions,
    *,
    plugins: object = (),
    discover: bool = True,
) -> Configuration | None:
    """Find the plugins, call their hooks, and merge their changes into a new configuration.

    Args:
        calendar: the engine's calendar, or ``None`` for the default one.
        rules: the engine's rule set before any plugin.
        conventions: the engine's conventions before any plugin.
        plugins: plugins given in code (objects, or a mapping of names to objects).
        discover: whether to add the plugins installed under the ``deadlines`` entry points.

    Returns:
        The configuration, or ``None`` when there is no plugin at all.

    Raises:
        PluginError: a plugin cannot be loaded, or its hook raised or returned the wrong type.
        PluginConflictError: two plugins of the same rank change one thing differently.
    """
    found = find_plugins(plugins, discover=discover)
    if not found:
        return None
    manager = _manager(found)
    base_hours = calendar.office_hours if calendar is not None else OfficeHours()
    merger = _Merger(rules, conventions, base_hours)
    for answer in _call(manager, "deadlines_calendar"):
        _read(answer, merger.calendar)
    for answer in _call(manager, "deadlines_office_hours", office_hours=base_hours):
        _read(answer, merger.office_hours)
    for answer in _call(manager, "deadlines_conventions", conventions=conventions):
        _read(answer, merger.conventions)
    for answer in _call(manager, "deadlines_rules", rules=rules):
        _read(answer, merger.rules)
    for answer in _call(manager, "deadlines_disable_rules", rules=rules):
        _read(answer, merger.disable)
    for answer in _call(manager, "deadlines_labels", rules=rules):
        _read(answer, merger.labels)
    if manager.hook.deadlines_supervision_thresholds.get_hookimpls():
        # Only here: most plugins leave supervision alone, and pay nothing for it.
        from deadlines._thresholds import Thresholds

        base_thresholds = merger.base_thresholds = Thresholds()
        for answer in _call(
            manager, "deadlines_supervision_thresholds", thresholds=base_thresholds
        ):
            _read(answer, partial(merger.thresholds, base=base_thresholds))
    merger.decide()
    new_calendar = merger.calendar_from(calendar)
    hooks = {
        item.name: tuple(
            hook
            for hook in _HOOKS
            if any(i.plugin_name == item.name for i in getattr(manager.hook, hook).get_hookimpls())
        )
        for item in found
    }
    changes = merger.changes()
    return Configuration(
        calendar=new_calendar,
        rules=merger.rule_set(),
        conventions=merger.conventions_value(),
        plugins=tuple(
            PluginInfo(
                name=item.name,
                module=_module_of(item.plugin),
                distribution=item.distribution,
                hooks=hooks[item.name],
                changes=changes.get(item.name, ()),
            )
            for item in found
        ),
        rule_steps=merger.rule_steps(),
        steps=merger.steps(),
        supervision_thresholds=merger.thresholds_value(),
    )


class _Merger:
    """Collects every plugin's claims, decides them, and builds the configuration."""

    def __init__(self, rules: RuleSet, conventions: Conventions, hours: OfficeHours) -> None:
        self.base_rules = rules
        self.base_conventions = conventions
        self.base_hours = hours
        self.by_key = {(rule.id, rule.effective_from): rule for rule in rules.rules}
        self.claims: dict[_Target, list[_Claim]] = {}
        self.base_thresholds: Thresholds | None = None  # set when a plugin implements the hook
        # What the claims stand for, typed, keyed by target and plugin: the first one each
        # plugin gives, as the claim that wins is the first of its plugin.
        self.added_rules: dict[tuple[_Target, str], Rule] = {}
        self.days: dict[tuple[_Target, str], DayChange] = {}
        self.notices: dict[tuple[_Target, str], Notice] = {}
        self.hours: dict[str, OfficeHours] = {}

    def add(
        self,
        target: _Target,
        answer: _Answer,
        change: PluginChange,
        value: object,
    ) -> None:
        claim = _Claim(answer.plugin, answer.rank, change, value)
        self.claims.setdefault(target, []).append(claim)

    def applied(self, kind: str) -> Iterable[tuple[_Target, list[_Claim]]]:
        """Each target of `kind` with its claims that apply (those no other plugin overrode)."""
        for target, claims in self.claims.items():
            if target[0] == kind:
                winners = [claim for claim in claims if not claim.overridden_by]
                if winners:
                    yield target, winners

    # --- each hook's answers, checked --------------------------------------------------------

    def calendar(self, answer: _Answer) -> None:
        override = answer.value
        if not isinstance(override, CalendarOverride):
            _wrong(answer, "a CalendarOverride, e.g. CalendarOverride('', local=(DayChange(...),))")
        seen: dict[dt.date, bool] = {}
        for change in override.local:
            if not isinstance(change, DayChange):
                _wrong(answer, "DayChange values in CalendarOverride.local", change)
            _check_day(answer, change.date)
            if seen.get(change.date, change.off) != change.off:
                raise PluginError(answer.plugin, answer.hook, f"sets {change.date} both off and on")
            seen[change.date] = change.off
            kind_zh, kind_en = ("休息日", "day off") if change.off else ("工作日", "working day")
            text = PluginChange(
                answer.hook,
                "day",
                change.date.isoformat(),
                "",
                "",
                "off" if change.off else "on",
                f"{change.date}：{kind_zh}（{change.name}），{change.source}",
                f"{change.date}: {kind_en} ({change.name_en or change.name}), {change.source}",
            )
            self.add(("day", change.date), answer, text, change.off)
            self.days.setdefault((("day", change.date), answer.plugin), change)
        for notice in override.notices:
            if not isinstance(notice, Notice):
                _wrong(answer, "Notice values in CalendarOverride.notices", notice)
            if not FIRST_DATE.year <= notice.year <= LAST_DATE.year:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"a notice for {notice.year}: the calendar covers {FIRST_DATE.year} through "
                    f"{LAST_DATE.year}",
                )
            for change in notice.changes:
                _check_day(answer, change.date)
            off = sum(change.off for change in notice.changes)
            on = len(notice.changes) - off
            text = PluginChange(
                answer.hook,
                "notice",
                str(notice.year),
                "",
                "",
                notice.source,
                f"{notice.year} 年放假通知（{notice.source}）：放假 {off} 天，调休上班 {on} 天",
                f"the {notice.year} notice ({notice.source}): {off} days off, {on} adjusted "
                "working days",
            )
            self.add(("notice", notice.year), answer, text, notice)
            self.notices.setdefault((("notice", notice.year), answer.plugin), notice)

    def office_hours(self, answer: _Answer) -> None:
        hours = answer.value
        if not isinstance(hours, OfficeHours):
            _wrong(answer, "an OfficeHours value, e.g. OfficeHours(seasons=(summer,))")
        if hours == self.base_hours:
            return
        before, after = _hours_text(self.base_hours), _hours_text(hours)
        text = PluginChange(
            answer.hook,
            "office_hours",
            "",
            "",
            before,
            after,
            f"办公时间：由 {before} 改为 {after}",
            f"office hours: {before} → {after}",
        )
        self.add(("office_hours",), answer, text, hours)
        self.hours[answer.plugin] = hours

    def conventions(self, answer: _Answer) -> None:
        changes = answer.value
        if not isinstance(changes, Mapping):
            _wrong(answer, "a mapping of convention names to values, e.g. {'cutoff': 'midnight'}")
        names = tuple(type(self.base_conventions).model_fields)
        for name in changes:
            if name not in names:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"no convention {name!r}; the conventions are {', '.join(names)}",
                )
        try:
            merged = Conventions.model_validate({**dict(self.base_conventions), **changes})
        except ValueError as error:
            raise PluginError(answer.plugin, answer.hook, _one_line(error)) from error
        for name in changes:
            before, after = getattr(self.base_conventions, name), getattr(merged, name)
            if before != after:
                text = PluginChange(
                    answer.hook,
                    "convention",
                    name,
                    "",
                    _plain(before),
                    _plain(after),
                    f"默认计算惯例 {name}：由 {_plain(before)} 改为 {_plain(after)}",
                    f"default convention {name}: {_plain(before)} → {_plain(after)}",
                )
                self.add(("convention", name), answer, text, after)

    def rules(self, answer: _Answer) -> None:
        if isinstance(answer.value, Rule):  # iterable (a pydantic model), but one rule
            _wrong(answer, f"{_RULES_EXAMPLE}; put the rule in a list")
        rules: list[Rule] = []
        keys: set[tuple[str, dt.date]] = set()
        for rule in _items(answer, _RULES_EXAMPLE):
            if not isinstance(rule, Rule):
                _wrong(answer, _RULES_EXAMPLE, rule)
            if (rule.id, rule.effective_from) in keys:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"returns {rule.id} from {rule.effective_from} twice; return each version once",
                )
            keys.add((rule.id, rule.effective_from))
            rules.append(rule)
        try:  # the plugin's rules alone must make a valid set: no overlapping versions
            alone = self.base_rules
            for rule in rules:
                alone = alone.with_rule(rule)
        except ValueError as error:
            raise PluginError(answer.plugin, answer.hook, _one_line(error)) from error
        # New versions first, so that the changes below name each version of a rule that now
        # has several by its date.
        for rule in rules:
            key = (rule.id, rule.effective_from)
            if key not in self.by_key:
                text = PluginChange(
                    answer.hook,
                    "rule_added",
                    rule.id,
                    "",
                    "",
                    describe_limit(rule.limit),
                    f"新增规则 {rule.id}（{rule.effective_from} 起）："
                    f"{describe_limit(rule.limit, 'zh')}，{rule.citation.render('zh')}",
                    f"adds {rule.id} ({rule.window()}): {describe_limit(rule.limit)}, art. "
                    f"{rule.citation.article} of {rule.citation.document}",
                )
                value = tuple(getattr(rule, name) for name in _RULE_FIELDS)
                self.add(("added", *key), answer, text, value)
                self.added_rules[(("added", *key), answer.plugin)] = rule
        for rule in rules:
            key = (rule.id, rule.effective_from)
            base = self.by_key.get(key)
            if base is None:
                continue
            for name in _RULE_FIELDS:
                before, after = getattr(base, name), getattr(rule, name)
                if before != after:
                    self.rule_field(answer, key, name, before, after)

    def rule_field(
        self, answer: _Answer, key: tuple[str, dt.date], name: str, before: object, after: object
    ) -> None:
        rule_id, since = key
        versions = {d for i, d in self.by_key if i == rule_id}
        versions.update(t[2] for t in self.claims if t[0] == "added" and t[1] == rule_id)
        where = f"{rule_id}@{since}" if len(versions) > 1 else rule_id
        target = ("rule", rule_id, since, name)
        for other in self.claims.get(target, ()):
            if other.plugin == answer.plugin and other.value != after:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"sets {name} of {where} to {_plain(after)}, but its {other.change.hook} "
                    f"sets {_plain(other.value)}",
                )
        before_zh, after_zh = _plain(before, "zh"), _plain(after, "zh")
        text = PluginChange(
            answer.hook,
            "rule",
            where,
            name,
            _plain(before),
            _plain(after),
            f"{where}：{_FIELDS_ZH.get(name, name)} 由 {before_zh} 改为 {after_zh}",
            f"{where}: {name} {_plain(before)} → {_plain(after)}",
            before_zh=before_zh,
            after_zh=after_zh,
        )
        self.add(target, answer, text, after)

    def disable(self, answer: _Answer) -> None:
        example = "a list of rule ids, e.g. ['meetings.march_freeze']"
        for rule_id in _items(answer, example):
            if not isinstance(rule_id, str):
                _wrong(answer, example, rule_id)
            if rule_id not in self.base_rules:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"no rule {rule_id!r} to disable; the rules are "
                    f"{', '.join(self.base_rules.ids)}",
                )
            text = PluginChange(
                answer.hook,
                "rule_disabled",
                rule_id,
                "",
                "",
                "disabled",
                f"停用规则 {rule_id}",
                f"disables {rule_id}",
            )
            self.add(("disabled", rule_id), answer, text, value=True)

    def labels(self, answer: _Answer) -> None:
        example = "{'routing.ordinary': {'title_en': '...'}}"
        labels = answer.value
        if not isinstance(labels, Mapping):
            _wrong(answer, f"a mapping of rule ids to labels, e.g. {example}")
        keys = [*self.by_key, *(t[1:] for t in self.claims if t[0] == "added")]
        for rule_id, fields in labels.items():
            if rule_id not in {key[0] for key in keys}:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"no rule {rule_id!r} to label; the rules are "
                    f"{', '.join(sorted({key[0] for key in keys}))}",
                )
            if not isinstance(fields, Mapping):
                _wrong(answer, f"labels as a mapping of fields to text, e.g. {example}", fields)
            for name, text in fields.items():
                if name not in LABEL_FIELDS:
                    raise PluginError(
                        answer.plugin,
                        answer.hook,
                        f"cannot label {name!r} of {rule_id}; the labels are "
                        f"{', '.join(LABEL_FIELDS)}",
                    )
                if not isinstance(text, str) or not text.strip():
                    _wrong(answer, f"non-empty text for {name} of {rule_id}", text)
                for key in keys:
                    base = self.by_key.get(key) or self._added(key)
                    before = getattr(base, name)
                    if key[0] == rule_id and before != text:
                        self.rule_field(answer, key, name, before, text)

    def _added(self, key: tuple[str, dt.date]) -> Rule:
        """The version `key` a plugin adds (the first plugin's, where several agree)."""
        target = ("added", *key)
        return next(rule for (t, _), rule in self.added_rules.items() if t == target)

    def thresholds(self, answer: _Answer, *, base: Thresholds) -> None:
        """One answer of the thresholds hook, compared with `base`, the library's default."""
        from deadlines._thresholds import Thresholds

        value = answer.value
        entries: list[tuple[str, Thresholds]] = []
        if isinstance(value, Thresholds):  # the default, with its own per-rule entries
            entries.append(("", value))
            for key, own in value.per_rule:
                if key in {k for k, _ in entries[1:]}:
                    raise PluginError(
                        answer.plugin,
                        answer.hook,
                        f"gives {key!r} twice in per_rule; give each rule or family once",
                    )
                self._check_threshold_key(answer, key, own)
                entries.append((key, own))
        elif isinstance(value, Mapping):
            for key, own in value.items():
                if not isinstance(key, str):
                    _wrong(answer, _THRESHOLDS_EXAMPLE, key)
                if not isinstance(own, Thresholds):
                    _wrong(answer, _THRESHOLDS_EXAMPLE, own)
                self._check_threshold_key(answer, key, own)
                entries.append((key, own))
        else:
            _wrong(answer, _THRESHOLDS_EXAMPLE)
        for key, own in entries:  # key "" is the default
            before = base.for_rule(key) if key else base
            for name in _THRESHOLD_FIELDS:
                old, new = getattr(before, name), getattr(own, name)
                if old == new:
                    continue
                zh_where, en_where = (f"（{key}）", f" for {key}") if key else ("", "")
                text = PluginChange(
                    answer.hook,
                    "thresholds",
                    key,
                    name,
                    _plain(old),
                    _plain(new),
                    f"督查预警阈值{zh_where}：{name} 由 {_plain(old)} 改为 {_plain(new)}",
                    f"supervision thresholds{en_where}: {name} {_plain(old)} → {_plain(new)}",
                )
                self.add(("thresholds", key, name), answer, text, new)

    def _check_threshold_key(self, answer: _Answer, key: str, own: Thresholds) -> None:
        """A rule id or a family (``minutes``), as `Thresholds.for_rule` looks them up."""
        ids = {*self.base_rules.ids, *(t[1] for t in self.claims if t[0] == "added")}
        families = sorted({rule_id.split(".", 1)[0] for rule_id in ids})
        if key not in ids and key not in families:
            hint = ""
            if key.endswith(".*") and key[:-2] in families:
                hint = f" (a family is named without '.*': {key[:-2]!r})"
            raise PluginError(
                answer.plugin,
                answer.hook,
                f"no rule or family {key!r} to set thresholds for{hint}; give a rule id such as "
                f"'minutes.executive' or a family: {', '.join(families)}",
            )
        if own.per_rule:
            raise PluginError(
                answer.plugin,
                answer.hook,
                f"the thresholds for {key!r} have per_rule entries of their own; give each rule "
                "or family its own key instead",
            )

    # --- deciding and building ---------------------------------------------------------------

    def decide(self) -> None:
        """Mark every claim a higher-ranking one overrides; raise on a conflict between equals."""
        for target, claims in self.claims.items():
            _decide(target, claims)
        for target, disables in list(self.claims.items()):
            if target[0] != "disabled":
                continue
            rule_id = target[1]
            changes = [
                claim
                for other, claims in self.claims.items()
                if other[0] in ("rule", "added") and other[1] == rule_id
                for claim in claims
                if not claim.overridden_by
            ]
            if changes:
                _decide_disable(rule_id, disables, changes)

    def rule_set(self) -> RuleSet:
        disabled = {target[1] for target, _ in self.applied("disabled")}
        fields: dict[tuple[str, dt.date], dict[str, object]] = {}
        origins: dict[tuple[str, dt.date], list[str]] = {}
        for (_, rule_id, since, name), winners in self.applied("rule"):
            fields.setdefault((rule_id, since), {})[name] = winners[0].value
            origins.setdefault((rule_id, since), []).extend(c.plugin for c in winners)
        rules: list[Rule] = []
        touched: dict[str, set[str]] = {}
        for rule in self.base_rules.rules:
            key = (rule.id, rule.effective_from)
            if rule.id in disabled:
                continue
            if key in fields:
                rule = rule.evolve(**fields[key], origin=_origin(rule.origin, origins[key]))
                touched.setdefault(rule.id, set()).update(origins[key])
            rules.append(rule)
        for target, winners in self.applied("added"):
            _, rule_id, since = target
            if rule_id in disabled:
                continue
            added = self.added_rules[target, winners[0].plugin]
            names = [c.plugin for c in winners] + origins.get((rule_id, since), [])
            rules.append(
                added.evolve(**fields.get((rule_id, since), {}), origin=_origin("", names))
            )
            touched.setdefault(rule_id, set()).update(names)
        try:
            return RuleSet(name=self.base_rules.name, rules=tuple(rules))
        except ValueError as error:  # versions added or ended by different plugins overlap
            shared = sorted({p for names in touched.values() if len(names) > 1 for p in names})
            culprits = shared or sorted({p for names in touched.values() for p in names})
            raise PluginConflictError(
                "the versions of a rule", tuple(culprits), _one_line(error)
            ) from error

    def conventions_value(self) -> Conventions:
        changes = {target[1]: winners[0].value for target, winners in self.applied("convention")}
        if not changes:
            return self.base_conventions
        return Conventions.model_validate({**dict(self.base_conventions), **changes})

    def thresholds_value(self) -> Thresholds | None:
        """The merged thresholds, or None when no plugin changes them.

        Each field falls back field by field: a rule's own, then its family's, then the merged
        default (the library's default has no per-rule entries of its own).
        """
        base = self.base_thresholds
        changed: dict[str, dict[str, object]] = {}
        for (_, key, name), winners in self.applied("thresholds"):
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

    def calendar_from(self, base: ChinaCalendar | None) -> ChinaCalendar | None:
        """The calendar with the plugins' days and office hours, or None if they change none."""
        hours = [self.hours[winners[0].plugin] for _, winners in self.applied("office_hours")]
        days: dict[str, list[DayChange]] = {}
        notices: dict[str, list[Notice]] = {}
        # Where several plugins agree, the first (highest rank, then name) is the day's origin.
        for target, winners in self.applied("day"):
            first = winners[0].plugin
            days.setdefault(first, []).append(self.days[target, first])
        for target, winners in self.applied("notice"):
            first = winners[0].plugin
            notices.setdefault(first, []).append(self.notices[target, first])
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
        office_hours = hours[0] if hours else self.base_hours
        if base is None:
            return ChinaCalendar(overrides, office_hours=office_hours)
        # The base's day table is reused: no second load, and no other cache directory.
        return base.evolve(overrides=(*base.overrides, *overrides), office_hours=office_hours)

    def changes(self) -> dict[str, tuple[PluginChange, ...]]:
        """What each plugin changes, in hook order, each marked when another plugin won."""
        out: dict[str, list[PluginChange]] = {}
        every = [claim for claims in self.claims.values() for claim in claims]
        every.sort(key=lambda c: (_HOOKS.index(c.change.hook), c.change.kind, c.change.target))
        for claim in every:
            change = claim.change
            if claim.overridden_by:
                change = replace(change, overridden_by=claim.overridden_by)
            out.setdefault(claim.plugin, []).append(change)
        return {name: tuple(changes) for name, changes in out.items()}

    def rule_steps(self) -> dict[tuple[str, dt.date], tuple[TraceStep, ...]]:
        """The trace steps of each rule version's plugin changes: one per plugin.

        What the rule requires (limit, effective dates) is shown before and after; labels
        and the citation, which the result shows anyway, are only named.
        """
        steps: dict[tuple[str, dt.date], list[TraceStep]] = {}
        for target, winners in self.applied("added"):
            for claim in winners:
                steps.setdefault((target[1], target[2]), []).append(_step(claim))
        grouped: dict[tuple[str, dt.date, str], list[PluginChange]] = {}
        for target, winners in self.applied("rule"):
            for claim in winners:
                grouped.setdefault((target[1], target[2], claim.plugin), []).append(claim.change)
        for (rule_id, since, plugin), changes in grouped.items():
            shown = [c for c in changes if c.field in _REQUIREMENTS]
            named = [c.field for c in changes if c.field not in _REQUIREMENTS]
            where = changes[0].target
            zh = "；".join(
                f"{_FIELDS_ZH.get(c.field, c.field)} 由 {c.before_zh or c.before} "
                f"改为 {c.after_zh or c.after}"
                for c in shown
            )
            en = "; ".join(f"{c.field} {c.before} → {c.after}" for c in shown)
            if named:
                named_zh = "、".join(_FIELDS_ZH.get(field, field) for field in named)
                zh += f"{'；另改' if zh else '改'}{named_zh}"
                en += f"{'; also ' if en else ''}{', '.join(named)}"
            steps.setdefault((rule_id, since), []).append(
                step(
                    "plugin",
                    f"本地调整：{where}：{zh}",
                    f"local change: {where}: {en}",
                    origin=plugin,
                )
            )
        return {key: tuple(value) for key, value in steps.items()}

    def steps(self) -> tuple[TraceStep, ...]:
        """The trace steps of changes that concern every rule: conventions and office hours."""
        return tuple(
            _step(claim)
            for kind in ("convention", "office_hours")
            for _, winners in self.applied(kind)
            for claim in winners
        )


def _decide(target: _Target, claims: list[_Claim]) -> None:
    """Mark the claims that a higher-ranking different claim overrides; raise on a tie."""
    top = max(claim.rank for claim in claims)
    leaders = [claim for claim in claims if claim.rank == top]
    first = leaders[0]
    for claim in leaders[1:]:
        if claim.value != first.value:
            raise PluginConflictError(
                _describe_target(target),
                (first.plugin, claim.plugin),
                f"{first.plugin!r} sets {first.change.after}, {claim.plugin!r} sets "
                f"{claim.change.after}",
            )
    for claim in claims:
        if claim.rank < top and claim.value != first.value:
            claim.overridden_by = first.plugin


def _decide_disable(rule_id: str, disables: list[_Claim], changes: list[_Claim]) -> None:
    """A rule one plugin disables and another changes: the higher rank wins, or it's a conflict."""
    top, other = max(c.rank for c in disables), max(c.rank for c in changes)
    if top == other:
        disabler = next(c for c in disables if c.rank == top)
        changer = next(c for c in changes if c.rank == top)
        if disabler.plugin == changer.plugin:
            raise PluginError(
                disabler.plugin,
                disabler.change.hook,
                f"disables {rule_id}, which its {changer.change.hook} changes",
            )
        raise PluginConflictError(
            f"the rule {rule_id}",
            (disabler.plugin, changer.plugin),
            f"{disabler.plugin!r} disables it, {changer.plugin!r} changes it ({changer.change.en})",
        )
    winner = max((*disables, *changes), key=lambda c: c.rank)
    for claim in disables if other > top else changes:
        claim.overridden_by = winner.plugin


def _describe_target(target: _Target) -> str:
    """How a conflict names what two plugins both change."""
    kind = target[0]
    if kind == "rule":
        return f"{target[3]} of the rule {target[1]} (from {target[2]})"
    if kind == "added":
        return f"the new rule {target[1]} (from {target[2]})"
    if kind == "convention":
        return f"the convention {target[1]}"
    if kind == "day":
        return f"the day {target[1]}"
    if kind == "notice":
        return f"the {target[1]} notice"
    if kind == "thresholds":
        return f"the supervision threshold {target[2]}" + (f" for {target[1]}" if target[1] else "")
    return "the office hours"


def _step(claim: _Claim) -> TraceStep:
    change = claim.change
    return step(
        "plugin", f"本地调整：{change.zh}", f"local change: {change.en}", origin=claim.plugin
    )


def _hours_text(hours: OfficeHours) -> str:
    """``09:00–12:00, 13:30–17:30; summer 07-01–09-30: 08:00–12:00, 15:00–18:00``."""

    def sessions(items: tuple[tuple[dt.time, dt.time], ...]) -> str:
        return ", ".join(f"{start:%H:%M}–{end:%H:%M}" for start, end in items)

    seasons = "".join(
        f"; {s.name} {s.start[0]:02}-{s.start[1]:02}–{s.end[0]:02}-{s.end[1]:02}: "
        f"{sessions(s.sessions)}"
        for s in hours.seasons
    )
    return sessions(hours.sessions) + seasons


#: Rule fields as a Chinese reader knows them.
_FIELDS_ZH = {
    "limit": "时限",
    "title_zh": "中文标题",
    "title_en": "英文标题",
    "actor_zh": "办理主体",
    "actor_en": "办理主体（英文）",
    "citation": "依据",
    "effective_from": "施行日期",
    "effective_until": "失效日期",
}


def _plain(value: object, lang: str = "en") -> str:
    """A limit in words, an enum by its value, a date in ISO form, a citation as it reads."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Citation):
        return value.render(lang)
    if isinstance(value, Limit):
        return describe_limit(value, lang)
    inner = getattr(value, "value", value)
    return inner if isinstance(inner, str) else repr(value)


def _check_day(answer: _Answer, day: object) -> None:
    if type(day) is not dt.date or not FIRST_DATE <= day <= LAST_DATE:
        raise PluginError(
            answer.plugin,
            answer.hook,
            f"a day {describe(day)}: each day must be a date from {FIRST_DATE} through {LAST_DATE}",
        )


def _origin(base: str, plugins: Iterable[str]) -> str:
    names = list(dict.fromkeys(plugins))
    return ", ".join([base, *names] if base else names)


def _module_of(plugin: object) -> str:
    if isinstance(plugin, ModuleType):
        return plugin.__name__
    return str(getattr(plugin, "__module__", "") or type(plugin).__module__)


def _items(answer: _Answer, example: str) -> tuple[object, ...]:
    value = answer.value
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        _wrong(answer, example)
    return tuple(value)


def _wrong(answer: _Answer, expected: str, item: object = None) -> NoReturn:
    what = _short(answer.value) if item is None else f"{_short(item)} among its values"
    raise PluginError(answer.plugin, answer.hook, f"returned {what}; expected {expected}")


def _short(value: object) -> str:
    """A value for an error message: a rule by its id, anything else cut at 100 characters."""
    if isinstance(value, Rule):
        return f"a Rule ({value.id})"
    text = describe(value)
    return text if len(text) <= 100 else f"{text[:99]}…"


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())
