"""Time limits of the 2020 administrative-efficiency opinion over the official Chinese calendar."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from deadlines._errors import (
    DeadlinesError,
    DeadlinesWarning,
    InvalidArgumentError,
    InvalidValueError,
    MissingParameterError,
    NotADeadlineError,
    NotInEffectError,
    OutOfRangeError,
    OverrideFileError,
    PluginConflictError,
    PluginError,
    ProvisionalDateWarning,
    UnknownRuleError,
)
from deadlines.calendar import (
    CalendarOverride,
    ChinaCalendar,
    Day,
    DayChange,
    DayKind,
    Notice,
    OfficeHours,
    Season,
    load_overrides,
)

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines._plugins import PluginChange, PluginInfo
    from deadlines._result import DueResult, Part, TraceStep
    from deadlines.hookspecs import hookimpl
    from deadlines.policy import CaseFileError, PolicyFileError, TomlValueError
    from deadlines.rules import OPINION_2020, Citation, Conventions, Rule, RuleSet
    from deadlines.supervision import EventError, MissingExtraError

    __version__: str

# Names whose modules bring pydantic (~30 ms) or pluggy (~10 ms) are imported when first asked
# for: a script that only asks the calendar should not pay for them.
_LAZY = {
    "OPINION_2020": "deadlines.rules",
    "CaseFileError": "deadlines.policy",
    "PolicyFileError": "deadlines.policy",
    "TomlValueError": "deadlines.policy",
    "Citation": "deadlines.rules",
    "Conventions": "deadlines.rules",
    "DueResult": "deadlines._result",
    "EventError": "deadlines.supervision",
    "MissingExtraError": "deadlines.supervision",
    "Engine": "deadlines._engine",
    "Part": "deadlines._result",
    "PluginChange": "deadlines._plugins",
    "PluginInfo": "deadlines._plugins",
    "Rule": "deadlines.rules",
    "RuleSet": "deadlines.rules",
    "TraceStep": "deadlines._result",
    "hookimpl": "deadlines.hookspecs",
}


def __getattr__(name: str) -> object:
    if name == "__version__":
        # importlib.metadata costs ~15 ms to import; read the version only when asked.
        from importlib.metadata import version

        value: object = version("deadlines")
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module 'deadlines' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | {"__version__"})


__all__ = [
    "OPINION_2020",
    "CalendarOverride",
    "CaseFileError",
    "ChinaCalendar",
    "Citation",
    "Conventions",
    "Day",
    "DayChange",
    "DayKind",
    "DeadlinesError",
    "DeadlinesWarning",
    "DueResult",
    "Engine",
    "EventError",
    "InvalidArgumentError",
    "InvalidValueError",
    "MissingExtraError",
    "MissingParameterError",
    "NotADeadlineError",
    "NotInEffectError",
    "Notice",
    "OfficeHours",
    "OutOfRangeError",
    "OverrideFileError",
    "Part",
    "PluginChange",
    "PluginConflictError",
    "PluginError",
    "PluginInfo",
    "PolicyFileError",
    "ProvisionalDateWarning",
    "Rule",
    "RuleSet",
    "Season",
    "TomlValueError",
    "TraceStep",
    "UnknownRuleError",
    "__version__",
    "hookimpl",
    "load_overrides",
]
