"""A day in the catalogue's words (ids ``calendar``): what it is, the 放假 period a weekend day
belongs to, and the notice that fixed it, as `deadlines calendar` and the board say them."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING, Protocol

from deadlines._messages import Names, Said
from deadlines.calendar._days import BUILT_IN, DayKind
from deadlines.calendar._table import ESTIMATED

if TYPE_CHECKING:
    from deadlines.calendar import ChinaCalendar, Day


class _Days(Protocol):
    """A calendar that answers for one day: all a break's name needs."""

    def is_workday(self, day: dt.date) -> bool: ...
    def day(self, day: dt.date) -> Day: ...


def day_words(cal: ChinaCalendar, day: Day) -> Said | Names | None:
    """What a day off or an adjusted working day is, or None for a plain day; a weekend day
    inside a 放假 period is off (``国庆节假期（周末）``): the notice counts it in the break."""
    if day.kind in (DayKind.HOLIDAY, DayKind.ADJUSTED_WORKDAY):
        # The data's English name reads better than a description of it: National Day.
        return Names(day.describe("zh"), day.name_en or day.describe("en"))
    name = break_of(cal, day)
    return None if name is None else Said("calendar.in_period", {"name": name})


def special(cal: ChinaCalendar, first: dt.date, last: dt.date) -> list[tuple[Day, Said | Names]]:
    """The days off and adjusted working days from `first` through `last`, with their words."""
    found = ((day, day_words(cal, day)) for day in cal.days(first, last))
    return [(day, words) for day, words in found if words is not None]


#: A notice's number, e.g. 国办发明电〔2025〕7号, and a web address, among a source's words.
_NUMBER = re.compile(r"\S+〔\d{4}〕\d+号")
_URL = re.compile(r"https?://\S+")


def cite(source: str, origin: str = BUILT_IN) -> tuple[Said | str, str]:
    """A source as a reader cites it (the notice's title and number), and its web address (or
    ``""``)."""
    words = source.split()
    url = " ".join(word for word in words if _URL.fullmatch(word))
    number = " ".join(word for word in words if _NUMBER.fullmatch(word))
    title = " ".join(word for word in words if word not in (url, number))
    label: Said | str
    if source == ESTIMATED:
        label = Said("calendar.estimated")
    elif title.endswith("通知"):
        cited = {"title": title, "number": number}
        label = Said("calendar.notice" if number else "calendar.notice.title", cited)
    else:
        label = number or title or url
    if origin != BUILT_IN:
        label = Said("calendar.notice.origin", {"origin": origin, "notice": label})
    return label, url


def break_of(cal: _Days, day: Day) -> Names | None:
    """The holiday whose 放假 period a weekend `day` lies inside, or None: the notices count a run
    of rest days that holds a holiday as one break ("10月1日至7日放假调休，共7天")."""
    # The break is named after its festival: the name most of its days bear (春节, not 除夕).
    names = [
        value
        for d in _break(cal, day)
        for key, value in d.said().values
        if key == "name" and isinstance(value, Names)
    ]
    return Counter(names).most_common(1)[0][0] if names else None


def cite_day(cal: ChinaCalendar, day: Day) -> tuple[Said | str, str]:
    """`cite` of what fixed `day`: for a weekend day inside a break, the break's notice (for a
    New Year break's December weekend, the next year's)."""
    holidays = _break(cal, day)
    fixed = holidays[0] if holidays else day
    return cite(fixed.source, fixed.origin)


def _break(cal: _Days, day: Day) -> list[Day]:
    """The holidays of the run of rest days around a weekend `day` (none for another day)."""
    # is_workday first: a trace asks this of every weekend day it passes over.
    if day.kind is not DayKind.WEEKEND:
        return []
    run: list[Day] = []
    for step in (-1, 1):
        other = day.date
        for _ in range(_LONGEST_BREAK):
            other += dt.timedelta(days=step)
            if cal.is_workday(other):
                break
            run.append(cal.day(other))
    return sorted((d for d in run if d.kind is DayKind.HOLIDAY), key=lambda d: d.date)


#: No 放假 period runs longer than this many days on either side of a day inside it.
_LONGEST_BREAK = 10
