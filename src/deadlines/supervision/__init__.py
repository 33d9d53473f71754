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
d1/routing open 1 wd / 49.0 h left
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deadlines._lazy import lazy_exports

# What type checkers read: the table below, name for name (tests/test_imports.py compares them);
# ``X as X`` marks each as re-exported, one import per module like the table.
if TYPE_CHECKING:  # isort: off
    from deadlines._thresholds import (
        FractionOfLimit as FractionOfLimit,
        Thresholds as Thresholds,
        WorkingDaysBefore as WorkingDaysBefore,
    )
    from deadlines.supervision._errors import (
        EventError as EventError,
        MissingExtraError as MissingExtraError,
        Problem as Problem,
    )
    from deadlines.supervision._events import (
        Completed as Completed,
        DecidedDocument as DecidedDocument,
        DecidedMatter as DecidedMatter,
        DocumentReceived as DocumentReceived,
        DocumentSubmitted as DocumentSubmitted,
        Event as Event,
        FieldDay as FieldDay,
        InstructionReceived as InstructionReceived,
        Leader as Leader,
        MeetingHeld as MeetingHeld,
        MeetingScheduled as MeetingScheduled,
        Paused as Paused,
        QuarterDispatched as QuarterDispatched,
        QuarterReported as QuarterReported,
        Resumed as Resumed,
    )
    from deadlines.supervision._ics import to_ics as to_ics, write_ics as write_ics
    from deadlines.supervision._ledger import Ledger as Ledger, Supervisor as Supervisor
    from deadlines.supervision._march import march_check as march_check
    from deadlines.supervision._obligations import derive as derive
    from deadlines.supervision._pause import Pause as Pause, paused_due as paused_due
    from deadlines.supervision._quarterly import (
        QuarterStanding as QuarterStanding,
        quarter_obligations as quarter_obligations,
    )
    from deadlines.supervision._quota import quota_standings as quota_standings
    from deadlines.supervision._reading import (
        EventLog as EventLog,
        parse_event as parse_event,
        read_events as read_events,
    )
    from deadlines.supervision._report import (
        REPORT_COLUMNS as REPORT_COLUMNS,
        AlertLevel as AlertLevel,
        Report as Report,
    )
    from deadlines.supervision._status import (
        STATUS_ORDER as STATUS_ORDER,
        ObligationStatus as ObligationStatus,
        Status as Status,
    )
    # isort: on

# Every name is imported when first asked for: a plugin that sets thresholds
# (``from deadlines.supervision import Thresholds``) loads that small module alone, not the
# events, the ledger and the report (~30 ms at every start of ``deadlines due``).
_EXPORTS = {
    module: tuple(names.split())
    for module, names in {
        "deadlines._thresholds": "FractionOfLimit Thresholds WorkingDaysBefore",
        "deadlines.supervision._errors": "EventError MissingExtraError Problem",
        "deadlines.supervision._events": "Completed DecidedDocument DecidedMatter "
        "DocumentReceived DocumentSubmitted Event FieldDay InstructionReceived Leader "
        "MeetingHeld MeetingScheduled Paused QuarterDispatched QuarterReported Resumed",
        "deadlines.supervision._ics": "to_ics write_ics",
        "deadlines.supervision._ledger": "Ledger Supervisor",
        "deadlines.supervision._march": "march_check",
        "deadlines.supervision._obligations": "derive",
        "deadlines.supervision._pause": "Pause paused_due",
        "deadlines.supervision._quarterly": "QuarterStanding quarter_obligations",
        "deadlines.supervision._quota": "quota_standings",
        "deadlines.supervision._reading": "EventLog parse_event read_events",
        "deadlines.supervision._report": "AlertLevel REPORT_COLUMNS Report",
        "deadlines.supervision._status": "ObligationStatus STATUS_ORDER Status",
    }.items()
}
__getattr__, __dir__, __all__ = lazy_exports(__name__, globals(), _EXPORTS)
