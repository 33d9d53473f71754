"""`due_frame`: due dates for a whole table, with numpy, identical to `Engine.due` row by row."""

from __future__ import annotations

import datetime as dt
import functools
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from deadlines._errors import DeadlinesError, ProvisionalDateWarning
from deadlines._time import CHINA_TZ
from deadlines.frame._days import DAY, EPOCH_ORDINAL, MICROSECOND, Bools, Ints, days_of, nanoseconds
from deadlines.frame._kernels import CONVENTION_FIELDS, evaluate
from deadlines.frame._rows import Objects, Rows, given
from deadlines.io._records import RESERVED

if TYPE_CHECKING:
    from deadlines._engine import Engine

#: The columns `due_frame` returns, in order.
COLUMNS = ("due", "due_date", "provisional", "error")

_NAIVE_EPOCH = dt.datetime(1970, 1, 1)
_OFFSET = 8 * 3_600 * 10**9  # China time is UTC+8 for every date the calendar covers
_NAT = np.iinfo(np.int64).min
_UNEXPECTED = "unexpected {kind}: {error} (please report it)"


@functools.lru_cache(maxsize=1)
def default_engine() -> Engine:
    """The engine `due_frame` uses when given none: one per process, plugins included."""
    from deadlines._engine import Engine

    return Engine()


def due_frame(
    table: Any,  # noqa: ANN401 - a pandas DataFrame, or anything pandas makes one of
    *,
    engine: Engine | None = None,
    rule: str = "rule",
    at: str = "at",
    params: Mapping[str, str] | Iterable[str] | None = None,
) -> pd.DataFrame:
    """When each row's limit ends: `Engine.due` for a whole table, computed on arrays.

    Every limit kind of the catalog is counted with numpy over the calendar's arrays (working
    days, calendar days, hours under each clock, the same day, on arrival, recurrences and
    every combination). A row the arrays cannot answer exactly goes to `Engine.due` itself: a
    stated handling limit, a fixed meeting deadline, the ``done`` instants of a sequence, a
    kind or option a plugin adds, a bad value. The answer is the engine's either way; plugins
    and overrides count because the engine's own rule values, conventions and calendar are
    read.

    Args:
        table: a pandas DataFrame (or a pyarrow Table, or a mapping of columns).
        engine: the engine; by default one per process, built on first use.
        rule: the column of rule ids.
        at: the column of triggers: datetimes (naive ones are China time), or ISO 8601 text
            as `deadlines batch` reads it.
        params: the columns of rule parameters: names, or a mapping of parameter name to
            column. By default every column but `rule`, `at` and ``id``, as in batch mode.
            An empty or null cell is a parameter not given. A float column (pandas' way to
            hold whole numbers beside missing cells) gives its whole numbers as ints.

    Returns:
        A DataFrame on the table's index: ``due`` (datetime64[ns, Asia/Shanghai]),
        ``due_date`` (datetime64[ns], the day the limit ends on), ``provisional`` (nullable
        boolean) and ``error`` (string: the engine's message, else NA). A row with an error has
        NaT and NA in the others. Provisional answers do not warn: the column says so.

    >>> import pandas as pd
    >>> table = pd.DataFrame({
    ...     "rule": ["minutes.executive", "signing.same_day", "minutes.executive"],
    ...     "at": pd.to_datetime(["2026-09-30 17:00", "2026-09-30 18:00", "2026-09-30 17:00"]),
    ...     "limit_days": [None, None, 15]})
    >>> answers = due_frame(table)
    >>> answers[["due", "provisional"]]  # signing after the morning: by noon after National Day
                            due  provisional
    0 2026-10-10 17:30:00+08:00        False
    1 2026-10-08 12:00:00+08:00        False
    2                       NaT         <NA>
    >>> answers["error"][2]
    'limit_days must be a parameter minutes.executive reads (it reads: none); got 15'
    """
    frame = _frame_of(table)
    engine = engine if engine is not None else default_engine()
    size = len(frame)
    names = _parameters(frame, rule, at, params)
    cells = {name: _cells(frame[column]) for name, column in names.items()}
    start, readable, trigger = _instants(frame[at])
    codes, rules = pd.factorize(frame[rule], use_na_sentinel=True)
    rules = [*np.asarray(rules, dtype=object).tolist(), None]  # code -1: no rule given
    due = np.full(size, _NAT, dtype=np.int64)
    last = np.zeros(size, dtype=np.int64)
    provisional = np.zeros(size, dtype=np.bool_)
    done = np.zeros(size, dtype=np.bool_)
    if frozenset(type(engine.conventions).model_fields) == CONVENTION_FIELDS:
        _vectorised(engine, codes, rules, start, readable, cells, (due, last, provisional, done))
    errors = np.full(size, None, dtype=object)
    for row in np.flatnonzero(~done).tolist():
        given = {name: values[row] for name, values in cells.items() if values[row] is not None}
        answer = _one(engine, rules[codes[row]], trigger(row), given)
        if isinstance(answer, str):
            errors[row] = answer
        else:
            due[row], last[row], provisional[row] = answer
    return _output(frame.index, due, last, provisional, errors)


