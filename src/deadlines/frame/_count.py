"""Due instants of many (rule, trigger, parameters) rows at once, with the kernels (numpy).

`Supervisor.read` gathers the obligations of the events while it reads them and counts them
here in one go per rule, instead of one `Engine` call each. An obligation the kernels cannot
answer exactly (a bad parameter, a date outside the calendar, a rule whose limit reports
parts, a kind or option a plugin adds) is left to the engine, which gives
the answer or the error: the ledger is the same either way (tests/test_supervision_scale.py).

Importing this module needs numpy (the ``frame`` extra); without it the ledger counts each
obligation with the engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence as Many
from typing import TYPE_CHECKING, Any

import numpy as np

from deadlines._errors import DeadlinesError
from deadlines._time import CHINA_TZ, to_china
from deadlines.frame._days import DAY, EPOCH, EPOCH_ORDINAL, MICROSECOND, days_of, nanoseconds
from deadlines.frame._kernels import CONVENTION_FIELDS, evaluate
from deadlines.frame._rows import Rows
from deadlines.rules import AllOf, EarliestOf, LatestOf, Limit, Sequence, Tiered

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines.rules import Rule

#: The limits whose outcome lists its parts (an obligation keeps them): the engine counts these.
_WITH_PARTS = (AllOf, EarliestOf, LatestOf, Sequence, Tiered)

#: A counted obligation: the rule version, the trigger, the due instant, the last day, and
#: whether it is provisional.
Answer = tuple["Rule", dt.datetime, dt.datetime, dt.date, bool]


def count_rows(
    engine: Engine,
    rows: Many[tuple[str, dt.datetime, dict[str, Any] | None]],
    shared: dict[int, Any] | None = None,
) -> list[Answer | None]:
    """The answer of each (rule id, trigger, parameters), or None where the engine must count.

    `shared` keeps one due instant and one last day per value across calls: a province's
    million obligations fall due at a few thousand instants.
    """
    shared = {} if shared is None else shared
    answers: list[Answer | None] = [None] * len(rows)
    if not rows or frozenset(type(engine.conventions).model_fields) != CONVENTION_FIELDS:
        return answers
    days = days_of(engine.calendar)
    known = set(engine.rules.ids)
    groups: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    starts: list[dt.datetime | None] = []
    ns = np.zeros(len(rows), dtype=np.int64)
    for index, (rule_id, trigger, params) in enumerate(rows):
        if type(trigger) is dt.datetime and trigger.tzinfo is CHINA_TZ:
            start = trigger  # to_china's answer, most often: saves its checks
        else:
            try:
                start = to_china("at", trigger)
            except DeadlinesError:
                starts.append(None)
                continue
        starts.append(start)
        ns[index] = nanoseconds(start)
        if rule_id in known:
            groups.setdefault((rule_id, tuple(params or ())), []).append(index)
    day = ns // DAY + EPOCH_ORDINAL
    for (rule_id, names), members in groups.items():
        group = np.array(members, dtype=np.int64)
        for version in engine.rules.versions(rule_id):
            # The first version in effect on the trigger's day is the engine's, as in frame.
            inside = day[group] >= version.effective_from.toordinal()
            if version.effective_until is not None:
                inside &= day[group] <= version.effective_until.toordinal()
            chosen, group = group[inside], group[~inside]
            limit = version.limit
            if (
                not len(chosen)
                or limit.not_a_deadline is not None
                or not set(names) <= limit.parameters()
                or _has_parts(limit)
            ):
                continue
            params = {}
            for name in names:
                column = np.empty(len(chosen), dtype=object)
                column[:] = [rows[i][2][name] for i in chosen.tolist()]
                params[name] = column
            found = evaluate(limit, Rows(days, engine.conventions, ns[chosen], params, rule_id))
            ok = found.ok
            dues = found.due[ok].tolist()
            lasts = (found.last[ok] + days.base + EPOCH_ORDINAL).tolist()
            provisional = found.provisional[ok].tolist()
            taken = chosen[ok].tolist()
            for i, due, last, flag in zip(taken, dues, lasts, provisional, strict=True):
                start = starts[i]
                assert start is not None  # only rows with a trigger are grouped
                instant = shared.get(due)
                if instant is None:
                    instant = shared[due] = EPOCH + MICROSECOND * (due // 1000)
                last_day = shared.get(-last)  # negative: instants are positive nanoseconds
                if last_day is None:
                    last_day = shared[-last] = dt.date.fromordinal(last)
                answers[i] = (version, start, instant, last_day, bool(flag))
    return answers


def _has_parts(limit: Limit) -> bool:
    """Whether `limit` or a limit inside it lists parts in its outcome."""
    if isinstance(limit, _WITH_PARTS):
        return True
    for name in type(limit).model_fields:
        value = getattr(limit, name)
        inner = value if isinstance(value, (list, tuple)) else (value,)
        if any(isinstance(item, Limit) and _has_parts(item) for item in inner):
            return True
    return False
