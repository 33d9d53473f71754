"""Open obligations as an iCalendar file (RFC 5545), for staff to subscribe to.

Each obligation not yet done is a ``VEVENT`` at its due instant (in UTC, so no time-zone
definition is needed), with a stable ``UID`` (the obligation's id) so that a client updates
the event when the file is exported again, and a ``VALARM`` when its warning window opens.
Needs the optional package ``icalendar``: ``pip install 'deadlines[ics]'``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deadlines._result import Lang
from deadlines.supervision._errors import MissingExtraError

if TYPE_CHECKING:
    from deadlines.supervision._report import Report

PRODID = "-//deadlines//supervision//EN"


def _icalendar() -> Any:  # noqa: ANN401 - the module, imported only when asked for
    try:
        import icalendar
    except ImportError:
        raise MissingExtraError("ics", "icalendar", "Calendar export (--ics)") from None
    return icalendar


def to_ics(report: Report, *, lang: Lang = "en", name: str = "deadlines") -> bytes:
    """The open obligations of `report` (open, warning, overdue) as iCalendar bytes.

    Args:
        report: the report at a moment; its moment is each event's ``DTSTAMP``.
        lang: the language of summaries and descriptions.
        name: the calendar's display name (``X-WR-CALNAME``).

    Raises:
        MissingExtraError: ``icalendar`` is not installed.
    """
    ical = _icalendar()
    calendar = ical.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = report.at.astimezone(dt.timezone.utc)
    for row in report.rows:
        if row.completed_at is not None:
            continue
        ob = row.obligation
        title = ob.title(lang)
        what = ob.subject or ob.id
        left = row.describe_left_zh() if lang == "zh" else row.describe_left()
        source = ob.citation.render(lang)
        lines = (
            [f"{ob.id}：{ob.rule_id}", f"状态：{row.status}，{left}", f"依据：{source}"]
            if lang == "zh"
            else [f"{ob.id}: {ob.rule_id}", f"status: {row.status}, {left}", f"source: {source}"]
        )
        if ob.responsible:
            lines.insert(1, ("责任：" if lang == "zh" else "responsible: ") + ob.responsible)
        event = ical.Event()
        event.add("uid", f"{ob.id}@deadlines")
        event.add("dtstamp", stamp)
        event.add("dtstart", row.due.astimezone(dt.timezone.utc))
        event.add("summary", f"[{row.status}] {title}: {what}")
        event.add("description", "\n".join(lines))
        event.add("categories", [ob.rule_id, str(row.status)])
        if row.warning_from < row.due and row.at < row.due:
            alarm = ical.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{title}: {what}")
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
