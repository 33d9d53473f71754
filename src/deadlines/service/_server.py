"""Running the app on uvicorn: one process, or several sharing one listening socket."""

from __future__ import annotations

import inspect
import os
import socket

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from deadlines.service._settings import SETTINGS_VARIABLE, Settings


class TcpConfig(uvicorn.Config):
    """uvicorn's configuration, whose listening socket says it is TCP.

    uvicorn binds the socket it shares between workers without a protocol number; accepted
    connections inherit it, and asyncio then leaves Nagle's algorithm on, so every keep-alive
    answer waits about 40 ms for the client's delayed ACK (uvicorn issue 3149). One worker is
    not affected: asyncio binds that socket itself.
    """

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto == 0:
            sock = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, sock.detach())
            sock.set_inheritable(True)
        return sock


def serve(settings: Settings, app: FastAPI) -> None:
    """Serve `app` until stopped; with several workers, each builds its own from `settings`."""
    if settings.workers == 1:
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
        return
    os.environ[SETTINGS_VARIABLE] = settings.to_environment()
    config = TcpConfig(
        "deadlines.service:app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_level="info",
    )
    sock = config.bind_socket()
    if "target" in inspect.signature(Multiprocess).parameters:  # older uvicorn
        supervisor = Multiprocess(  # type: ignore[call-arg, unused-ignore]
            config, target=uvicorn.Server(config).run, sockets=[sock]
        )
    else:
        supervisor = Multiprocess(config, sockets=[sock])
    supervisor.run()
