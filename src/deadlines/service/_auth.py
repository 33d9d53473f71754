"""The bearer token: every endpoint but ``/healthz`` requires it when the service has one.

Checked by a small ASGI middleware rather than a FastAPI dependency: it runs on every request,
and a dependency costs about a tenth of a millisecond to resolve. The OpenAPI document names
the scheme (`BEARER_SCHEME`) all the same (see `deadlines.service._openapi`).
"""

from __future__ import annotations

import hmac

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from deadlines.service._problems import ProblemError, problem_response

#: The security scheme of the OpenAPI document.
BEARER_SCHEME = {
    "type": "http",
    "scheme": "bearer",
    "description": "`Authorization: Bearer <token>`, required when the service was started "
    "with DEADLINES_API_TOKEN set or --token-file; otherwise not needed.",
}

#: Paths open without a token.
OPEN_PATHS = frozenset({"/healthz"})

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="deadlines"'}


def bearer_token(scope: Scope) -> bytes | None:
    """The token of the request's ``Authorization: Bearer`` header, or None."""
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, token = value.partition(b" ")
            if scheme.lower() == b"bearer" and token.strip():
                return bytes(token.strip())
            return None
    return None


class RequireToken:
    """Refuses a request without ``Authorization: Bearer <token>`` (401), but on `OPEN_PATHS`.

    The comparison takes the same time whatever the client sent (`hmac.compare_digest`), so the
    token cannot be guessed byte by byte.
    """

    def __init__(self, app: ASGIApp, *, token: str) -> None:
        self.app = app
        self.expected = token.encode("utf-8")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        given = bearer_token(scope)
        if given is not None and hmac.compare_digest(given, self.expected):
            await self.app(scope, receive, send)
            return
        error = ProblemError(
            "unauthorized",
            "send the header Authorization: Bearer <token>, with the token the service was "
            "started with (DEADLINES_API_TOKEN or --token-file)",
            headers=_CHALLENGE,
        )
        await problem_response(Request(scope, receive), error)(scope, receive, send)
