"""One request to the board: its language, events source and moment, links, and the context
the board's templates get from it."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from fastapi import Request

from deadlines._errors import DeadlinesError, InvalidValueError
from deadlines._messages import Lang
from deadlines._time import CHINA_TZ, parse_instant
from deadlines.board import _views as views
from deadlines.board._sources import NotFoundError, Source, Sources
from deadlines.board._views import Words

if TYPE_CHECKING:
    from deadlines._thresholds import Thresholds
    from deadlines.supervision import Report

#: Alerts shown before the rest fold away under "n more".
ALERTS_SHOWN = 12


class BoardPage:
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
        self.warn_days = count_arg(self.query, "warn_days", 0, "1", lenient=lenient)
        self.escalate_after = count_arg(self.query, "escalate_after", 1, "5", lenient=lenient)

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


def count_arg(
    query: Mapping[str, str], argument: str, least: int, example: str, *, lenient: bool = False
) -> int | None:
    """An optional whole number of the query, at least `least` (None when not given)."""
    text = (query.get(argument) or "").strip()
    if not text:
        return None
    if text.isdecimal() and int(text) >= least:  # not isdigit: int('²') fails
        return int(text)
    if lenient:
        return None
    raise InvalidValueError(argument, text, f"a whole number, {least} or more, such as {example}")


def int_arg(argument: str, text: str) -> int:
    if not text.isdecimal():
        raise InvalidValueError(argument, text, "a number, such as 2026 or 10")
    return int(text)


def needed_report(page: BoardPage) -> Report:
    report = page.report()
    if report is None:
        raise NotFoundError("src", None, "name an events file: upload one or pick one on the board")
    return report


def attachment(page: BoardPage, suffix: str) -> str:
    return f'attachment; filename="deadlines-{page.at:%Y%m%d-%H%M}.{suffix}"'


def provisional_since(cal: Any, first: dt.date, last: dt.date) -> dt.date | None:  # noqa: ANN401
    if not cal.any_provisional(first, last):
        return None
    since: dt.date = max(first, cal.provisional_from)
    return since


def filters_of(query: Mapping[str, str]) -> views.Filters:
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


def listed(page: BoardPage, report: Report) -> list[Any]:
    filters = filters_of(page.query)
    sort = views.parse_sort("sort", page.query.get("sort"), views.ROW_SORTS, "due")
    return views.sort_rows((r for r in report.rows if filters.keep(r)), sort)


def board_context(
    page: BoardPage, digested: tuple[Report, views.Digest] | None, files: list[str]
) -> dict[str, Any]:
    if digested is None:
        return {"report": None, "files": files}
    report, digest = digested
    query = page.query
    unit_sort = views.parse_sort("by_unit", query.get("by_unit"), views.GROUP_SORTS, "-overdue")
    rule_sort = views.parse_sort("by_rule", query.get("by_rule"), views.GROUP_SORTS, "name")
    row_sort = views.parse_sort("sort", query.get("sort"), views.ROW_SORTS, "due")
    filters = filters_of(query)
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
            views.sort_rows(rows, row_sort), int_arg("page", query.get("page") or "1")
        ),
        "alerts": report.alerts[:ALERTS_SHOWN],
        "more_alerts": report.alerts[ALERTS_SHOWN:],
        "provisional": any(r.obligation.provisional for r in report.rows),
        "rule_ids": list(report.by_rule),
        "unit_names": digest.unit_names,
    }


def form_text(value: object) -> str:
    """A form field as text ('' when missing, or a file where text was expected)."""
    return value if isinstance(value, str) else ""


def local_path(request: Request, after: str | None) -> str:
    """Where to go after signing in: a path of this server, never another site (the board)."""
    root = request.scope.get("root_path", "")
    if not after or not after.startswith("/") or after.startswith(("//", "/\\")):
        return f"{root}/"
    return after


def same_origin(request: Request) -> bool:
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
