"""What a meeting's record says that no obligation carries: notes on meetings held.

- a matter without a limit: art. 12's exception ("会议未提出具体办理要求的事项"), which owes
  nothing and is listed as "no limit set";
- a special-topic meeting that does not say whether it involves personnel, money or assets:
  its minutes are due all the same (the due does not depend on it), with a note that the
  county head's approval may be needed first (art. 8);
- more than one keynote speaker (art. 6: "每次会议一般安排一名领导作主题讲话").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from deadlines._messages import Lang, say
from deadlines._value import Value
from deadlines.supervision._events import MeetingHeld, MeetingScheduled

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


def meeting_notes(
    meetings: Iterable[tuple[MeetingScheduled | MeetingHeld, int | None]],
    at: dt.datetime | None = None,
) -> tuple[MeetingNote, ...]:
    """The notes on every meeting held by `at` (every one recorded when `at` is ``None``).

    >>> from datetime import datetime
    >>> from deadlines.supervision import MeetingHeld
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
        if meeting.kind == "special_topic" and meeting.involves_personnel_money_assets is None:
            notes.append(MeetingNote(meeting_id=meeting.id, kind="approval_unstated", line=line))
        for number, matter in enumerate(meeting.matters, 1):
            if not matter.limits():
                subject = matter.id or matter.title or str(number)
                notes.append(
                    MeetingNote(meeting_id=meeting.id, kind="no_limit", subject=subject, line=line)
                )
        if len(meeting.keynote_speakers) > 1:
            notes.append(
                MeetingNote(
                    meeting_id=meeting.id,
                    kind="keynote",
                    subject="、".join(meeting.keynote_speakers),
                    line=line,
                )
            )
    return tuple(notes)
