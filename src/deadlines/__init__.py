"""Time limits of the 2020 administrative-efficiency opinion over the official Chinese calendar."""

from importlib.metadata import version as _version

from deadlines._engine import Engine
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
from deadlines._result import DueResult, Part, TraceStep
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

__version__ = _version("deadlines")

__all__ = [
    "CalendarOverride",
    "ChinaCalendar",
    "Day",
    "DayChange",
    "DayKind",
    "DeadlinesError",
    "DeadlinesWarning",
    "DueResult",
    "Engine",
    "InvalidArgumentError",
    "InvalidValueError",
    "MissingParameterError",
    "NotADeadlineError",
    "NotInEffectError",
    "Notice",
    "OfficeHours",
    "OutOfRangeError",
    "OverrideFileError",
    "Part",
    "PluginConflictError",
    "PluginError",
    "ProvisionalDateWarning",
    "Season",
    "TraceStep",
    "UnknownRuleError",
    "__version__",
    "load_overrides",
]
