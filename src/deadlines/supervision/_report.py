"""The report at a moment: every obligation's status, the counts, and the warnings to act on."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from json.encoder import encode_basestring
from operator import attrgetter
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol, final, get_args

from deadlines._messages import Lang, Names, Said, say
from deadlines.supervision._errors import Problem
from deadlines.supervision._march import MarchFinding, MeetingNote, meeting_notes
from deadlines.supervision._quarterly import (
    PARTS,
    QuarterStanding,
    quarter_part,
    quarter_standings,
)
from deadlines.supervision._quota import QuotaStanding
from deadlines.supervision._status import STATUS_ORDER, ObligationStatus, Status, span
from deadlines.supervision._writing import RowTexts

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

ALERT_LEVELS: tuple[AlertLevel, ...] = get_args(AlertLevel)

#: The columns of the CSV report (`Report.write_csv`), one row per obligation: the machine
#: form, whatever the language. In Chinese the headers are translated and ``status_label``
#: (the status in words) follows ``status``.
REPORT_COLUMNS: tuple[str, ...] = (
    "id", "rule", "event", "subject", "responsible", "trigger", "due", "status",
    "working_days_left", "hours_left", "escalated", "paused", "completed_at", "provisional", "line",
)  # fmt: skip
_LABELLED_COLUMNS = (*REPORT_COLUMNS[:8], "status_label", *REPORT_COLUMNS[8:])

#: `say` with its texts kept: a status, level or column word spelled once per language.
cached_say = cache(say)


@final
@dataclass(frozen=True, slots=True)
class Alert:
    """Something to act on, spelled in the language asked.

    Attributes:
        level: how serious (see `AlertLevel`).
        subject: what it concerns: an obligation id, a meeting, a leader.
        said: the alert as a catalogue message and its values.
    """

    level: AlertLevel
    subject: str
    said: Said

    def text(self, lang: Lang = "en") -> str:
        """The alert in `lang`."""
        return self.said.render(lang)

    @property
    def en(self) -> str:
        """The alert in English."""
        return self.said.render("en")

    @property
    def zh(self) -> str:
        """The alert in Chinese."""
        return self.said.render("zh")


def _iso(at: dt.datetime | dt.date | None) -> str | None:
    """RFC 3339 with seconds for an instant (Java's ``Instant.parse`` needs them), or a date."""
    if isinstance(at, dt.datetime):
        return at.isoformat(timespec="seconds")
    return None if at is None else at.isoformat()


def _names(text: str) -> tuple[tuple[str, str], ...]:
    """The ``(key, attribute)`` pairs of `text`: names separated by spaces, each ``key`` (read
    from the attribute of that name) or ``key=attribute``; read once, at import.

    >>> _names("meeting=meeting_id kind")
    (('meeting', 'meeting_id'), ('kind', 'kind'))
    """
    pairs = (name.partition("=") for name in text.split())
    return tuple((key, attribute or key) for key, _, attribute in pairs)


def _fields(value: object, names: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """The JSON data of `value`, a key per pair of `names` (see `_names`): instants in
    RFC 3339, statuses as their codes, figures to two decimals."""
    data: dict[str, Any] = {}
    for key, attribute in names:
        item = getattr(value, attribute)
        if isinstance(item, dt.date):
            item = _iso(item)
        elif isinstance(item, Status):
            item = item.value
        elif isinstance(item, float):
            item = round(item, 2)
        data[key] = item
    return data


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

    def to_json(
        self, provenance: Mapping[str, Any] | None = None, lang: Lang = "en"
    ) -> dict[str, Any]:
        """The report as JSON-ready data: instants in RFC 3339 with seconds and their offset.

        Keys and codes are the same in every language; the labels beside them
        (``status_label``, ``level_label``, ``kind_label``) are in `lang`.

        Args:
            provenance: what the answers depend on (`deadlines._provenance.provenance` of the
                engine), added as the ``provenance`` object when given.
            lang: the language of the labels.
        """
        return self._json([row_json(row, lang) for row in self.rows], provenance, lang)

    def _json(
        self,
        obligations: object,
        provenance: Mapping[str, Any] | None,
        lang: Lang,
        total: int | None = None,
        warnings: object = None,
    ) -> dict[str, Any]:
        data = {
            "at": _iso(self.at),
            "summary": {
                "total": self.total if total is None else total,
                "by_status": {str(s): self.by_status[s] for s in STATUS_ORDER},
                "escalated": self.escalated,
                "by_rule": {
                    rule: {str(s): counts[s] for s in STATUS_ORDER}
                    for rule, counts in self.by_rule.items()
                },
            },
            "obligations": obligations,
            "warnings": [
                {
                    "level": a.level,
                    "level_label": cached_say(f"check.level.{a.level}", lang),
                    "subject": a.subject,
                    "en": a.en,
                    "zh": a.zh,
                }
                for a in self.alerts
            ]
            if warnings is None
            else warnings,
            "meetings": [
                {**_fields(n, _NOTE), "en": n.describe("en"), "zh": n.describe("zh")}
                for n in self.meetings
            ],
            "march": [
                {**_fields(f, _MARCH), "kind_label": cached_say(f"meeting.kind.{f.kind}", lang)}
                for f in self.march
            ],
            "quota": [_fields(q, _QUOTA) for q in self.quota],
            "quarterly": [_quarter_json(q, lang) for q in self.quarterly],
            "errors": [p.to_json(lang) for p in self.problems],
        }
        if provenance is not None:
            data["provenance"] = dict(provenance)
        return data

    def write_json(
        self, stream: IO[str], provenance: Mapping[str, Any] | None = None, lang: Lang = "en"
    ) -> None:
        """Write `to_json` as ``json.dumps(indent=2, ensure_ascii=False)`` writes it, and a
        newline: the same text, faster, in chunks of obligations rather than all of them in
        memory at once (see `RowTexts`)."""
        self._write_json(stream, provenance, lang, self.total, self._write_rows)

    def _write_json(
        self,
        stream: IO[str],
        provenance: Mapping[str, Any] | None,
        lang: Lang,
        total: int,
        write_rows: Callable[[IO[str], Lang], None],
    ) -> None:
        """`write_json` with the obligations `write_rows` writes, `total` of them: those of
        several processes' ledgers (`deadlines.supervision._shards`)."""
        data = self._json(_ROWS, provenance, lang, total, _WARNINGS)
        pieces: list[str] = []  # the text around the obligations, written a little at a time
        for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
            if (at := _placeholder(piece, _ROWS_TEXT)) >= 0:
                stream.write("".join(pieces) + piece[:at])
                pieces = [piece[at + len(_ROWS_TEXT) :]]
                write_rows(stream, lang)
            elif (at := _placeholder(piece, _WARNINGS_TEXT)) >= 0:
                stream.write("".join(pieces) + piece[:at])
                pieces = [piece[at + len(_WARNINGS_TEXT) :]]
                _write_warnings(stream, self.alerts, lang)
            elif len(pieces) < 4096:
                pieces.append(piece)
            else:
                stream.write("".join(pieces) + piece)
                pieces = []
        stream.write("".join(pieces) + "\n")

    def _write_rows(self, stream: IO[str], lang: Lang) -> None:
        if not self.rows:
            stream.write("[]")
            return
        texts = RowTexts(lang)
        stream.write("[")
        for start in range(0, len(self.rows), _CHUNK):
            if start:  # the comma between the last item of a chunk and the first of the next
                stream.write(",")
            stream.write(",".join(map(texts.json, self.rows[start : start + _CHUNK])))
        stream.write("\n  ]")

    def write_csv(self, stream: IO[str], lang: Lang = "en") -> None:
        """Write one CSV row per obligation, with a header (see `REPORT_COLUMNS`).

        In English, the machine form: its column names, ``true``/``false``. In Chinese, the
        headers and yes/no in Chinese, and the status in words beside its code.
        """
        self._write_csv(stream, lang, self._write_csv_rows)

    def _write_csv(
        self, stream: IO[str], lang: Lang, write_rows: Callable[[IO[str], Lang], None]
    ) -> None:
        """`write_csv` with the rows `write_rows` writes (see `_write_json`)."""
        columns = REPORT_COLUMNS if lang == "en" else _LABELLED_COLUMNS
        header = [cached_say(f"check.csv.{column}", lang) for column in columns]
        csv.writer(stream, lineterminator="\n").writerow(header)
        write_rows(stream, lang)

    def _write_csv_rows(self, stream: IO[str], lang: Lang) -> None:
        texts = RowTexts(lang)
        for start in range(0, len(self.rows), _CHUNK):
            stream.write(texts.csv_text(self.rows[start : start + _CHUNK]))


#: The JSON keys of each check's items and the attributes they are read from (see `_names`).
_NOTE = _names("meeting=meeting_id kind subject line")
_MARCH = _names("meeting=meeting_id date kind held violation reason line")
_QUOTA = _names("leader year as_of required logged expected shortfall")
#: Those of each part of a quarter: its due, status and when it was done.
_QUARTER_PART = {
    part: _names(f"due={part}_due status={part} done={done}") for part, _, done in PARTS
}

#: Where the obligations go in the JSON text of a report, written in chunks, and the warnings.
_ROWS = "\x00rows\x00"
_ROWS_TEXT = json.dumps(_ROWS)
_WARNINGS = "\x00warnings\x00"
_WARNINGS_TEXT = json.dumps(_WARNINGS)


def _placeholder(piece: str, text: str) -> int:
    """Where the JSON of a placeholder (`text`) is in `piece` as a value of its own, or -1.

    A string of the report may hold a placeholder's text after a quote (``x"\\x00rows\\x00``,
    from an events file): its JSON has the same text after ``\\"``, an escaped quote, which an
    odd number of backslashes before it tells.
    """
    at = piece.find(text)
    while at >= 0:
        before = piece[:at]
        if (len(before) - len(before.rstrip("\\"))) % 2 == 0:
            return at
        at = piece.find(text, at + 1)
    return -1


def _write_warnings(stream: IO[str], alerts: Sequence[Alert], lang: Lang) -> None:
    """Write the ``warnings`` of `Report._json` as ``json.dumps(indent=2, ensure_ascii=False)``
    writes them in the report, by one f-string each (its encoder, in Python when it indents,
    took 10 µs a warning: half a second at a million obligations), a chunk at a time."""
    if not alerts:
        stream.write("[]")
        return
    quote = encode_basestring
    label = {level: quote(cached_say(f"check.level.{level}", lang)) for level in ALERT_LEVELS}
    stream.write("[")
    for start in range(0, len(alerts), _CHUNK):
        items = [
            f'\n    {{\n      "level": {quote(a.level)},\n      "level_label": {label[a.level]},'
            f'\n      "subject": {quote(a.subject)},\n      "en": {quote(a.en)},'
            f'\n      "zh": {quote(a.zh)}\n    }}'
            for a in alerts[start : start + _CHUNK]
        ]
        stream.write(("," if start else "") + ",".join(items))
    stream.write("\n  ]")
# Obligations written at once: their text (about 0.4 MB) is still in the processor's cache
# when it is joined and encoded: 4096 at a time (6.5 MB) took a quarter to a third longer
# at a million.
_CHUNK = 256


def _quarter_json(quarter: QuarterStanding, lang: Lang) -> dict[str, Any]:
    data: dict[str, Any] = {"quarter": quarter.quarter}
    for part, names in _QUARTER_PART.items():
        # As the section and the rows say it: an escalated one is 提请督办.
        status = "escalated" if getattr(quarter, f"{part}_escalated") else getattr(quarter, part)
        data[part] = {
            **_fields(quarter, names),
            "status_label": cached_say(f"status.{status}", lang),
        }
    return {**data, "met": quarter.met}


def row_json(row: ObligationStatus, lang: Lang = "en") -> dict[str, Any]:
    """One obligation's status as JSON-ready data (``status_label`` in `lang`)."""
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
        "status": row.status.value,
        "status_label": cached_say(row.label.message, lang),
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


def _row_alerts(row: ObligationStatus) -> Iterator[Alert]:
    """The alerts of an obligation not done: red or yellow, and provisional."""
    ob = row.obligation
    if row.status is Status.OVERDUE or row.status is Status.WARNING:
        part = quarter_part(ob)  # a quarter's obligation says which quarter's and what
        values = {
            "id": ob.id,
            "title": Names(ob.title_zh if part is None else part.render("zh"), ob.title_en),
            "due": row.due,
            "span": span(row.working_days_left, row.hours_left),
        }
        if row.status is Status.OVERDUE:
            level: AlertLevel = "escalated" if row.escalated else "overdue"
            yield Alert(level, ob.id, Said(f"check.alert.{level}", values))
        else:
            paused = ".paused" if row.paused else ""
            yield Alert("warning", ob.id, Said(f"check.alert.warning{paused}", values))
    if ob.provisional:
        said = Said("check.alert.provisional", {"id": row.id, "due": row.due})
        yield Alert("provisional", row.id, said)


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

    @property
    def meetings(self) -> tuple[tuple[MeetingScheduled | MeetingHeld, int | None], ...]: ...

    def status(
        self, at: dt.datetime, *, thresholds: Thresholds | None = None
    ) -> tuple[ObligationStatus, ...]: ...

    def march(self, at: dt.datetime) -> tuple[MarchFinding, ...]: ...

    def quota(self, at: dt.datetime) -> tuple[QuotaStanding, ...]: ...


def build_report(
    ledger: Source, at: dt.datetime, *, thresholds: Thresholds | None = None
) -> Report:
    """The `Report` of `ledger` at `at` (use `Ledger.report`)."""
    made = ledger.status(at, thresholds=thresholds)
    # Counted in the order the statuses were made, which is their order in memory: at a
    # million obligations a pass in due order waits on memory three times as long.
    counted = Counter(map(_RULE_STATUS, made))
    by_rule = {
        rule: {s: counted[rule, s] for s in STATUS_ORDER}
        for rule in sorted({rule for rule, _ in counted})
    }
    rows = sorted(made, key=_DUE_ID)
    march, quota = ledger.march(at), ledger.quota(at)
    # Those not done by `at`, by due instant as the rows come.
    undone = sorted((row for row in made if row.completed_at is None), key=_DUE_ID)
    alerts = [
        *(alert for row in undone for alert in _row_alerts(row)),
        *(Alert("violation", f.meeting_id, f.said()) for f in march if f.violation),
        *(
            Alert("shortfall", q.leader, q.said())
            for q in quota
            if not q.on_track and q.as_of.year == at.year
        ),
    ]
    # Stable: the most serious first, each level by due instant (as the rows come) or as found.
    alerts.sort(key=lambda alert: ALERT_LEVELS.index(alert.level))
    return Report(
        at=at,
        rows=tuple(rows),
        by_status={s: sum(counts[s] for counts in by_rule.values()) for s in STATUS_ORDER},
        by_rule=by_rule,
        escalated=sum(map(_ESCALATED, made)),
        alerts=tuple(alerts),
        march=march,
        quota=quota,
        quarterly=quarter_standings(rows),
        problems=ledger.problems,
        thresholds=thresholds if thresholds is not None else ledger.supervisor.thresholds,
        meetings=meeting_notes(ledger.meetings, at),
    )


#: The order of a report's rows, by due instant then id; what its counts are by.
_DUE_ID = attrgetter("due", "tracked.obligation.id")
_RULE_STATUS = attrgetter("tracked.obligation.rule_id", "status")
_ESCALATED = attrgetter("escalated")
