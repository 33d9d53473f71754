"""The bearer token: every endpoint but ``/healthz`` requires it when the service has one.

Checked by a small ASGI middleware rather than a FastAPI dependency: it runs on every request,
and a dependency costs about a tenth of a millisecond to resolve. The OpenAPI document names
the scheme (`BEARER_SCHEME`) all the same (see `deadlines.service._openapi`).

A browser never sends the header, so the board's pages also take a session cookie
(`Sessions`): staff paste the token once on the board's login page, and the cookie holds an
HMAC of it with an expiry, never the token. The JSON API (``/v1/...``, ``/openapi.json``)
takes the header only: a cookie that a browser adds by itself must not authorize it (CSRF).
"""

from __future__ import annotations

import hashlib
import hmac
import time
import urllib.parse

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

#: The board's paths open without a session: its login page and logout, and its stylesheet.
BOARD_OPEN_PATHS = frozenset({"/login", "/logout"})
BOARD_OPEN_PREFIX = "/board-static/"

#: The name of the board's session cookie.
SESSION_COOKIE = "deadlines_session"

#: How long a board session lasts, in seconds: a working day and its evening.
SESSION_SECONDS = 12 * 3600


def is_api(path: str) -> bool:
    """Whether `path` belongs to the JSON contract (the header only, never the cookie)."""
    return path == "/openapi.json" or path == "/v1" or path.startswith("/v1/")


class Sessions:
    """The board's session cookies: ``EXPIRES.HMAC``, the HMAC-SHA256 of the expiry keyed by
    the token.

    The cookie proves that its holder knew the token without holding it, and stops working at
    its expiry or when the token changes (every worker checks it alike: nothing is stored).

    >>> sessions = Sessions("s3cret")
    >>> cookie = sessions.issue(now=1_000_000)
    >>> "s3cret" in cookie, sessions.valid(cookie, now=1_000_000 + 60)
    (False, True)
    >>> sessions.valid(cookie, now=1_000_000 + SESSION_SECONDS + 1)
    False
    >>> Sessions("other").valid(cookie, now=1_000_000)
    False
    """

    def __init__(self, token: str, *, secure: bool = False) -> None:
        self._token = token.encode("utf-8")
        #: Whether the cookie is marked Secure even over plain http (behind a TLS proxy).
        self.secure = secure

    def _sign(self, expires: int) -> str:
        message = f"deadlines board session until {expires}".encode("ascii")
        return hmac.new(self._token, message, hashlib.sha256).hexdigest()

    def issue(self, now: float | None = None) -> str:
        """A new cookie value, valid for `SESSION_SECONDS` from `now`."""
        expires = int(time.time() if now is None else now) + SESSION_SECONDS
        return f"{expires}.{self._sign(expires)}"

    def valid(self, value: str, now: float | None = None) -> bool:
        """Whether the cookie value is one of ours, not expired (compared in constant time)."""
        stamp, _, mac = value.partition(".")
        if not (stamp.isascii() and stamp.isdigit()) or len(stamp) > 12:
            return False
        expires = int(stamp)
        if expires < (time.time() if now is None else now):
            return False
        return hmac.compare_digest(mac.encode("ascii", "replace"), self._sign(expires).encode())

    def check_token(self, given: str) -> bool:
        """Whether `given` (pasted on the login page) is the token, compared in constant time."""
        return hmac.compare_digest(given.strip().encode("utf-8"), self._token)


def session_cookie(scope: Scope) -> str | None:
    """The value of the board's session cookie in the request, or None."""
    for name, value in scope.get("headers", ()):
        if name == b"cookie":
            for part in value.decode("latin-1").split(";"):
                key, _, found = part.strip().partition("=")
                if key == SESSION_COOKIE:
                    return str(found)
    return None


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
    token cannot be guessed byte by byte. With `sessions` (the board is mounted), a page of the
    board also passes with a valid session cookie, and one without is sent to the login page
    (303); the board's login, logout and stylesheet are open. ``scope["state"]["auth"]`` says
    what let the request in: ``"bearer"`` or ``"session"``.
    """

    def __init__(self, app: ASGIApp, *, token: str, sessions: Sessions | None = None) -> None:
        self.app = app
        self.expected = token.encode("utf-8")
        self.sessions = sessions

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        given = bearer_token(scope)
        if given is not None and hmac.compare_digest(given, self.expected):
            scope.setdefault("state", {})["auth"] = "bearer"
            await self.app(scope, receive, send)
            return
        if self.sessions is not None and not is_api(path):
            cookie = session_cookie(scope)
            if cookie is not None and self.sessions.valid(cookie):
                scope.setdefault("state", {})["auth"] = "session"
                await self.app(scope, receive, send)
            elif path in BOARD_OPEN_PATHS or path.startswith(BOARD_OPEN_PREFIX):
                await self.app(scope, receive, send)
            else:
                await _to_login(scope, send)
            return
        error = ProblemError(
            "unauthorized",
            "send the header Authorization: Bearer <token>, with the token the service was "
            "started with (DEADLINES_API_TOKEN or --token-file)",
            headers=_CHALLENGE,
        )
        await problem_response(Request(scope, receive), error)(scope, receive, send)


async def _to_login(scope: Scope, send: Send) -> None:
    """303 to the board's login page, which comes back here (``next``) once signed in."""
    query = scope.get("query_string", b"").decode("latin-1")
    here = scope["path"] + (f"?{query}" if query else "")
    if scope.get("method") not in ("GET", "HEAD"):
        here = "/"  # a form sent after the session ended: come back to the board, not GET it
    params = {"next": here}
    if ("lang", "en") in urllib.parse.parse_qsl(query):
        params["lang"] = "en"
    location = f"{scope.get('root_path', '')}/login?{urllib.parse.urlencode(params)}"
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [(b"location", location.encode("latin-1")), (b"content-length", b"0")],
        }
    )
    await send({"type": "http.response.body", "body": b""})
