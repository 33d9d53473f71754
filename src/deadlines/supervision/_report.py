"""The report at a moment: every obligation's status, the counts, and the warnings to act on."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from json.encoder import encode_basestring as _encode_string
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol, final

from deadlines._result import Lang
from deadlines.supervision._errors import Problem
from deadlines.supervision._march import MarchFinding
from deadlines.supervision._meetings import MeetingNote, meeting_notes
from deadlines.supervision._quarterly import QuarterStanding, quarter_standings
from deadlines.supervision._quota import QuotaStanding
from deadlines.supervision._status import STATUS_ORDER, ObligationStatus, Status

if TYPE_CHECKING:
    from deadlines._thresholds import Thresholds
    from deadlines.supervision._events import MeetingHeld, MeetingScheduled

AlertLevel = Literal["escalated", "overdue", "warning", "violation", "shortfall", "provisional"]
"""How serious an alert is, most serious first:

- ``escalated``: overdue for the escalation threshold or longer (red, to be escalated);
- ``overdue``: past its due instant and not done (red);
- ``warning``: inside its warning window (yellow);
- ``violation``: a meeting in the no-meeting month without an exemption;
- ``shortfall``: a leader behind the pro-rata field-research quota;
- ``provisional``: an open obligation due on a day no notice has settled yet.
"""

ALERT_LEVELS: tuple[AlertLevel, ...] = (
    "escalated",
    "overdue",
    "warning",
    "violation",
    "shortfall",
    "provisional",
)

#: The columns of the CSV report, one row per obligation.
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "rule",
    "event",
    "subject",
    "responsible",
    "trigger",
    "due",
    "status",
    "working_days_left",
    "hours_left",
    "escalated",
    "paused",
    "completed_at",
    "provisional",
    "line",
)


@final
@dataclass(frozen=True, slots=True)
class Alert:
    """Something to act on, in both languages.

    Attributes:
        level: how serious (see `AlertLevel`).
        subject: what it concerns: an obligation id, a meeting, a leader.
        en: the alert in English.
        zh: the alert in Chinese.
    """

    level: AlertLevel
    subject: str
    en: str
    zh: str

    def text(self, lang: Lang = "en") -> str:
        """The alert in `lang`."""
        return self.zh if lang == "zh" else self.en


def _stamp(at: dt.datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M")


def _iso(at: dt.datetime | dt.date | None) -> str | None:
    """RFC 3339 with seconds for an instant (Java's ``Instant.parse`` needs them), or a date."""
    if at is None:
        return None
    if isinstance(at, dt.datetime):
        return at.isoformat(timespec="seconds")
    return at.isoformat()


@final
@dataclass(frozen=True, slots=True, eq=False)
class Report:
    """Where everything stands at one moment.

    Attributes:
        at: the moment.
        rows: every obligation that exists at `at`, by due instant.
        by_status: how many obligations have each status (every status, zeros included).
        by_rule: the same per rule id.
        escalated: how many overdue obligations are escalated.
        alerts: what to act on, most serious first.
        march: the meetings in the no-meeting month, violations and exemptions.
        quota: each leader's field-research standing.
        quarterly: each quarter's dispatch and report.
        problems: the events and lines not taken into account.
        thresholds: the thresholds applied.
        meetings: notes on meetings held: matters without a limit (art. 12), special-topic
            minutes whose approval is unstated (art. 8), several keynote speakers (art. 6).
    """

    at: dt.datetime
    rows: tuple[ObligationStatus, ...]
    by_status: dict[Status, int]
    by_rule: dict[str, dict[Status, int]]
    escalated: int
    alerts: tuple[Alert, ...]
    march: tuple[MarchFinding, ...]
    quota: tuple[QuotaStanding, ...]
    quarterly: tuple[QuarterStanding, ...]
    problems: tuple[Problem, ...]
    thresholds: Thresholds
    meetings: tuple[MeetingNote, ...] = ()

    @property
    def total(self) -> int:
        """How many obligations exist at `at`."""
        return len(self.rows)

    def to_json(self, provenance: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The report as JSON-ready data: instants in RFC 3339 with seconds and their offset.

        Args:
            provenance: what the answers depend on (`deadlines._provenance.provenance` of the
                engine), added as the ``provenance`` object when given.
        """
        return self._json([row_json(row) for row in self.rows], provenance)

    def _json(self, obligations: object, provenance: Mapping[str, Any] | None) -> dict[str, Any]:
        data = {
            "at": _iso(self.at),
            "summary": {
                "total": self.total,
                "by_status": {str(s): self.by_status[s] for s in STATUS_ORDER},
                "escalated": self.escalated,
                "by_rule": {
                    rule: {str(s): counts[s] for s in STATUS_ORDER}
                    for rule, counts in self.by_rule.items()
                },
            },
            "obligations": obligations,
            "warnings": [
                {"level": a.level, "subject": a.subject, "en": a.en, "zh": a.zh}
                for a in self.alerts
            ],
            "meetings": [
                {
                    "meeting": n.meeting_id,
                    "kind": n.kind,
                    "subject": n.subject,
                    "line": n.line,
                    "en": n.describe("en"),
                    "zh": n.describe("zh"),
                }
                for n in self.meetings
            ],
            "march": [
                {
                    "meeting": f.meeting_id,
                    "date": f.date.isoformat(),
                    "kind": f.kind,
                    "held": f.held,
                    "violation": f.violation,
                    "reason": f.reason,
                    "line": f.line,
                }
                for f in self.march
            ],
            "quota": [
                {
                    "leader": q.leader,
                    "year": q.year,
                    "as_of": q.as_of.isoformat(),
                    "required": q.required,
                    "logged": q.logged,
                    "expected": round(q.expected, 2),
                    "shortfall": round(q.shortfall, 2),
                }
                for q in self.quota
            ],
            "quarterly": [
                {
                    "quarter": q.quarter,
                    "dispatch": {
                        "due": _iso(q.dispatch_due),
                        "status": str(q.dispatch),
                        "done": _iso(q.dispatched_at),
                    },
                    "report": {
                        "due": _iso(q.report_due),
                        "status": str(q.report),
                        "done": _iso(q.reported_at),
                    },
                    "met": q.met,
                }
                for q in self.quarterly
            ],
            "errors": [p.to_json() for p in self.problems],
        }
        if provenance is not None:
            data["provenance"] = dict(provenance)
        return data

    def write_json(
        self, stream: IO[str], provenance: Mapping[str, Any] | None = None
    ) -> None:
        """Write `to_json` as ``json.dumps(indent=2, ensure_ascii=False)`` writes it, and a
        newline: the same text, several times faster, one obligation's data at a time rather
        than all of them in memory at once."""
        parts: list[str] = []

        def put(text: str) -> None:
            parts.append(text)
            if len(parts) >= _FLUSH:
                stream.write("".join(parts))
                parts.clear()

        _dump(self._json(_Rows(self.rows), provenance), "\n", "  ", put)
        parts.append("\n")
        stream.write("".join(parts))

    def write_csv(self, stream: IO[str]) -> None:
        """Write one CSV row per obligation, with a header (see `CSV_COLUMNS`)."""
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for row in self.rows:
            data = row_json(row)
            writer.writerow(
                [
                    data["id"],
                    data["rule"],
                    data["event"],
                    data["subject"],
                    data["responsible"],
                    data["trigger"],
                    data["due"],
                    data["status"],
                    data["working_days_left"],
                    f"{row.hours_left:.2f}",
                    str(row.escalated).lower(),
                    str(row.paused).lower(),
                    data["completed_at"] or "",
                    str(row.obligation.provisional).lower(),
                    "" if data["line"] is None else data["line"],
                ]
            )


def dumps_indented(value: Any, indent: str = "  ") -> str:  # noqa: ANN401 - any JSON value
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for JSON-ready data, built faster.

    The standard library indents in pure Python, one generator per value; this writes the
    same text (strings by the same C encoder, numbers by their repr, the same separators) with
    one function call per container, which is what matters for a million rows.

    >>> import json
    >>> data = {"a": [1, 2.5, {"b": None, "c": []}], "d": {}, "e": "县长", "f": True}
    >>> dumps_indented(data) == json.dumps(data, ensure_ascii=False, indent=2)
    True
    """
    parts: list[str] = []
    _dump(value, "\n", indent, parts.append)
    return "".join(parts)


_FLUSH = 8192  # pieces of text written at once


class _Rows:
    """The obligations of a report, turned into JSON data one at a time while written."""

    __slots__ = ("rows",)

    def __init__(self, rows: tuple[ObligationStatus, ...]) -> None:
        self.rows = rows

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(row_json, self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _dump(value: Any, newline: str, indent: str, put: Any) -> None:  # noqa: ANN401
    kind = type(value)
    if kind is str:
        put(_encode_string(value))
    elif kind is dict:
        if not value:
            put("{}")
            return
        inner = newline + indent
        first = True
        for key, item in value.items():
            put(("{" if first else ",") + inner + _encode_string(str(key)) + ": ")
            first = False
            _dump(item, inner, indent, put)
        put(newline + "}")
    elif kind is _Rows:
        _dump_rows(value.rows, newline, indent, put)
    elif kind is list or kind is tuple:
        if not value:
            put("[]")
            return
        inner = newline + indent
        first = True
        for item in value:
            put(("[" if first else ",") + inner)
            first = False
            _dump(item, inner, indent, put)
        put(newline + "]")
    elif value is None:
        put("null")
    elif value is True:
        put("true")
    elif value is False:
        put("false")
    elif kind is int:
        put(int.__repr__(value))
    elif kind is float:
        put(_float(value))
    else:  # anything else (an enum, a subclass): as the standard library writes it
        put(json.dumps(value, ensure_ascii=False))


def _dump_rows(
    rows: tuple[ObligationStatus, ...], newline: str, indent: str, put: Any  # noqa: ANN401
) -> None:
    """The obligations as `_dump` writes `row_json` of each, from a template of its keys."""
    if not rows:
        put("[]")
        return
    inner = newline + indent
    keys = newline + indent + indent
    first = True
    for row in rows:
        data = row_json(row)
        text = []
        for key, item in data.items():
            if key == "pauses" and item:
                parts: list[str] = []
                _dump(item, keys, indent, parts.append)
                text.append(f'"pauses": {"".join(parts)}')
            else:
                text.append(f'"{key}": {_scalar(item)}')
        put(("[" if first else ",") + inner + "{" + keys + ("," + keys).join(text) + inner + "}")
        first = False
    put(newline + "]")


def _scalar(value: Any) -> str:  # noqa: ANN401 - a JSON scalar (or an empty list)
    kind = type(value)
    if kind is str:
        return _encode_string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return _float(value)
    parts: list[str] = []
    _dump(value, "", "", parts.append)
    return "".join(parts)


def _float(value: float) -> str:
    if value != value or value in (math.inf, -math.inf):
        return json.dumps(value)  # NaN, Infinity: as the standard library writes them
    return float.__repr__(value)


def row_json(row: ObligationStatus) -> dict[str, Any]:
    """One obligation's status as JSON-ready data."""
    ob = row.obligation
    return {
        "id": ob.id,
        "rule": ob.rule_id,
        "title": ob.title_en,
        "title_zh": ob.title_zh,
        "event": ob.event_id,
        "subject": ob.subject,
        "responsible": ob.responsible,
        "trigger": _iso(ob.trigger),
        "due": _iso(row.due),
        "due_date": row.due_date.isoformat(),
        "status": str(row.status),
        "warning_from": _iso(row.warning_from),
        "working_days_left": row.working_days_left,
        "hours_left": round(row.hours_left, 2),
        "escalated": row.escalated,
        "paused": row.paused,
        "pauses": [
            {"start": _iso(p.start), "end": _iso(p.end), "reason": p.reason}
            for p in row.tracked.pauses
        ],
        "completed_at": _iso(row.completed_at),
        "provisional": ob.provisional,
        "article": ob.citation.article,
        "line": ob.line,
    }


def _obligation_alert(row: ObligationStatus) -> Alert | None:
    ob = row.obligation
    days, hours = abs(row.working_days_left), abs(row.hours_left)
    due = _stamp(row.due)
    if row.status is Status.OVERDUE:
        level: AlertLevel = "escalated" if row.escalated else "overdue"
        tail_en = "; escalate" if row.escalated else ""
        tail_zh = "，应提请督办" if row.escalated else ""
        return Alert(
            level,
            ob.id,
            f"{ob.id} ({ob.title_en}): overdue since {due}, {days} wd / {hours:.1f} h{tail_en}",
            f"{ob.id}：{ob.title_zh}，{due} 到期，已逾期{days}个工作日（{hours:.1f}小时）{tail_zh}",
        )
    if row.status is Status.WARNING:
        paused_en = ", clock paused" if row.paused else ""
        paused_zh = "，暂停计时中" if row.paused else ""
        return Alert(
            "warning",
            ob.id,
            f"{ob.id} ({ob.title_en}): due {due}, {days} wd / {hours:.1f} h left{paused_en}",
            f"{ob.id}：{ob.title_zh}，{due} 到期（剩{days}个工作日／{hours:.1f}小时{paused_zh}）",
        )
    return None


class _Supervisor(Protocol):
    @property
    def thresholds(self) -> Thresholds: ...


class Source(Protocol):
    """What a report reads: a `Ledger` (named by what it does, so this module needs not
    import the ledger, which imports it)."""

    @property
    def supervisor(self) -> _Supervisor: ...

    @property
    def problems(self) -> tuple[Problem, ...]: ...

    def status(
        self, at: dt.datetime, *, thresholds: Thresholds | None = None
    ) -> tuple[ObligationStatus, ...]: ...

    def march(self, at: dt.datetime) -> tuple[MarchFinding, ...]: ...

    def quota(self, at: dt.datetime) -> tuple[QuotaStanding, ...]: ...

    @property
    def meetings(self) -> tuple[tuple[MeetingScheduled | MeetingHeld, int | None], ...]: ...


def build_report(
    ledger: Source, at: dt.datetime, *, thresholds: Thresholds | None = None
) -> Report:
    """The `Report` of `ledger` at `at` (use `Ledger.report`)."""
    rows = sorted(ledger.status(at, thresholds=thresholds), key=lambda r: (r.due, r.id))
    by_status = dict.fromkeys(STATUS_ORDER, 0)
    by_rule: dict[str, dict[Status, int]] = {}
    escalated = 0
    red: list[Alert] = []
    yellow: list[Alert] = []
    provisional: list[Alert] = []
    for row in rows:
        by_status[row.status] += 1
        counts = by_rule.get(row.rule_id)
        if counts is None:
            counts = by_rule[row.rule_id] = dict.fromkeys(STATUS_ORDER, 0)
        counts[row.status] += 1
        escalated += row.escalated
        if row.completed_at is not None:
            continue
        alert = _obligation_alert(row)
        if alert is not None:
            (red if row.status is Status.OVERDUE else yellow).append(alert)
        if row.obligation.provisional:
            due = _stamp(row.due)
            provisional.append(
                Alert(
                    "provisional",
                    row.id,
                    f"{row.id}: due {due} relies on days no State Council notice has settled yet",
                    f"{row.id}：到期时间 {due} 所依据的日期尚无国务院放假通知，为暂定",
                )
            )
    order = {level: i for i, level in enumerate(ALERT_LEVELS)}
    red.sort(key=lambda a: order[a.level])  # stable: escalated first, each by due instant
    march = ledger.march(at)
    quota = ledger.quota(at)
    alerts = [
        *red,
        *yellow,
        *(
            Alert("violation", f.meeting_id, f.describe("en"), f.describe("zh"))
            for f in march
            if f.violation
        ),
        *(
            Alert("shortfall", q.leader, q.describe("en"), q.describe("zh"))
            for q in quota
            if not q.on_track and q.as_of.year == at.year
        ),
        *provisional,
    ]
    return Report(
        at=at,
        rows=tuple(rows),
        by_status=by_status,
        by_rule=dict(sorted(by_rule.items())),
        escalated=escalated,
        alerts=tuple(alerts),
        march=march,
        quota=quota,
        quarterly=quarter_standings(rows),
        problems=ledger.problems,
        thresholds=thresholds if thresholds is not None else ledger.supervisor.thresholds,
        meetings=meeting_notes(ledger.meetings, at),
    )
