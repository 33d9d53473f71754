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
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from deadlines._errors import DeadlinesError
from deadlines._plugins import _build
from deadlines._plugins._claims import HOOKS, PluginChange
from deadlines._plugins._manager import PluginInfo, answers, infos, plugin_manager, registered
from deadlines._plugins._read import Reader
from deadlines.calendar import ChinaCalendar, OfficeHours
from deadlines.rules import Conventions, RuleSet

if TYPE_CHECKING:
    from deadlines._result import TraceStep
    from deadlines._thresholds import Thresholds

__all__ = ["HOOKS", "Configuration", "PluginChange", "PluginInfo", "configure"]


@dataclass(frozen=True, slots=True)
class Configuration:
    """What the plugins make of an engine's configuration: built whole before it is used.

    `calendar` and `supervision_thresholds` are ``None`` where the plugins leave them alone;
    `rule_steps` are the trace steps of each rule version's changes, by (rule id,
    effective_from), and `steps` those of changes that concern every rule.
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

    `plugins` are those given in code (objects, or a mapping of names to objects); `discover`
    adds those installed under the ``deadlines`` entry points. ``None`` when there is none.

    Raises:
        PluginError: a plugin cannot be loaded, or its hook raised or returned the wrong type.
        PluginConflictError: two plugins of the same rank change one thing differently.
    """
    manager = plugin_manager(plugins, discover=discover)
    if not registered(manager):
        return None
    base_hours = calendar.office_hours if calendar is not None else OfficeHours()
    table = Reader(rules, conventions, base_hours)
    arguments = {"office_hours": base_hours, "conventions": conventions, "rules": rules}
    for hook in HOOKS:
        if hook == "deadlines_supervision_thresholds":
            if not getattr(manager.hook, hook).get_hookimpls():
                continue  # most plugins leave supervision alone, and pay nothing for it
            from deadlines._thresholds import Thresholds

            arguments["thresholds"] = table.base_thresholds = Thresholds()
        for answer in answers(manager, hook, arguments):
            try:
                getattr(table, hook.removeprefix("deadlines_"))(answer)
            except DeadlinesError:  # the reader's own, naming the plugin
                raise
            except Exception as error:  # a generator, a mapping computing its values…
                problem = f"its answer raised {type(error).__name__} while it was read: {error}"
                raise answer.error(problem) from error
    table.decide()
    return Configuration(
        calendar=_build.calendar(table, calendar, base_hours),
        rules=_build.rule_set(table, rules),
        conventions=_build.conventions(table, conventions),
        plugins=infos(manager, table.changes()),
        rule_steps=_build.rule_steps(table),
        steps=_build.steps(table),
        supervision_thresholds=_build.thresholds(table, table.base_thresholds),
    )
