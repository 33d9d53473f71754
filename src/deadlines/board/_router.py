"""The board's routes: the page, the obligation, the calendar, the exports and the assets.

Every page is rendered on the server from Jinja2 templates shipped in this package; the one
stylesheet is served from here too (``/board-static/``), so the board works on an intranet
with no internet. Each answer carries a Content-Security-Policy that allows nothing but this
server ("self"), and no script at all.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Callable, Mapping
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
from deadlines._time import CHINA_TZ, parse_instant
from deadlines.board import _views as views
from deadlines.board._export import to_csv
from deadlines.board._sources import (
    MAX_UPLOAD_BYTES,
    MAX_UPLOADS,
    NotFoundError,
    Source,
    Sources,
    UploadError,
)
from deadlines.board._views import Words
from deadlines.service._auth import SESSION_COOKIE, SESSION_SECONDS

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines._thresholds import Thresholds
    from deadlines.service._auth import Sessions
    from deadlines.supervision import Report

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
#: Alerts shown before the rest fold away under "n more".
ALERTS_SHOWN = 12


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


class _Page:
    """One request's state: language, events source and judging moment, and link building."""

    def __init__(self, request: Request, sources: Sources, *, lenient: bool = False) -> None:
        self.request = request
        self.query = request.query_params
        lang = self.query.get("lang") or "zh"
        self.lang: Lang = "en" if lang == "en" else "zh"
        self.words = Words(self.lang)
        if lang not in ("zh", "en") and not lenient:
            raise InvalidValueError("lang", lang, "zh (中文) or en (English)")
        self.src = self.query.get("src") or None
        self.at_text = (self.query.get("at") or "").strip()
        self.at = dt.datetime.now(CHINA_TZ).replace(second=0, microsecond=0)
        if self.at_text:
            try:
                self.at = parse_instant("at", self.at_text)
            except DeadlinesError:
                if not lenient:
                    raise
                self.at_text = ""
        self.sources = sources
        self._source: Source | None = None
        #: Signed in by the login page (a session cookie): the page offers to sign out.
        self.signed_in = request.scope.get("state", {}).get("auth") == "session"
        # the thresholds `deadlines check --warn-days/--escalate-after` sets, for every rule
        self.warn_days = _count(self.query, "warn_days", 0, "1", lenient=lenient)
        self.escalate_after = _count(self.query, "escalate_after", 1, "5", lenient=lenient)

    def thresholds(self) -> Thresholds | None:
        """The engine's thresholds with the page's changes, or None when it sets none."""
        from deadlines.supervision import WorkingDaysBefore

        changes: dict[str, Any] = {}
        if self.warn_days is not None:
            changes["warning"] = WorkingDaysBefore(self.warn_days)
        if self.escalate_after is not None:
            changes["escalate_after"] = self.escalate_after
        if not changes:
            return None
        return self.sources.engine.supervision_thresholds.with_all(**changes)

    @property
    def source(self) -> Source | None:
        """The events source named by ``src``, or None when none is named."""
        if self.src is None:
            return None
        if self._source is None:
            self._source = self.sources.get(self.src)
        return self._source

    def report(self) -> Report | None:
        """The report of the source at the moment, or None without a source."""
        found = self.digested()
        return None if found is None else found[0]

    def digested(self) -> tuple[Report, views.Digest] | None:
        """The report of the source at the moment with its digest, or None without a source."""
        source = self.source
        if source is None:
            return None
        return self.sources.report(source, self.at, self.thresholds())

    def url(self, path: str, **changes: object) -> str:
        """A link to `path` keeping the language, source and moment, with `changes`."""
        params: dict[str, object] = {
            "src": self.src,
            "at": self.at_text or None,
            "warn_days": self.warn_days,
            "escalate_after": self.escalate_after,
        }
        if self.lang != "zh":
            params["lang"] = self.lang
        params.update(changes)
        kept = {k: str(v) for k, v in params.items() if v is not None and v != ""}
        root = self.request.scope.get("root_path", "")
        query = urllib.parse.urlencode(kept)
        return f"{root}{path}" + (f"?{query}" if query else "")

    def here(self, **changes: object) -> str:
        """A link to this page with its query string changed by `changes`."""
        params: dict[str, object] = dict(self.query.items())
        params.update(changes)
        kept = {k: str(v) for k, v in params.items() if v is not None and v != ""}
        query = urllib.parse.urlencode(kept)
        root = self.request.scope.get("root_path", "")
        return f"{root}{self.request.url.path}" + (f"?{query}" if query else "")

    def sort_link(self, argument: str, current: str, column: str) -> tuple[str, str | None]:
        """The link that sorts by `column` (reversing it if already sorted), and aria-sort."""
        name = current.lstrip("-")
        if name == column:
            descending = current.startswith("-")
            state = "descending" if descending else "ascending"
            return self.here(
                **{argument: column if descending else "-" + column, "page": None}
            ), state
        # numbers read best largest first; names and dates in order
        first = column if column in ("name", "due", "id", "rule", "unit") else "-" + column
        return self.here(**{argument: first, "page": None}), None


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

    def render(page: _Page, template: str, status: int = 200, **context: object) -> Response:
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
        page = _Page(request, sources, lenient=True)
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
        page = _Page(request, sources, lenient=True)
        page.src = None
        text = page.words("upload_too_large", mb=f"{max_upload / 2**20:.3g}")
        heading = page.words.error_too_large
        return render(page, "error.html", 413, heading=heading, error=text, again=True)

    def cross_site(request: Request) -> Response | None:
        """A 403 page for a form sent from another site, when the service has a token."""
        if sessions is None or request.scope.get("state", {}).get("auth") == "bearer":
            return None
        if _same_origin(request):
            return None
        page = _Page(request, sources, lenient=True)
        page.src = None
        heading = page.words.error_forbidden
        return render(page, "error.html", 403, heading=heading, error=page.words.cross_site)

    def guarded(function: Callable[..., Response]) -> Callable[..., Response]:
        def wrapper(request: Request, **kwargs: Any) -> Response:  # noqa: ANN401
            try:
                return function(_Page(request, sources), **kwargs)
            except DeadlinesError as error:
                return fail(request, error)

        wrapper.__name__ = function.__name__
        wrapper.__signature__ = _signature(function)  # type: ignore[attr-defined]
        return wrapper

    @router.get("/", response_class=HTMLResponse)
    @guarded
    def board(page: _Page) -> Response:
        return render(page, "board.html", **_board_context(page, page.digested(), sources.files()))

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
        at, lang = _text(form.get("at")), _text(form.get("lang")) or "zh"
        kept = {
            "warn_days": _text(form.get("warn_days")).strip(),
            "escalate_after": _text(form.get("escalate_after")).strip(),
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
            _count(kept, "warn_days", 0, "1")
            _count(kept, "escalate_after", 1, "5")
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
            return login_page(request, after=_local(request, request.query_params.get("next")))

        @router.post("/login")
        async def sign_in(request: Request) -> Response:
            refused = cross_site(request)
            if refused is not None:
                return refused
            form = await request.form(max_files=0, max_fields=4)
            after = _local(request, _text(form.get("next")))
            if not _sessions.check_token(_text(form.get("token"))):
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
    def obligation(page: _Page, obligation_id: str) -> Response:
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
    def calendar_year(page: _Page, year: str) -> Response:
        number = _int("year", year)
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
            provisional_since=_provisional_since(cal, first, last),
        )

    @router.get("/calendar/{year}/{month}", response_class=HTMLResponse)
    @guarded
    def calendar_month(page: _Page, year: str, month: str) -> Response:
        from deadlines.cli._calendar import cite

        y, m = _int("year", year), _int("month", month)
        views.check_year(y, m)
        cal = sources.engine.calendar
        weeks = views.month_weeks(cal, y, m, views.by_due_date(page.report()))
        cells = [c for week in weeks for c in week if c is not None]
        special = [c for c in cells if c.words is not None]
        cited = (cite(c.day.source, c.day.origin)[0] for c in special)
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
            provisional_since=_provisional_since(cal, cells[0].day.date, cells[-1].day.date),
        )

    @router.get("/report", response_class=HTMLResponse)
    @guarded
    def printable(page: _Page) -> Response:
        report = _needed(page)
        context = _board_context(page, page.digested(), [])
        pending = [r for r in report.rows if r.completed_at is None]
        context["pending"] = views.sort_rows(pending, "due")
        return render(page, "report.html", **context)

    @router.get("/export.csv")
    @guarded
    def export_csv(page: _Page) -> Response:
        report = _needed(page)
        rows = _listed(page, report)
        return Response(
            to_csv(rows, page.lang),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": _attachment(page, "csv"), **_SECURITY},
        )

    @router.get("/export.ics")
    @guarded
    def export_ics(page: _Page) -> Response:
        from deadlines.supervision import MissingExtraError, to_ics

        report = _needed(page)
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
            headers={"Content-Disposition": _attachment(page, "ics"), **_SECURITY},
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


