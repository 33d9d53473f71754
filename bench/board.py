"""The board with 10,000 obligations: page weight and server render time, beside `check`.

    python bench/board.py [--n 10000] [--seed 2025] [--repeat 7]

The events are the seeded county fixture (examples/supervision/county_year.py) for 2025, scaled
to give about `n` obligations, uploaded to the board in an app of its own (in process, through
FastAPI's TestClient: routing, the report at the moment, the templates, no network). Printed:

1. the first request after the upload: reading the events and building the ledger (once per
   file, then cached), then the page;
2. each page, warm (ledger cached): the median render time over `--repeat` requests and its
   weight (HTML, and gzip-compressed as nginx would send it), plus the stylesheet's;
3. beside them, in the same run, what a user would otherwise run: the report alone
   (`Ledger.report`), `deadlines check`'s text table and its JSON (`--json`), from the same
   ledger, and the ratio of the board's page to each.

On the 2-core test machine (Python 3.11, 10,0xx obligations): see docs/board.md.
"""

# ruff: noqa: E402 - the imports follow the sys.path fix below
from __future__ import annotations

import sys

# bench/ holds calendar.py, which would shadow the standard library's calendar module.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse
import gzip
import importlib.util
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AT = "2025-12-31T18:00"
PER_YEAR = 2900  # obligations of one county year at scale 1


def _generator():
    path = ROOT / "examples" / "supervision" / "county_year.py"
    spec = importlib.util.spec_from_file_location("county_year", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _events(n: int, seed: int) -> tuple[str, int]:
    """Events of one county year giving about `n` obligations, and how many they give."""
    from deadlines import Engine
    from deadlines.supervision import Supervisor, read_events

    county = _generator()
    scale = n / PER_YEAR
    for _ in range(3):
        lines = list(county.lines(county.generate(2025, seed, scale)))
        count = len(Supervisor(Engine(), explain=False).ledger(read_events(lines)))
        if abs(count - n) <= n * 0.01:
            break
        scale *= n / count
    return "\n".join(lines) + "\n", count


def _median(function, repeat: int) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="obligations (default 10000)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--repeat", type=int, default=7, help="requests per page (median)")
    args = parser.parse_args()

    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from deadlines import Engine
    from deadlines.board import make_router
    from deadlines.cli._check import render
    from deadlines.supervision import Supervisor, read_events

    text, count = _events(args.n, args.seed)
    size = len(text.encode()) / 1e6
    print(f"events: {text.count(chr(10))} lines, {size:.1f} MB, {count} obligations")

    engine = Engine()
    app = FastAPI()
    app.include_router(make_router(engine_factory=lambda: engine, events_dir=None))
    client = TestClient(app)
    start = time.perf_counter()
    response = client.post(
        "/upload",
        files={"file": ("county.jsonl", text.encode())},
        data={"at": AT},
        follow_redirects=False,
    )
    board = response.headers["location"]
    client.get(board).raise_for_status()
    first = time.perf_counter() - start
    print(f"{'upload + first board (ledger built)':<40} {first * 1000:9.0f} ms")
    query = board.split("?", 1)[1]

    ledger = Supervisor(engine, explain=False).ledger(read_events(text.splitlines()))
    paused = next(t.id for t in ledger if t.pauses)  # an obligation with a long trace
    css = client.get("/board-static/board.css").content
    pages = {
        "board /": board,
        "board, sorted by unit": f"{board}&sort=unit",
        "board, page 20": f"{board}&page=20",
        "obligation (trace)": f"/obligations/{paused}?{query}",
        "calendar year": f"/calendar/2025?{query}",
        "calendar month": f"/calendar/2025/10?{query}",
        "printable report": f"/report?{query}",
        "CSV export": f"/export.csv?{query}",
    }
    print()
    heading = f"page (warm, median of {args.repeat})"
    print(f"{heading:<40} {'time':>9} {'weight':>10} {'gzip':>9}")
    timings = {}
    for label, url in pages.items():
        if label == "obligation (trace)":
            start = time.perf_counter()
            client.get(url).raise_for_status()
            first = (time.perf_counter() - start) * 1000
            print(f"{'  (first request for this trace)':<40} {first:6.0f} ms")
        elapsed, got = _median(lambda url=url: client.get(url), args.repeat)
        got.raise_for_status()
        body = got.content
        timings[label] = elapsed
        print(
            f"{label:<40} {elapsed * 1000:6.0f} ms {len(body) / 1024:7.0f} KB "
            f"{len(gzip.compress(body)) / 1024:6.0f} KB"
        )
    print(
        f"{'stylesheet (once, cached 1 h)':<40} {'':>9} {len(css) / 1024:7.1f} KB "
        f"{len(gzip.compress(css)) / 1024:6.1f} KB"
    )
    # a new moment each time: the report is computed, not reused
    moments = iter(f"2025-12-31T18:{minute:02d}" for minute in range(1, 60))
    fresh, _ = _median(
        lambda: client.get(board.replace(AT.replace(":", "%3A"), next(moments))), args.repeat
    )
    print(f"{'board /, a new moment each time':<40} {fresh * 1000:6.0f} ms")

    report_time, report = _median(lambda: ledger.report(AT), args.repeat)
    text_time, _ = _median(lambda: render(report, "zh"), args.repeat)
    json_time, _ = _median(lambda: json.dumps(report.to_json(), ensure_ascii=False), args.repeat)
    print()
    print("what a user would otherwise run, on the same ledger (median):")
    print(f"{'  Ledger.report (the part every page needs)':<40} {report_time * 1000:6.0f} ms")
    print(f"{'  report + check text table':<40} {(report_time + text_time) * 1000:6.0f} ms")
    print(f"{'  report + check --json':<40} {(report_time + json_time) * 1000:6.0f} ms")
    page = fresh
    print()
    print("the board at a new moment (its report computed) against:")
    print(f"board / ÷ Ledger.report:      {page / report_time:5.2f}×")
    print(f"board / ÷ check (text):       {page / (report_time + text_time):5.2f}×")
    print(f"board / ÷ check --json:       {page / (report_time + json_time):5.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
