"""The public API as a user types it, checked by `mypy --strict` (not run by pytest).

If a change makes any of these lines a type error, the API changed for every typed caller.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi import APIRouter, FastAPI

import deadlines
from deadlines import (
    OPINION_2020,
    CalendarOverride,
    ChinaCalendar,
    Conventions,
    DayChange,
    DeadlinesError,
    DueResult,
    Engine,
    OfficeHours,
    Part,
    Rule,
    RuleSet,
    Season,
    TraceStep,
    hookimpl,
)
from deadlines.board import make_router
from deadlines.rules import (
    AllOf,
    CalendarDays,
    Cutoff,
    EarliestOf,
    HourClock,
    Hours,
    SameDay,
    Sequence,
    Tiered,
    WorkingDays,
)

version: str = deadlines.__version__

calendar = ChinaCalendar()
working: bool = calendar.is_workday(dt.date(2026, 10, 10))
later: dt.date = calendar.add_workdays(dt.date(2026, 9, 30), 3)
count: int = calendar.workdays_between(dt.date(2026, 9, 30), later)
provisional: bool = calendar.is_provisional(dt.date(2027, 1, 4))
last_year: int = calendar.last_announced_year
close: dt.datetime = calendar.close_of_business(later)
origin: str = calendar.data_origin
plain = ChinaCalendar(stored=False, cache_dir=None)
conflict: type[deadlines.OverrideFileError] = deadlines.OverrideConflictError
partial: type[deadlines.DeadlinesWarning] = deadlines.PartialNoticeWarning

day_off = DayChange(dt.date(2026, 7, 6), True, "镇庆", "镇政府通知")
local = CalendarOverride(origin="code", local=(day_off,))
summer = Season("summer", (7, 1), (9, 30), ((dt.time(8), dt.time(12)), (dt.time(15), dt.time(18))))
township = calendar.evolve(overrides=(local,), office_hours=OfficeHours(seasons=(summer,)))

# Limits take their count positionally; combinators take their parts positionally.
limit = AllOf(WorkingDays(3, label="签发"), EarliestOf(Hours(48, clock=HourClock.OFFICE_HOURS),
                                                       CalendarDays(5)))
chain = Sequence(WorkingDays(3, label="审核"), SameDay(cutoff=Cutoff.MIDNIGHT))
tiers = Tiered(committed=WorkingDays(2), statutory=WorkingDays(5))

rule: Rule = OPINION_2020.get("routing.ordinary").evolve(limit=Hours(24))
rules: RuleSet = OPINION_2020.with_rule(rule).without("tasks.immediate")
changed: bool = bool(OPINION_2020.diff(rules))

engine = Engine(township, rules, conventions=Conventions(cutoff=Cutoff.MIDNIGHT),
                discover_plugins=False)
result: DueResult = engine.due("minutes.executive", dt.datetime(2026, 9, 30, 17), explain=True)
due: dt.datetime = result.due
parts: tuple[Part, ...] = result.parts
trace: tuple[TraceStep, ...] = result.trace
text: str = result.explain("zh")
blackout: bool = engine.violates("meetings.march_freeze", dt.date(2027, 3, 1))


class TownshipPlugin:
    """A plugin written as a class, as pluggy allows."""

    @hookimpl
    def deadlines_rules(self, rules: RuleSet) -> list[Rule]:
        return [rules.get("routing.ordinary").evolve(limit=Hours(24))]


try:
    Engine(plugins=[TownshipPlugin()])
except DeadlinesError as error:
    message: str = str(error)

# The board (extra deadlines[server]): a router any FastAPI app includes.
board: APIRouter = make_router(engine_factory=Engine, events_dir=Path("events"))
FastAPI().include_router(make_router(engine_factory=lambda: engine, events_dir=None))
