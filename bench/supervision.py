"""``deadlines check`` at 10,000, 100,000 and 1,000,000 obligations, side by side.

    python bench/supervision.py            # 10k, 100k and 1M (about 5 minutes on 2 cores)
    python bench/supervision.py --small    # 10k and 100k only
    python bench/supervision.py --sizes 20000,50000
    python bench/supervision.py --jobs 1,2  # each size with --jobs 1 and --jobs 2 (the default)
    python bench/supervision.py --steps [--n 100000] [--cli]   # each step in this process

At each size, ``deadlines check FILE --at ... --json --jobs N`` runs as a subprocess on the
events, and one table shows the sizes side by side: wall time, CPU time of all its processes,
time per obligation, and memory: the peak resident memory of its largest process (from
`os.wait4`) and the peak of all its processes together (their PSS, sampled every 50 ms from
/proc), so that a cost that grows with the size shows. With more than one process the memory
is sampled in a second run: reading /proc/PID/smaps_rollup of a large process walks its page
tables, which took 2 s of the wall time at 1M with two processes. Target: 1,000,000
obligations in at most 20 s and 1.5 GiB. The machine is shared: CPU time is the steadier
figure when the load average is above the number of cores.

The obligations come from realistic events: the seeded county fixture
(examples/supervision/county_year.py) for the years 2021 to 2025, scaled up until there are
at least `n` obligations (about 1.9 events each). With ``--steps``, the steps are timed
separately in this process:

1. reading the events and building the ledger (`Supervisor.read`, no explanations);
2. the status of every obligation at 2025-12-31 18:00, first with the warning windows still to
   compute, then again with them cached;
3. the whole report (counts, warnings, March check, quota, quarters);
4. writing it as JSON (`Report.write_json`, to memory), then as CSV (`Report.write_csv`);
5. with ``--cli``, ``deadlines check FILE --json`` as a subprocess on the same events.
"""

# ruff: noqa: E402 - the imports follow the sys.path fix below
from __future__ import annotations

import sys

# bench/ holds calendar.py, which would shadow the standard library's calendar module.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse
import contextlib
import gc
import importlib.util
import os
import re
import subprocess
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AT = "2025-12-31T18:00"
YEARS = (2021, 2022, 2023, 2024, 2025)
PER_YEAR = 2900  # obligations of one county year at scale 1


