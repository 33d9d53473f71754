"""Limits in a few words, in Chinese or English: for listings, traces and plugin reports."""

from __future__ import annotations

from deadlines.rules._durations import Limit


def describe_limit(limit: Limit, lang: str = "en") -> str:
    """A limit in a few words: ``3 working days``, ``48 hours``, ``blackout: Mar``.

    Each kind of limit says itself (`Limit.describe`). Parts that say the same thing are said
    once, and steps that share one period read as that period, so the special-topic minutes
    (3 working days, with the county head's approval first when personnel, money or assets
    are involved) read ``3 working days``.

    >>> from deadlines.rules import AllOf, Hours, WorkingDays
    >>> describe_limit(AllOf(WorkingDays(3), Hours(48)))
    'all of: 3 working days, 48 hours'
    >>> describe_limit(AllOf(WorkingDays(3), Hours(48)), "zh")
    '全部：3个工作日，48小时'
    """
    return limit.describe(lang)
