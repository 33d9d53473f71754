"""`create_app`: the FastAPI application of ``deadlines serve``.

The engine (calendar, rules, plugins) is built once, here, before the first request; every
request reads it and nothing else. Errors are problem details (`deadlines.service._problems`);
the token, the size and time limits and CORS are applied around every route.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from deadlines._errors import ProvisionalDateWarning
from deadlines.service._auth import BEARER_SCHEME, OPEN_PATHS, RequireToken, Sessions
from deadlines.service._limits import Limits
from deadlines.service._models import DueRequest
from deadlines.service._problems import (
    FieldProblem,
    Problem,
    ProblemError,
    kind_of_status,
    problem_response,
)
from deadlines.service._routes import api_router, health_router
from deadlines.service._settings import SETTINGS_VARIABLE, Settings, read_token

if TYPE_CHECKING:
    from deadlines._engine import Engine

DESCRIPTION = """\
Due dates of the 2020 administrative-efficiency opinion over the official Chinese working-day
calendar, for systems that are not Python.

- Instants are RFC 3339 with seconds and offset (`2026-10-10T17:30:00+08:00`); an input
  instant without an offset is Asia/Shanghai.
- Every answer carries `provenance`: what it depends on, so that an audit can reproduce it.
- Errors are RFC 9457 problem details (`application/problem+json`) naming the field at fault.
- When the service has a token, every endpoint but `/healthz` needs
  `Authorization: Bearer <token>` (the board's session cookie never stands in for it).
"""

# Examples a validation message shows for each field of a request.
_VALID = {
    "rule": "a rule id such as minutes.executive",
    "at": "ISO 8601 text such as 2026-09-30T17:00 (+08:00 optional)",
    "params": 'an object of parameters such as {"limit_days": 15}',
    "lang": "zh or en",
    "explain": "true or false",
    "year": "a year from 2004 to 2100, such as 2026",
    "format": "json, csv or ics",
}


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """The service's application, its engine built now (plugins load once, here).

    Args:
        settings: token, limits, CORS, calendar files; the defaults when ``None``.
        engine: the engine to answer with; by default one over ``settings.calendar`` with
            the installed plugins unless ``settings.plugins`` is false.

    Raises:
        DeadlinesError: a calendar file or a plugin is broken (the service does not start).
    """
    from deadlines import __version__

    settings = settings or Settings()
    if engine is None:
        from deadlines._engine import Engine
        from deadlines.calendar import ChinaCalendar

        engine = Engine(
            ChinaCalendar(overrides=list(settings.calendar)), discover_plugins=settings.plugins
        )
    # A provisional answer is data here (its `provisional` field), never a Python warning:
    # the filter holds for every thread, whatever `catch_warnings` blocks others enter.
    warnings.filterwarnings("ignore", category=ProvisionalDateWarning)
    # An uploaded file (the board's events upload) past 1 MB would be spooled to a temporary
    # file; a request writes nothing to disk, and its body is bounded by max_body (max_upload
    # for the board's upload) already.
    from starlette.formparsers import MultiPartParser

    MultiPartParser.spool_max_size = max(
        MultiPartParser.spool_max_size, settings.max_body, settings.max_upload
    )

    app = FastAPI(
        title="deadlines",
        version=__version__,
        summary="Due dates over the official Chinese working-day calendar",
        description=DESCRIPTION,
        docs_url=None,  # the interactive pages load scripts from a CDN: the intranet has none
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.engine = engine
    app.state.settings = settings
    app.include_router(health_router())
    app.include_router(api_router(engine, settings))
    sessions = (
        Sessions(settings.token, secure=settings.secure_cookie)
        if settings.token is not None
        else None
    )
    upload_path = include_board(app, engine=engine, settings=settings, sessions=sessions)
    #: The board's upload form, or None without the board (`deadlines serve` warns of workers).
    app.state.upload_path = upload_path
    _handle_errors(app)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    if settings.token is not None:
        board_sessions = sessions if upload_path is not None else None
        app.add_middleware(RequireToken, token=settings.token, sessions=board_sessions)
    # Outside the token check: a browser's preflight request carries no token.
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    # Added last, so outermost: a body too large is refused before anything else reads it.
    uploads = {upload_path: settings.max_upload} if upload_path is not None else {}
    app.add_middleware(
        Limits, max_body=settings.max_body, timeout=settings.timeout, uploads=uploads
    )
    return app


def include_board(
    app: FastAPI, *, engine: Engine, settings: Settings, sessions: Sessions | None = None
) -> str | None:
    """THE BOARD HOOK: mount the browser board of `deadlines.board` when it is installed.

    The board (``/`` and ``/calendar/...``) is another module of the same extra; it provides
    ``make_router(*, engine_factory, events_dir, max_upload, sessions)`` and ``UPLOAD_PATH``.
    Without it, the service is the JSON API alone. The token, when there is one, guards its
    pages as every other path but ``/healthz``; a browser signs in on its login page
    (`sessions`). Returns the path of its upload form (limited by ``max_upload`` rather than
    ``max_body``), or None when the board is not mounted.
    """
    try:
        from deadlines.board import UPLOAD_PATH, make_router
    except ImportError:
        return None
    events_dir = Path(settings.events_dir) if settings.events_dir is not None else None
    router = make_router(
        engine_factory=lambda: engine,
        events_dir=events_dir,
        max_upload=settings.max_upload,
        sessions=sessions,
    )
    # Pages for people, not part of the JSON contract (docs/openapi.json).
    app.include_router(router, include_in_schema=False)
    return UPLOAD_PATH


def app_from_environment() -> FastAPI:
    """The app of a uvicorn worker process: `Settings` from `SETTINGS_VARIABLE`.

    ``deadlines serve --workers N`` starts uvicorn with this factory, which needs an import
    string; each worker builds its own engine, once.
    """
    text = os.environ.get(SETTINGS_VARIABLE)
    settings = Settings.from_environment(text) if text else Settings(token=read_token(None))
    return create_app(settings)


def _handle_errors(app: FastAPI) -> None:
    """Every error answer as a problem: bad input 4xx, and never a traceback."""

    @app.exception_handler(ProblemError)
    async def on_problem(request: Request, error: ProblemError) -> Response:
        return problem_response(request, error)

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, error: HTTPException) -> Response:
        status = error.status_code
        detail = error.detail if isinstance(error.detail, str) else str(error.detail)
        if status == 400:  # FastAPI could not read the body (not UTF-8): bad input, like JSON
            status = 422
            detail = (
                "the body is not JSON in UTF-8; send a JSON object such as "
                '{"rule": "minutes.executive", "at": "2026-09-30T17:00"}'
            )
        kind = kind_of_status(status)
        if status == 404:
            detail = f"no such endpoint {request.url.path}; see /openapi.json for the endpoints"
        elif status == 405:
            detail = f"{request.method} is not allowed on {request.url.path}; see /openapi.json"
        problem = ProblemError(kind, detail, headers=error.headers)
        return problem_response(request, problem, status=status)

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, error: RequestValidationError) -> Response:
        problems = [_field_problem(item) for item in error.errors()]
        first = problems[0] if problems else FieldProblem(field=None, message="invalid request")
        detail = (
            "; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in problems)
            or first.message
        )
        return problem_response(
            request, ProblemError("invalid-input", detail, field=first.field, errors=problems)
        )

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, error: Exception) -> Response:
        problem = ProblemError(
            "internal", f"unexpected {type(error).__name__}; please report it with the request"
        )
        return problem_response(request, problem)


def _field_problem(item: dict[str, Any]) -> FieldProblem:
    """A pydantic error as the field at fault (``at``, ``params.limit_days``) and a message."""
    location = [str(part) for part in item.get("loc", ()) if part not in ("body", "query", "path")]
    field = ".".join(location) or None
    kind = item.get("type", "")
    if kind == "json_invalid":
        return FieldProblem(
            field=None,
            message="the body is not valid JSON "
            f"({item.get('ctx', {}).get('error', 'malformed')}); send a JSON object such as "
            '{"rule": "minutes.executive", "at": "2026-09-30T17:00"}',
        )
    if kind == "extra_forbidden":
        return FieldProblem(
            field=field,
            message=f"unknown field {field}; the fields are rule, at, params, lang and explain "
            "(a rule's parameters go in params)",
        )
    message = str(item.get("msg", "invalid"))
    if field is None and kind in ("model_attributes_type", "dict_type", "missing"):
        return FieldProblem(
            field=None,
            message="the body must be a JSON object such as "
            '{"rule": "minutes.executive", "at": "2026-09-30T17:00"}',
        )
    top = location[0] if location else ""
    if top in _VALID:
        message += f"; expected {_VALID[top]}"
    return FieldProblem(field=field, message=message)


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI 3.1 document, with the `Problem` schema every error answer refers to."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        document = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            description=app.description,
            routes=app.routes,
        )
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(problem.pop("$defs", {}))
        schemas["Problem"] = problem
        request = DueRequest.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas["DueRequest"] = request
        document["components"]["securitySchemes"] = {"bearer": BEARER_SCHEME}
        for path, item in document["paths"].items():
            if path in OPEN_PATHS:
                continue
            for operation in item.values():
                # The token is needed only when the service has one: none is also accepted.
                operation["security"] = [{"bearer": []}, {}]
        app.openapi_schema = document
    return app.openapi_schema
