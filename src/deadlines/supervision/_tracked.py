"""`Tracked`: an obligation with its completion and the pauses of its clock.

A module of its own, so that the status (which reads it) and the ledger (which makes it)
both import it without importing each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import final

from deadlines._messages import Said
from deadlines._result import Lang, TraceStep
from deadlines.supervision._obligations import Obligation
from deadlines.supervision._pause import Pause


@final
@dataclass(frozen=True, slots=True)
class Tracked:
    """An obligation with what became of it: its completion and the pauses of its clock.

    A frozen record with slots rather than a validated model: a province's ledger holds a
    million of them.

    Attributes:
        obligation: the obligation as derived.
        due: its due instant once every ended pause is added (an open pause is added when a
            status is asked for).
        due_date: the last day of the period, likewise.
        completed_at: when it was done, if it was.
        note: the completion's note.
        pauses: the pauses of its clock, in order (the last may still be open).
        pause_steps: the trace steps the ended pauses add.
    """

    obligation: Obligation
    due: dt.datetime
    due_date: dt.date
    completed_at: dt.datetime | None = None
    note: str = ""
    pauses: tuple[Pause, ...] = ()
    pause_steps: tuple[TraceStep, ...] = ()

    @property
    def id(self) -> str:
        """The obligation's id."""
        return self.obligation.id

    @property
    def rule_id(self) -> str:
        """The obligation's rule."""
        return self.obligation.rule_id

    @property
    def trace(self) -> tuple[TraceStep, ...]:
        """How the due instant was counted, then each pause and where it moved the due."""
        return self.obligation.trace + self.pause_steps

    def explain(self, lang: Lang = "en") -> str:
        """The obligation, its due instant, its source and its trace as numbered lines.

        The due instant reads as the report's sentences do (到期时间：2026年10月10日（周六）17:30;
        in English the ISO instant), and a pause still running is named under it.
        """
        from deadlines._messages import WEEKDAYS_ZH, Names, say
        from deadlines._result import explanation

        ob = self.obligation
        pause = self.pauses[-1] if self.pauses and self.pauses[-1].end is None else None
        details = (
            [] if pause is None else [say("check.paused_since", lang, since=moment(pause.start))]
        )
        lines = explanation(
            ob.rule_id,
            ob.title(lang),
            self.due,
            ob.citation,
            lang=lang,
            provisional=ob.provisional,
            trace=self.trace,
            label=ob.id,
            details=details,
        ).split("\n")
        day = self.due.date()
        weekday = Names(WEEKDAYS_ZH[day.weekday()], f"{day:%a}")
        said = Said(
            "check.moment.weekday", {"day": day, "weekday": weekday, "time": f"{self.due:%H:%M}"}
        )
        when = Names(said.render("zh"), self.due.isoformat(timespec="minutes"))
        mark = say("word.provisional", lang) if ob.provisional else ""
        lines[1] = say("check.explain.due", lang, due=when, mark=mark)  # explanation's due line
        return "\n".join(lines)


def moment(instant: dt.datetime) -> Said:
    """An instant inside a sentence: ``2026年6月19日10:00``, in English ``2026-06-19 10:00``."""
    return Said("check.moment", {"day": instant.date(), "time": f"{instant:%H:%M}"})