def _count(
    query: Mapping[str, str], argument: str, least: int, example: str, *, lenient: bool = False
) -> int | None:
    """An optional whole number of the query, at least `least` (None when not given)."""
    text = (query.get(argument) or "").strip()
    if not text:
        return None
    if text.isdigit() and int(text) >= least:
        return int(text)
    if lenient:
        return None
    raise InvalidValueError(argument, text, f"a whole number, {least} or more, such as {example}")


def _int(argument: str, text: str) -> int:
    if not text.isdigit():
        raise InvalidValueError(argument, text, "a number, such as 2026 or 10")
    return int(text)


def _needed(page: _Page) -> Report:
    report = page.report()
    if report is None:
        raise NotFoundError("src", None, "name an events file: upload one or pick one on the board")
    return report


def _attachment(page: _Page, suffix: str) -> str:
    return f'attachment; filename="deadlines-{page.at:%Y%m%d-%H%M}.{suffix}"'


def _provisional_since(cal: Any, first: dt.date, last: dt.date) -> dt.date | None:  # noqa: ANN401
    if not cal.any_provisional(first, last):
        return None
    since: dt.date = max(first, cal.provisional_from)
    return since


def _filters(query: Mapping[str, str]) -> views.Filters:
    status = query.get("status") or None
    if status is not None and status not in (*views.STATUSES, "escalated"):
        raise InvalidValueError(
            "status", status, "one of " + ", ".join((*views.STATUSES, "escalated"))
        )
    day_text = query.get("day") or None
    day = None
    if day_text is not None:
        try:
            day = dt.date.fromisoformat(day_text)
        except ValueError:
            raise InvalidValueError("day", day_text, "a date such as 2025-10-15") from None
    unit = query.get("unit") or None
    return views.Filters(
        unit="" if unit == views.NOT_STATED else unit,
        rule=query.get("rule") or None,
        status=status,
        day=day,
    )


