"""1,000,000 due dates four ways, in one run: `due_frame`, `Engine.due`, `deadlines batch`, numpy.

    python bench/frame.py [--n 1000000] [--seed 2020]

1. `deadlines.frame.due_frame` on a pandas DataFrame (triggers already datetime64, as a table
   read from Parquet has them), on every row, then on the working-day rows alone.
2. The Python API: `Engine.due(rule, at, explain=False)` over parsed, aware triggers.
3. `deadlines batch FILE` as a subprocess on a JSON Lines file, start-up included.
4. The floor: numpy's `busday_offset` over the same working-day rows, with the calendar's
   weekday holidays. It cannot know a Saturday made a working day (调休), so it is a speed
   floor only; its disagreements are counted.

The triggers are bench/batch.py's: the opinion's rules in a fixed mix, 2020-04-21 through
2026-12-31. Every answer of `due_frame` is compared with `Engine.due` and with the batch output.
"""

# ruff: noqa: E402 - the imports follow the sys.path fix below
from __future__ import annotations

import sys

# bench/ holds calendar.py, which would shadow the standard library's calendar module.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse
import datetime as dt
import gc
import importlib.util
import json
import os
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _batch_module():
    spec = importlib.util.spec_from_file_location("bench_batch", HERE / "batch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(label: str, seconds: float, rows: int) -> None:
    print(f"  {label:<52} {seconds:7.3f} s  {rows / seconds:>12,.0f} rows/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2020)
    options = parser.parse_args()

    import numpy as np
    import pandas as pd

    from deadlines import Engine, ProvisionalDateWarning
    from deadlines.frame import due_frame

    bench = _batch_module()
    records = bench.triggers(options.n, options.seed)
    rows = len(records)
    table = pd.DataFrame.from_records(records)
    table["at"] = pd.to_datetime(table["at"], format="ISO8601")
    counts = np.array([bench.working_days(r) or 0 for r in records])
    working = counts > 0
    print(f"{rows:,} triggers (seed {options.seed}); {working.sum():,} counted in working days")

    engine = Engine()
    due_frame(table.head(100), engine=engine)  # the calendar's arrays, built once per engine

    # 1. due_frame.
    gc.collect()
    start = time.perf_counter()
    frame = due_frame(table, engine=engine)
    frame_seconds = time.perf_counter() - start
    subset = table[working].reset_index(drop=True)
    gc.collect()
    start = time.perf_counter()
    due_frame(subset, engine=engine)
    frame_working_seconds = time.perf_counter() - start

    # 2. Engine.due.
    parsed = [
        (r["rule"], at.to_pydatetime(), {k: v for k, v in r.items() if k not in bench.RESERVED})
        for r, at in zip(records, table["at"], strict=True)
    ]
    due = engine.due
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        gc.collect()
        start = time.perf_counter()
        api = [
            (result.due, result.due_date, result.provisional)
            for result in (due(rule, at, explain=False, **params) for rule, at, params in parsed)
        ]
        api_seconds = time.perf_counter() - start

    # 3. deadlines batch.
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp, "in.jsonl"), Path(tmp, "out.jsonl")
        source.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        script = Path(sys.executable).with_name("deadlines")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "deadlines"]
        subprocess.run([*command, "rules"], check=True, capture_output=True)  # warm the cache
        with target.open("w", encoding="utf-8") as sink:
            start = time.perf_counter()
            done = subprocess.run(
                [*command, "batch", str(source)], stdout=sink, stderr=subprocess.PIPE, check=False
            )
            batch_seconds = time.perf_counter() - start
        lines = target.read_text("utf-8").splitlines()
    if done.returncode != 0:
        print(f"deadlines batch failed ({done.returncode}): {done.stderr.decode()[:500]}")
        return 1

    # 4. numpy's busday_offset over the working-day rows: weekday holidays only.
    cal = engine.calendar
    first, last = dt.date(2019, 1, 1), dt.date(2028, 12, 31)
    holidays = [
        first + dt.timedelta(days=i)
        for i in range((last - first).days + 1)
        if (first + dt.timedelta(days=i)).weekday() < 5
        and not cal.is_workday(first + dt.timedelta(days=i))
    ]
    busdays = np.busdaycalendar(holidays=np.array(holidays, dtype="datetime64[D]"))
    days = subset["at"].to_numpy().astype("datetime64[D]")
    n = counts[working]
    gc.collect()
    start = time.perf_counter()
    floor = np.busday_offset(days, n, roll="backward", busdaycal=busdays)
    floor_seconds = time.perf_counter() - start

    # Agreement.
    frame_due = [t.to_pydatetime() for t in frame["due"]]
    frame_rows = zip(
        frame_due,
        frame["due_date"].dt.date,
        frame["provisional"],
        frame["error"],
        strict=True,
    )
    api_mismatch = sum(
        pd.notna(error) or (d, day, p) != ours
        for (d, day, p, error), ours in zip(frame_rows, api, strict=True)
    )
    batch_mismatch = abs(len(lines) - rows) + sum(
        json.loads(line)["due"] != ours.isoformat()
        for line, ours in zip(lines, frame_due, strict=False)
    )
    ours_days = frame.loc[working, "due_date"].to_numpy().astype("datetime64[D]")
    floor_differs = int((ours_days != floor).sum())

    print("all rows:")
    timed("due_frame (numpy over the calendar's arrays)", frame_seconds, rows)
    timed("Engine.due(explain=False), row by row", api_seconds, rows)
    timed("deadlines batch FILE (subprocess, start-up included)", batch_seconds, rows)
    print(f"working-day rows ({len(subset):,}):")
    timed("due_frame", frame_working_seconds, len(subset))
    timed("numpy busday_offset (floor: no adjusted Saturdays)", floor_seconds, len(subset))
    print("ratios (time of the other / time of due_frame):")
    print(f"  Engine.due / due_frame                        {api_seconds / frame_seconds:8.1f}")
    print(f"  deadlines batch / due_frame                   {batch_seconds / frame_seconds:8.1f}")
    print(
        f"  due_frame / numpy floor (working-day rows)    "
        f"{frame_working_seconds / floor_seconds:8.1f}"
    )
    rate = len(subset) / frame_working_seconds
    print(f"  due_frame on working-day rules: {rate:,.0f} rows/s; target 2,000,000: "
          f"{'met' if rate >= 2_000_000 else 'NOT met'}")
    print("agreement:")
    print(f"  due_frame vs Engine.due: {rows - api_mismatch:,} of {rows:,} rows identical")
    equal = rows - batch_mismatch
    print(f"  due_frame vs deadlines batch: {equal:,} of {rows:,} due instants equal")
    print(
        f"  numpy floor vs due_frame: {len(subset) - floor_differs:,} of {len(subset):,} due days "
        "equal (busday_offset has no adjusted working Saturdays)"
    )
    return 0 if not api_mismatch and not batch_mismatch else 1


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.exit(main())
