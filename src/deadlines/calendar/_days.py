"""What a day is: the kinds of day, and the record of one day with its source."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


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

    @property
    def label_zh(self) -> str:
        """The Chinese name of the kind."""
        return _LABELS_ZH[self]

    @property
    def label_en(self) -> str:
        """The English name of the kind."""
        return _LABELS_EN[self]


_LABELS_ZH = {
    DayKind.WORKDAY: "工作日",
    DayKind.WEEKEND: "周末",
    DayKind.HOLIDAY: "节假日",
    DayKind.ADJUSTED_WORKDAY: "调休上班日",
}
_LABELS_EN = {
    DayKind.WORKDAY: "working day",
    DayKind.WEEKEND: "weekend",
    DayKind.HOLIDAY: "holiday",
    DayKind.ADJUSTED_WORKDAY: "adjusted working day",
}

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

    def describe(self, lang: str = "en") -> str:
        """The kind and name, e.g. ``holiday (National Day)``."""
        if lang == "zh":
            label, name = self.kind.label_zh, self.name_zh
            return f"{label}（{name}）" if name else label
        label, name = self.kind.label_en, self.name_en
        return f"{label} ({name})" if name else label
