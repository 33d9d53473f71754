"""What a day is: the kinds of day, and the record of one day with its source."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from dataclasses import dataclass

from deadlines._messages import Lang, Names, Said


class DayKind(enum.IntEnum):
    """The kind of a calendar day; the values are the bytes of the calendar table."""

    WORKDAY = 0
    """A Monday to Friday that is not a holiday."""
    WEEKEND = 1
    """A Saturday or Sunday that the notice did not turn into a working day."""
    HOLIDAY = 2
    """A day off announced by the State Council's notice (or a local override)."""
    ADJUSTED_WORKDAY = 3
    """A Saturday or Sunday made a working day by the notice (调休上班)."""

    @property
    def is_workday(self) -> bool:
        """Whether offices work on this kind of day."""
        return self in (DayKind.WORKDAY, DayKind.ADJUSTED_WORKDAY)

    def said(self) -> Said:
        """The kind in words: 工作日, 周末, 节假日, 调休上班."""
        return Said(_KIND_WORDS[self])


_KIND_WORDS = (
    "calendar.workday",
    "calendar.weekend",
    "calendar.holiday_unnamed",
    "calendar.adjusted_workday",
)

#: The `Day.origin` of days from the package's own data (the notices, and the estimates of later
#: years); an override file or a plugin names itself instead.
BUILT_IN = "built-in"

#: Byte value → is it a working day; used with `bytes.translate` to derive the workday mask.
WORKDAY_MASK = bytes(1 if k in (0, 3) else 0 for k in range(256))


@dataclass(frozen=True, slots=True)
class Day:
    """One day of the calendar, with where the calendar's knowledge of it comes from.

    Attributes:
        date: the day.
        kind: working day, weekend, holiday or adjusted working day.
        name_zh: the holiday's or the adjusted day's Chinese name; empty for plain days.
        name_en: the English name; empty for plain days.
        source: the notice (number or link) that fixes this day, or how it was estimated.
        origin: who put it in the calendar: `BUILT_IN` (``built-in``) for the package's data,
            else an override file's path or a plugin's name.
        provisional: whether a notice may still change this day.
    """

    date: dt.date
    kind: DayKind
    name_zh: str
    name_en: str
    source: str
    origin: str
    provisional: bool

    @property
    def is_workday(self) -> bool:
        """Whether offices work on this day."""
        return self.kind.is_workday

    def said(self) -> Said:
        """What the day is, as a message: ``国庆节（补休）``, ``调休放假（2月14日上班）``."""
        return _day_words(self.kind, self.name_zh, self.name_en)

    def describe(self, lang: Lang = "en") -> str:
        """What the day is, e.g. ``周末``, ``国庆节（补休）`` or ``holiday (National Day, day in
        lieu)``."""
        return self.said().render(lang)


#: The names the notices' data give to moved rest days and days in lieu:
#: ``休息日（由 2026-02-14 调休）`` and ``国庆节（补假）``.
_MOVED_REST = re.compile(r"休息日（由 (\d{4}-\d{2}-\d{2}) 调休）")
_IN_LIEU = "（补假）"


@functools.lru_cache(maxsize=256)
def _day_words(kind: DayKind, name_zh: str, name_en: str) -> Said:
    if kind is not DayKind.HOLIDAY or not name_zh:
        return kind.said()
    moved = _MOVED_REST.fullmatch(name_zh)
    if moved:
        return Said("calendar.adjusted_rest", {"worked": dt.date.fromisoformat(moved[1])})
    if name_zh.endswith(_IN_LIEU):
        return Said(
            "calendar.holiday_in_lieu",
            {"name": Names(name_zh.removesuffix(_IN_LIEU), name_en.removesuffix(" (observed)"))},
        )
    return Said("calendar.holiday", {"name": Names(name_zh, name_en)})
