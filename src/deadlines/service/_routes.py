"""The endpoints of version 1: due, batch, rules, calendar, check, version; and ``/healthz``.

Each answers with the same JSON as the command line (``deadlines due --json``, ``batch``,
``rules --json``, ``check --json``), plus the ``provenance`` object. The engine is built once,
at start-up; nothing a request does writes to disk.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import warnings
from typing import TYPE_CHECKING, Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.responses import JSONResponse, Response

from deadlines._errors import DeadlinesError, ProvisionalDateWarning, UnknownRuleError
from deadlines._messages import say
from deadlines.calendar._days import BUILT_IN, DayKind
from deadlines.service._limits import DEADLINE
from deadlines.service._models import (
    CalendarAnswer,
    CheckAnswer,
    DueAnswer,
    DueRequest,
    Health,
    RuleAnswer,
    RulesAnswer,
    VersionAnswer,
)
from deadlines.service._problems import ProblemError, problem_response, problem_responses
from deadlines.service._stream import DuplexResponse, stream_batch

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines._result import DueResult
    from deadlines.calendar import ChinaCalendar
    from deadlines.io import Trigger
    from deadlines.service._settings import Settings
    from deadlines.supervision import Report

#: The media type of JSON Lines, in and out.
JSONL = "application/x-ndjson"

_AT_EXAMPLE = "2026-09-30T17:00"
_CHECK_EXAMPLE = (
    '{"type": "meeting_held", "id": "m1", "kind": "executive", "ended_at": "2026-09-30T17:00"}'
)


def _json(data: Any) -> Response:  # noqa: ANN401 - any JSON value
    return JSONResponse(data)


def api_router(engine: Engine, settings: Settings) -> APIRouter:
    """The ``/v1`` endpoints over `engine` (the token is checked by the app, not here)."""
    from deadlines._provenance import provenance

    origin = provenance(engine)
    provenance_json = json.dumps(origin, ensure_ascii=False, separators=(",", ":"))
    # Fixed for the life of the process: computed once.
    rules_answer = {
        "rules": [rule.model_dump(mode="json") for rule in engine.rules.rules],
        "provenance": origin,
    }
    version_answer = {**origin, "api": "v1"}
    router = APIRouter(prefix="/v1")

    @router.post(
        "/due",
        summary="When a limit ends for one trigger",
        response_model=DueAnswer,
        responses=problem_responses(401, 408, 413, 422),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/DueRequest"}}
                },
            }
        },
        tags=["due"],
    )
    async def due(request: Request) -> Response:
        """The due instant of `rule` for a trigger `at`: the same object as ``deadlines due
        --json``, with its `provenance`. A bad rule, instant or parameter is a 422 problem
        naming the field (`rule`, `at`, or the parameter)."""
        # Read here rather than by a FastAPI body parameter: this is the endpoint other
        # systems call most, and pydantic's own JSON parser is the fastest way in.
        try:
            body = DueRequest.model_validate_json(await request.body())
        except ValidationError as error:
            raise RequestValidationError(error.errors(include_url=False)) from None
        return answer_due(engine, body, request, provenance_json)

    @router.post(
        "/batch",
        summary="Many triggers: JSON Lines in, JSON Lines out, streamed",
        response_class=DuplexResponse,
        responses={
            200: {
                "description": "One line per input record, in input order: the answer, or "
                '`{"error": {"line", "field", "message"}}` (with `id` when it could be '
                "read), as `deadlines batch` writes them. A batch cut short by the time or "
                "size limit ends with an error line whose `line` is null.",
                "content": {JSONL: {"schema": {"type": "string"}}},
            },
            **problem_responses(401, 413),
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "One JSON object per line: `rule`, `at`, optional `id` (echoed) "
                "and the rule's parameters, e.g. " + '`{"id": 1, "rule": "minutes.executive", '
                '"at": "2026-09-30T17:00"}`',
                "content": {JSONL: {"schema": {"type": "string"}}},
            }
        },
        tags=["due"],
    )
    async def batch(
        request: Request,
        explain: Annotated[bool, Query(description="add each answer's trace")] = False,  # noqa: FBT002 - a query parameter
    ) -> DuplexResponse:
        """Answers stream while the request streams; a bad line gets an error line and the
        batch goes on, as in ``deadlines batch``."""
        deadline = request.scope["state"][DEADLINE]
        lines = stream_batch(
            request, engine, explain=explain, deadline=deadline, timeout=settings.timeout
        )
        return DuplexResponse(lines, media_type=JSONL)

    @router.get(
        "/rules",
        summary="Every rule",
        response_model=RulesAnswer,
        responses=problem_responses(401),
        tags=["rules"],
    )
    async def rules() -> Response:
        """Every version of every rule, as ``deadlines rules --json`` prints them."""
        return _json(rules_answer)

    @router.get(
        "/rules/{rule_id}",
        summary="One rule and its versions",
        response_model=RuleAnswer,
        responses=problem_responses(401, 404),
        tags=["rules"],
    )
    async def rule(
        rule_id: Annotated[str, Path(description="a rule id, e.g. minutes.executive")],
    ) -> Response:
        """The versions of one rule, oldest first."""
        try:
            versions = engine.rules.versions(rule_id)
        except UnknownRuleError as error:
            raise ProblemError("not-found", _unknown_rule(error), field="rule_id") from None
        return _json(
            {
                "id": rule_id,
                "versions": [version.model_dump(mode="json") for version in versions],
                "provenance": origin,
            }
        )

    @router.get(
        "/calendar/{year}",
        summary="A year's holidays and adjusted working days",
        response_model=CalendarAnswer,
        responses=problem_responses(401, 422),
        tags=["calendar"],
    )
    async def calendar(
        year: Annotated[int, Path(ge=2004, le=2100, description="a year from 2004 to 2100")],
    ) -> Response:
        """Every day of `year` that is not an ordinary working day or weekend day: holidays
        (`off` true) and adjusted working days (`off` false), named in both languages, with
        their sources."""
        cal = engine.calendar
        days = _calendar_days(cal, year)
        return _json(
            {
                "year": year,
                "announced": year in cal.announced_years,
                "provisional_from": cal.provisional_from.isoformat(),
                "days": days,
                "provenance": origin,
            }
        )

    @router.post(
        "/check",
        summary="The supervision report of events",
        response_model=CheckAnswer,
        responses={
            200: {
                "description": "The report of `deadlines check --json`; with `format=csv` one "
                "row per obligation, with `format=ics` the open obligations as iCalendar.",
                "content": {
                    "text/csv": {"schema": {"type": "string"}},
                    "text/calendar": {"schema": {"type": "string"}},
                },
            },
            **problem_responses(401, 408, 413, 422, 501),
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "Events and completions: JSON Lines, or a JSON array of the "
                "same objects, e.g. " + f"`{_CHECK_EXAMPLE}`",
                "content": {
                    JSONL: {"schema": {"type": "string"}},
                    "application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
                },
            }
        },
        tags=["supervision"],
    )
    async def check(
        request: Request,
        at: Annotated[
            str | None,
            Query(description=f"the moment of the report, e.g. {_AT_EXAMPLE}; now by default"),
        ] = None,
        format: Annotated[  # noqa: A002 - the query parameter's name
            Literal["json", "csv", "ics"], Query(description="json, csv or ics")
        ] = "json",
        lang: Annotated[
            Literal["zh", "en"], Query(description="the language of ics summaries")
        ] = "en",
    ) -> Response:
        """Every obligation the events create and its status at `at`, as ``deadlines check``
        reports it. Lines that cannot be used are listed in `errors`, as the command line
        does; the report is still given."""
        from deadlines._time import CHINA_TZ, parse_instant

        try:
            moment = parse_instant("at", at) if at is not None else dt.datetime.now(CHINA_TZ)
        except DeadlinesError as error:
            raise ProblemError("invalid-input", _expected(error, at), field="at") from None
        lines = _event_lines(await request.body())
        report = await anyio.to_thread.run_sync(
            _report, engine, lines, moment, abandon_on_cancel=True
        )
        if isinstance(report, ProblemError):
            return problem_response(request, report)
        if format == "csv":
            buffer = io.StringIO()
            report.write_csv(buffer)
            return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8")
        if format == "ics":
            from deadlines.supervision import MissingExtraError, to_ics

            try:
                return Response(to_ics(report, lang=lang), media_type="text/calendar")
            except MissingExtraError as error:
                raise ProblemError("missing-extra", str(error)) from None
        return _json(report.to_json(origin))

    @router.get(
        "/version",
        summary="What answers: versions, calendar, rule set, plugins",
        response_model=VersionAnswer,
        responses=problem_responses(401),
        tags=["service"],
    )
    async def version() -> Response:
        """The package version, the calendar's origin and last announced year, the rule set,
        and the plugins in effect (loaded once, at start-up)."""
        return _json(version_answer)

    return router


def health_router() -> APIRouter:
    """``GET /healthz``: open to all, the token not needed."""
    router = APIRouter()

    @router.get(
        "/healthz", summary="Whether the service is up", response_model=Health, tags=["service"]
    )
    async def healthz() -> Response:
        """``{"status": "ok"}``."""
        return _json({"status": "ok"})

    return router


def answer_due(engine: Engine, body: DueRequest, request: Request, origin: str) -> Response:
    """The answer of `POST /v1/due`: the result as JSON with `origin` (the provenance, as
    JSON text) added, or a problem naming the field at fault."""
    from deadlines.io import Problem
    from deadlines.io._records import RESERVED, trigger_from

    reserved = [name for name in body.params if name in RESERVED]
    if reserved:
        detail = say("service.detail.reserved", body.lang, name=reserved[0])
        error = ProblemError("invalid-input", detail, field=f"params.{reserved[0]}")
        return problem_response(request, error, lang=body.lang)
    # Read as batch reads a line: an empty value is absent, and the messages are batch's.
    trigger = trigger_from({**body.params, "rule": body.rule, "at": body.at}, 1)
    if isinstance(trigger, Problem):
        error = ProblemError("invalid-input", trigger.text(body.lang), field=trigger.field)
        return problem_response(request, error, lang=body.lang)
    result = _compute(engine, trigger, explain=body.explain, request=request, lang=body.lang)
    if isinstance(result, Response):
        return result
    # The model's own JSON (pydantic-core writes it) with the provenance spliced in: the same
    # text as json.dumps of `result.to_json(provenance)`, in a third of the time.
    text = result.model_dump_json()
    return Response(f'{text[:-1]},"provenance":{origin}}}', media_type="application/json")


def _compute(
    engine: Engine,
    trigger: Trigger,
    *,
    explain: bool,
    request: Request,
    lang: Literal["zh", "en"],
) -> DueResult | Response:
    """`engine.due` for one trigger; a bad field gives a 422 problem, named as batch names it."""
    from deadlines.io._batch import problem_of

    params = trigger.params
    if "explain" in params:
        detail = say("service.detail.explain", lang)
        error = ProblemError("invalid-input", detail, field="explain")
        return problem_response(request, error, lang=lang)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            return engine.due(trigger.rule, trigger.at, explain=explain, **params)
    except DeadlinesError as error:
        found = problem_of(error, trigger)
        problem = ProblemError("invalid-input", found.text(lang), field=found.field)
    except (ArithmeticError, ValueError, TypeError) as error:  # e.g. a parameter too large
        detail = say("service.detail.cannot_compute", lang, error=str(error))
        problem = ProblemError("invalid-input", detail, field="params")
    return problem_response(request, problem, lang=lang)


def _unknown_rule(error: UnknownRuleError) -> str:
    import difflib

    close = difflib.get_close_matches(error.rule_id, error.known, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"unknown rule {error.rule_id!r}{hint}; known rules: {', '.join(error.known)}"


def _expected(error: DeadlinesError, text: object) -> str:
    expected = getattr(error, "expected", "")
    return f"at must be {expected}; got {text!r}" if expected else str(error)


def _event_lines(body: bytes) -> list[str]:
    """The body's events as JSON Lines: JSON Lines as they are, a JSON array one per line."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProblemError(
            "invalid-input",
            f"the body is not UTF-8 text (byte {error.start}); send JSON Lines or a JSON array "
            "in UTF-8",
            field="body",
        ) from None
    if not text.lstrip().startswith("["):
        return text.splitlines()
    try:
        items = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ProblemError(
            "invalid-input",
            f"the body starts with [ but is not a JSON array ({error}); send a JSON array of "
            f"event objects, or JSON Lines such as {_CHECK_EXAMPLE}",
            field="body",
        ) from None
    # Each element becomes one line: its line number is its position, counted from 1.
    return [json.dumps(item, ensure_ascii=False) for item in items]


