"""Errors as RFC 9457 problem details (``application/problem+json``), with the CLI's field names.

Every answer that is not a success is a `Problem`: a ``type`` (a URN naming the kind), a
``title`` in Chinese or English, the HTTP ``status``, a ``detail`` saying what is wrong and what
valid input looks like, the request path as ``instance``, and, for bad input, the ``field`` at
fault (``rule``, ``at``, a parameter's name, as in the messages of ``deadlines batch``) and
every field's problem in ``errors``.

The titles are gathered in `TITLES`, one entry per kind, in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse

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

#: Each kind of problem: its HTTP status and its title in Chinese and English.
TITLES: Mapping[Kind, tuple[int, str, str]] = {
    "invalid-input": (422, "输入有误", "Invalid input"),
    "not-found": (404, "未找到", "Not found"),
    "method-not-allowed": (405, "不支持该请求方法", "Method not allowed"),
    "unauthorized": (401, "未授权：需要有效的令牌", "Unauthorized: a valid token is required"),
    "too-large": (413, "请求过大", "Request too large"),
    "timeout": (408, "请求超时", "Request took too long"),
    "missing-extra": (501, "服务器未安装所需的可选组件", "An optional component is not installed"),
    "internal": (500, "服务器内部错误", "Internal server error"),
}

_KIND_OF_STATUS = {status: kind for kind, (status, _, _) in TITLES.items()}


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
        kind: which `TITLES` entry.
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


def lang_of(request: Request) -> Literal["zh", "en"]:
    """Chinese when the request asks for it (``?lang=zh`` or ``Accept-Language: zh...``)."""
    lang = request.query_params.get("lang") or request.headers.get("accept-language", "")
    return "zh" if lang.strip().lower().startswith("zh") else "en"


def problem_response(
    request: Request,
    error: ProblemError,
    *,
    lang: Literal["zh", "en"] | None = None,
    status: int | None = None,
) -> JSONResponse:
    """`error` as an ``application/problem+json`` answer."""
    code, zh, en = TITLES[error.kind]
    code = status if status is not None else code
    title = zh if (lang or lang_of(request)) == "zh" else en
    body: dict[str, Any] = {
        "type": f"urn:deadlines:problem:{error.kind}",
        "title": title,
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
            "description": TITLES[kind_of_status(status)][2],
            "content": {PROBLEM_MEDIA_TYPE: {"schema": schema}},
        }
        for status in statuses
    }
