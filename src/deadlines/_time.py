"""Instants and dates at the boundary: checking what callers pass, and the China time zone."""

from __future__ import annotations

import datetime as dt

from deadlines._errors import InvalidArgumentError, InvalidValueError

#: China Standard Time. China has kept UTC+8 without daylight saving since 1991, so a fixed
#: offset is exact for every date the calendar covers, and it needs no tz database (Windows
#: machines on an intranet often have none).
CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


def check_date(argument: str, value: object) -> dt.date:
    """Return `value` if it is a plain `date`.

    A `datetime` is refused rather than truncated: truncating would silently drop the time of
    day, and whether that is right depends on the time zone the caller meant.
    """
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
    """Return `value` if it is an `int` and not a `bool`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgumentError(argument, value, "an int such as 3")
    return value


def to_china(argument: str, value: object) -> dt.datetime:
    """An aware datetime in China time; a naive one is taken to be China time already.

    A plain `date` is refused: the time of day matters to hour limits and same-day cutoffs.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.replace(tzinfo=CHINA_TZ)
        return value.astimezone(CHINA_TZ)
    raise InvalidArgumentError(
        argument, value, "a datetime.datetime such as datetime(2026, 9, 30, 17, 0)"
    )


def parse_instant(argument: str, text: str) -> dt.datetime:
    """Parse ISO 8601 text into an aware China-time datetime; naive text means China time.

    A date alone (``2026-09-30``) is refused: say the time too, ``2026-09-30T17:00``.
    """
    if len(text) <= len("2026-09-30") and "T" not in text and " " not in text:
        raise InvalidValueError(
            argument, text, "an ISO 8601 date and time such as 2026-09-30T17:00 (+08:00 optional)"
        )
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidValueError(
            argument, text, "an ISO 8601 date and time such as 2026-09-30T17:00 (+08:00 optional)"
        ) from None
    return to_china(argument, value)


def parse_date(argument: str, text: str) -> dt.date:
    """Parse ISO 8601 date text (``2026-09-30``)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidValueError(argument, text, "an ISO 8601 date such as 2026-09-30") from None
