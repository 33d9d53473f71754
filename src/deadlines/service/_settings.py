"""What `deadlines serve` is told: where to listen, the token, the limits, CORS, the calendar.

`Settings` is a frozen value. It travels to uvicorn's worker processes as JSON in the
environment variable `SETTINGS_VARIABLE` (the token never does: each worker reads it again
from ``DEADLINES_API_TOKEN`` or the token file).
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deadlines._errors import InvalidValueError

#: The environment variable holding the bearer token every request must carry.
TOKEN_VARIABLE = "DEADLINES_API_TOKEN"

#: The environment variable that passes `Settings` to uvicorn's worker processes.
SETTINGS_VARIABLE = "DEADLINES_SERVE_SETTINGS"

#: Defaults: loopback only, 1 MiB per request body (32 MiB for a board upload: a county's
#: year of events is about 3 MB), 10 seconds per request.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_BODY = 1 << 20
DEFAULT_MAX_UPLOAD = 32 << 20
DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class Settings:
    """How the service runs.

    Attributes:
        host: the address to bind; loopback unless told otherwise.
        port: the TCP port.
        workers: uvicorn worker processes.
        token: the bearer token every endpoint but ``/healthz`` requires; ``None`` for none.
        token_file: where the token was read from, if from a file (workers read it again).
        max_body: the largest request body accepted, in bytes (413 beyond it).
        max_upload: the largest events file the board's upload form accepts, in bytes (its
            own limit: the board answers a larger one with a page saying so).
        timeout: seconds a request may take to be read and answered (408 beyond it; a
            streamed batch ends with an error line instead).
        cors_origins: origins allowed to call from a browser; none (no CORS) by default.
        calendar: calendar override files, applied in order.
        plugins: whether installed plugins apply (they are loaded once, at start-up).
        events_dir: a folder of events files the board (``deadlines.board``) may open by name.
        secure_cookie: mark the board's session cookie ``Secure`` even when the request came
            over plain http (behind a proxy that ends TLS); over https it always is.
    """

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    workers: int = 1
    token: str | None = field(default=None, repr=False)
    token_file: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    max_upload: int = DEFAULT_MAX_UPLOAD
    timeout: float = DEFAULT_TIMEOUT
    cors_origins: tuple[str, ...] = ()
    calendar: tuple[str, ...] = ()
    plugins: bool = True
    events_dir: str | None = None
    secure_cookie: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.port <= 65535:
            raise InvalidValueError("port", self.port, "a TCP port from 1 to 65535, such as 8000")
        if self.workers < 1:
            raise InvalidValueError("workers", self.workers, "1 or more, such as 2")
        if self.max_body < 1:
            raise InvalidValueError("max_body", self.max_body, "a number of bytes, such as 1048576")
        if self.max_upload < 1:
            raise InvalidValueError(
                "max_upload", self.max_upload, "a number of bytes, such as 33554432"
            )
        if not self.timeout > 0:
            raise InvalidValueError("timeout", self.timeout, "a number of seconds, such as 10")
        if self.token is not None and not self.token.strip():
            raise InvalidValueError("token", "", "a non-empty token")

    def to_environment(self) -> str:
        """These settings as JSON, without the token, for `SETTINGS_VARIABLE`."""
        data = dataclasses.asdict(self)
        data.pop("token")
        return json.dumps(data)

    @classmethod
    def from_environment(cls, text: str) -> Settings:
        """The settings `to_environment` wrote, with the token read again."""
        data: dict[str, Any] = json.loads(text)
        for name in ("cors_origins", "calendar"):
            data[name] = tuple(data[name])
        return cls(**data, token=read_token(data.get("token_file")))


def read_token(token_file: str | Path | None) -> str | None:
    """The bearer token: the first line of `token_file` if given, else ``DEADLINES_API_TOKEN``.

    Raises:
        InvalidValueError: the file cannot be read, or holds no token.
    """
    if token_file is not None:
        from deadlines._textfile import read_user_text

        try:
            text = read_user_text(token_file)
        except OSError as error:
            raise InvalidValueError(
                "token_file", str(token_file), f"a readable file ({error.strerror})"
            ) from None
        except ValueError as error:  # not UTF-8 text: the message says how to save it
            raise InvalidValueError("token_file", str(token_file), str(error)) from None
        lines = text.strip().splitlines()
        token = lines[0].strip() if lines else ""
        if not token:
            raise InvalidValueError(
                "token_file", str(token_file), "a file whose first line is the token"
            )
        return token
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    return token or None
