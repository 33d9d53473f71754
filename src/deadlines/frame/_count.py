"""Due instants of many (rule, trigger, parameters) rows at once, with the kernels (numpy).

`Supervisor.read` gathers the obligations of the events while it reads them and counts them
here in one go per rule, instead of one `Engine` call each. An obligation the kernels cannot
answer exactly (a bad parameter, a date outside the calendar, a rule whose limit reports
parts: a combination, or the branch a condition takes; a kind or option a plugin adds) is
left to the engine, which gives the answer or the error: the ledger is the same either way
(tests/test_supervision_scale.py).

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
from deadlines.frame._days import DAY, EPOCH, EPOCH_ORDINAL, MICROSECOND, Bools, Ints, days_of
from deadlines.frame._kernels import CONVENTION_FIELDS, _groups, evaluate
from deadlines.frame._rows import Answer as Found
from deadlines.frame._rows import Objects, Rows
from deadlines.rules import AllOf, EarliestOf, LatestOf, Limit, Sequence, Tiered, When

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines.rules import Rule

#: The limits whose outcome lists its parts (an obligation keeps them): the engine counts these.
_WITH_PARTS = (AllOf, EarliestOf, LatestOf, Sequence, Tiered)

#: The latest trigger, in microseconds either side of the epoch, whose nanoseconds fit.
_LATEST = np.iinfo(np.int64).max // 1000

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
    # The rows of each rule, and of each rule and set of parameter names given: most rows
    # give none, and are grouped by the rule's id alone.
    groups: dict[str | tuple[str, tuple[str, ...]], list[int]] = {}
    starts: list[dt.datetime | None] = []
    micros: list[int] = []  # each trigger in China-time microseconds
    for index, (rule_id, trigger, params) in enumerate(rows):
        start = trigger  # to_china's answer, most often: saves its checks
        if type(trigger) is not dt.datetime or trigger.tzinfo is not CHINA_TZ:
            try:
                start = to_china("at", trigger)
            except DeadlinesError:
                starts.append(None)
                micros.append(0)
                continue
        starts.append(start)
        micros.append((start - EPOCH) // MICROSECOND)
        if rule_id in known:
            key = (rule_id, tuple(params)) if params else rule_id
            group = groups.get(key)
            if group is None:
                groups[key] = [index]
            else:
                group.append(index)
    stamps = np.array(micros, dtype=np.int64)
    # Nanoseconds stay within int64 until 2262: a trigger after that is the engine's to refuse.
    beyond = np.abs(stamps) > _LATEST
    ns = np.where(beyond, 0, stamps) * 1000
    day = ns // DAY + EPOCH_ORDINAL
    for key, members in groups.items():
        rule_id, names = (key, ()) if isinstance(key, str) else key
        group_ = np.array(members, dtype=np.int64)
        group_ = group_[~beyond[group_]]
        for version in engine.rules.versions(rule_id):
            # The first version in effect on the trigger's day is the engine's, as in frame.
            inside = day[group_] >= version.effective_from.toordinal()
            if version.effective_until is not None:
                inside &= day[group_] <= version.effective_until.toordinal()
            chosen, group_ = group_[inside], group_[~inside]
            limit = version.limit
            if (
                not len(chosen)
                or limit.not_a_deadline is not None
                or not set(names) <= limit.parameters()
            ):
                continue
            params = {}
            for name in names:
                column = np.empty(len(chosen), dtype=object)
                column[:] = [rows[i][2][name] for i in chosen.tolist()]
                params[name] = column
            found = evaluate(limit, Rows(days, engine.conventions, ns[chosen], params, rule_id))
            ok = found.ok & _without_parts(limit, params, len(chosen), rule_id)
            _answer(answers, version, chosen[ok], starts, found, ok, days.base, shared)
    return answers


def _answer(
    answers: list[Answer | None],
    version: Rule,
    taken: Ints,
    starts: list[dt.datetime | None],
    found: Found,
    ok: Bools,
    base: int,
    shared: dict[int, Any],
) -> None:
    """Put the answers `found` for the rows `taken` (where `ok`) in their places."""
    # Each distinct due instant and last day made once (or taken from `shared`), then
    # handed to its rows by position.
    dues, due_of = np.unique(found.due[ok], return_inverse=True)
    lasts, last_of = np.unique(found.last[ok], return_inverse=True)
    instants = []
    for due in dues.tolist():
        instant = shared.get(due)
        if instant is None:
            instant = shared[due] = EPOCH + MICROSECOND * (due // 1000)
        instants.append(instant)
    last_days = []
    for last in (lasts + base + EPOCH_ORDINAL).tolist():
        last_day = shared.get(-last)  # negative: instants are positive nanoseconds
        if last_day is None:
            last_day = shared[-last] = dt.date.fromordinal(last)
        last_days.append(last_day)
    rows = zip(
        taken.tolist(), due_of.tolist(), last_of.tolist(), found.provisional[ok].tolist(),
        strict=True,
    )  # fmt: skip
    for i, due, last, provisional in rows:
        answers[i] = (version, starts[i], instants[due], last_days[last], provisional)


def _without_parts(limit: Limit, params: dict[str, Objects], size: int, rule_id: str) -> Bools:
    """Which of `size` rows (with `params`) `limit` answers without parts: the obligation
    keeps a combination's parts, so the engine counts the rows that have them.

    A condition's rows have the parts of the branch they take: most special-topic minutes
    involve no personnel, money or assets and take a plain limit.
    """
    if not isinstance(limit, When):
        return np.full(size, not _has_parts(limit), dtype=np.bool_)
    name = limit.condition.parameter
    values = params.get(name)
    if values is None:  # not stated: the outcome is `otherwise`'s
        return _without_parts(limit.otherwise, params, size, rule_id)
    plain = np.zeros(size, dtype=np.bool_)  # a value that is None or wrong: the engine says
    for value, where in _groups(values):
        try:
            holds = limit.condition.holds({name: value}, rule_id)
        except Exception:  # as the kernel does: the engine says what is wrong, row by row
            continue
        branch = limit.then if holds else limit.otherwise
        taken = {key: column[where] for key, column in params.items()}
        plain[where] = _without_parts(branch, taken, len(where), rule_id)
    return plain


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