def _generator():
    path = ROOT / "examples" / "supervision" / "county_year.py"
    spec = importlib.util.spec_from_file_location("county_year", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(label: str, function, *args, **kwargs):
    """Run `function` once, print how long it took (wall and CPU), and return its result and
    its CPU time (the steadier figure on a shared machine)."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label:<46} {elapsed:8.3f} s  (CPU {cpu:.3f} s)")
    return result, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="only 10,000 and 100,000")
    parser.add_argument("--sizes", help="comma-separated sizes instead of 10k, 100k and 1M")
    parser.add_argument("--steps", action="store_true", help="time each step in this process")
    parser.add_argument("--n", type=int, default=100_000, help="obligations with --steps")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs of each size")
    parser.add_argument("--cli", action="store_true", help="with --steps: also the command")
    parser.add_argument("--write", help=argparse.SUPPRESS)  # the events of --n, for sizes()
    args = parser.parse_args()
    if args.write:
        return write_events(args.write, args.n, args.seed)
    if args.steps:
        return steps(args.n, args.seed, cli=args.cli)
    counts = [10_000, 100_000] if args.small else [10_000, 100_000, 1_000_000]
    if args.sizes:
        counts = [int(n) for n in args.sizes.split(",")]
    return sizes(counts, args.seed, [int(n) for n in args.jobs.split(",")])


def steps(n: int, seed: int, *, cli: bool) -> int:
    """Each step of ``deadlines check`` timed in this process, on about `n` obligations."""
    import io

    sys.path.insert(0, str(ROOT / "src"))  # this tree's code, as the commands of sizes() run
    from deadlines import Engine
    from deadlines.supervision import Supervisor

    start = time.perf_counter()
    lines = events(_generator(), n, seed)
    print(
        f"{'generating ' + str(len(lines)) + ' events (not part of the target)':<46} "
        f"{time.perf_counter() - start:8.3f} s"
    )
    supervisor = Supervisor(Engine(), explain=False)
    ledger, _ = timed(f"reading {len(lines)} events into the ledger", supervisor.read, lines)
    rows, cold = timed(f"status of {len(ledger)} obligations (cold)", ledger.status, AT)
    _, warm = timed(f"status of {len(ledger)} obligations (cached)", ledger.status, AT)
    report, _ = timed("the whole report", ledger.report, AT)
    _, written = timed("writing it as JSON", report.write_json, io.StringIO())
    _, tabled = timed("writing it as CSV", report.write_csv, io.StringIO())
    counts = ", ".join(f"{status} {count}" for status, count in report.by_status.items())
    print(f"  {len(rows)} rows: {counts}; {len(report.alerts)} warnings")
    per_cold, per_warm = cold / len(rows) * 1e6, warm / len(rows) * 1e6
    print(f"  status per obligation (CPU): {per_cold:.2f} µs cold, {per_warm:.2f} µs cached")
    per_json, per_csv = written / len(rows) * 1e6, tabled / len(rows) * 1e6
    print(f"  written per obligation (CPU): {per_json:.2f} µs as JSON, {per_csv:.2f} µs as CSV")
    if cli:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "events.jsonl"
            path.write_text("\n".join(lines) + "\n", "utf-8")
            command = [sys.executable, "-m", "deadlines", "check", str(path), "--at", AT, "--json"]
            env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, check=False, env=env)
            elapsed = time.perf_counter() - start
            print(
                f"{'deadlines check --json (' + str(len(ledger)) + ' obligations)':<46} "
                f"{elapsed:8.3f} s (exit {done.returncode})"
            )
    return 0


def events(county, n: int, seed: int) -> list[str]:
    """The event lines of about `n` obligations (a little more: the cut is by obligation)."""
    scale = n / (PER_YEAR * len(YEARS)) * 1.05
    lines: list[str] = []
    for year in YEARS:
        lines.extend(county.lines(county.generate(year, seed + year, scale)))
    return lines


def write_events(path: str, n: int, seed: int) -> int:
    """Write the events of about `n` obligations to `path` (run in a process of its own)."""
    lines = events(_generator(), n, seed)
    Path(path).write_text("\n".join(lines) + "\n", "utf-8")
    return 0


def sizes(counts: list[int], seed: int, jobs: list[int]) -> int:
    """``deadlines check --json --jobs N`` at each size and N, each in a process of its own.

    The events are written, and the report read, by other processes than this one: a child
    started from a large process would count that process's memory as its own peak (its pages
    are shared until the child runs the command).
    """
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            path = Path(tmp) / f"events-{n}.jsonl"
            write = [sys.executable, __file__, "--write", str(path), "--n", str(n)]
            subprocess.run([*write, "--seed", str(seed)], check=True)
            events_count = sum(1 for _ in path.open("rb"))
            for processes in jobs:
                made, elapsed, cpu, largest, _, status = _check(path, processes, tmp)
                # One process: its peak is all of it. More: their PSS, in a run of its own.
                whole = largest if processes == 1 else _check(path, processes, tmp, sample=True)[4]
                row = (made, elapsed, cpu, largest, whole, status)
                results.append((events_count, processes, *row))
            path.unlink()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (CPU time is steadier)")
    print(
        f"{'obligations':>12} {'events':>10} {'jobs':>4} {'wall':>7} {'CPU':>7} "
        f"{'wall/obligation':>16} {'CPU/obligation':>15} {'largest':>10} {'all':>10}"
    )
    for count, processes, made, elapsed, cpu, largest, whole, status in results:
        flag = "" if status == 0 else f"  (exit status {status >> 8})"
        each = max(made, 1) / 1e6  # millions of obligations
        print(
            f"{made:>12,} {count:>10,} {processes:>4} {elapsed:>6.1f}s {cpu:>6.1f}s "
            f"{elapsed / each:>13.1f} µs {cpu / each:>12.1f} µs {largest:>6,.0f} MiB "
            f"{whole:>6,.0f} MiB{flag}"
        )
    for _, processes, made, elapsed, _, _, whole, _ in results:
        if made >= 1_000_000:
            met = elapsed <= 20 and whole <= 1.5 * 1024
            print(
                f"target (1,000,000 obligations in at most 20 s and 1.5 GiB), --jobs "
                f"{processes}: {'met' if met else 'NOT met'}"
            )
    return 0


def _check(
    path: Path, processes: int, tmp: str, *, sample: bool = False
) -> tuple[int, float, float, float, float, int]:
    """One run of ``deadlines check --json``: obligations, wall and CPU seconds, the peak of
    its largest process and, with `sample`, of all of them (MiB), and the exit status."""
    out = Path(tmp) / "report.json"
    command = [sys.executable, "-m", "deadlines", "check", str(path), "--at", AT, "--json"]
    command += ["--jobs", str(processes)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with out.open("wb") as sink:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL, env=env)
        peak = _TreePeak(child.pid)
        if sample:
            peak.start()
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        if sample:
            peak.stop()
    with out.open("rb") as report:  # the summary comes first: not the whole file
        total = re.search(rb'"total": (\d+)', report.read(4096))
    made = int(total[1]) if total else 0
    cpu = usage.ru_utime + usage.ru_stime
    return made, elapsed, cpu, usage.ru_maxrss / 1024, peak.mib, status


class _TreePeak(threading.Thread):
    """The largest sum of the proportional memory (PSS: a page shared by k processes counts
    1/k in each) of a process and its children, read from /proc every 50 ms (0 without it).
    Resident memory would count twice what a forked process shares with its parent."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.mib, self.done = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            kib = 0
            for pid in _tree(self.pid):
                with contextlib.suppress(OSError, IndexError, ValueError):
                    text = Path(f"/proc/{pid}/smaps_rollup").read_text()
                    kib += int(text.partition("\nPss:")[2].split()[0])
            self.mib = max(self.mib, kib / 1024)

    def stop(self) -> None:
        self.done.set()
        self.join()


def _tree(root: int) -> list[int]:
    """`root` and its children (those of /proc whose parent it is)."""
    found = [root]
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else ():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                # The parent is the field after the name in parentheses (which may hold spaces).
                if int((entry / "stat").read_text().rpartition(")")[2].split()[1]) == root:
                    found.append(int(entry.name))
    return found


if __name__ == "__main__":
    sys.exit(main())
