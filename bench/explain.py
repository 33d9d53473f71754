"""The cost of `Engine.due` with and without `explain`, before and after the message catalogue.

    python bench/explain.py [--before REF] [--n 3000] [--repeat 5]

Before the catalogue (issue 10), each trace step spelled its Chinese and English text while
the limit was counted; now a step records a message id and its values, and the words are
spelled only when someone reads them. This script times, in one run, both versions of the
source: the tree it belongs to ("after") and `REF` ("before", by default the last commit
before the catalogue), unpacked with ``git archive`` into a temporary directory. Each runs in
its own process, on the same rules and triggers:

1. ``due(explain=False)``: the due instant only;
2. ``due(explain=True)``: with the trace (what ``explain`` costs a computation);
3. ``due(explain=True)`` and ``explain("zh")``: the trace read as Chinese text.

The two versions run in alternating rounds (``--rounds``), so that a busy machine slows both
alike; each figure is the best round's median. It prints the time per call of each, and the
ratios after/before and explain/no-explain.
"""

# ruff: noqa: E402 - the imports follow the sys.path fix below
from __future__ import annotations

import sys

# bench/ holds calendar.py, which would shadow the standard library's calendar module.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse
import json
import os
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "e556730"  # main just before the message catalogue

CHILD = r"""
import datetime as dt, json, statistics, sys, time, warnings
from deadlines import Engine
n, repeat = int(sys.argv[1]), int(sys.argv[2])
engine = Engine()
rules = ["minutes.executive", "minutes.special_topic", "routing.ordinary", "signing.same_day",
         "instructions.plan", "documents.issue"]
start = dt.datetime(2026, 1, 5, 16, 30)
calls = [(rules[i % len(rules)], start + dt.timedelta(hours=7 * i)) for i in range(n)]
warnings.simplefilter("ignore")

def timed(body):
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        body()
        runs.append((time.perf_counter() - t0) / n * 1e6)
    return statistics.median(runs)

def plain():
    for rule, at in calls:
        engine.due(rule, at, explain=False)

def explained():
    for rule, at in calls:
        engine.due(rule, at, explain=True)

def read():
    for rule, at in calls:
        engine.due(rule, at, explain=True).explain("zh")

plain(); read()  # warm the caches
print(json.dumps({"plain": timed(plain), "explain": timed(explained), "read": timed(read)}))
"""


def _measure(src: Path, n: int, repeat: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(n), str(repeat)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def _unpack(ref: str, into: Path) -> Path:
    archive = into / "src.tar"
    with archive.open("wb") as f:
        subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src"], stdout=f, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=BEFORE, help="git ref of the version before")
    parser.add_argument("--n", type=int, default=3000, help="due dates per timing")
    parser.add_argument("--repeat", type=int, default=5, help="timings per measure (median)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (best kept)")
    args = parser.parse_args()
    before: dict[str, float] = {}
    after: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        old = _unpack(args.before, Path(tmp))
        for _ in range(args.rounds):
            for src, best in ((old, before), (ROOT / "src", after)):
                for key, value in _measure(src, args.n, args.repeat).items():
                    best[key] = min(value, best.get(key, value))
    print(
        f"Engine.due, {args.n} calls: best of {args.rounds} rounds of the median of "
        f"{args.repeat} (µs per call)"
    )
    print(f"{'':34}{'before':>10}{'after':>10}{'after/before':>14}")
    names = {
        "plain": "due(explain=False)",
        "explain": "due(explain=True)",
        "read": "due(explain=True) + explain('zh')",
    }
    for key, name in names.items():
        ratio = after[key] / before[key]
        print(f"{name:34}{before[key]:10.1f}{after[key]:10.1f}{ratio:14.2f}")
    for label, data in (("before", before), ("after", after)):
        print(f"{label}: explain costs {data['explain'] / data['plain']:.1f}x a plain due")


if __name__ == "__main__":
    main()
