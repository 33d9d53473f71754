"""Rule values: durations, combinators, constraints, conventions, rule sets, and the catalog."""

from deadlines.rules._combinators import (
    AllOf,
    AnyLimit,
    Condition,
    EarliestOf,
    LatestOf,
    Sequence,
    Tiered,
    When,
)
from deadlines.rules._constraints import Blackout, Quota, Recurrence
from deadlines.rules._conventions import (
    ArrivalGrace,
    Conventions,
    Cutoff,
    HourClock,
    LastDayRoll,
    RestDayTrigger,
    SameDayReading,
    StartDay,
)
from deadlines.rules._describe import describe_limit
from deadlines.rules._durations import (
    CalendarDays,
    Hours,
    Limit,
    MeetingSetLimit,
    OnArrival,
    SameDay,
    WorkingDays,
)
from deadlines.rules._ruleset import OPINION_2020_ISSUED, Rule, RuleChange, RuleSet, RuleSetDiff
from deadlines.rules._values import Citation, Context, Outcome
from deadlines.rules.opinion2020 import OPINION_2020

__all__ = [
    "OPINION_2020",
    "OPINION_2020_ISSUED",
    "AllOf",
    "AnyLimit",
    "ArrivalGrace",
    "Blackout",
    "CalendarDays",
    "Citation",
    "Condition",
    "Context",
    "Conventions",
    "Cutoff",
    "EarliestOf",
    "HourClock",
    "Hours",
    "LastDayRoll",
    "LatestOf",
    "Limit",
    "MeetingSetLimit",
    "OnArrival",
    "Outcome",
    "Quota",
    "Recurrence",
    "RestDayTrigger",
    "Rule",
    "RuleChange",
    "RuleSet",
    "RuleSetDiff",
    "SameDay",
    "SameDayReading",
    "Sequence",
    "StartDay",
    "Tiered",
    "When",
    "WorkingDays",
    "describe_limit",
]
