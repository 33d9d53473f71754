"""The obligations of a report as JSON or CSV text, fast: a province's report has a million.

`Report.write_json` and `Report.write_csv` write each obligation through `RowTexts`: no dict
per obligation, the text of the values that repeat (rules and their titles, units, statuses and
their words, days) made once per report, instants formatted without `datetime.isoformat`'s
cost. The text is the same, byte for byte, as the plain way (``json.dumps(indent=2,
ensure_ascii=False)`` of `row_json`, `csv.writer` of its cells): tests/test_report_writers.py
holds it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring
from operator import methodcaller
from typing import TYPE_CHECKING, Any, final

from deadlines._messages import Lang, say
from deadlines.supervision._status import Status

if TYPE_CHECKING:
    from deadlines.supervision._pause import Pause
    from deadlines.supervision._status import ObligationStatus

_BOOL = {True: "true", False: "false"}
_CODES = {status: status.value for status in Status}
_MINUTES = [f"{minute // 60:02d}:{minute % 60:02d}" for minute in range(24 * 60)]
_SECONDS = [f":{second:02d}" for second in range(60)]
_PAUSE = (
    '\n        {\n          "start": "%s",\n          "end": %s,\n          "reason": %s\n        }'
)


class _Texts(dict[object, str]):
    """The text of each value met, spelled once: a report repeats its rules, units, days
    and statuses. Emptied when full (rows come by due instant: the days are near), at a
    size where most due instants of a province's report are still found again."""

    def __init__(self, spell: Callable[[Any], str]) -> None:
        super().__init__()
        self.spell = spell

    def __missing__(self, key: object) -> str:
        if len(self) >= 1 << 16:
            self.clear()
        text = self[key] = self.spell(key)
        return text


def _rule_json(key: tuple[str, str, str]) -> str:
    """The JSON text from ``rule`` to ``title_zh``, the same for every obligation of a rule."""
    rule, title, title_zh = map(encode_basestring, key)
    return f'{rule},\n      "title": {title},\n      "title_zh": {title_zh}'


def _day_json(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat() + "T"


def _hours_json(hours: float) -> str:
    """``repr(round(hours, 2))``, as JSON writes the hours left, three times as fast: ``.2f``
    rounds the same way, and a last zero goes (``2.5``, ``2.0``). Not for a magnitude of
    1e16 or more, which `repr` writes with an exponent (hours never come near it).

    >>> [_hours_json(hours) for hours in (2.5, 2.0, -0.001, 17 / 6)]
    ['2.5', '2.0', '-0.0', '2.83']
    """
    text = f"{hours:.2f}"
    return text[:-1] if text[-1] == "0" else text


@final
class RowTexts:
    """The obligations of a report as JSON or CSV, without a dict per obligation: the text
    of repeated values (rules and their titles, units, statuses, days) is made once."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        # The fixed-offset zone of the last instant spelled and its offset ("+08:00"): a
        # report's instants are all in one.
        self.zone: dt.tzinfo | None = None
        self.offset = ""
        self.days = _Texts(_day_json)  # the day of an instant by ordinal, "2025-12-31T"
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
        if at.tzinfo is not self.zone:
            if type(at.tzinfo) is not dt.timezone:
                return at.isoformat(timespec="seconds")
            self.zone = at.tzinfo
            self.offset = dt.datetime(2000, 1, 1, tzinfo=at.tzinfo).isoformat()[19:]
        minute, second = _MINUTES[at.hour * 60 + at.minute], _SECONDS[at.second]
        return f"{self.days[at.toordinal()]}{minute}{second}{self.offset}"

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
        # The keys of `row_json` in its order; an f-string joins the values in one step.
        return f"""
    {{
      "id": {encode_basestring(ob.id)},
      "rule": {self.rules[ob.rule_id, ob.title_en, ob.title_zh]},
      "event": {encode_basestring(ob.event_id)},
      "subject": {encode_basestring(ob.subject)},
      "responsible": {encode_basestring(ob.responsible)},
      "trigger": "{instant(ob.trigger)}",
      "due": "{instants[row.due]}",
      "due_date": "{self.dates[row.due_date]}",
      "status": {self.statuses[row.status, row.escalated]},
      "warning_from": "{instants[row.warning_from]}",
      "working_days_left": {row.working_days_left},
      "hours_left": {_hours_json(row.hours_left)},
      "escalated": {_BOOL[row.escalated]},
      "paused": {_BOOL[row.paused]},
      "pauses": {self._pauses(tracked.pauses) if tracked.pauses else "[]"},
      "completed_at": {"null" if done is None else f'"{instant(done)}"'},
      "provisional": {_BOOL[ob.provisional]},
      "article": {ob.citation.article},
      "line": {"null" if line is None else line}
    }}"""

    def csv(self, row: ObligationStatus) -> list[str]:
        """The cells of `row` under `REPORT_COLUMNS`, as text."""
        ob, instant, flags = row.tracked.obligation, self.instant, self.flags
        done, line = row.completed_at, ob.line
        return [
            ob.id,  # id
            ob.rule_id,  # rule
            ob.event_id,  # event
            ob.subject,  # subject
            ob.responsible,  # responsible
            instant(ob.trigger),  # trigger
            self.instants[row.due],  # due
            _CODES[row.status],  # status
            str(row.working_days_left),  # working_days_left
            f"{row.hours_left:.2f}",  # hours_left
            flags[row.escalated],  # escalated
            flags[row.paused],  # paused
            "" if done is None else instant(done),  # completed_at
            flags[ob.provisional],  # provisional
            "" if line is None else str(line),  # line
        ]

    def csv_labelled(self, row: ObligationStatus) -> list[str]:
        """The cells of `row` under the Chinese columns: the status in words after its code."""
        cells = self.csv(row)
        cells.insert(8, self.words[row.status, row.escalated])
        return cells

    def csv_text(self, rows: Sequence[ObligationStatus]) -> str:
        """The CSV lines of `rows` as `csv.writer` writes them, each with its newline: the
        cells of `csv` in English, of `csv_labelled` in Chinese.

        A line whose cells hold no comma, quote or line break is its cells joined by commas:
        the text of all the lines is searched for those once, and only a line that holds one
        is written by `csv.writer`.
        """
        if not rows:
            return ""
        table = list(map(self.csv if self.lang == "en" else self.csv_labelled, rows))
        commas = len(table[0]) - 1
        lines = list(map(",".join, table))
        text = "\n".join(lines) + "\n"
        if _plain(text, len(lines), commas):
            return text
        return "".join(
            line + "\n" if _plain(line + "\n", 1, commas) else _quoted(cells)
            for line, cells in zip(lines, table, strict=True)
        )


def _plain(text: str, lines: int, commas: int) -> bool:
    """Whether no cell of `text` (`lines` lines, each of cells joined by `commas` commas and
    ended by a newline) holds a comma, a quote or a line break: none to quote."""
    return (
        text.count(",") == lines * commas
        and text.count("\n") == lines
        and '"' not in text
        and "\r" not in text
    )


def _quoted(cells: list[str]) -> str:
    """The line of `cells` as `csv.writer` writes it, quoting what needs it."""
    written = io.StringIO()
    csv.writer(written, lineterminator="\n").writerow(cells)
    return written.getvalue()
