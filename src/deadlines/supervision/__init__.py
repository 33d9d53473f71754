"""Supervision (督查落实, art. 12–14): from events to obligations, status, warnings and reports.

Events (a meeting held, a document received, a leader's instruction…) become obligations,
each counted once by the `Engine`; a `Ledger` records their completions and pauses and answers,
for any moment, where each stands, with the March check, the field-research quota, the
quarterly supervision and a report.

>>> from datetime import datetime
>>> from deadlines.supervision import Supervisor, read_events
>>> log = read_events([
...     '{"type": "meeting_held", "id": "m1", "kind": "executive", "ended_at": "2026-09-30T17:00"}',
...     '{"type": "document_received", "id": "d1", "urgency": "ordinary",'
...     ' "received_at": "2026-10-09T10:00"}',
... ])
>>> report = Supervisor().ledger(log).report("2026-10-10T09:00")
>>> for row in report.rows:
...     print(row.id, row.status, row.describe_left())
m1/minutes warning 0 wd / 8.5 h left
d1/routing open 1 wd / 56.5 h left
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deadlines._lazy import lazy_exports

if TYPE_CHECKING:
    from deadlines._thresholds import FractionOfLimit, Thresholds, WorkingDaysBefore
    from deadlines.supervision._errors import EventError, MissingExtraError, Problem
    from deadlines.supervision._events import (
        EVENT_TYPES,
        Completed,
        DecidedDocument,
        DecidedMatter,
        DocumentReceived,
        DocumentSubmitted,
        Event,
        EventLog,
        FieldDay,
        InstructionReceived,
        Leader,
        MeetingHeld,
        MeetingScheduled,
        Paused,
        QuarterDispatched,
        QuarterReported,
        Resumed,
        parse_event,
        read_events,
    )
    from deadlines.supervision._ics import to_ics, write_ics
    from deadlines.supervision._ledger import Ledger, Supervisor, Tracked
    from deadlines.supervision._march import MarchFinding, march_check
    from deadlines.supervision._obligations import PAUSABLE, Obligation, Unit, derive
    from deadlines.supervision._pause import Pause, paused_due
    from deadlines.supervision._quarterly import QuarterStanding, quarter_obligations
    from deadlines.supervision._quota import QuotaStanding, quota_standings
    from deadlines.supervision._report import (
        ALERT_LEVELS,
        CSV_COLUMNS,
        Alert,
        AlertLevel,
        Report,
    )
    from deadlines.supervision._status import STATUS_ORDER, ObligationStatus, Status

# Every name is imported when first asked for: a plugin that sets thresholds
# (``from deadlines.supervision import Thresholds``) loads that small module alone, not the
# events, the ledger and the report (~30 ms at every start of ``deadlines due``).
_LAZY = {
    "deadlines._thresholds": ("FractionOfLimit", "Thresholds", "WorkingDaysBefore"),
    "deadlines.supervision._errors": ("EventError", "MissingExtraError", "Problem"),
    "deadlines.supervision._events": (
        "Completed",
        "DecidedDocument",
        "DecidedMatter",
        "DocumentReceived",
        "DocumentSubmitted",
        "EVENT_TYPES",
        "Event",
        "EventLog",
        "FieldDay",
        "InstructionReceived",
        "Leader",
        "MeetingHeld",
        "MeetingScheduled",
        "Paused",
        "QuarterDispatched",
        "QuarterReported",
        "Resumed",
        "parse_event",
        "read_events",
    ),
    "deadlines.supervision._ics": ("to_ics", "write_ics"),
    "deadlines.supervision._ledger": ("Ledger", "Supervisor", "Tracked"),
    "deadlines.supervision._march": ("MarchFinding", "march_check"),
    "deadlines.supervision._obligations": ("Obligation", "PAUSABLE", "Unit", "derive"),
    "deadlines.supervision._pause": ("Pause", "paused_due"),
    "deadlines.supervision._quarterly": ("QuarterStanding", "quarter_obligations"),
    "deadlines.supervision._quota": ("QuotaStanding", "quota_standings"),
    "deadlines.supervision._report": (
        "ALERT_LEVELS",
        "Alert",
        "AlertLevel",
        "CSV_COLUMNS",
        "Report",
    ),
    "deadlines.supervision._status": ("ObligationStatus", "STATUS_ORDER", "Status"),
}
__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY)

__all__ = [
    "ALERT_LEVELS",
    "CSV_COLUMNS",
    "EVENT_TYPES",
    "PAUSABLE",
    "STATUS_ORDER",
    "Alert",
    "AlertLevel",
    "Completed",
    "DecidedDocument",
    "DecidedMatter",
    "DocumentReceived",
    "DocumentSubmitted",
    "Event",
    "EventError",
    "EventLog",
    "FieldDay",
    "FractionOfLimit",
    "InstructionReceived",
    "Leader",
    "Ledger",
    "MarchFinding",
    "MeetingHeld",
    "MeetingScheduled",
    "MissingExtraError",
    "Obligation",
    "ObligationStatus",
    "Pause",
    "Paused",
    "Problem",
    "QuarterDispatched",
    "QuarterReported",
    "QuarterStanding",
    "QuotaStanding",
    "Report",
    "Resumed",
    "Status",
    "Supervisor",
    "Thresholds",
    "Tracked",
    "Unit",
    "WorkingDaysBefore",
    "derive",
    "march_check",
    "parse_event",
    "paused_due",
    "quarter_obligations",
    "quota_standings",
    "read_events",
    "to_ics",
    "write_ics",
]
