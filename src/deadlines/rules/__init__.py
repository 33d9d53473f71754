"""Rule values: durations, combinators, constraints, conventions, rule sets, and the catalog."""

from deadlines.rules._combinators import (
    AllOf,
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
from deadlines.rules._days import CalendarDays, WorkingDays
from deadlines.rules._hours import Hours
from deadlines.rules._limit import Limit
from deadlines.rules._meeting import MeetingSetLimit
from deadlines.rules._ruleset import Rule, RuleSet
from deadlines.rules._same_day import OnArrival, SameDay
from deadlines.rules._values import Citation
from deadlines.rules.opinion2020 import OPINION_2020

__all__ = [
    "OPINION_2020",
    "AllOf",
    "ArrivalGrace",
    "Blackout",
    "CalendarDays",
    "Citation",
    "Condition",
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
    "Quota",
    "Recurrence",
    "RestDayTrigger",
    "Rule",
    "RuleSet",
    "SameDay",
    "SameDayReading",
    "Sequence",
    "StartDay",
    "Tiered",
    "When",
    "WorkingDays",
]
