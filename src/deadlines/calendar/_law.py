"""The statutory days off of each year, and the check of a notice against them.

《全国年节及纪念日放假办法》 (the State Council's measures on national holidays) fixes the days
that are off for all citizens; each year's notice arranges them (调休) but may not drop one.
Its versions, by the year they took effect:

- 1999 (国务院令第270号): New Year's Day 1, Spring Festival 3 (正月初一至初三), Labour Day 3
  (1–3 May), National Day 3 (1–3 October): 10 days.
- 2008 (国务院令第513号): Spring Festival 3 from the eve (除夕、正月初一、初二), Labour Day 1,
  and Qingming, the Dragon Boat Festival and the Mid-Autumn Festival 1 each: 11 days.
- 2014 (国务院令第644号): Spring Festival 正月初一至初三 again (the eve no longer off): 11 days.
- 2025 (国务院令第795号): Spring Festival 4 (除夕、正月初一至初三), Labour Day 2 (1–2 May): 13 days.

Article 6 of every version since 2008: a statutory day on a weekend is made up on a working day
(补假), so a notice gives each statutory day off either on itself or on a weekday nearby.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from deadlines._messages import Names, Said
from deadlines.calendar._table import festival_dates

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Festival:
    """One statutory festival of one year.

    Attributes:
        name_zh: its Chinese name, e.g. ``春节``.
        name_en: its English name.
        days: its statutory days off, in order.
    """

    name_zh: str
    name_en: str
    days: tuple[dt.date, ...]


#: Each version of the measures: the year it took effect, its decree number (国务院令第N号) and
#: the year it was made or last revised.
VERSIONS = ((1999, 270, 1999), (2008, 513, 2007), (2014, 644, 2013), (2025, 795, 2024))


def version_of(year: int) -> Said:
    """The version of the measures in force in `year`, as a message cites it.

    >>> print(version_of(2026).render("en"))
    国务院令第795号 (2024, from 2025)
    >>> print(version_of(2026).render("zh"))
    《全国年节及纪念日放假办法》（2024年修订，国务院令第795号，自2025年起施行）
    """
    first, decree, revised = [version for version in VERSIONS if version[0] <= year][-1]
    if first == 1999:
        return Said("calendar.law.version.1999")
    return Said("calendar.law.version", {"decree": decree, "revised": revised, "first": first})


def statutory_festivals(year: int) -> tuple[Festival, ...]:
    """The festivals of `year` and their statutory days off, as the measures then in force say.

    >>> [f"{f.name_en} {len(f.days)}" for f in statutory_festivals(2025)]
    ["New Year's Day 1", 'Spring Festival 4', 'Qingming Festival 1', 'Labour Day 2',
     'Dragon Boat Festival 1', 'Mid-Autumn Festival 1', 'National Day 3']
    """
    spring, qingming, dragon_boat, mid_autumn = festival_dates(year)
    new_year = Festival("元旦", "New Year's Day", (dt.date(year, 1, 1),))
    national = Festival("国庆节", "National Day", tuple(dt.date(year, 10, d) for d in (1, 2, 3)))
    if year < 2008:
        return (
            new_year,
            Festival("春节", "Spring Festival", (spring, spring + _DAY, spring + 2 * _DAY)),
            Festival("劳动节", "Labour Day", tuple(dt.date(year, 5, d) for d in (1, 2, 3))),
            national,
        )
    spring_days: tuple[dt.date, ...]
    if year < 2014:
        spring_days = (spring - _DAY, spring, spring + _DAY)
    elif year < 2025:
        spring_days = (spring, spring + _DAY, spring + 2 * _DAY)
    else:
        spring_days = (spring - _DAY, spring, spring + _DAY, spring + 2 * _DAY)
    labour = (dt.date(year, 5, 1),) if year < 2025 else (dt.date(year, 5, 1), dt.date(year, 5, 2))
    return (
        new_year,
        Festival("春节", "Spring Festival", spring_days),
        Festival("清明节", "Qingming Festival", (qingming,)),
        Festival("劳动节", "Labour Day", labour),
        Festival("端午节", "Dragon Boat Festival", (dragon_boat,)),
        Festival("中秋节", "Mid-Autumn Festival", (mid_autumn,)),
        national,
    )


#: How far from a festival's statutory days a listed day off still counts as the festival's
#: (its 补假 or its bridge days): the longest break, National Day, runs a week.
FESTIVAL_REACH = dt.timedelta(days=7)
#: Weekday days off beyond the statutory days and the swapped ones that a notice may still
#: plausibly give: the 2015 victory anniversary (国发明电〔2015〕1号) added one, the 2020
#: extension of the Spring Festival (国办发明电〔2020〕1号) two; every other notice since 2004
#: gives exactly the statutory days plus one weekday for each worked weekend day.
EXTRA_WEEKDAYS_OFF = 2


def check_notice(year: int, off: set[dt.date], on: set[dt.date]) -> list[Said]:
    """What is wrong with a notice for `year` that gives the days `off` and works the days `on`.

    Returns one message per problem (``calendar.law.*``), empty when the notice agrees with
    the measures:

    - a statutory day that is neither listed off nor a weekend day left off (the festival is
      missing, or the notice works it);
    - a festival with no listed day off near it (a weekend festival needs its 补假 listed);
    - more weekday days off than the statutory days plus the swapped ones allow
      (`EXTRA_WEEKDAYS_OFF`), or fewer than the weekend days worked (each worked weekend day
      pays for a weekday off).
    """
    problems: list[Said] = []
    # Counted per festival: when two coincide (Mid-Autumn on 1 October 2020), each still
    # earns its day, and the notice makes it up.
    statutory = 0
    for festival in statutory_festivals(year):
        statutory += len(festival.days)
        lacking = [
            day for day in festival.days if day in on or (day not in off and day.weekday() < 5)
        ]
        near = [
            day
            for day in off
            if festival.days[0] - FESTIVAL_REACH <= day <= festival.days[-1] + FESTIVAL_REACH
        ]
        name = Names(festival.name_zh, f"{festival.name_zh} ({festival.name_en})")
        if lacking:
            days = tuple(f"{day:%m-%d}" for day in lacking)
            problems.append(Said("calendar.law.missing", {"festival": name, "days": days}))
        elif not near:
            problems.append(Said("calendar.law.missing_near", {"festival": name}))
    weekdays_off = sum(1 for day in off if day.weekday() < 5)
    most = statutory + len(on) + EXTRA_WEEKDAYS_OFF
    if weekdays_off > most:
        values = {"off": weekdays_off, "statutory": statutory, "on": len(on), "most": most}
        problems.append(Said("calendar.law.too_many", values))
    if weekdays_off < len(on):
        problems.append(Said("calendar.law.too_few", {"on": len(on), "off": weekdays_off}))
    return problems
