"""One due date from a fresh process: `deadlines due` against the same one-liner with `holidays`.

    python bench/oneshot.py [--runs 21]

Each process prints one due date, the executive-meeting minutes for a meeting that ended on
2026-09-30 at 17:00 (2026-10-10 17:30). The runs alternate between the commands so that a
busy machine slows them alike; the medians are compared. Our table cache is warmed first.

Bytecode: an installed package has its .pyc files; an editable install writes them on first
use, unless PYTHONDONTWRITEBYTECODE is set, in which case every run compiles our sources again
(about 25 ms here). The children run without that variable, and the warm-up run writes the
.pyc files, so both sides are timed as installed.

When ours is the slower, the script says where its start-up goes: the phases of the command
in one process, and the modules that take the longest to import themselves
(`python -X importtime`).

The closing note gives the cost of the calendar's data in a fresh process: reading and parsing
the packaged notices (``data/china.json``), and building the whole day table from them and the
cached estimates of later years.
"""

# ruff: noqa: E402 - the imports follow the sys.path fix below
from __future__ import annotations

import sys

# bench/ holds calendar.py, which would shadow the standard library's calendar module.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse
import os
import statistics
import subprocess
import time
from pathlib import Path

HOLIDAYS_ONE_LINER = (
    "import datetime, holidays; "
    "cn = holidays.China(years=range(2004, 2028)); "
    "day = cn.get_nth_working_day(datetime.date(2026, 9, 30), 3); "
    "print(datetime.datetime.combine(day, datetime.time(17, 30)).isoformat())"
)


PHASES = """
import time
t0 = time.perf_counter()
import deadlines.cli
t1 = time.perf_counter()
parser = deadlines.cli.build_parser()
args = parser.parse_args(["due", "minutes.executive", "--at", "2026-09-30T17:00"])
t2 = time.perf_counter()
import deadlines._engine
t3 = time.perf_counter()
engine = deadlines._engine.Engine()
t4 = time.perf_counter()
result = engine.due("minutes.executive", "2026-09-30T17:00", explain=False)
from deadlines.cli._due import render
text = render(result)
t5 = time.perf_counter()
print(*(round((b - a) * 1e3, 1) for a, b in [(t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5)]))
"""
PHASE_NAMES = (
    "import deadlines.cli (the package: calendar, errors)",
    "build the parser, parse the arguments",
    "import the engine (pydantic, rules, catalog, plugins)",
    "Engine(): calendar table (packaged notices, cached estimates), plugin discovery",
    "due() and the text",
)
DATA = """
import time
from deadlines.calendar import _table
t0 = time.perf_counter()
_table.raw()
t1 = time.perf_counter()
_table.load_table(_table.default_cache_dir())
t2 = time.perf_counter()
print(round((t1 - t0) * 1e3, 3), round((t2 - t1) * 1e3, 3))
"""
CACHED = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def commands() -> dict[str, list[str]]:
    script = Path(sys.executable).with_name("deadlines")
    ours = [str(script)] if script.exists() else [sys.executable, "-m", "deadlines"]
    due = ["due", "minutes.executive", "--at", "2026-09-30T17:00"]
    return {
        "deadlines due (console script)": [*ours, *due],
        "python -m deadlines due": [sys.executable, "-m", "deadlines", *due],
        "holidays one-liner (python -c)": [sys.executable, "-c", HOLIDAYS_ONE_LINER],
        "python -c 'import deadlines'": [sys.executable, "-c", "import deadlines"],
        "python -c pass (the interpreter alone)": [sys.executable, "-c", "pass"],
    }


def run_once(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, env=env or CACHED
    )
    return time.perf_counter() - start, done.stdout


def phases(runs: int) -> list[float]:
    """The median time of each phase of `deadlines due`, in ms, in fresh processes."""
    samples = [
        [float(x) for x in run_once([sys.executable, "-c", PHASES])[1].split()]
        for _ in range(runs)
    ]
    return [statistics.median(column) for column in zip(*samples, strict=True)]


def data_cost(runs: int) -> list[float]:
    """Median ms to read the packaged notices, and to build the table, in fresh processes."""
    samples = [
        [float(x) for x in run_once([sys.executable, "-c", DATA])[1].split()] for _ in range(runs)
    ]
    return [statistics.median(column) for column in zip(*samples, strict=True)]


def slowest_imports(command: list[str], top: int = 12) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, module) of the slowest imports of one run of `command`."""
    python = [sys.executable, "-X", "importtime"]
    if command[0] != sys.executable:  # the console script: run its module the same way
        command = [sys.executable, "-m", "deadlines", *command[1:]]
    done = subprocess.run(
        [*python, *command[1:]], capture_output=True, text=True, check=True, env=CACHED
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        rows.append((int(own), int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    options = parser.parse_args()

    todo = commands()
    envs = dict.fromkeys(todo, CACHED)
    answers = {}
    for label, command in todo.items():  # warm: table cache, .pyc files, file system
        answers[label] = run_once(command, envs[label])[1]
    times: dict[str, list[float]] = {label: [] for label in todo}
    for _ in range(options.runs):
        for label, command in todo.items():
            times[label].append(run_once(command, envs[label])[0])

    print(f"median of {options.runs} runs each, in ms:")
    medians = {label: statistics.median(values) for label, values in times.items()}
    for label, median in medians.items():
        spread = f"{min(times[label]) * 1e3:6.1f} to {max(times[label]) * 1e3:6.1f}"
        print(f"  {label:<40} {median * 1e3:7.1f}   (range {spread})")
    ours = medians["deadlines due (console script)"]
    theirs = medians["holidays one-liner (python -c)"]
    interpreter = medians["python -c pass (the interpreter alone)"]
    print(f"ratio deadlines / holidays: {ours / theirs:.2f}")
    print(
        f"beyond the interpreter's own start-up: deadlines {(ours - interpreter) * 1e3:.1f} ms, "
        f"holidays {(theirs - interpreter) * 1e3:.1f} ms"
    )
    print("answers:")
    print(f"  deadlines: {answers['deadlines due (console script)'].splitlines()[1]}")
    print(f"  holidays:  {answers['holidays one-liner (python -c)'].strip()}")
    if ours > theirs:
        print("ours is slower; where `deadlines due` spends its time (median ms, one process):")
        for name, ms in zip(PHASE_NAMES, phases(options.runs), strict=True):
            print(f"  {ms:6.1f}  {name}")
        print("the modules slowest to import themselves (self µs, cumulative µs):")
        for own, cumulative, name in slowest_imports(todo["deadlines due (console script)"]):
            print(f"  {own:8} {cumulative:8}  {name}")
    read, table = data_cost(options.runs)
    print(
        f"the calendar data (median of {options.runs} fresh processes): reading and parsing the "
        f"packaged notices {read:.2f} ms; the whole day table, with the cached estimates of "
        f"later years, {table:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
