"""The bearer token: every endpoint but ``/healthz`` requires it when the service has one."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from deadlines.service._problems import ProblemError

#: How clients authenticate; named in the OpenAPI document.
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="`Authorization: Bearer <token>`, required when the service was started with "
    "DEADLINES_API_TOKEN set or --token-file; otherwise not needed.",
)

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="deadlines"'}


Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]


def require_token(token: str | None) -> Callable[..., Coroutine[Any, Any, None]]:
    """A dependency that refuses a request without ``Authorization: Bearer <token>`` (401).

    With no `token`, every request passes. The comparison takes the same time whatever the
    client sent (`hmac.compare_digest`), so the token cannot be guessed byte by byte.
    """
    expected = token.encode("utf-8") if token is not None else None

    async def check(credentials: Credentials) -> None:
        if expected is None:
            return
        given = credentials.credentials.encode("utf-8") if credentials is not None else b""
        if credentials is None or not hmac.compare_digest(given, expected):
            raise ProblemError(
                "unauthorized",
                "send the header Authorization: Bearer <token>, with the token the service "
                "was started with (DEADLINES_API_TOKEN or --token-file)",
                headers=_CHALLENGE,
            )

    return check
