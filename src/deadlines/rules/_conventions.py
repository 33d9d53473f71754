"""How a period is counted: every reading of the policy text is a named option with a cited default.

The defaults follow the Civil Code (民法典) art. 200–204 and the practice of administrative law;
`docs/conventions.md` quotes the sources. A rule may pin an option; where it leaves one unset
(``None``), the engine's `Conventions` decide, and a plugin may change those.
"""

from __future__ import annotations

import enum

from pydantic import BaseModel, ConfigDict


class StartDay(str, enum.Enum):
    """Whether the day of the trigger counts as day 1 of a period in days."""

    EXCLUDED = "excluded"
    """Default. 民法典 art. 201: "开始的当日不计入，自下一日开始计算"."""
    INCLUDED = "included"
    """The day of the trigger is day 1 (some cities count so): of working days when it is
    worked, of calendar days always."""


class RestDayTrigger(str, enum.Enum):
    """What a trigger on a non-working day does to a period in working days."""

    COUNT_FROM_TRIGGER = "count_from_trigger"
    """Default. Art. 201 read literally: a Saturday meeting makes Monday working day 1."""
    MOVE_TO_NEXT_WORKDAY = "move_to_next_workday"
    """The trigger first moves to the next working day, so Tuesday is working day 1."""


class Cutoff(str, enum.Enum):
    """When the last day of a period ends."""

    CLOSE_OF_BUSINESS = "close_of_business"
    """Default. 民法典 art. 203: "有业务时间的，停止业务活动的时间为截止时间"; 17:30 by default."""
    MIDNIGHT = "midnight"
    """24:00 of the last day (art. 203's general rule)."""


class HourClock(str, enum.Enum):
    """How a period in hours runs.

    民法典 art. 201: "按照小时计算期间的，自法律规定或者当事人约定的时间开始计算".
    """

    CALENDAR_ROLL = "calendar_roll"
    """Default. Calendar hours from the minute of the trigger; an expiry on a non-working day
    rolls to the close of business of the next working day (art. 203)."""
    CALENDAR_STRICT = "calendar_strict"
    """Calendar hours, expiring wherever they end."""
    PAUSED_ON_REST_DAYS = "paused_on_rest_days"
    """The clock runs 24 hours a day on working days and stops on non-working days."""
    OFFICE_HOURS = "office_hours"
    """The clock runs only inside office hours of working days."""


class LastDayRoll(str, enum.Enum):
    """What a period in calendar days does when its last day is not a working day."""

    NEXT_WORKDAY = "next_workday"
    """Default. 民法典 art. 203: "期间的最后一日是法定休假日的，
    以法定休假日结束的次日为期间的最后一日"."""
    NONE = "none"
    """The period ends on its last day whatever it is."""


class Conventions(BaseModel):
    """The engine-wide defaults of every counting option; a rule may pin its own.

    >>> Conventions()
    Conventions()
    >>> Conventions(cutoff=Cutoff.MIDNIGHT)
    Conventions(cutoff=<Cutoff.MIDNIGHT: 'midnight'>)
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    start_day: StartDay = StartDay.EXCLUDED
    rest_day_trigger: RestDayTrigger = RestDayTrigger.COUNT_FROM_TRIGGER
    cutoff: Cutoff = Cutoff.CLOSE_OF_BUSINESS
    hour_clock: HourClock = HourClock.CALENDAR_ROLL
    last_day_roll: LastDayRoll = LastDayRoll.NEXT_WORKDAY
    short_limit_days: int = 10
    """A limit of N days set by a meeting counts working days when N ≤ this, calendar days
    otherwise (inferred from 行政强制法 art. 69: "十日以内期限的规定是指工作日")."""

    def __repr__(self) -> str:
        changed = ", ".join(
            f"{name}={value!r}"
            for name, value in self
            if value != type(self).model_fields[name].default
        )
        return f"Conventions({changed})"