def _listed(page: _Page, report: Report) -> list[Any]:
    filters = _filters(page.query)
    sort = views.parse_sort("sort", page.query.get("sort"), views.ROW_SORTS, "due")
    return views.sort_rows((r for r in report.rows if filters.keep(r)), sort)


def _board_context(
    page: _Page, digested: tuple[Report, views.Digest] | None, files: list[str]
) -> dict[str, Any]:
    if digested is None:
        return {"report": None, "files": files}
    report, digest = digested
    query = page.query
    unit_sort = views.parse_sort("by_unit", query.get("by_unit"), views.GROUP_SORTS, "-overdue")
    rule_sort = views.parse_sort("by_rule", query.get("by_rule"), views.GROUP_SORTS, "name")
    row_sort = views.parse_sort("sort", query.get("sort"), views.ROW_SORTS, "due")
    filters = _filters(query)
    rows = report.rows if not filters.active else [r for r in report.rows if filters.keep(r)]
    return {
        "report": report,
        "files": files,
        "by_status": {str(s): n for s, n in report.by_status.items()},
        "units": views.sort_groups(digest.units, unit_sort),
        "rules": views.sort_groups(digest.rules, rule_sort),
        "titles": {rule: title.render(page.lang) for rule, title in digest.titles.items()},
        "unit_sort": unit_sort,
        "rule_sort": rule_sort,
        "row_sort": row_sort,
        "filters": filters,
        "listing": views.page_of(
            views.sort_rows(rows, row_sort), _int("page", query.get("page") or "1")
        ),
        "alerts": report.alerts[:ALERTS_SHOWN],
        "more_alerts": report.alerts[ALERTS_SHOWN:],
        "provisional": any(r.obligation.provisional for r in report.rows),
        "rule_ids": list(report.by_rule),
        "unit_names": digest.unit_names,
    }


def _text(value: object) -> str:
    """A form field as text ('' when missing, or a file where text was expected)."""
    return value if isinstance(value, str) else ""


def _local(request: Request, after: str | None) -> str:
    """Where to go after signing in: a path of this server, never another site (the board)."""
    root = request.scope.get("root_path", "")
    if not after or not after.startswith("/") or after.startswith(("//", "/\\")):
        return f"{root}/"
    return after


def _same_origin(request: Request) -> bool:
    """Whether a form came from this server's own page: its Origin (or, without one, its
    Referer) names the host the request was sent to."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        origin = request.headers.get("referer")
    if not origin:
        return False
    parts = urllib.parse.urlsplit(origin)
    host = request.headers.get("host", "")
    return parts.scheme in ("http", "https") and bool(host) and parts.netloc.lower() == host.lower()
