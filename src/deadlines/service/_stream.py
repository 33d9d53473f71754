"""``POST /v1/batch``: JSON Lines in, JSON Lines out, answered while the request streams.

`deadlines.io.run_batch` does the work, exactly as for ``deadlines batch``, in a worker thread:
the event loop reads the body and hands its lines over as they arrive; the worker computes
them (in chunks of a few hundred, as the command line does) and hands the answer lines back
each time it has caught up with the input, so answers flow while the request still streams,
in input order.

A batch cut short (the time or size limit passed, after the answer started) ends with one
error line whose ``line`` is null, saying why; every line before it was answered.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import queue
import re
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

from starlette.requests import ClientDisconnect
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from deadlines.service._limits import BodyTooLargeError, too_slow

if TYPE_CHECKING:
    from starlette.requests import Request

    from deadlines._engine import Engine

# Line ends as a file opened with newline="" splits them (what `deadlines batch` reads).
_NEWLINE = re.compile(r"\r\n|\r|\n")
# Answer lines handed back at once, at most: a client that sends fast still sees answers flow.
_BLOCK = 512
_DONE = None


class DuplexResponse(StreamingResponse):
    """A streamed answer sent while its request body is still being read.

    Starlette's `StreamingResponse` listens for the client going away by reading the request
    (under ASGI before 2.4), which would swallow the body the answer is computed from; this one
    never reads it, and learns of a departed client when sending fails.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.stream_response(send)
        except OSError:
            raise ClientDisconnect from None
        if self.background is not None:
            await self.background()


def _cut_short(message: str) -> str:
    return json.dumps({"error": {"line": None, "field": None, "message": message}}) + "\n"


class _Worker:
    """Runs one batch in a thread: lines in through `inbox`, answer text out through `outbox`."""

    def __init__(
        self, engine: Engine, *, explain: bool, loop: asyncio.AbstractEventLoop, deadline: float
    ) -> None:
        self.engine = engine
        self.explain = explain
        self.loop = loop
        self.deadline = deadline
        self.inbox: queue.SimpleQueue[list[str] | None] = queue.SimpleQueue()
        self.outbox: asyncio.Queue[str | None] = asyncio.Queue()
        self.stop = threading.Event()
        self.timed_out = False
        self._pending: list[str] = []

    def _flush(self) -> None:
        if self._pending:
            text = "".join(self._pending)
            self._pending.clear()
            self.loop.call_soon_threadsafe(self.outbox.put_nowait, text)

    def _lines(self) -> Iterator[str]:
        inbox = self.inbox
        while True:
            if inbox.empty():
                self._flush()  # caught up with the input: hand the answers over first
            block = inbox.get()
            if block is _DONE or self.stop.is_set():
                return
            yield from block

    def run(self) -> None:
        from deadlines.io import run_batch

        pending = self._pending
        try:
            for line in run_batch(self._lines(), self.engine, explain=self.explain):
                pending.append(line)
                if len(pending) >= _BLOCK:
                    if time.monotonic() > self.deadline:
                        self.timed_out = True
                        self.stop.set()
                        break
                    self._flush()
            self._flush()
        finally:
            self.loop.call_soon_threadsafe(self.outbox.put_nowait, _DONE)


async def stream_batch(
    request: Request, engine: Engine, *, explain: bool, deadline: float, timeout: float
) -> AsyncIterator[str]:
    """The answer lines of the JSON Lines body of `request`, as they are computed."""
    loop = asyncio.get_running_loop()
    worker = _Worker(engine, explain=explain, loop=loop, deadline=deadline)
    problem: list[str] = []

    async def feed() -> None:
        decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="surrogateescape")
        rest = ""
        try:
            async for chunk in request.stream():
                text = rest + decoder.decode(chunk)
                carry = ""
                if text.endswith("\r"):  # its "\n" may come with the next chunk
                    text, carry = text[:-1], "\r"
                parts = _NEWLINE.split(text)
                rest = parts.pop() + carry
                if parts:
                    worker.inbox.put(parts)
                if time.monotonic() > deadline:
                    worker.timed_out = True
                    return
            rest += decoder.decode(b"", final=True)
            if rest:
                worker.inbox.put(_NEWLINE.split(rest))
        except BodyTooLargeError as error:
            problem.append(str(error.detail))
        except ClientDisconnect:
            worker.stop.set()
        finally:
            worker.inbox.put(_DONE)

    thread = loop.run_in_executor(None, worker.run)
    feeder = asyncio.ensure_future(feed())
    try:
        while True:
            text = await worker.outbox.get()
            if text is _DONE:
                break
            yield text
        await feeder
        await thread
        if worker.timed_out:
            yield _cut_short(too_slow(timeout))
        elif problem:
            yield _cut_short(problem[0])
    finally:
        worker.stop.set()
        worker.inbox.put(_DONE)
        feeder.cancel()
