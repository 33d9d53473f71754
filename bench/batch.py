"""100,000 due dates three ways, in one run: the Python API, `deadlines batch`, and `holidays`.

    python bench/batch.py [--n 100000] [--seed 2020]

1. The Python API: `Engine.due(rule, at, explain=False)` over parsed, aware triggers, keeping
   the due instants, not the result objects (as batch mode does; keeping 100,000 pydantic
   objects alive costs about 4 µs a row more, in garbage collection).
2. `deadlines batch FILE` as a subprocess on a temporary JSON Lines file, start-up included;
   its output goes to a file and is compared line by line with the API's answers.
3. A plain script with `holidays`: for the rows counted in working days,
   `China.get_nth_working_day(day, n)` and the close of business (17:30). Both sides are
   timed on exactly those rows, and their answers compared.

The triggers are realistic: the opinion's rules in a fixed mix, instants from 2020-04-21 (the
opinion's first day) through 2026-12-31, in office hours mostly, on any day of the week.
"""

# ruff: noqa: E402 - the imports follow the sys.path fix below
from __future__ import annotations

import sys

# bench/ holds calendar.py, which would shadow the standard library's calendar module.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse
import datetime as dt
import gc
import json
import os
import random
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

CHINA = dt.timezone(dt.timedelta(hours=8))
FIRST = dt.date(2020, 4, 21)
LAST = dt.date(2026, 12, 31)
CLOSE = dt.time(17, 30)
RESERVED = ("id", "rule", "at")

# (rule, weight, working days or None, parameters)
MIX = [
    ("minutes.executive", 12, 3, {}),
    ("minutes.party_group", 6, 3, {}),
    ("minutes.special_topic", 6, 3, {"involves_personnel_money_assets": False}),
    ("documents.issue", 10, 5, {}),
    ("instructions.plan", 14, 3, {}),
    ("signing.same_day", 16, None, {}),
    ("routing.ordinary", 20, None, {}),
    ("routing.urgent", 4, None, {}),
    ("decisions.time_limited", 6, 7, {"limit_working_days": 7}),
    ("decisions.time_limited", 6, None, {"limit_days": 30}),
]


