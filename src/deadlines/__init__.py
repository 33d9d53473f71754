"""Time limits of the 2020 administrative-efficiency opinion over the official Chinese calendar."""

from __future__ import annotations

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
from deadlines._lazy import lazy_exports
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
# for: a script that only asks the calendar should not pay for them. Each once, by module.
_LAZY = {
    "deadlines._engine": ("Engine",),
    "deadlines._plugins": ("PluginChange", "PluginInfo"),
    "deadlines._result": ("DueResult", "Part", "TraceStep"),
    "deadlines.hookspecs": ("hookimpl",),
    "deadlines.policy": ("CaseFileError", "PolicyFileError", "TomlValueError"),
    "deadlines.rules": ("OPINION_2020", "Citation", "Conventions", "Rule", "RuleSet"),
    "deadlines.supervision": ("EventError", "MissingExtraError"),
}
_getattr, __dir__ = lazy_exports(__name__, globals(), _LAZY)


def __getattr__(name: str) -> object:
    if name != "__version__":
        return _getattr(name)
    # importlib.metadata costs ~15 ms to import; read the version only when asked.
    from importlib.metadata import version

    value = globals()["__version__"] = version("deadlines")
    return value


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
