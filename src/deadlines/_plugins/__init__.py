"""Plugins, for one engine: pluggy finds and calls them, a table of claims merges their changes.

Each engine gets its own `pluggy.PluginManager` (`_manager`), so two engines in one process
never share plugins. Everything happens while the engine is built: every hook is called, each
answer is checked and turned into claims (`_read`), the claims are decided by rank
(`_claims`), and the whole configuration (calendar, rules, conventions, thresholds) is built
(`_build`) before the engine takes any of it. A plugin that fails leaves nothing behind.

With no plugin given and none installed, the engine never imports this package:
`deadlines._discovery` finds that out without importing pluggy or `importlib.metadata`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from deadlines._errors import DeadlinesError, PluginError
from deadlines._plugins import _build
from deadlines._plugins._claims import HOOKS, Answer, Claims, PluginChange
from deadlines._plugins._manager import (
    answers,
    distributions,
    hooks_of,
    plugin_manager,
    registered,
)
from deadlines._plugins._read import Reader
from deadlines.calendar import ChinaCalendar, OfficeHours
from deadlines.rules import Conventions, RuleSet

if TYPE_CHECKING:
    from deadlines._result import TraceStep
    from deadlines._thresholds import Thresholds

__all__ = ["HOOKS", "Configuration", "PluginChange", "PluginInfo", "configure"]


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
    manager = plugin_manager(plugins, discover=discover)
    found = registered(manager)
    if not found:
        return None
    base_hours = calendar.office_hours if calendar is not None else OfficeHours()
    claims = Claims()
    reader = Reader(claims, rules, conventions, base_hours)
    arguments: dict[str, object] = {
        "office_hours": base_hours,
        "conventions": conventions,
        "rules": rules,
    }
    for hook in HOOKS:
        if hook == "deadlines_supervision_thresholds":
            if not getattr(manager.hook, hook).get_hookimpls():
                continue  # most plugins leave supervision alone, and pay nothing for it
            from deadlines._thresholds import Thresholds

            arguments["thresholds"] = reader.base_thresholds = Thresholds()
        read: Callable[[Answer], None] = getattr(reader, hook.removeprefix("deadlines_"))
        for answer in answers(manager, hook, arguments):
            # Errors the reader raises itself name the plugin; anything else was raised by
            # the answer while it was read (a generator, a mapping computing its values).
            try:
                read(answer)
            except DeadlinesError:
                raise
            except Exception as error:
                raise PluginError(
                    answer.plugin,
                    hook,
                    f"its answer raised {type(error).__name__} while it was read: {error}",
                ) from error
    claims.decide()
    changes = claims.changes()
    dists = distributions(manager)
    return Configuration(
        calendar=_build.calendar(claims, calendar, base_hours),
        rules=_build.rule_set(claims, rules),
        conventions=_build.conventions(claims, conventions),
        plugins=tuple(
            PluginInfo(
                name=name,
                module=_module_of(plugin),
                distribution=dists.get(id(plugin), ""),
                hooks=hooks_of(manager, plugin),
                changes=changes.get(name, ()),
            )
            for name, plugin in found
        ),
        rule_steps=_build.rule_steps(claims),
        steps=_build.steps(claims),
        supervision_thresholds=_build.thresholds(claims, reader.base_thresholds),
    )


def _module_of(plugin: object) -> str:
    if isinstance(plugin, ModuleType):
        return plugin.__name__
    return str(getattr(plugin, "__module__", "") or type(plugin).__module__)
