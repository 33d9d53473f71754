"""The obligations of a report as JSON or CSV text, fast: a province's report has a million.

`Report.write_json` and `Report.write_csv` write each obligation through `RowTexts`: no dict
per obligation, the text of the values that repeat (rules and their titles, units, statuses and
their words, days) made once per report, instants formatted without `datetime.isoformat`'s
cost. The text is the same, byte for byte, as the plain way (``json.dumps(indent=2,
ensure_ascii=False)`` of `row_json`, `csv.writer` of its cells): tests/test_report_writers.py
holds it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from json.encoder import encode_basestring
from operator import methodcaller
from typing import TYPE_CHECKING, Any, final

from deadlines._messages import Lang, say

if TYPE_CHECKING:
    from deadlines.supervision._pause import Pause
    from deadlines.supervision._status import ObligationStatus, Status

_BOOL = {True: "true", False: "false"}
_MINUTES = [f"{minute // 60:02d}:{minute % 60:02d}" for minute in range(24 * 60)]
_SECONDS = [f":{second:02d}" for second in range(60)]
_PAUSE = (
    '\n        {\n          "start": "%s",\n          "end": %s,\n          "reason": %s\n        }'
)


_ROW = """
    {
      "id": %s,
      "rule": %s,
      "event": %s,
      "subject": %s,
      "responsible": %s,
      "trigger": "%s",
      "due": "%s",
      "due_date": "%s",
      "status": %s,
      "warning_from": "%s",
      "working_days_left": %d,
      "hours_left": %s,
      "escalated": %s,
      "paused": %s,
      "pauses": %s,
      "completed_at": %s,
      "provisional": %s,
      "article": %s,
      "line": %s
    }"""


class _Texts(dict[object, str]):
    """The text of each value met, spelled once: a report repeats its rules, units, days
    and statuses. Emptied when full (rows come by due instant: the days are near)."""

    def __init__(self, spell: Callable[[Any], str]) -> None:
        super().__init__()
        self.spell = spell

    def __missing__(self, key: object) -> str:
        if len(self) >= 4096:
            self.clear()
        text = self[key] = self.spell(key)
        return text


def _rule_json(key: tuple[str, str, str]) -> str:
    """The JSON text from ``rule`` to ``title_zh``, the same for every obligation of a rule."""
    rule, title, title_zh = map(encode_basestring, key)
    return f'{rule},\n      "title": {title},\n      "title_zh": {title_zh}'


@final
class RowTexts:
    """The obligations of a report as JSON or CSV, without a dict per obligation: the text
    of repeated values (rules and their titles, units, statuses, days) is made once."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.offsets: dict[object, str] = {}  # "+08:00" by zone, for fixed-offset zones
        self.dates = _Texts(methodcaller("isoformat"))
        self.instants = _Texts(self.instant)  # due instants repeat; triggers hardly do
        # The JSON text from "rule" to "title_zh", and from "status" to "status_label".
        self.rules = _Texts(_rule_json)
        self.words = _Texts(self._words)  # the status in words, by status and escalation
        self.statuses = _Texts(self._status_json)
        self.flags = {flag: say(f"check.csv.{_BOOL[flag]}", lang) for flag in _BOOL}

    def instant(self, at: dt.datetime) -> str:
        """``at.isoformat(timespec="seconds")``, from the texts of its day and its minute at
        a fixed offset (most instants are): a third of the time."""
        offset = self.offsets.get(at.tzinfo)
        if offset is None:
            if type(at.tzinfo) is not dt.timezone:
                return at.isoformat(timespec="seconds")
            offset = self.offsets[at.tzinfo] = dt.datetime(
                2000, 1, 1, tzinfo=at.tzinfo
            ).isoformat()[19:]
        minute, second = _MINUTES[at.hour * 60 + at.minute], _SECONDS[at.second]
        return f"{self.dates[at.date()]}T{minute}{second}{offset}"

    def _pauses(self, pauses: tuple[Pause, ...]) -> str:
        """The ``pauses`` list of an obligation, indented under it."""
        items = (
            _PAUSE
            % (
                self.instant(p.start),
                "null" if p.end is None else f'"{self.instant(p.end)}"',
                encode_basestring(p.reason),
            )
            for p in pauses
        )
        return "[" + ",".join(items) + "\n      ]"

    def _words(self, key: tuple[Status, bool]) -> str:
        status, escalated = key
        return say("status.escalated" if escalated else f"status.{status.value}", self.lang)

    def _status_json(self, key: tuple[Status, bool]) -> str:
        words = encode_basestring(self.words[key])
        return f'"{key[0].value}",\n      "status_label": {words}'

    def json(self, row: ObligationStatus) -> str:
        """`row_json` of `row` as an item of the indented list of `Report.write_json`."""
        tracked = row.tracked
        ob, instants, instant = tracked.obligation, self.instants, self.instant
        done, line = row.completed_at, ob.line
        # The keys of `row_json` in its order, each value JSON text; each slot's key beside it.
        return _ROW % (
            encode_basestring(ob.id),  # id
            self.rules[ob.rule_id, ob.title_en, ob.title_zh],  # rule, title, title_zh
            encode_basestring(ob.event_id),  # event
            encode_basestring(ob.subject),  # subject
            encode_basestring(ob.responsible),  # responsible
            instant(ob.trigger),  # trigger
            instants[row.due],  # due
            self.dates[row.due_date],  # due_date
            self.statuses[row.status, row.escalated],  # status, status_label
            instants[row.warning_from],  # warning_from
            row.working_days_left,  # working_days_left
            repr(round(row.hours_left, 2)),  # hours_left
            _BOOL[row.escalated],  # escalated
            _BOOL[row.paused],  # paused
            self._pauses(tracked.pauses) if tracked.pauses else "[]",  # pauses
            "null" if done is None else f'"{instant(done)}"',  # completed_at
            _BOOL[ob.provisional],  # provisional
            ob.citation.article,  # article
            "null" if line is None else line,  # line
        )

    def csv(self, row: ObligationStatus) -> list[object]:
        """The cells of `row` under `REPORT_COLUMNS`."""
        ob, instant, flags = row.tracked.obligation, self.instant, self.flags
        done, line = row.completed_at, ob.line
        return [
            ob.id,  # id
            ob.rule_id,  # rule
            ob.event_id,  # event
            ob.subject,  # subject
            ob.responsible,  # responsible
            instant(ob.trigger),  # trigger
            instant(row.due),  # due
            row.status.value,  # status
            row.working_days_left,  # working_days_left
            f"{row.hours_left:.2f}",  # hours_left
            flags[row.escalated],  # escalated
            flags[row.paused],  # paused
            "" if done is None else instant(done),  # completed_at
            flags[ob.provisional],  # provisional
            "" if line is None else line,  # line
        ]

    def csv_labelled(self, row: ObligationStatus) -> list[object]:
        """The cells of `row` under the Chinese columns: the status in words after its code."""
        cells = self.csv(row)
        cells.insert(8, self.words[row.status, row.escalated])
        return cells
