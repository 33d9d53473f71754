"""Instants and dates at the boundary: checking what callers pass, and the China time zone."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from deadlines._errors import InvalidArgumentError, InvalidValueError
from deadlines._messages import Names, Said

#: China Standard Time. China has kept UTC+8 without daylight saving since 1991, so a fixed
#: offset is exact for every date the calendar covers, and it needs no tz database (Windows
#: machines on an intranet often have none).
CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


def check_date(argument: str, value: object) -> dt.date:
    """`value` if it is a plain `date`; a `datetime` is refused rather than truncated, since
    the day it falls on depends on the time zone the caller meant."""
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        raise InvalidArgumentError(
            argument, value, "a datetime.date; pass value.date() (in Asia/Shanghai) explicitly"
        )
    if isinstance(value, dt.date):  # a subclass such as pandas' or arrow's: keep the date only
        return dt.date(value.year, value.month, value.day)
    raise InvalidArgumentError(argument, value, "a datetime.date such as date(2026, 9, 30)")


def check_int(argument: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgumentError(argument, value, "an int such as 3")
    return value


def to_china(argument: str, value: object) -> dt.datetime:
    """An aware datetime in China time (a naive one is China time already); a plain `date` is
    refused (docs/design.md), and so is an offset no place uses, a typo (`OFFSETS`)."""
    if isinstance(value, dt.datetime):
        offset = value.utcoffset() if value.tzinfo is not None else None
        if offset is None:
            return value.replace(tzinfo=CHINA_TZ)
        if not _WEST <= offset <= _EAST:
            raise InvalidValueError(argument, value, f"an instant with an offset {OFFSETS}")
        try:
            return value.astimezone(CHINA_TZ)
        except OverflowError:  # 9999-12-31T23:00-05:00 has no China time
            raise InvalidValueError(
                argument, value, "an instant from the year 1 through 9999 in China time"
            ) from None
    raise InvalidArgumentError(
        argument, value, "a datetime.datetime such as datetime(2026, 9, 30, 17, 0)"
    )


#: The UTC offsets places use: from −12:00 (Baker Island) to +14:00 (Kiribati's Line Islands).
OFFSETS = "from -12:00 to +14:00 (China is +08:00)"
_WEST, _EAST = dt.timedelta(hours=-12), dt.timedelta(hours=14)

INSTANT_EXPECTED = "an ISO 8601 date and time such as 2026-09-30T17:00 (+08:00 optional)"
#: What a parameter's instant may be: text, as JSON, CSV and the command line give it, first.
PARAMETER_INSTANT_EXPECTED = INSTANT_EXPECTED + ", or a datetime.datetime"

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def impossible_day(text: str) -> Said | None:
    """What is wrong with the date `text` starts with, if it names a day that does not exist
    (`fromisoformat` says only "day is out of range for month", not which month)."""
    match = _DAY.match(text)
    if match is None:
        return None
    year, month, day = map(int, match.groups())
    if not 1 <= month <= 12:
        return Said("error.month")
    if year < 1:
        return Said("error.year_from_1")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        # Names: the month and the day as each language writes them (2月 / February, 30日 / 30th)
        month_names = Names(str(month), _MONTHS[month - 1])
        day_names = Names(str(day), _ordinal(day))
        values = {"year": year, "month": month_names, "day": day_names, "days": days}
        return Said("error.no_such_day", values)
    return None


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d])")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def parse_instant(argument: str, text: str) -> dt.datetime:
    """ISO 8601 text as an aware China-time datetime (naive text means China time); a date
    alone, a day that does not exist and an offset beyond −12:00..+14:00 are refused."""
    if len(text) <= len("2026-09-30") and "T" not in text and " " not in text:
        raise InvalidValueError(argument, text, INSTANT_EXPECTED)
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        problem = impossible_day(text)
        raise InvalidValueError(argument, text, problem or INSTANT_EXPECTED) from None
    if value.tzinfo is not None and not _WEST <= value.utcoffset() <= _EAST:  # type: ignore[operator]
        raise InvalidValueError(argument, text, f"an instant with an offset {OFFSETS}")
    return to_china(argument, value)


def parse_date(argument: str, text: str) -> dt.date:
    """Parse ISO 8601 date text (``2026-09-30``); a day that does not exist says so."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        problem: Said | str = impossible_day(text) or "an ISO 8601 date such as 2026-09-30"
        raise InvalidValueError(argument, text, problem) from None
