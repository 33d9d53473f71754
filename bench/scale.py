"""Rows per second serially and on two worker processes, in one run; every answer compared.

    python bench/scale.py [--n 1000000] [--seed 2020] [--workers 2]

JSON Lines (the triggers of bench/batch.py), each way writing its output to files:

1. `deadlines batch FILE`, one process (start-up included), and `--jobs N`.
2. dask: `read_text` (partitions of 16 MiB) → `map_partitions(due_partition)` →
   `to_textfiles`, on a `dask.distributed` LocalCluster of N worker processes, one thread
   each (the cluster's start-up is timed apart).

A table (the same triggers, from Parquet, written back to Parquet):

3. `due_frame` on the whole table in this process, then `read_parquet` →
   `map_partitions(frame_partition)` → `to_parquet` on the same cluster.

The output of --jobs and of dask must equal the serial batch output line for line, and the
dask dataframe's answers must equal `due_frame`'s.
"""

# ruff: noqa: E402 - the imports follow the sys.path fix below
from __future__ import annotations

import sys

# bench/ holds calendar.py, which would shadow the standard library's calendar module.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse
import importlib.util
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _batch_module():
    spec = importlib.util.spec_from_file_location("bench_batch", HERE / "batch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(label: str, seconds: float, rows: int, base: float | None = None) -> None:
    ratio = f"  {base / seconds:5.2f}x" if base else ""
    print(f"  {label:<56} {seconds:7.2f} s  {rows / seconds:>11,.0f} rows/s{ratio}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()

    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster

    from deadlines.dask import META, due_partition, frame_partition
    from deadlines.frame import due_frame

    bench = _batch_module()
    records = bench.triggers(options.n, options.seed)
    rows, workers = len(records), options.workers
    print(
        f"{rows:,} triggers (seed {options.seed}); {workers} worker processes; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    )
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "in.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        script = Path(sys.executable).with_name("deadlines")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "deadlines"]
        subprocess.run([*command, "rules"], check=True, capture_output=True)  # warm the cache

        def batch(*extra: str) -> tuple[float, list[str]]:
            target = folder / "out.jsonl"
            with target.open("w", encoding="utf-8") as sink:
                start = time.perf_counter()
                subprocess.run([*command, "batch", *extra, str(source)], stdout=sink, check=True)
                seconds = time.perf_counter() - start
            return seconds, target.read_text("utf-8").splitlines()

        serial_seconds, expected = batch()
        jobs_seconds, jobs_lines = batch("--jobs", str(workers))
        failures += jobs_lines != expected

        table = pd.DataFrame.from_records(records)
        table["at"] = pd.to_datetime(table["at"], format="ISO8601")
        table.to_parquet(folder / "in.parquet", row_group_size=max(rows // (4 * workers), 1))
        due_frame(table.head(10))
        start = time.perf_counter()
        frame = due_frame(pd.read_parquet(folder / "in.parquet"))
        frame.to_parquet(folder / "frame.parquet")
        frame_seconds = time.perf_counter() - start

        start = time.perf_counter()
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
        client.run(lambda: __import__("deadlines.frame").frame.default_engine())
        cluster_seconds = time.perf_counter() - start
        try:
            start = time.perf_counter()
            bag = db.read_text(str(source), blocksize="16MiB")
            bag.map_partitions(due_partition).to_textfiles(str(folder / "bag" / "*.jsonl"))
            bag_seconds = time.perf_counter() - start
            parts = sorted((folder / "bag").glob("*.jsonl"), key=lambda p: int(p.stem))
            bag_lines = [line for p in parts for line in p.read_text("utf-8").splitlines()]
            failures += bag_lines != expected

            start = time.perf_counter()
            triggers = dd.read_parquet(str(folder / "in.parquet"), split_row_groups=True)
            triggers.map_partitions(frame_partition, meta=META).to_parquet(
                str(folder / "dask.parquet")
            )
            dask_frame_seconds = time.perf_counter() - start
            answers = pd.read_parquet(folder / "dask.parquet")
            failures += (
                not answers["due"]
                .reset_index(drop=True)
                .equals(frame["due"].reset_index(drop=True))
            )
        finally:
            client.close()
            cluster.close()

    print("JSON Lines in, JSON Lines out (files):")
    timed("deadlines batch (1 process, start-up included)", serial_seconds, rows)
    timed(f"deadlines batch --jobs {workers}", jobs_seconds, rows, serial_seconds)
    timed(f"dask bag, LocalCluster of {workers} processes", bag_seconds, rows, serial_seconds)
    timed(f"  (starting that cluster, {workers} engines built)", cluster_seconds, rows)
    print("a table, Parquet in, Parquet out:")
    timed("due_frame (1 process)", frame_seconds, rows)
    timed(
        f"dask dataframe + frame_partition, {workers} processes",
        dask_frame_seconds,
        rows,
        frame_seconds,
    )
    print("(the last column: the serial time of the same work / this one's)")
    print(f"agreement: {'every answer equal' if not failures else f'{failures} ways DIFFER'}")
    return 1 if failures else 0


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.exit(main())
