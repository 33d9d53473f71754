"""Quarterly supervision (art. 13: 每季度调度一次、通报一次): two obligations per quarter.

Each quarter owes a dispatch (调度) and a report (通报), due by the rule
``supervision.quarterly``: the close of business of the quarter's last day, or, when that day
is a rest day, of the working day before it (`Recurrence.end_roll`). A plugin that changes the
rule changes the due dates here too, since they come from `Engine.due`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from deadlines._errors import InvalidValueError
from deadlines._messages import Lang, Said, say
from deadlines._time import CHINA_TZ
from deadlines._value import Value
from deadlines.rules import Recurrence
from deadlines.supervision._obligations import Obligation, oblige
from deadlines.supervision._status import ObligationStatus, Status, status_words
from deadlines.supervision._tracked import moment

if TYPE_CHECKING:
    from deadlines._engine import Engine

QUARTERLY_RULE = "supervision.quarterly"

#: Each activity of a quarter: its id suffix (and attribute of a `QuarterStanding`), the label
#: of its part in the rule, and the attribute of a standing that says when it was done.
PARTS = (("dispatch", "调度", "dispatched_at"), ("report", "通报", "reported_at"))
_ACTIVITIES = frozenset(activity for activity, _, _ in PARTS)
_NUMBERS = frozenset("1234")


def _digits(text: str) -> bool:
    """Whether `text` is ASCII digits (``"²"`` is `str.isdigit` but no number to `int`)."""
    return text.isascii() and text.isdigit()


def quarter_start(year: int, number: int) -> dt.date:
    """The first day of the quarter."""
    return dt.date(year, 3 * number - 2, 1)


def quarters_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """Every quarter, ``(year, number)``, from the one containing `first` through the one
    containing `last`.

    >>> quarters_between(dt.date(2025, 11, 5), dt.date(2026, 2, 1))
    [(2025, 4), (2026, 1)]
    """
    first_n, last_n = ((d.year * 12 + d.month - 1) // 3 for d in (first, last))
    return [(n // 4, n % 4 + 1) for n in range(first_n, last_n + 1)]


def quarter_part(obligation: Obligation) -> Said | None:
    """Which quarter's dispatch or report `obligation` is (``2025年第四季度调度``, in English
    ``2025Q4 dispatch``); ``None`` for an obligation of another rule.

    >>> from deadlines import Engine
    >>> [quarter_part(o).render("zh") for o in quarter_obligations(Engine(), 2025, 4)]
    ['2025年第四季度调度', '2025年第四季度通报']
    """
    if obligation.rule_id != QUARTERLY_RULE:
        return None
    # `quarter_obligations` makes ``2026Q3/dispatch``; an id of another shape is not a quarter's.
    quarter, _, activity = obligation.id.partition("/")
    year, _, number = quarter.partition("Q")
    if activity not in _ACTIVITIES or not (_digits(year) and number in _NUMBERS):
        return None
    return Said(f"check.quarter.{activity}", {"year": year, "number": int(number)})


def quarter_obligations(
    engine: Engine, year: int, number: int, *, explain: bool = True
) -> tuple[Obligation, ...]:
    """The dispatch and the report of one quarter, triggered at its first instant.

    Each is due when its part of ``supervision.quarterly`` is (the whole rule's due when a
    plugin replaced it with a limit without those parts).

    Raises:
        DeadlinesError: as `Engine.due` (e.g. the quarter starts before the rule took effect).

    >>> from deadlines import Engine
    >>> [(o.id, o.due.isoformat()) for o in quarter_obligations(Engine(), 2023, 3)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('2023Q3/dispatch', '2023-09-28T17:30:00+08:00'),
     ('2023Q3/report', '2023-09-28T17:30:00+08:00')]

    (30 September 2023 was a Saturday inside the Mid-Autumn and National Day holiday, and the
    29th a holiday: both move back to Thursday the 28th.)
    """
    label = f"{year}Q{number}"
    start = dt.datetime.combine(quarter_start(year, number), dt.time(), CHINA_TZ)
    _check_quarters(engine, start.date())
    whole = oblige(engine, QUARTERLY_RULE, start, id=label, event_id=label, explain=explain)
    parts = {part.label: part for part in whole.parts}
    made: list[Obligation] = []
    for activity, part_label, _ in PARTS:
        part = parts.get(part_label)
        changes: dict[str, object] = {"id": f"{label}/{activity}", "subject": part_label}
        if part is not None:
            changes.update(due=part.due, due_date=part.due_date, parts=(part,))
            if part.actor:  # who handles it, as ``due supervision.quarterly`` shows it
                changes["responsible"] = part.actor
        made.append(dataclasses.replace(whole, **changes))  # type: ignore[arg-type]
    return tuple(made)


def _check_quarters(engine: Engine, on: dt.date) -> None:
    """Refuse a quarterly rule changed to other periods: obligations here are per quarter."""
    limit = engine.rule(QUARTERLY_RULE, on).limit
    months = {part.months for part in limit.walk() if isinstance(part, Recurrence)}
    if months - {3}:
        raise InvalidValueError(
            QUARTERLY_RULE, sorted(months), Said("check.quarterly.every_quarter")
        )


class QuarterStanding(Value):
    """A quarter's dispatch and report at a moment: due, done, and their status.

    Attributes:
        quarter: ``2026Q3``.
        dispatch_due: when the dispatch is due.
        dispatch: its status.
        dispatched_at: when it took place, if it has.
        report_due: when the report is due.
        report: its status.
        reported_at: when it was issued, if it has.
        dispatch_escalated: the dispatch is overdue past the escalation threshold (提请督办).
        report_escalated: likewise the report.
    """

    quarter: str
    dispatch_due: dt.datetime
    dispatch: Status
    dispatched_at: dt.datetime | None = None
    report_due: dt.datetime
    report: Status
    reported_at: dt.datetime | None = None
    dispatch_escalated: bool = False
    report_escalated: bool = False

    @property
    def met(self) -> bool:
        """Whether both were done by their due instants."""
        return self.dispatch is Status.MET and self.report is Status.MET

    def describe(self, lang: Lang = "en") -> str:
        """One line per quarter, its statuses as the table says them (escalated: 提请督办).

        >>> import datetime as dt
        >>> due = dt.datetime(2025, 9, 30, 17, 30)
        >>> q = QuarterStanding(quarter="2025Q3", dispatch_due=due, dispatch=Status.MET,
        ...                     report_due=due, report=Status.OVERDUE, report_escalated=True)
        >>> q.describe("zh")
        '2025年第三季度：调度按期办结（时限2025年9月30日17:30），通报提请督办（时限2025年9月30日17:30）'
        >>> q.describe()
        '2025Q3: dispatch met (due 2025-09-30 17:30), report overdue! (due 2025-09-30 17:30)'
        """
        year, _, number = self.quarter.partition("Q")
        return say(
            "check.quarter",
            lang,
            year=year,
            number=int(number),
            dispatch=status_words(self.dispatch, escalated=self.dispatch_escalated),
            dispatch_due=moment(self.dispatch_due),
            report=status_words(self.report, escalated=self.report_escalated),
            report_due=moment(self.report_due),
        )


def quarter_standings(rows: Iterable[ObligationStatus]) -> tuple[QuarterStanding, ...]:
    """The standing of each quarter whose dispatch and report are both among `rows`, in order."""
    found: dict[str, dict[str, Any]] = {}
    done = {part: attribute for part, _, attribute in PARTS}
    for row in rows:
        if row.rule_id == QUARTERLY_RULE:
            quarter, _, part = row.id.partition("/")
            if part not in done:  # not one of `quarter_obligations`' ids
                continue
            fields = found.setdefault(quarter, {"quarter": quarter})
            fields.update({part: row.status, f"{part}_due": row.due, done[part]: row.completed_at})
            fields[f"{part}_escalated"] = row.escalated
    return tuple(
        QuarterStanding.model_construct(**fields)
        for _, fields in sorted(found.items())
        if all(part in fields for part in done)
    )
