"""The JSON service against what a user would otherwise do, in one run, on loopback only.

    python bench/serve.py [--requests 2000] [--lines 20000] [--workers 1]

1. `POST /v1/due` with 1, 8 and 32 concurrent clients (each a thread with its own keep-alive
   connection and a minimal HTTP client; `--requests` requests per level in all): requests/s,
   p50 and p99 latency; beside it the in-process API, `Engine.due(...).to_json(...)` and
   `json.dumps`, per call; and one process per answer (`deadlines due --json`, a handful of
   runs), the other way in today.
2. `POST /v1/batch` with `--lines` records in one request: lines/s, against `deadlines batch`
   on the same file as a subprocess (start-up included) and `run_batch` in process.

The server is `deadlines serve --no-plugins` on 127.0.0.1 and a free port, started here and
stopped at the end. Client and server share the machine: the latencies include the client's
own work, under the same interpreter lock as any Python client.
"""

# ruff: noqa: E402 - the imports follow the sys.path fix below
from __future__ import annotations

import sys

# bench/ holds calendar.py, which would shadow the standard library's calendar module.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request
import warnings
from pathlib import Path

HOST = "127.0.0.1"  # loopback only
RULES = ["minutes.executive", "documents.issue", "signing.same_day", "routing.ordinary",
         "instructions.plan"]


