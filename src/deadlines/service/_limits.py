"""The size and time limit of every request, as an ASGI middleware.

- Size: a ``Content-Length`` over the limit is refused before the body is read (413); a body
  sent without one is counted as it arrives, and reading it fails with 413 once it passes
  the limit.
- Uploads: a path with a limit of its own (the board's upload form, ``--max-upload``) is
  counted against that limit instead, and is not refused here: reading its body fails with
  `BodyTooLargeError` at once, and its route answers in its own way (a page of the board).
- Time: a request whose answer has not started within the limit gets 408. An answer that
  streams (``/v1/batch``) has started long before; it keeps its own deadline (the time the
  request started plus the limit, in ``scope["state"]["deadline"]``) and ends with an error
  line when it passes.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from typing import Any

import anyio
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from deadlines.service._problems import ProblemError, problem_response

#: The key of the request's deadline (a `time.monotonic` value) in ``scope["state"]``.
DEADLINE = "deadline"


def too_large(limit: int) -> str:
    """The detail of a 413: the limit, and what to do."""
    return (
        f"the request body is larger than the limit of {limit} bytes; send fewer records per "
        "request, or start the service with a larger --max-body"
    )


def too_slow(limit: float) -> str:
    """The detail of a 408: the limit, and what to do."""
    return (
        f"the request took longer than the limit of {limit:g} s to read and answer; send fewer "
        "records per request, or start the service with a larger --timeout"
    )


class BodyTooLargeError(HTTPException):
    """The body passed the size limit while it was being read."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large(limit))
        self.limit = limit


class Limits:
    """Applies `max_body` (bytes) and `timeout` (seconds) to every HTTP request.

    `uploads` maps a path to a body limit of its own, whose route handles `BodyTooLargeError`.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body: int,
        timeout: float,
        uploads: Mapping[str, int] | None = None,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.timeout = timeout
        self.uploads = dict(uploads or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _content_length(scope)
        limit = self.uploads.get(scope["path"], self.max_body)
        own = scope["path"] in self.uploads
        if length is not None and length > limit and not own:
            await _answer(scope, receive, send, ProblemError("too-large", too_large(limit)))
            return
        scope.setdefault("state", {})[DEADLINE] = time.monotonic() + self.timeout
        received = 0
        declared_too_large = length is not None and length > limit

        async def counted() -> Message:
            nonlocal received
            if declared_too_large:  # refused before a byte of it is read
                raise BodyTooLargeError(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError(limit)
            return message

        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                scope_.deadline = math.inf  # a streamed answer keeps its own deadline
            await send(message)

        with anyio.CancelScope(deadline=anyio.current_time() + self.timeout) as scope_:
            await self.app(scope, counted, watched)
        if scope_.cancelled_caught and not started:
            await _answer(scope, receive, send, ProblemError("timeout", too_slow(self.timeout)))


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _answer(scope: Scope, receive: Receive, send: Send, error: ProblemError) -> None:
    request: Any = Request(scope, receive)
    await problem_response(request, error)(scope, receive, send)
