"""Time limits of the 2020 administrative-efficiency opinion over the official Chinese calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deadlines._lazy import lazy_exports

# What type checkers read: the table below, name for name (tests/test_imports.py compares them);
# ``X as X`` marks each as re-exported, one import per module like the table.
if TYPE_CHECKING:  # isort: off
    from deadlines._engine import Engine as Engine
    from deadlines._errors import (
        DeadlinesError as DeadlinesError,
        DeadlinesWarning as DeadlinesWarning,
        InvalidArgumentError as InvalidArgumentError,
        InvalidValueError as InvalidValueError,
        MissingParameterError as MissingParameterError,
        NotADeadlineError as NotADeadlineError,
        NotInEffectError as NotInEffectError,
        OutOfRangeError as OutOfRangeError,
        OverrideConflictError as OverrideConflictError,
        OverrideFileError as OverrideFileError,
        PartialNoticeWarning as PartialNoticeWarning,
        PluginConflictError as PluginConflictError,
        PluginError as PluginError,
        PointlessOverrideWarning as PointlessOverrideWarning,
        ProvisionalDateWarning as ProvisionalDateWarning,
        UnknownRuleError as UnknownRuleError,
    )
    from deadlines._plugins import PluginChange as PluginChange, PluginInfo as PluginInfo
    from deadlines._result import DueResult as DueResult, Part as Part, TraceStep as TraceStep
    from deadlines.calendar import (
        CalendarOverride as CalendarOverride,
        ChinaCalendar as ChinaCalendar,
        DayChange as DayChange,
        DayKind as DayKind,
        Notice as Notice,
        OfficeHours as OfficeHours,
        Season as Season,
        load_overrides as load_overrides,
    )
    from deadlines.hookspecs import hookimpl as hookimpl
    from deadlines.policy import (
        CaseFileError as CaseFileError,
        PolicyFileError as PolicyFileError,
        TomlValueError as TomlValueError,
    )
    from deadlines.rules import (
        OPINION_2020 as OPINION_2020,
        Citation as Citation,
        Conventions as Conventions,
        Rule as Rule,
        RuleSet as RuleSet,
    )
    from deadlines.supervision import (
        EventError as EventError,
        MissingExtraError as MissingExtraError,
    )

    __version__: str
    # isort: on

#: Every public name, by the module it comes from: the one list of them. Each is imported when
#: first asked for: modules that bring pydantic (~30 ms) or pluggy (~10 ms) are paid for only
#: by a script that uses them.
_EXPORTS = {
    module: tuple(names.split())
    for module, names in {
        "deadlines._engine": "Engine",
        "deadlines._errors": "DeadlinesError DeadlinesWarning InvalidArgumentError "
        "InvalidValueError MissingParameterError NotADeadlineError NotInEffectError "
        "OutOfRangeError OverrideConflictError OverrideFileError PartialNoticeWarning "
        "PluginConflictError PluginError PointlessOverrideWarning ProvisionalDateWarning "
        "UnknownRuleError",
        "deadlines._plugins": "PluginChange PluginInfo",
        "deadlines._result": "DueResult Part TraceStep",
        "deadlines.calendar": "CalendarOverride ChinaCalendar DayChange DayKind Notice "
        "OfficeHours Season load_overrides",
        "deadlines.hookspecs": "hookimpl",
        "deadlines.policy": "CaseFileError PolicyFileError TomlValueError",
        "deadlines.rules": "OPINION_2020 Citation Conventions Rule RuleSet",
        "deadlines.supervision": "EventError MissingExtraError",
    }.items()
}
_getattr, __dir__, __all__ = lazy_exports(__name__, globals(), _EXPORTS, "__version__")


def __getattr__(name: str) -> object:
    if name != "__version__":
        return _getattr(name)
    # importlib.metadata costs ~15 ms to import; read the version only when asked.
    from importlib.metadata import version

    value = globals()["__version__"] = version("deadlines")
    return value
