"""How a period is counted: every reading of the policy text is a named option with a cited
default (民法典 art. 200–204); docs/conventions.md quotes the sources."""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import Field, StrictInt

from deadlines._value import Value


class StartDay(str, enum.Enum):
    """Whether the day of the trigger counts as day 1 of a period in days."""

    EXCLUDED = "excluded"
    """Default. 民法典 art. 201: "开始的当日不计入，自下一日开始计算"."""
    INCLUDED = "included"
    """The day of the trigger is day 1 (some cities count so), when the trigger comes before
    that day's cutoff (and, in working days, the day is worked)."""


class RestDayTrigger(str, enum.Enum):
    """What a trigger on a non-working day does to a period in working days or hours."""

    COUNT_FROM_TRIGGER = "count_from_trigger"
    """Default. Art. 201 read literally: a Saturday meeting makes Monday working day 1."""
    MOVE_TO_NEXT_WORKDAY = "move_to_next_workday"
    """The trigger first moves to the next working day, so Tuesday is working day 1; an hour
    limit starts at its opening (as does one triggered before a working day opens)."""


class Cutoff(str, enum.Enum):
    """When the last day of a period ends."""

    CLOSE_OF_BUSINESS = "close_of_business"
    """Default. 民法典 art. 203: "有业务时间的，停止业务活动的时间为截止时间"; 17:30 by default."""
    MIDNIGHT = "midnight"
    """24:00 of the last day (art. 203's general rule)."""


class HourClock(str, enum.Enum):
    """How a period in hours runs.

    民法典 art. 201: "按照小时计算期间的，自法律规定或者当事人约定的时间开始计算". Under every
    value a later trigger never ends earlier (see docs/conventions.md).
    """

    WORKDAYS_FROM_OPENING = "workdays_from_opening"
    """Default. Rest days inside the period are not counted (节假日顺延, 行政许可法 art. 82), and
    a receipt outside office hours starts the clock at the next opening (党政机关公文处理工作条例
    art. 24): 24 hours a day on working days from then. A reading of ours (docs/conventions.md)."""
    CALENDAR_ROLL = "calendar_roll"
    """Calendar hours from the minute of the trigger; an expiry on a non-working day, or on the
    first working day after rest days before its close, ends at that close (art. 203)."""
    CALENDAR_STRICT = "calendar_strict"
    """Calendar hours, expiring wherever they end."""
    PAUSED_ON_REST_DAYS = "paused_on_rest_days"
    """The clock runs 24 hours a day on working days and stops on non-working days."""
    OFFICE_HOURS = "office_hours"
    """The clock runs only inside office hours of working days."""


class SameDayReading(str, enum.Enum):
    """What "the same day" (文不过夜, 事不隔日, art. 11) allows a receipt."""

    HALF_DAY = "half_day"
    """Default. A receipt in the morning of a working day is due at that day's close; any other
    by noon (the end of the morning session) of the next working day: 甬政办发〔2007〕169号 as
    the issue quotes it, its text not verified here (docs/conventions.md)."""
    CLOSE_OF_BUSINESS = "close_of_business"
    """A receipt on a working day before the cutoff is due at that cutoff; any other at the
    cutoff of the next working day (a receipt at 17:00 is due at 17:30)."""


class ArrivalGrace(str, enum.Enum):
    """What "on arrival" (急件随到随办, 立行立办) allows when no limit is stated."""

    SAME_WORKING_DAY = "same_working_day"
    """Default. Done by the cutoff of the day of arrival (of the next working day, arriving after
    it or on a rest day): 急件 is the lower of two urgency levels (国发〔2000〕23号: "特急"、
    "急件"), which local rules commonly give the same working day."""
    OFFICE_HOURS = "office_hours"
    """`Conventions.arrival_office_hours` office hours from arrival (特急 in local rules)."""
    INSTANT = "instant"
    """Due the instant it arrives (the reading before 0.2: handled 10 minutes later is late)."""


class LastDayRoll(str, enum.Enum):
    """What a period in calendar days does when its last day is not a working day."""

    NEXT_WORKDAY = "next_workday"
    """Default. 民法典 art. 203: "期间的最后一日是法定休假日的，
    以法定休假日结束的次日为期间的最后一日"."""
    NONE = "none"
    """The period ends on its last day whatever it is."""


class Conventions(Value):
    """The engine-wide defaults of every counting option; a rule may pin its own.

    Each default and its source: `StartDay`, `RestDayTrigger`, `Cutoff`, `LastDayRoll` (民法典
    art. 201, 203), `HourClock` (节假日顺延, 行政许可法 art. 82), `SameDayReading` (the half-day
    reading of 文不过夜), `ArrivalGrace` (急件 as the second urgency level, 国发〔2000〕23号);
    docs/conventions.md says which sources were verified and which readings are ours.

    >>> Conventions()
    Conventions()
    >>> Conventions(cutoff=Cutoff.MIDNIGHT)
    Conventions(cutoff=<Cutoff.MIDNIGHT: 'midnight'>)
    """

    start_day: StartDay = StartDay.EXCLUDED
    rest_day_trigger: RestDayTrigger = RestDayTrigger.COUNT_FROM_TRIGGER
    cutoff: Cutoff = Cutoff.CLOSE_OF_BUSINESS
    hour_clock: HourClock = HourClock.WORKDAYS_FROM_OPENING
    last_day_roll: LastDayRoll = LastDayRoll.NEXT_WORKDAY
    same_day: SameDayReading = SameDayReading.HALF_DAY
    arrival_grace: ArrivalGrace = ArrivalGrace.SAME_WORKING_DAY
    arrival_office_hours: Annotated[StrictInt, Field(gt=0, le=24)] = 2
    """The office hours `ArrivalGrace.OFFICE_HOURS` allows."""