def triggers(n: int, seed: int) -> list[dict[str, object]]:
    """`n` input records, the same for the same seed."""
    rng = random.Random(seed)
    span = (LAST - FIRST).days
    weights = [w for _, w, _, _ in MIX]
    records = []
    for i, (rule, _, _, params) in enumerate(rng.choices(MIX, weights, k=n)):
        day = FIRST + dt.timedelta(days=rng.randrange(span + 1))
        # Mostly office hours; one in ten in the evening or at night.
        minute = rng.randrange(8 * 60, 18 * 60) if rng.random() < 0.9 else rng.randrange(24 * 60)
        at = dt.datetime.combine(day, dt.time(minute // 60, minute % 60))
        records.append({"id": i, "rule": rule, "at": at.isoformat(timespec="minutes"), **params})
    return records


def working_days(record: dict[str, object]) -> int | None:
    """The number of working days the record's rule counts, or None if it is not comparable."""
    for rule, _, n, params in MIX:
        if rule == record["rule"] and all(record.get(k) == v for k, v in params.items()):
            return n
    return None


def timed(label: str, seconds: float, rows: int) -> None:
    print(f"  {label:<58} {seconds:7.3f} s  {seconds / rows * 1e6:6.2f} µs/row")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2020)
    options = parser.parse_args()

    from deadlines import Engine, ProvisionalDateWarning

    records = triggers(options.n, options.seed)
    comparable = [(r, n) for r in records if (n := working_days(r)) is not None]
    print(
        f"{len(records):,} triggers (seed {options.seed}, {FIRST} through {LAST}); "
        f"{len(comparable):,} counted in working days, comparable with holidays"
    )

    # 1. The Python API.
    engine = Engine()
    parsed = [
        (
            r["rule"],
            dt.datetime.fromisoformat(str(r["at"])).replace(tzinfo=CHINA),
            {k: v for k, v in r.items() if k not in RESERVED},
        )
        for r in records
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        due = engine.due
        gc.collect()
        start = time.perf_counter()
        # Keep the answers, not 100,000 result objects (as batch mode does): live objects make
        # every garbage collection slower, which would bill the later measurements too.
        api = [
            (result.due, result.provisional)
            for result in (due(rule, at, explain=False, **params) for rule, at, params in parsed)
        ]
        api_seconds = time.perf_counter() - start
        subset = [
            (
                r["rule"],
                dt.datetime.fromisoformat(str(r["at"])).replace(tzinfo=CHINA),
                {k: v for k, v in r.items() if k not in RESERVED},
            )
            for r, _ in comparable
        ]
        gc.collect()
        start = time.perf_counter()
        api_subset = [due(rule, at, explain=False, **params).due for rule, at, params in subset]
        api_subset_seconds = time.perf_counter() - start

    # 2. `deadlines batch`, a separate process reading a file.
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
        start = time.perf_counter()
        subprocess.run([*command, "batch"], input=b"", capture_output=True, check=True)
        startup_seconds = time.perf_counter() - start
        lines = target.read_text("utf-8").splitlines()
    if done.returncode != 0 or done.stderr:
        print(f"deadlines batch failed ({done.returncode}): {done.stderr.decode()[:500]}")
        return 1

    # 3. A plain script with holidays, on the working-day rows.
    import holidays

    start = time.perf_counter()
    china = holidays.China(years=range(FIRST.year, LAST.year + 2))
    build_seconds = time.perf_counter() - start
    nth = china.get_nth_working_day
    gc.collect()
    start = time.perf_counter()
    plain = [
        dt.datetime.combine(nth(at.date(), n), CLOSE, CHINA)
        for (_, at, _), (_, n) in zip(subset, comparable, strict=True)
    ]
    plain_seconds = time.perf_counter() - start

    # Agreement.
    pairs = zip(lines, api, strict=False)
    batch_mismatch = sum(json.loads(line)["due"] != ours.isoformat() for line, (ours, _) in pairs)
    batch_mismatch += abs(len(lines) - len(api))
    plain_mismatch = [
        (r, ours, theirs)
        for (r, _), ours, theirs in zip(comparable, api_subset, plain, strict=True)
        if ours != theirs
    ]
    provisional = sum(flag for _, flag in api)

    rows = len(records)
    print("all rows:")
    timed("Python API: Engine.due(explain=False)", api_seconds, rows)
    timed("deadlines batch FILE (subprocess, start-up included)", batch_seconds, rows)
    timed("  of which start-up and engine (an empty batch)", startup_seconds, rows)
    print(f"working-day rows ({len(comparable):,}):")
    timed("Python API: Engine.due(explain=False)", api_subset_seconds, len(comparable))
    timed("holidays: get_nth_working_day + 17:30", plain_seconds, len(comparable))
    timed(f"  (building holidays.China for {FIRST.year}-{LAST.year + 1}, once)", build_seconds, 1)
    print("ratios:")
    print(f"  deadlines batch / Python API               {batch_seconds / api_seconds:6.2f}")
    print(f"  Python API / holidays (working-day rows)   {api_subset_seconds / plain_seconds:6.2f}")
    print(f"  deadlines batch: {rows / batch_seconds:,.0f} rows/s; target 100,000 rows in < 2 s: "
          f"{'met' if batch_seconds * 100_000 / rows < 2 else 'NOT met'}")
    print("agreement:")
    equal = rows - batch_mismatch
    print(f"  deadlines batch vs Python API: {equal:,} of {rows:,} due instants equal")
    print(
        f"  Python API vs holidays: {len(comparable) - len(plain_mismatch):,} of "
        f"{len(comparable):,} working-day due instants equal"
    )
    for record, ours, theirs in plain_mismatch[:5]:
        print(f"    differs: {record} ours {ours} holidays {theirs}")
    print(f"  ({provisional:,} answers are provisional: they rely on days after the last notice)")
    return 0 if not batch_mismatch and not plain_mismatch else 1


if __name__ == "__main__":
    # Children cache their bytecode, as an installed package has it.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.exit(main())
