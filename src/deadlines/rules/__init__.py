"""Rule values: durations, combinators, constraints, conventions, rule sets, and the catalog."""

from deadlines import _lazy

# ``X as X`` re-exports each name for type checkers; __all__ is read off them, not listed again.
# isort: off
from deadlines.rules._combinators import (
    AllOf as AllOf,
    Condition as Condition,
    EarliestOf as EarliestOf,
    LatestOf as LatestOf,
    Sequence as Sequence,
    Tiered as Tiered,
    When as When,
)
from deadlines.rules._constraints import (
    Blackout as Blackout,
    Quota as Quota,
    Recurrence as Recurrence,
)
from deadlines.rules._conventions import (
    ArrivalGrace as ArrivalGrace,
    Conventions as Conventions,
    Cutoff as Cutoff,
    HourClock as HourClock,
    LastDayRoll as LastDayRoll,
    RestDayTrigger as RestDayTrigger,
    SameDayReading as SameDayReading,
    StartDay as StartDay,
)
from deadlines.rules._days import CalendarDays as CalendarDays, WorkingDays as WorkingDays
from deadlines.rules._hours import Hours as Hours
from deadlines.rules._limit import Limit as Limit
from deadlines.rules._meeting import MeetingSetLimit as MeetingSetLimit
from deadlines.rules._ruleset import Rule as Rule, RuleSet as RuleSet
from deadlines.rules._same_day import OnArrival as OnArrival, SameDay as SameDay
from deadlines.rules._values import Citation as Citation
from deadlines.rules.opinion2020 import OPINION_2020 as OPINION_2020
# isort: on

__all__ = _lazy.public_names(globals())
