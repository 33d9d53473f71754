"""The board's routes: the page, the obligation, the calendar, the exports and the assets.

Every page is rendered on the server from Jinja2 templates shipped in this package; the one
stylesheet is served from here too (``/board-static/``), so the board works on an intranet
with no internet. Each answer carries a Content-Security-Policy that allows nothing but this
server ("self"), and no script at all.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from deadlines._errors import DeadlinesError, InvalidValueError
from deadlines._messages import Lang, say
from deadlines._time import parse_instant
from deadlines.board import _views as views
from deadlines.board._export import to_csv
from deadlines.board._page import (
    BoardPage,
    attachment,
    board_context,
    count_arg,
    form_text,
    int_arg,
    listed,
    local_path,
    needed_report,
    provisional_since,
    same_origin,
)
from deadlines.board._sources import (
    MAX_UPLOAD_BYTES,
    MAX_UPLOADS,
    NotFoundError,
    Sources,
    UploadError,
)
from deadlines.board._views import Words
from deadlines.service._auth import SESSION_COOKIE, SESSION_SECONDS

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines.service._auth import Sessions

STATIC_PREFIX = "/board-static"
#: The path of the upload form: the service gives it a body limit of its own (--max-upload).
UPLOAD_PATH = "/upload"

_STATIC_TYPES = {".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
_SECURITY = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    # "same-origin", not "no-referrer": with the latter a browser sends `Origin: null` on the
    # board's own forms, and the check against cross-site requests could not tell them apart
    "Referrer-Policy": "same-origin",
}


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("deadlines.board", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(
        status_name=views.status_name,
        level_name=views.level_name,
        symbol=views.STATUS_SYMBOL,
        statuses=views.STATUSES,
        month_names=views.MONTHS,
        quarter_state=views.quarter_state,
    )
    env.filters["stamp"] = lambda at: "" if at is None else f"{at:%Y-%m-%d %H:%M}"
    # an obligation id comes from the events file: any character, '#' and '?' included
    env.filters["path"] = lambda text: urllib.parse.quote(text, safe="/")
    return env


def _static_files() -> dict[str, bytes]:
    folder = resources.files("deadlines.board") / "static"
    return {
        entry.name: entry.read_bytes()
        for entry in folder.iterdir()
        if Path(entry.name).suffix in _STATIC_TYPES
    }


def make_router(
    *,
    engine_factory: Callable[[], Engine],
    events_dir: Path | None,
    max_upload: int = MAX_UPLOAD_BYTES,
    sessions: Sessions | None = None,
) -> APIRouter:
    """The board's routes, to include in a FastAPI app (the service includes them).

    Args:
        engine_factory: builds the engine that counts every obligation (called once, on first
            use), so that the board and the service answer alike.
        events_dir: a folder whose JSON Lines files (``*.jsonl``) staff can pick on the page,
            or ``None`` for uploads only.
        max_upload: the largest events file taken by the upload form, in bytes; a larger one
            gets a page saying so (413).
        sessions: the service's session cookies when it has a token: the board then serves
            ``/login`` (paste the token once) and ``/logout``, and refuses a form sent from
            another site (403). The service's middleware checks the cookie on every page.

    Returns:
        A router serving ``/`` (the board), ``/upload``, ``/obligations/{id}``,
        ``/calendar/{year}``, ``/calendar/{year}/{month}``, ``/report`` (printable),
        ``/export.csv``, ``/export.ics`` and the assets under ``/board-static/``. Its routes
        are left out of the OpenAPI document: they are pages, not the JSON contract.
    """
    sources = Sources(engine_factory, events_dir, max_upload=max_upload)
    env = _environment()
    static = _static_files()
    router = APIRouter(include_in_schema=False)

    def render(page: BoardPage, template: str, status: int = 200, **context: object) -> Response:
        html = env.get_template(template).render(
            page=page,
            t=page.words,
            lang=page.lang,
            static=page.request.scope.get("root_path", "") + STATIC_PREFIX,
            **context,
        )
        return HTMLResponse(html, status_code=status, headers=_SECURITY)

    def fail(request: Request, error: DeadlinesError) -> Response:
        """An error page: 404 for something not found, 400 for bad input."""
        page = BoardPage(request, sources, lenient=True)
        missing = isinstance(error, LookupError) and not isinstance(error, InvalidValueError)
        heading = page.words("error_missing" if missing else "error_bad")
        if isinstance(error, NotFoundError) and error.argument == "src":
            page.src = None  # links from the error page must not name the lost source again
            if (error.value or "").startswith("upload:"):
                return render(
                    page,
                    "error.html",
                    404,
                    heading=page.words.upload_lost_heading,
                    error=page.words("upload_lost", n=MAX_UPLOADS),
                    again=True,
                )
        return render(page, "error.html", 404 if missing else 400, heading=heading, error=error)

    def too_large(request: Request) -> Response:
        """The page of an upload past `max_upload`, in the board's language (413)."""
        page = BoardPage(request, sources, lenient=True)
        page.src = None
        text = page.words("upload_too_large", mb=f"{max_upload / 2**20:.3g}")
        heading = page.words.error_too_large
        return render(page, "error.html", 413, heading=heading, error=text, again=True)

    def cross_site(request: Request) -> Response | None:
        """A 403 page for a form sent from another site, when the service has a token."""
        if sessions is None or request.scope.get("state", {}).get("auth") == "bearer":
            return None
        if same_origin(request):
            return None
        page = BoardPage(request, sources, lenient=True)
        page.src = None
        heading = page.words.error_forbidden
        return render(page, "error.html", 403, heading=heading, error=page.words.cross_site)

    def guarded(function: Callable[..., Response]) -> Callable[..., Response]:
        def wrapper(request: Request, **kwargs: Any) -> Response:  # noqa: ANN401
            try:
                return function(BoardPage(request, sources), **kwargs)
            except DeadlinesError as error:
                return fail(request, error)

        wrapper.__name__ = function.__name__
        wrapper.__signature__ = _signature(function)  # type: ignore[attr-defined]
        return wrapper

    @router.get("/", response_class=HTMLResponse)
    @guarded
    def board(page: BoardPage) -> Response:
        return render(page, "board.html", **board_context(page, page.digested(), sources.files()))

    @router.post(UPLOAD_PATH)
    async def upload(request: Request) -> Response:
        refused = cross_site(request)
        if refused is not None:
            return refused
        try:  # read here, not as FastAPI form parameters: a body too large is this page's
            form = await request.form(max_files=1, max_fields=16)
        except HTTPException as error:
            if error.status_code != 413:
                raise
            return too_large(request)
        file = form.get("file")
        at, lang = form_text(form.get("at")), form_text(form.get("lang")) or "zh"
        kept = {
            "warn_days": form_text(form.get("warn_days")).strip(),
            "escalate_after": form_text(form.get("escalate_after")).strip(),
        }
        try:
            if not isinstance(file, UploadFile) or not (file.filename or file.size):
                raise UploadError("", "choose an events file (JSON Lines) to upload")
            data = await file.read(max_upload + 1)
            if len(data) > max_upload:
                return too_large(request)
            at_text = at.strip()
            if at_text:
                parse_instant("at", at_text)
            count_arg(kept, "warn_days", 0, "1")
            count_arg(kept, "escalate_after", 1, "5")
            source = sources.upload(file.filename or "", data)
        except DeadlinesError as error:
            return fail(request, error)
        finally:
            await form.close()
        root = request.scope.get("root_path", "")
        params = {
            "src": source.key,
            "at": at_text,
            "lang": lang if lang == "en" else "",
            **kept,
        }
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v})
        return RedirectResponse(f"{root}/?{query}", status_code=303)

    if sessions is not None:  # the service has a token: a browser signs in here
        _sessions = sessions

        def login_page(request: Request, *, wrong: bool = False, after: str = "/") -> Response:
            lang: Lang = "en" if request.query_params.get("lang") == "en" else "zh"
            t = Words(lang)
            other: Lang = "zh" if lang == "en" else "en"
            switch = {"next": after, **({"lang": "en"} if other == "en" else {})}
            root = request.scope.get("root_path", "")
            html = env.get_template("login.html").render(
                page=None,
                t=t,
                lang=lang,
                static=root + STATIC_PREFIX,
                after=after,
                wrong=wrong,
                action=f"{root}/login" + ("?lang=en" if lang == "en" else ""),
                switch=f"{root}/login?{urllib.parse.urlencode(switch)}",
                other_lang=say("board.html_lang", other),
            )
            return HTMLResponse(html, status_code=401 if wrong else 200, headers=_SECURITY)

        @router.get("/login", response_class=HTMLResponse)
        def login(request: Request) -> Response:
            return login_page(request, after=local_path(request, request.query_params.get("next")))

        @router.post("/login")
        async def sign_in(request: Request) -> Response:
            refused = cross_site(request)
            if refused is not None:
                return refused
            form = await request.form(max_files=0, max_fields=4)
            after = local_path(request, form_text(form.get("next")))
            if not _sessions.check_token(form_text(form.get("token"))):
                return login_page(request, wrong=True, after=after)
            answer = RedirectResponse(after, status_code=303)
            answer.set_cookie(
                SESSION_COOKIE,
                _sessions.issue(),
                max_age=SESSION_SECONDS,
                path=request.scope.get("root_path", "") or "/",
                secure=_sessions.secure or request.url.scheme == "https",
                httponly=True,
                samesite="strict",
            )
            return answer

        @router.post("/logout")
        def sign_out(request: Request) -> Response:
            refused = cross_site(request)
            if refused is not None:
                return refused
            lang = "?lang=en" if request.query_params.get("lang") == "en" else ""
            answer = RedirectResponse(f"{request.scope.get('root_path', '')}/login{lang}", 303)
            answer.delete_cookie(
                SESSION_COOKIE,
                path=request.scope.get("root_path", "") or "/",
                httponly=True,
                samesite="strict",
            )
            return answer

    @router.get("/obligations/{obligation_id:path}", response_class=HTMLResponse)
    @guarded
    def obligation(page: BoardPage, obligation_id: str) -> Response:
        source = page.source
        if source is None:
            raise NotFoundError("src", None, "name the events file the obligation comes from")
        ledger = sources.ledger(source)
        if obligation_id not in ledger:
            raise NotFoundError("obligation", obligation_id, "no such obligation in this file")
        tracked = ledger[obligation_id]
        report, _ = sources.report(source, page.at, page.thresholds())
        row = next((r for r in report.rows if r.id == obligation_id), None)
        return render(
            page,
            "obligation.html",
            tracked=tracked,
            row=row,
            ob=tracked.obligation,
            trace=sources.trace(source, obligation_id),
        )

    @router.get("/calendar/{year}", response_class=HTMLResponse)
    @guarded
    def calendar_year(page: BoardPage, year: str) -> Response:
        number = int_arg("year", year)
        views.check_year(number)
        cal = sources.engine.calendar
        due = views.by_due_date(page.report())
        months = [views.month_weeks(cal, number, m, due) for m in range(1, 13)]
        first, last = dt.date(number, 1, 1), dt.date(number, 12, 31)
        return render(
            page,
            "calendar_year.html",
            year=number,
            months=months,
            provisional_since=provisional_since(cal, first, last),
        )

    @router.get("/calendar/{year}/{month}", response_class=HTMLResponse)
    @guarded
    def calendar_month(page: BoardPage, year: str, month: str) -> Response:
        from deadlines.calendar._describe import cite_day

        y, m = int_arg("year", year), int_arg("month", month)
        views.check_year(y, m)
        cal = sources.engine.calendar
        weeks = views.month_weeks(cal, y, m, views.by_due_date(page.report()))
        cells = [c for week in weeks for c in week if c is not None]
        special = [c for c in cells if c.words is not None]
        cited = (cite_day(cal, c.day)[0] for c in special)
        sources_seen = dict.fromkeys(
            s if isinstance(s, str) else s.render(page.lang) for s in cited
        )
        previous = (y, m - 1) if m > 1 else (y - 1, 12)
        following = (y, m + 1) if m < 12 else (y + 1, 1)
        return render(
            page,
            "calendar_month.html",
            year=y,
            month=m,
            weeks=weeks,
            special=special,
            day_sources=list(sources_seen),
            previous=previous if previous[0] >= 2004 else None,
            following=following if following[0] <= 2100 else None,
            per_day=views.PER_DAY,
            provisional_since=provisional_since(cal, cells[0].day.date, cells[-1].day.date),
        )

    @router.get("/report", response_class=HTMLResponse)
    @guarded
    def printable(page: BoardPage) -> Response:
        report = needed_report(page)
        context = board_context(page, page.digested(), [])
        pending = [r for r in report.rows if r.completed_at is None]
        context["pending"] = views.sort_rows(pending, "due")
        return render(page, "report.html", **context)

    @router.get("/export.csv")
    @guarded
    def export_csv(page: BoardPage) -> Response:
        report = needed_report(page)
        rows = listed(page, report)
        return Response(
            to_csv(rows, page.lang),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": attachment(page, "csv"), **_SECURITY},
        )

    @router.get("/export.ics")
    @guarded
    def export_ics(page: BoardPage) -> Response:
        from deadlines.supervision import MissingExtraError, to_ics

        report = needed_report(page)
        try:
            data = to_ics(report, lang=page.lang, name=page.words.title)
        except MissingExtraError:
            return render(
                page,
                "error.html",
                501,
                heading=page.words.error,
                error=page.words.ics_missing,
            )
        return Response(
            data,
            media_type="text/calendar; charset=utf-8",
            headers={"Content-Disposition": attachment(page, "ics"), **_SECURITY},
        )

    @router.get(STATIC_PREFIX + "/{name}")
    def asset(name: str) -> Response:
        data = static.get(name)
        if data is None:
            return Response("not found", status_code=404, media_type="text/plain")
        return Response(
            data,
            media_type=_STATIC_TYPES[Path(name).suffix],
            headers={"Cache-Control": "max-age=3600", "X-Content-Type-Options": "nosniff"},
        )

    return router


def _signature(function: Callable[..., Response]) -> Any:  # noqa: ANN401 - an inspect.Signature
    """The signature FastAPI should see: the request, then `function`'s own after the page."""
    import inspect

    own = inspect.signature(function)
    rest = list(own.parameters.values())[1:]
    request = inspect.Parameter(
        "request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request
    )
    return own.replace(parameters=[request, *rest])
