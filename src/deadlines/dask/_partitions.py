"""Partition functions for dask: the batch of a bag of JSON lines, the frame of a dataframe.

Each runs inside a worker process on one partition. The default engine is built once per
worker process (with the plugins installed there) and kept; an engine passed in travels to the
workers pickled, with its calendar, rules and conventions, and is likewise kept per process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from deadlines._time import CHINA_TZ
from deadlines.frame import COLUMNS, default_engine, due_frame

if TYPE_CHECKING:
    from deadlines._engine import Engine

_KEPT: dict[bytes, Engine] = {}


def _engine(engine: Engine | Callable[[], Engine] | None) -> Engine:
    """The engine to use in this process: the default, one built by a factory, or the one given.

    A factory is called once per process (keyed by its qualified name and module); an engine
    is used as it arrives.
    """
    if engine is None:
        return default_engine()
    if callable(engine):
        key = f"{getattr(engine, '__module__', '')}:{getattr(engine, '__qualname__', '')}".encode()
        kept = _KEPT.get(key)
        if kept is None:
            kept = _KEPT[key] = engine()
        return kept
    return engine


def due_partition(
    lines: Iterable[str], *, engine: Engine | Callable[[], Engine] | None = None
) -> list[str]:
    """`deadlines batch` on one partition of JSON lines: one output line per input record.

    For `dask.bag.Bag.map_partitions` over `dask.bag.read_text`. The output lines are those
    `deadlines batch` writes, without their newline (`to_textfiles` adds it). Error lines
    count lines from the start of the partition: read each file as one partition
    (``blocksize=None``) and they are the file's line numbers; give each record an ``id``
    either way.

    Args:
        lines: the partition's lines (with or without their newlines).
        engine: an engine, or a function that builds one (called once per worker process);
            by default the worker's own `Engine()`.

    >>> import json
    >>> lines = due_partition(['{"id": 7, "rule": "minutes.executive", "at": "2026-09-30T17:00"}'])
    >>> {key: json.loads(lines[0])[key] for key in ("id", "due", "provisional")}
    {'id': 7, 'due': '2026-10-10T17:30:00+08:00', 'provisional': False}
    """
    from deadlines.io import run_batch

    return [line[:-1] for line in run_batch(lines, _engine(engine))]


def frame_partition(
    partition: pd.DataFrame,
    *,
    engine: Engine | Callable[[], Engine] | None = None,
    **columns: Any,  # noqa: ANN401 - rule=, at=, params= of due_frame
) -> pd.DataFrame:
    """`deadlines.frame.due_frame` on one partition of a dask dataframe.

    For ``ddf.map_partitions(frame_partition, meta=META)``; `columns` are `due_frame`'s
    ``rule``, ``at`` and ``params``.
    """
    return due_frame(partition, engine=_engine(engine), **columns)


#: The empty frame dask needs as ``meta`` for `frame_partition`: the columns and their types.
META = pd.DataFrame(
    {
        "due": pd.Series([], dtype="datetime64[ns, UTC]").dt.tz_convert(CHINA_TZ),
        "due_date": pd.Series([], dtype="datetime64[ns]"),
        "provisional": pd.Series([], dtype="boolean"),
        "error": pd.Series([], dtype="string"),
    },
    columns=list(COLUMNS),
)