def records(n: int, seed: int = 2020) -> list[dict[str, object]]:
    rng = random.Random(seed)
    out: list[dict[str, object]] = []
    for i in range(n):
        day = rng.randint(0, 6 * 365)
        year, rest = 2021 + day // 365, day % 365
        month, dom = 1 + rest // 31 % 12, 1 + rest % 28
        at = f"{year}-{month:02d}-{dom:02d}T{rng.randint(8, 18):02d}:{rng.choice([0, 30]):02d}"
        out.append({"id": i, "rule": rng.choice(RULES), "at": at})
    return out


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def start(port: int, workers: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "deadlines", "serve", "--no-plugins", "--host", HOST,
         "--port", str(port), "--workers", str(workers), "--max-body", str(64 << 20),
         "--timeout", "300"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    limit = time.monotonic() + 60
    while time.monotonic() < limit:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=1):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Connection:
    """A minimal keep-alive HTTP/1.1 client: requests as prepared bytes, answers by length.

    `http.client` spends about 0.1 ms a request parsing headers in Python; with the server on
    the same two cores, that would be measured as the server's latency.
    """

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection((HOST, port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def exchange(self, request: bytes) -> tuple[int, bytes]:
        self.sock.sendall(request)
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self.sock.recv(65536)
        head, _, rest = self.buffer.partition(b"\r\n\r\n")
        status = int(head[9:12])
        start = head.lower().index(b"content-length:") + 15
        length = int(head[start : head.index(b"\r\n", start)])
        while len(rest) < length:
            rest += self.sock.recv(65536)
        self.buffer = rest[length:]
        return status, rest[:length]

    def close(self) -> None:
        self.sock.close()


def post(path: str, body: bytes) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def due_clients(
    port: int, clients: int, total: int, bodies: list[bytes]
) -> tuple[float, list[float]]:
    """`total` requests over `clients` threads; the wall time and every latency (s)."""
    latencies: list[float] = []
    lock = threading.Lock()
    per = total // clients
    requests = [post("/v1/due", body) for body in bodies]
    start_gate = threading.Barrier(clients + 1)

    def client(k: int) -> None:
        connection = Connection(port)
        mine: list[float] = []
        start_gate.wait()
        for i in range(per):
            request = requests[(k * per + i) % len(requests)]
            began = time.perf_counter()
            status, _ = connection.exchange(request)
            mine.append(time.perf_counter() - began)
            if status != 200:
                raise SystemExit(f"/v1/due answered {status}")
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for thread in threads:
        thread.start()
    start_gate.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began, latencies


def in_process(items: list[dict[str, object]]) -> list[float]:
    """Per-call times of the Python API: the answer as JSON text, as the service gives it."""
    from deadlines import Engine, ProvisionalDateWarning
    from deadlines._provenance import provenance

    engine = Engine(discover_plugins=False)
    origin = provenance(engine)
    times: list[float] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        for item in items:
            began = time.perf_counter()
            result = engine.due(str(item["rule"]), str(item["at"]), explain=False)
            json.dumps(result.to_json(origin), ensure_ascii=False)
            times.append(time.perf_counter() - began)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests per level")
    parser.add_argument("--lines", type=int, default=20000, help="records in the batch")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    parser.add_argument("--processes", type=int, default=5, help="runs of `deadlines due`")
    args = parser.parse_args()
    if args.requests > 100_000 or args.lines > 1_000_000:
        raise SystemExit("bounded: at most 100,000 requests and 1,000,000 lines")

    items = records(max(args.requests, 1000))
    bodies = [json.dumps({"rule": r["rule"], "at": r["at"]}).encode() for r in items]
    port = free_port()
    server = start(port, args.workers)
    try:
        due_clients(port, 4, 200, bodies)  # warm up: connections, caches
        api = in_process(items[: args.requests])
        api_p50, api_p99 = percentile(api, 0.5), percentile(api, 0.99)
        print(f"POST /v1/due, {args.requests} requests per level, server workers: {args.workers}")
        rate = 1 / statistics.mean(api)
        print(f"  in-process API (Engine.due + to_json + json.dumps): {rate:,.0f} calls/s, "
              f"p50 {api_p50 * 1e3:.3f} ms, p99 {api_p99 * 1e3:.3f} ms")
        for clients in (1, 8, 32):
            wall, latencies = due_clients(port, clients, args.requests, bodies)
            p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
            print(f"  {clients:>2} clients: {len(latencies) / wall:,.0f} requests/s, "
                  f"p50 {p50 * 1e3:.2f} ms, p99 {p99 * 1e3:.2f} ms "
                  f"(p50 {p50 / api_p50:.0f}x the in-process call)")
        env = {**os.environ, "DEADLINES_DISABLE_PLUGIN_AUTOLOAD": "1"}
        runs = []
        for item in items[: args.processes]:
            began = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "deadlines", "due", str(item["rule"]), "--at",
                 str(item["at"]), "--json"],
                check=True, capture_output=True, env=env,
            )
            runs.append(time.perf_counter() - began)
        one = statistics.median(runs)
        print(f"  one process per answer (deadlines due --json, {args.processes} runs): "
              f"median {one * 1e3:.0f} ms")

        batch = records(args.lines, seed=7)
        text = "".join(json.dumps(r) + "\n" for r in batch)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "in.jsonl"
            path.write_text(text, "utf-8")
            began = time.perf_counter()
            cli = subprocess.run(
                [sys.executable, "-m", "deadlines", "batch", "--no-plugins", str(path)],
                check=True, capture_output=True, env=env,
            )
            cli_time = time.perf_counter() - began
        connection = http.client.HTTPConnection(HOST, port, timeout=300)
        began = time.perf_counter()
        connection.request("POST", "/v1/batch", text.encode("utf-8"))
        answer = connection.getresponse()
        served = answer.read()
        service_time = time.perf_counter() - began
        from deadlines import Engine
        from deadlines.io import run_batch

        engine = Engine(discover_plugins=False)
        began = time.perf_counter()
        local = "".join(run_batch(text.splitlines(), engine))
        api_time = time.perf_counter() - began
        same = served == cli.stdout and local.encode("utf-8") == cli.stdout
        print(f"POST /v1/batch, {args.lines} lines in one request (answers identical: {same})")
        n = args.lines
        print(f"  deadlines batch (subprocess, start-up included): {n / cli_time:,.0f} lines/s, "
              f"{cli_time / n * 1e6:.1f} us/line")
        print(f"  run_batch in process: {n / api_time:,.0f} lines/s, "
              f"{api_time / n * 1e6:.1f} us/line")
        print(f"  /v1/batch: {n / service_time:,.0f} lines/s, "
              f"{service_time / n * 1e6:.1f} us/line = {service_time / cli_time:.2f}x deadlines "
              "batch per line")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