def _report(engine: Engine, lines: list[str], at: dt.datetime) -> Report | ProblemError:
    """The report at `at` of the events in `lines`, or the problem that stopped it."""
    from deadlines.supervision import Supervisor, read_events

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            log = read_events(lines)
            return Supervisor(engine).ledger(log).report(at)
    except DeadlinesError as error:
        return ProblemError("invalid-input", str(error), field="body")
    except (ArithmeticError, ValueError, TypeError, RecursionError) as error:
        return ProblemError(
            "invalid-input", f"cannot compute the report of these events: {error}", field="body"
        )


def _calendar_days(cal: ChinaCalendar, year: int) -> list[dict[str, Any]]:
    """The holidays and adjusted working days of a year, named in both languages.

    >>> from deadlines import ChinaCalendar
    >>> [row["name"] for row in _calendar_days(ChinaCalendar(), 2026)][-3:]
    ['调休放假（9月20日上班）', '调休放假（10月10日上班）', '调休上班']
    """
    return [
        {
            "date": day.date.isoformat(),
            "off": not day.is_workday,
            "name": day.describe("zh"),
            "name_en": day.name_en or day.describe("en"),
            "source": day.source if day.origin == BUILT_IN else f"{day.origin}: {day.source}",
            "provisional": day.provisional,
        }
        for day in cal.days(dt.date(year, 1, 1), dt.date(year, 12, 31))
        if day.kind in (DayKind.HOLIDAY, DayKind.ADJUSTED_WORKDAY)
    ]
