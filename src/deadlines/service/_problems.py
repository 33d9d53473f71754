"""Errors as RFC 9457 problem details (``application/problem+json``), with the CLI's field names.

Every answer that is not a success is a `Problem`: a ``type`` (a URN naming the kind), a
``title`` in Chinese or English, the HTTP ``status``, a ``detail`` saying what is wrong and what
valid input looks like, the request path as ``instance``, and, for bad input, the ``field`` at
fault (``rule``, ``at``, a parameter's name, as in the messages of ``deadlines batch``) and
every field's problem in ``errors``.

Each kind's status is in `STATUS`; its title is the catalogue's ``service.<kind>``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse

from deadlines._messages import Lang, say

#: The media type of every error answer.
PROBLEM_MEDIA_TYPE = "application/problem+json"

Kind = Literal[
    "invalid-input",
    "not-found",
    "method-not-allowed",
    "unauthorized",
    "too-large",
    "timeout",
    "missing-extra",
    "internal",
]

#: Each kind of problem and its HTTP status.
STATUS: Mapping[Kind, int] = {
    "invalid-input": 422,
    "not-found": 404,
    "method-not-allowed": 405,
    "unauthorized": 401,
    "too-large": 413,
    "timeout": 408,
    "missing-extra": 501,
    "internal": 500,
}

_KIND_OF_STATUS = {status: kind for kind, status in STATUS.items()}


class FieldProblem(BaseModel):
    """One input field and what is wrong with it."""

    model_config = ConfigDict(frozen=True)

    field: str | None = Field(description="the field at fault, e.g. `at`; null for the whole")
    message: str = Field(description="what is wrong and what valid input looks like")


class Problem(BaseModel):
    """An error answer (RFC 9457 problem details)."""

    model_config = ConfigDict(frozen=True)

    type: str = Field(description="the kind of problem, e.g. `urn:deadlines:problem:invalid-input`")
    title: str = Field(description="the kind in words, in the language asked for")
    status: int = Field(description="the HTTP status code")
    detail: str = Field(description="what is wrong, and what valid input looks like")
    instance: str = Field(description="the request path")
    field: str | None = Field(
        default=None, description="the first field at fault (`rule`, `at`, a parameter's name)"
    )
    errors: tuple[FieldProblem, ...] = Field(
        default=(), description="every field at fault, with its message"
    )


class ProblemError(Exception):
    """Raised by a route to answer with a problem; the app's handler renders it.

    Attributes:
        kind: which kind of problem (`STATUS`).
        detail: what is wrong and what valid input looks like.
        field: the field at fault, if one is.
        errors: every field at fault.
        headers: extra response headers (``WWW-Authenticate`` for 401).
    """

    def __init__(
        self,
        kind: Kind,
        detail: str,
        *,
        field: str | None = None,
        errors: Sequence[FieldProblem] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.kind: Kind = kind
        self.detail = detail
        self.field = field
        self.errors = tuple(errors) or (
            (FieldProblem(field=field, message=detail),) if field is not None else ()
        )
        self.headers = dict(headers or {})


def kind_of_status(status: int) -> Kind:
    """The kind of problem an HTTP status stands for (a 4xx without its own kind is input)."""
    return _KIND_OF_STATUS.get(status, "internal" if status >= 500 else "invalid-input")


def lang_of(request: Request) -> Lang:
    """Chinese when the request asks for it (``?lang=zh`` or ``Accept-Language: zh...``)."""
    lang = request.query_params.get("lang") or request.headers.get("accept-language", "")
    return "zh" if lang.strip().lower().startswith("zh") else "en"


def problem_response(
    request: Request,
    error: ProblemError,
    *,
    lang: Lang | None = None,
    status: int | None = None,
) -> JSONResponse:
    """`error` as an ``application/problem+json`` answer."""
    code = status if status is not None else STATUS[error.kind]
    body: dict[str, Any] = {
        "type": f"urn:deadlines:problem:{error.kind}",
        "title": say(f"service.{error.kind}", lang or lang_of(request)),
        "status": code,
        "detail": error.detail,
        "instance": request.url.path,
    }
    if error.field is not None:
        body["field"] = error.field
    if error.errors:
        body["errors"] = [{"field": e.field, "message": e.message} for e in error.errors]
    return JSONResponse(
        body, status_code=code, media_type=PROBLEM_MEDIA_TYPE, headers=error.headers
    )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` entries of a route's error statuses, each a `Problem`.

    The schema is referenced by name; the app's OpenAPI document adds it to its components.
    """
    schema = {"$ref": "#/components/schemas/Problem"}
    return {
        status: {
            "description": say(f"service.{kind_of_status(status)}", "en"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": schema}},
        }
        for status in statuses
    }