def _frame_of(table: Any) -> pd.DataFrame:  # noqa: ANN401
    if isinstance(table, pd.DataFrame):
        return table
    to_pandas = getattr(table, "to_pandas", None)  # a pyarrow Table
    return to_pandas() if to_pandas is not None else pd.DataFrame(table)


def _parameters(
    frame: pd.DataFrame, rule: str, at: str, params: Mapping[str, str] | Iterable[str] | None
) -> dict[str, str]:
    """Parameter name → column, checked against the table's columns."""
    for name in (rule, at):
        if name not in frame.columns:
            raise _missing_column(name, frame)
    if params is None:
        reserved = {rule, at, *RESERVED}
        return {str(c): str(c) for c in frame.columns if c not in reserved}
    chosen = dict(params) if isinstance(params, Mapping) else {p: p for p in params}
    for column in chosen.values():
        if column not in frame.columns:
            raise _missing_column(column, frame)
    return chosen


def _missing_column(name: str, frame: pd.DataFrame) -> DeadlinesError:
    from deadlines._errors import InvalidValueError

    columns = ", ".join(map(str, frame.columns)) or "none"
    return InvalidValueError("column", name, f"a column of the table (it has: {columns})")


def _cells(column: pd.Series) -> Objects:
    """A column as Python values, with None for a cell not given (null or empty text)."""
    kind = column.dtype.kind
    if kind == "f":
        numbers = column.to_numpy(dtype=np.float64, na_value=np.nan)
        values = np.full(len(numbers), None, dtype=object)
        present = ~np.isnan(numbers)
        whole = present & (numbers == np.floor(numbers))
        values[whole] = numbers[whole].astype(np.int64).tolist()
        values[present & ~whole] = numbers[present & ~whole].tolist()
        return values
    if kind in "iub":
        values = np.empty(len(column), dtype=object)
        values[:] = column.to_numpy().tolist()
        return values
    values = np.array(column.to_numpy(dtype=object, na_value=None), dtype=object)
    values[values == ""] = None
    return values


