"""One due date from a fresh process: `deadlines due` against the same one-liner with `holidays`.

    python bench/oneshot.py [--runs 21]

Each process prints one due date, the executive-meeting minutes for a meeting that ended on
2026-09-30 at 17:00 (2026-10-10 17:30). The runs alternate between the commands so that a
busy machine slows them alike; the medians are compared. Our table cache is warmed first.

When ours is the slower, the script says where its start-up goes: the modules that take the
longest to import themselves (`python -X importtime`).
"""

# ruff: noqa: E402 - the imports follow the sys.path fix below
from __future__ import annotations

import sys

# bench/ holds calendar.py, which would shadow the standard library's calendar module.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse
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


def run_once(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, done.stdout


def slowest_imports(command: list[str], top: int = 12) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, module) of the slowest imports of one run of `command`."""
    python = [sys.executable, "-X", "importtime"]
    if command[0] != sys.executable:  # the console script: run its module the same way
        command = [sys.executable, "-m", "deadlines", *command[1:]]
    done = subprocess.run([*python, *command[1:]], capture_output=True, text=True, check=True)
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
    answers = {}
    for label, command in todo.items():  # warm the cache and the file system
        answers[label] = run_once(command)[1]
    times: dict[str, list[float]] = {label: [] for label in todo}
    for _ in range(options.runs):
        for label, command in todo.items():
            times[label].append(run_once(command)[0])

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
        print("ours is slower; the modules slowest to import themselves (self, cumulative, µs):")
        for own, cumulative, name in slowest_imports(todo["deadlines due (console script)"]):
            print(f"  {own:8} {cumulative:8}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
