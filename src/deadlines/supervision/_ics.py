"""Open obligations as an iCalendar file (RFC 5545), for staff to subscribe to.

Each obligation not yet done is a ``VEVENT`` at its due instant (in UTC, so no time-zone
definition is needed), with a stable ``UID`` (the obligation's id) so that a client updates
the event when the file is exported again, and a ``VALARM`` when its warning window opens.
Needs the optional package ``icalendar``: ``pip install 'deadlines[ics]'``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from deadlines._messages import Lang, say
from deadlines.supervision._errors import MissingExtraError
from deadlines.supervision._quarterly import quarter_part
from deadlines.supervision._status import status_words

if TYPE_CHECKING:
    from deadlines.supervision._report import Report

PRODID = "-//deadlines//supervision//EN"


def to_ics(report: Report, *, lang: Lang = "en", name: str | None = None) -> bytes:
    """The open obligations of `report` (open, warning, overdue) as iCalendar bytes.

    Args:
        report: the report at a moment; its moment is each event's ``DTSTAMP``.
        lang: the language of summaries and descriptions.
        name: the calendar's display name (``X-WR-CALNAME``); by default ``deadlines``, in
            Chinese 督办事项.

    Raises:
        MissingExtraError: ``icalendar`` is not installed.
    """
    try:
        import icalendar as ical
    except ImportError:
        raise MissingExtraError("ics", "icalendar", "Calendar export (--ics)") from None
    calendar = ical.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", say("check.ics.name", lang) if name is None else name)
    stamp = report.at.astimezone(dt.timezone.utc)
    for row in report.rows:
        if row.completed_at is not None:
            continue
        ob = row.obligation
        # A quarter's obligation says which quarter's dispatch or report it is.
        part = quarter_part(ob)
        title = ob.title(lang)
        what = ob.subject or ob.id if part is None else part.render(lang)
        status = status_words(row.status, escalated=row.escalated)
        lines = [
            say("result.labelled", lang, label=ob.id, first=ob.rule_id),
            say("check.ics.status", lang, state=status, left=row.margin),
            say("result.source", lang, source=ob.citation.render(lang)),
        ]
        if ob.responsible:
            lines.insert(1, say("check.ics.responsible", lang, who=ob.responsible))
        event = ical.Event()
        event.add("uid", f"{ob.id}@deadlines")
        event.add("dtstamp", stamp)
        event.add("dtstart", row.due.astimezone(dt.timezone.utc))
        event.add("summary", say("check.ics.summary", lang, state=status, title=title, what=what))
        event.add("description", "\n".join(lines))
        event.add("categories", [ob.rule_id, status.render(lang)])
        if row.warning_from < row.due and row.at < row.due:
            alarm = ical.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", say("result.labelled", lang, label=title, first=what))
            alarm.add("trigger", row.warning_from - row.due)  # before DTSTART
            event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def write_ics(report: Report, path: str | Path, *, lang: Lang = "en") -> int:
    """Write `to_ics(report)` to `path`; returns how many events it holds."""
    data = to_ics(report, lang=lang)
    Path(path).write_bytes(data)
    return data.count(b"BEGIN:VEVENT")
