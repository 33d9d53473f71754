"""Where an answer comes from: what an audit needs to reproduce it, carried by every JSON result.

`provenance(engine)` is the one place that says it: the package version, the calendar's data
(origin, last announced year, stored notice and override files), the rule set (its name,
which is versioned with the package, and who changed which rules) and the plugins.
`deadlines due --json`, `deadlines batch`, `deadlines check --json` and every answer of
`deadlines serve` carry it as their ``provenance`` object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines.calendar import ChinaCalendar
    from deadlines.rules import RuleSet


def provenance(engine: Engine) -> dict[str, Any]:
    """What an answer of `engine` depends on, as JSON-ready data.

    >>> from deadlines import Engine
    >>> data = provenance(Engine(discover_plugins=False))
    >>> sorted(data), data["rule_set"]["name"], data["plugins"]
    (['calendar', 'deadlines', 'plugins', 'rule_set'], 'opinion-2020', [])
    >>> sorted(data["calendar"]), data["rule_set"]["changed_by"]
    (['last_announced_year', 'notices', 'origin', 'overrides'], [])
    """
    import deadlines

    rules = engine.rules
    return {
        "deadlines": deadlines.__version__,
        "calendar": calendar_provenance(engine.calendar),
        "rule_set": rule_set_provenance(rules),
        "plugins": [
            {"name": plugin.name, "distribution": plugin.distribution, "module": plugin.module}
            for plugin in engine.plugins
        ],
    }


def calendar_provenance(calendar: ChinaCalendar) -> dict[str, Any]:
    """Where `calendar`'s days come from: its data, the last announced year, notice files
    stored with ``deadlines notice add`` (the system's, then the user's), override files.

    The one function that reads the calendar for provenance, so that a change in where the
    calendar keeps its data changes this function only.
    """
    return {
        "origin": calendar.data_origin,
        "last_announced_year": calendar.last_announced_year,
        "notices": [str(notice.path) for notice in calendar.stored],
        "overrides": [override.origin for override in calendar.overrides],
    }


def rule_set_provenance(rules: RuleSet) -> dict[str, Any]:
    """The rule set's name, its size, and who changed it: the origins its rules carry.

    The catalog is versioned with the package; a plugin or a policy file that changes or adds
    a rule marks it with its `origin`, so the list names everything that is not the catalog.
    """
    return {
        "name": rules.name,
        "rules": len(rules.rules),
        "changed_by": sorted({rule.origin for rule in rules.rules if rule.origin}),
    }