def _instants(column: pd.Series) -> tuple[Ints, Bools, Callable[[int], object]]:
    """The triggers as China-time ns (to the microsecond, as Python keeps them), which rows have
    one, and how to get a row's trigger for the engine."""
    if column.dtype.kind == "M":
        series = column
        if getattr(column.dtype, "tz", None) is not None:
            series = column.dt.tz_convert("UTC").dt.tz_localize(None) + pd.Timedelta(_OFFSET)
        ns = series.astype("datetime64[ns]").to_numpy().view(np.int64)
        readable = ns != _NAT
        ns = ns - ns % 1000

        def instant(row: int) -> object:
            # Naive China time, to the microsecond: the instant the arrays count from.
            return None if not readable[row] else _NAIVE_EPOCH + MICROSECOND * int(ns[row] // 1000)

        return ns, readable, instant
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    values = [*np.asarray(uniques, dtype=object).tolist(), None]
    known = np.array([_local_ns(value) for value in values], dtype=np.int64)
    ns = known[codes]  # code -1 (no value) takes the last entry, NaT
    return ns, ns != _NAT, lambda row: values[codes[row]]


def _local_ns(value: object) -> int:
    """A trigger cell as China-time ns, or NaT when the engine must read it (and refuse it)."""
    from deadlines._time import parse_instant, to_china

    try:
        instant = parse_instant("at", value) if isinstance(value, str) else to_china("at", value)
    except DeadlinesError:
        return _NAT
    return nanoseconds(instant)


def _vectorised(
    engine: Engine,
    codes: Ints,
    uniques: list[Any],
    start: Ints,
    readable: Bools,
    cells: Mapping[str, Objects],
    out: tuple[Ints, Ints, Bools, Bools],
) -> None:
    """Fill `out` (due, last day, provisional, done) for the rows the kernels answer."""
    due, last, provisional, done = out
    days = days_of(engine.calendar)
    present = {name: given(values) for name, values in cells.items()}
    day = start // DAY + EPOCH_ORDINAL  # ordinals: compared with effective dates
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniques)))
    known = set(engine.rules.ids)
    for code, rule_id in enumerate(uniques[:-1]):
        if not isinstance(rule_id, str) or rule_id not in known:
            continue
        group = order[bounds[code] : bounds[code + 1]]
        group = group[readable[group]]
        for version in engine.rules.versions(rule_id):
            first = version.effective_from.toordinal()
            until = version.effective_until
            inside = day[group] >= first
            if until is not None:
                inside &= day[group] <= until.toordinal()
            rows = group[inside]
            accepted = version.limit.parameters()
            for name, mask in present.items():
                if name not in accepted:
                    # The engine refuses a parameter the rule does not read.
                    rows = rows[~mask[rows]]
            if not len(rows):
                continue
            answer = evaluate(
                version.limit,
                Rows(
                    days,
                    engine.conventions,
                    start[rows],
                    {name: cells[name][rows] for name in accepted if name in cells},
                    rule_id,
                ),
            )
            rows, ok = rows[answer.ok], answer.ok
            due[rows] = answer.due[ok]
            last[rows] = answer.last[ok] + days.base
            provisional[rows] = answer.provisional[ok]
            done[rows] = True


def _one(
    engine: Engine, rule: object, trigger: object, params: dict[str, Any]
) -> tuple[int, int, bool] | str:
    """One row by `Engine.due`: (due ns, last epoch day, provisional), or the error's message."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            result = engine.due(rule, trigger, explain=False, **params)  # type: ignore[arg-type]
    except DeadlinesError as error:
        return str(error)
    except Exception as error:  # a faulty rule (a plugin's) must not stop the rest
        return _UNEXPECTED.format(kind=type(error).__name__, error=error)
    due = nanoseconds(result.due)
    return due, result.due_date.toordinal() - EPOCH_ORDINAL, result.provisional


def _output(
    index: pd.Index, due: Ints, last: Ints, provisional: Bools, errors: Objects
) -> pd.DataFrame:
    failed = given(errors)
    utc = np.where(failed, _NAT, due - _OFFSET)
    day = np.where(failed, _NAT, last * DAY)
    return pd.DataFrame(
        {
            "due": pd.DatetimeIndex(utc.view("datetime64[ns]"))
            .tz_localize("UTC")
            .tz_convert(CHINA_TZ)
            .array,
            "due_date": day.view("datetime64[ns]"),
            "provisional": pd.arrays.BooleanArray(provisional, failed),
            "error": pd.array(errors, dtype="string"),
        },
        index=index,
    )
