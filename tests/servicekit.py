"""Helpers of the service's tests: a test client, and a real uvicorn process on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="needs the server extra: pip install 'deadlines[server]'")

with warnings.catch_warnings():
    # Starlette asks for `httpx2` instead of `httpx`; either works for these tests.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from deadlines import Engine
from deadlines.service import Settings, create_app

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "examples" / "supervision" / "county-week.jsonl"
GOOD = {"rule": "minutes.executive", "at": "2026-09-30T17:00"}


def client(**settings: object) -> TestClient:
    """A test client of an app without plugins, with `settings` changed."""
    app = create_app(
        Settings(plugins=False, **settings),  # type: ignore[arg-type]
        engine=Engine(discover_plugins=False),
    )
    return TestClient(app, raise_server_exceptions=False)


def free_port() -> int:
    """A TCP port nobody listens on now, on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def served(*options: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``deadlines serve`` in its own process on a free loopback port; yields its base URL.

    The process is stopped (and waited for) on the way out, whatever happened.
    """
    port = free_port()
    environment = {**os.environ, "DEADLINES_DISABLE_PLUGIN_AUTOLOAD": "1", **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "deadlines", "serve", "--port", str(port), *options],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _wait(base: str, process: subprocess.Popen[bytes]) -> None:
    limit = time.monotonic() + 30
    while time.monotonic() < limit:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            raise AssertionError(f"deadlines serve exited with {process.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("deadlines serve did not answer /healthz within 30 s")
