"""``POST /v1/batch``: JSON Lines in, JSON Lines out, answered while the request streams.

`deadlines.io.run_batch` does the work, exactly as for ``deadlines batch``: each piece of the
body that arrives is split into lines, and its complete lines are answered (in a worker thread,
so that other requests go on) and sent before the next piece is read. Answers therefore flow
while the request still streams, in input order; the line numbers of error lines count from
the start of the body, as the command line counts them.

A batch cut short (the time or size limit passed, after the answer started) ends with one
error line whose ``line`` is null, saying why; every line before it was answered.
"""

from __future__ import annotations

import codecs
import json
import re
import time
from collections.abc import AsyncIterator
from functools import partial
from typing import TYPE_CHECKING

import anyio
from starlette.requests import ClientDisconnect
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from deadlines.service._limits import BodyTooLargeError, too_slow

if TYPE_CHECKING:
    from starlette.requests import Request

    from deadlines._engine import Engine

# Line ends as a file opened with newline="" splits them (what `deadlines batch` reads).
_NEWLINE = re.compile(r"\r\n|\r|\n")
# Where an error line's number is: result lines cannot hold this text outside a JSON string,
# and inside one its quotes would be escaped.
_ERROR_MARK = '"error": {"line": '


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


def answer_lines(engine: Engine, lines: list[str], before: int, *, explain: bool) -> str:
    """The answers of `lines`, which follow `before` lines of the same body, as one text.

    After the first piece, a blank line leads the piece, so that its first line is not the
    first of a run (`read_jsonl` skips a byte order mark there only); a blank line is not
    answered, and the line numbers of error lines are moved on by the lines before.
    """
    from deadlines.io import run_batch
    from deadlines.io._jsonl import dumps

    shift = before - 1 if before else 0
    text = "".join(run_batch(["", *lines] if before else lines, engine, explain=explain))
    if not shift or _ERROR_MARK not in text:
        return text
    out = []
    for line in text.splitlines(keepends=True):
        if _ERROR_MARK in line:
            data = json.loads(line)
            data["error"]["line"] += shift
            line = dumps(data) + "\n"
        out.append(line)
    return "".join(out)


async def stream_batch(
    request: Request, engine: Engine, *, explain: bool, deadline: float, timeout: float
) -> AsyncIterator[str]:
    """The answer lines of the JSON Lines body of `request`, piece by piece as it arrives.

    A batch cut short by the time or size limit ends with one error line whose ``line`` is
    null; every line before it was answered.
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="surrogateescape")
    rest = ""
    before = 0
    try:
        async for chunk in request.stream():
            text = rest + decoder.decode(chunk)
            carry = ""
            if text.endswith("\r"):  # its "\n" may come with the next piece
                text, carry = text[:-1], "\r"
            lines = _NEWLINE.split(text)
            rest = lines.pop() + carry
            if lines:
                work = partial(answer_lines, engine, lines, before, explain=explain)
                yield await anyio.to_thread.run_sync(work)
                before += len(lines)
            if time.monotonic() > deadline:
                yield _cut_short(too_slow(timeout))
                return
        rest += decoder.decode(b"", final=True)
        if rest:
            yield answer_lines(engine, _NEWLINE.split(rest), before, explain=explain)
    except BodyTooLargeError as error:
        yield _cut_short(str(error.detail))
