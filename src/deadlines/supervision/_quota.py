"""The yearly field-research quota (art. 4: at least 60 days a year) for each county leader."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from deadlines._errors import NotInEffectError, UnknownRuleError
from deadlines._messages import Lang, Said
from deadlines._value import Value
from deadlines.rules import Quota

if TYPE_CHECKING:
    from deadlines._engine import Engine

QUOTA_RULE = "research.field_days"


class QuotaStanding(Value):
    """One leader's field-research days in one year, against the pro-rata expectation.

    Attributes:
        leader: the leader.
        year: the year.
        as_of: the day counted through (the moment's day, or 31 December of a past year).
        required: the days the year requires (60).
        logged: the distinct days logged from 1 January through `as_of` (only working days
            when the rule counts working days only).
        expected: the pro-rata days expected by the end of `as_of`
            (``Quota.expected_by``): required × days elapsed ÷ days in the year.
        shortfall: how many days behind the expectation, 0 when on track.
    """

    leader: str
    year: int
    as_of: dt.date
    required: int
    logged: int
    expected: float
    shortfall: float

    @property
    def remaining(self) -> int:
        """Days still to log this year to reach the quota."""
        return max(0, self.required - self.logged)

    @property
    def on_track(self) -> bool:
        """Whether the leader has logged at least the pro-rata expectation."""
        return self.shortfall == 0

    @property
    def expected_days(self) -> float:
        """`expected` as a clerk counts it: up to the next half day (28.1 → 28.5).

        Days are logged whole or half, so 28.1 days expected means 28.5 to log; the text
        shows this figure, and the shortfall against it (`expected` stays exact in JSON).
        Since `logged` is whole, the leader is short exactly when `on_track` says so.
        """
        return math.ceil(round(self.expected * 2, 9)) / 2

    def said(self) -> Said:
        """The standing as a message: logged, expected, shortfall, in whole or half days."""
        expected = self.expected_days
        short = Said("check.quota.short", {"by": expected - self.logged})
        values = {
            "leader": self.leader,
            "year": self.year,
            "logged": self.logged,
            "required": self.required,
            "expected": expected,
            "as_of": self.as_of,
            "state": Said("check.quota.on_track") if self.on_track else short,
        }
        return Said("check.quota.line", values)

    def describe(self, lang: Lang = "en") -> str:
        """One line: logged, expected, shortfall."""
        return self.said().render(lang)


def quota_standings(
    engine: Engine,
    days: Mapping[str, Iterable[dt.date]],
    at: dt.datetime,
    *,
    rule_id: str = QUOTA_RULE,
) -> tuple[QuotaStanding, ...]:
    """Each leader's standing in each year up to the moment `at`.

    Args:
        engine: the engine whose rule set holds the quota.
        days: the days each leader logged (a leader with none is followed from `at`'s year).
        at: the moment; days after its day are not counted yet.
        rule_id: the quota rule.

    Returns:
        One standing per leader and year (the years with days logged through `at`, and
        `at`'s year), by leader then year. None when the rule is not in the engine's set.

    >>> from datetime import date, datetime, timedelta
    >>> from deadlines import Engine
    >>> logged = {"王副县长": [date(2026, 1, 5) + timedelta(weeks=i) for i in range(20)]}
    >>> [s.describe() for s in quota_standings(Engine(), logged, datetime(2026, 7, 2, 12))]
    ['王副县长 2026: 20/60 field days, 30.5 expected by 2026-07-02, short by 10.5']
    """
    today = at.date()
    standings: list[QuotaStanding] = []
    for leader in sorted(days):
        logged = {d for d in days[leader] if d <= today}
        for year in sorted({d.year for d in logged} | {today.year}):
            try:
                quota = engine.rule(rule_id, dt.date(year, 12, 31)).limit
            except UnknownRuleError:
                return ()
            except NotInEffectError:
                continue
            if not isinstance(quota, Quota):
                return ()
            count = sum(
                d.year == year and (not quota.working_days_only or engine.calendar.is_workday(d))
                for d in logged
            )
            as_of = min(today, dt.date(year, 12, 31))
            expected = quota.expected_by(as_of)
            standings.append(
                QuotaStanding.model_construct(
                    leader=leader,
                    year=year,
                    as_of=as_of,
                    required=quota.days,
                    logged=count,
                    expected=expected,
                    shortfall=max(0.0, expected - count),
                )
            )
    return tuple(standings)
