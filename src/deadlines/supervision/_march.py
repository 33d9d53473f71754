"""What meetings owe beyond their obligations (docs/supervision.md, "The checks").

The no-meeting month (art. 6) is the engine's blackout rule ``meetings.march_freeze`` (a plugin
may change its months): `march_check` asks `Engine.violates` of each meeting's day. The notes
on meetings held (`meeting_notes`) are for art. 12's matters without a limit, art. 8's
special-topic minutes whose approval is unstated, and art. 6's several keynote speakers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Literal

from deadlines._errors import NotInEffectError, UnknownRuleError
from deadlines._messages import Lang, Said, say
from deadlines._value import Citation, Value
from deadlines.rules import Blackout
from deadlines.supervision._events import MeetingHeld, MeetingScheduled

if TYPE_CHECKING:
    from deadlines._engine import Engine

MARCH_RULE = "meetings.march_freeze"

#: Each meeting scheduled or held, with the line of the events file it came from.
Meetings = Iterable[tuple[MeetingScheduled | MeetingHeld, int | None]]


class MarchFinding(Value):
    """A meeting on a day of the no-meeting month: a violation, or a listed exemption.

    Attributes:
        meeting_id: the meeting's id (empty when the event gave none).
        date: the day of the meeting.
        kind: the kind of meeting.
        exempt: whether it was marked as an emergency exemption.
        reason: the exemption's reason.
        title: what the meeting is about.
        held: ``True`` for a meeting held (no schedule of it recorded), ``False`` for one
            scheduled.
        rule_id: the blackout rule.
        citation: its article and sentence.
        line: the line of the events file.
    """

    meeting_id: str = ""
    date: dt.date
    kind: str
    exempt: bool
    reason: str = ""
    title: str = ""
    held: bool = False
    rule_id: str = MARCH_RULE
    citation: Citation
    line: int | None = None

    @property
    def violation(self) -> bool:
        """Whether it breaks the blackout (it is not exempted)."""
        return not self.exempt

    def said(self) -> Said:
        """The finding as a message: the meeting, its day, and violation or exemption."""
        line = Said("meeting.line", {"line": self.line}) if self.line else Said("meeting.unnamed")
        values = {
            "name": self.meeting_id or line,
            "kind": Said(f"meeting.kind.{self.kind}"),
            "when": Said("meeting.held" if self.held else "meeting.scheduled", {"day": self.date}),
            "article": self.citation.article,
            "reason": self.reason,
        }
        if not self.exempt:
            return Said("meeting.violation", values)
        return Said("meeting.exempt.reason" if self.reason else "meeting.exempt", values)

    def describe(self, lang: Lang = "en") -> str:
        """One line: the meeting, its day, and violation or exemption."""
        return self.said().render(lang)


def march_check(
    engine: Engine, meetings: Meetings, at: dt.datetime | None = None, *, rule_id: str = MARCH_RULE
) -> tuple[MarchFinding, ...]:
    """The meetings that fall in the blackout, by day: violations and exemptions.

    A meeting held whose id matches a scheduled one is that meeting: the schedule decides. A
    scheduled meeting counts from its ``scheduled_at`` (always, when that is unknown); a held
    one from its end. Days before the rule took effect, or a rule a plugin disabled, give
    nothing.

    Args:
        engine: the engine whose rule set holds the blackout.
        meetings: each meeting with the line it came from.
        at: the moment of the check; ``None`` for every meeting recorded.
        rule_id: the blackout rule.

    >>> from datetime import date
    >>> from deadlines import Engine
    >>> found = march_check(Engine(), [
    ...     (MeetingScheduled(id="m1", kind="executive", date=date(2027, 3, 4)), 1),
    ...     (MeetingScheduled(id="m2", date=date(2027, 3, 9), emergency_exemption=True,
    ...                       reason="防汛"), 2),
    ...     (MeetingScheduled(id="m3", date=date(2027, 4, 1)), 3),
    ... ])
    >>> for finding in found:
    ...     print(finding.describe())
    meeting m1 (executive) scheduled for 2027-03-04: a violation of the no-meeting month (art. 6)
    meeting m2 (other) scheduled for 2027-03-09: emergency exemption: 防汛 (art. 6)
    """
    items = list(meetings)
    scheduled = {m.id for m, _ in items if isinstance(m, MeetingScheduled) and m.id}
    found: list[MarchFinding] = []
    for meeting, line in items:
        if isinstance(meeting, MeetingHeld):
            if meeting.id in scheduled or (at is not None and meeting.ended_at > at):
                continue
            day, held, reason = meeting.ended_at.date(), True, ""
        else:
            if at is not None and meeting.scheduled_at is not None and meeting.scheduled_at > at:
                continue
            day, held, reason = meeting.date, False, meeting.reason
        try:
            if not engine.violates(rule_id, day):
                continue
        except NotInEffectError:
            continue
        except UnknownRuleError:
            return ()
        rule = engine.rule(rule_id, day)
        if isinstance(rule.limit, Blackout) and not rule.limit.covers(meeting.kind):
            continue  # a kind the county leaves out of the blackout (Blackout.exempt_kinds)
        found.append(
            MarchFinding.model_construct(
                meeting_id=meeting.id,
                date=day,
                kind=meeting.kind,
                exempt=meeting.emergency_exemption,
                reason=reason,
                title=meeting.title,
                held=held,
                rule_id=rule_id,
                citation=rule.citation,
                line=line,
            )
        )
    found.sort(key=lambda f: (f.date, f.meeting_id))
    return tuple(found)


NoteKind = Literal["no_limit", "approval_unstated", "keynote"]
"""What a `MeetingNote` is about."""


class MeetingNote(Value):
    """One note on a meeting held.

    Attributes:
        meeting_id: the meeting.
        kind: ``no_limit``, ``approval_unstated`` or ``keynote``.
        subject: the matter (its id or title) or the keynote speakers.
        line: the line of the events file.
    """

    meeting_id: str
    kind: NoteKind
    subject: str = ""
    line: int | None = None

    def describe(self, lang: Lang = "en") -> str:
        """One line in `lang`."""
        return say(f"meeting.{self.kind}", lang, meeting=self.meeting_id, subject=self.subject)


def meeting_notes(meetings: Meetings, at: dt.datetime | None = None) -> tuple[MeetingNote, ...]:
    """The notes on every meeting held by `at` (every one recorded when `at` is ``None``).

    >>> from datetime import datetime
    >>> held = MeetingHeld(id="m1", kind="special_topic", ended_at=datetime(2026, 6, 10, 10),
    ...                    matters=[{"id": "a", "title": "研究"}],
    ...                    keynote_speakers=("张县长", "王副县长"))
    >>> for note in meeting_notes([(held, 1)]):
    ...     print(note.describe())  # doctest: +NORMALIZE_WHITESPACE
    m1/minutes: the meeting does not say whether it involves personnel, money or assets; if it
    does, the county head approves before the signature, same due (art. 8)
    meeting m1, matter a: no limit set, so no deadline (art. 12)
    meeting m1 had 张县长、王副县长 as keynote speakers; art. 6 asks for one (art. 6)
    """
    notes: list[MeetingNote] = []
    for meeting, line in meetings:
        if not isinstance(meeting, MeetingHeld) or (at is not None and meeting.ended_at > at):
            continue
        note = partial(MeetingNote, meeting_id=meeting.id, line=line)
        if meeting.kind == "special_topic" and meeting.involves_personnel_money_assets is None:
            notes.append(note(kind="approval_unstated"))
        notes.extend(
            note(kind="no_limit", subject=matter.id or matter.title or str(number))
            for number, matter in enumerate(meeting.matters, 1)
            if not matter.limits()
        )
        if len(meeting.keynote_speakers) > 1:
            notes.append(note(kind="keynote", subject="、".join(meeting.keynote_speakers)))
    return tuple(notes)
