"""Where an answer comes from: what an audit needs to reproduce it, the ``provenance`` object of
every JSON answer (docs/cli.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deadlines._engine import Engine


def provenance(engine: Engine) -> dict[str, Any]:
    """What an answer of `engine` depends on, as JSON-ready data."""
    import deadlines

    calendar, rules = engine.calendar, engine.rules
    return {
        "deadlines": deadlines.__version__,
        # The calendar's data, the last announced year, the notice files stored with
        # ``deadlines notice add`` (the system's, then the user's), the override files.
        "calendar": {
            "origin": calendar.data_origin,
            "last_announced_year": calendar.last_announced_year,
            "notices": [str(notice.path) for notice in calendar.stored],
            "overrides": [override.origin for override in calendar.overrides],
        },
        # The catalog is versioned with the package; a plugin or a policy file that changes or
        # adds a rule marks it with its origin, so `changed_by` names all that is not the catalog.
        "rule_set": {
            "name": rules.name,
            "rules": len(rules.rules),
            "changed_by": sorted({rule.origin for rule in rules.rules if rule.origin}),
        },
        "plugins": [
            {"name": plugin.name, "distribution": plugin.distribution, "module": plugin.module}
            for plugin in engine.plugins
        ],
    }
