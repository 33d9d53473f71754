"""The service as deployed: `deadlines serve` in its own process on loopback, called over TCP.

Each test starts the server on a free port of 127.0.0.1 and stops it on the way out. The Java
test compiles tests/java/DueClient.java (java.net.http, JDK 17) and runs it against the server;
it is skipped, saying so, where no JDK is installed.
"""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from servicekit import GOOD, served  # isort: skip

JAVA_CLIENT = Path(__file__).resolve().parent / "java" / "DueClient.java"
TOKEN = "t0ken-for-tests"


@pytest.fixture(scope="module")
def server():
    """One server with a token for the module; stopped at its end."""
    with served("--no-plugins", env={"DEADLINES_API_TOKEN": TOKEN}) as base:
        yield base


def connect(base: str) -> http.client.HTTPConnection:
    parts = urlsplit(base)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


AUTH = {"Authorization": f"Bearer {TOKEN}"}


class TestOverTcp:
    """The endpoints answer over a real socket."""

    def test_due(self, server):
        """POST /v1/due answers with seconds in its instants."""
        connection = connect(server)
        headers = {**AUTH, "Content-Type": "application/json"}
        connection.request("POST", "/v1/due", json.dumps(GOOD), headers)
        answer = connection.getresponse()
        data = json.loads(answer.read())
        assert answer.status == 200
        assert data["due"] == "2026-10-10T17:30:00+08:00"

    def test_token_required(self, server):
        """Without the token: 401; /healthz stays open."""
        connection = connect(server)
        connection.request("GET", "/v1/version")
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 401
        connection.request("GET", "/healthz")
        assert connection.getresponse().status == 200

    def test_batch_answers_while_the_request_streams(self, server):
        """With a chunked body, the first answers arrive before the body is finished."""
        connection = connect(server)
        connection.putrequest("POST", "/v1/batch")
        for name, value in {**AUTH, "Transfer-Encoding": "chunked"}.items():
            connection.putheader(name, value)
        connection.endheaders()

        def chunk(data: bytes) -> None:
            connection.send(f"{len(data):x}\r\n".encode() + data + b"\r\n")

        line = (json.dumps(GOOD) + "\n").encode()
        chunk(line * 3)
        answer = connection.getresponse()  # the answer starts while the body is open
        assert answer.status == 200
        first = answer.readline()
        assert json.loads(first)["due"] == "2026-10-10T17:30:00+08:00"
        chunk(line * 2)
        connection.send(b"0\r\n\r\n")
        rest = answer.read().splitlines()
        assert len(rest) == 4

    def test_binds_loopback(self, server):
        """The default address is 127.0.0.1."""
        assert urlsplit(server).hostname == "127.0.0.1"


class TestWorkers:
    """Several worker processes share one listening socket."""

    def test_two_workers_answer(self):
        """--workers 2 serves, each worker with its own engine."""
        with served("--no-plugins", "--workers", "2") as base:
            connection = connect(base)
            for _ in range(4):
                connection.request("GET", "/v1/version")
                answer = connection.getresponse()
                assert json.loads(answer.read())["api"] == "v1"

    def test_listener_says_tcp(self):
        """The shared socket carries IPPROTO_TCP, so asyncio turns Nagle off per connection."""
        import socket

        from deadlines.service._server import TcpConfig
        from servicekit import free_port

        config = TcpConfig("deadlines.service:app_from_environment", factory=True,
                           host="127.0.0.1", port=free_port(), workers=2)
        sock = config.bind_socket()
        try:
            assert sock.proto == socket.IPPROTO_TCP
        finally:
            sock.close()


class TestJava:
    """A Java 17 client parses `due` with OffsetDateTime.parse and Instant.parse."""

    def test_java_client(self, server, tmp_path):
        """javac and java: the due instant parses, a wrong token gets a 401 problem."""
        javac, java = shutil.which("javac"), shutil.which("java")
        if javac is None or java is None:
            pytest.skip("no JDK: javac or java is not on PATH (openjdk-17-jdk-headless)")
        subprocess.run(
            [javac, "-d", str(tmp_path), str(JAVA_CLIENT)], check=True, capture_output=True
        )
        run = subprocess.run(
            [java, "-cp", str(tmp_path), "DueClient", server, TOKEN],
            capture_output=True, text=True, timeout=60,
        )
        assert run.returncode == 0, run.stderr
        assert run.stdout.splitlines() == [
            "status 200",
            "due 2026-10-10T17:30:00+08:00",
            "offset +08:00",
            "instant 2026-10-10T09:30:00Z",
            "provisional false",
            "wrong token 401 application/problem+json",
        ]
