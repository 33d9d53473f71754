"""The CSV that Excel opens correctly: UTF-8 with a BOM, CRLF, headers in the reader's language.

Excel (Chinese Windows) reads a CSV without a byte-order mark as GBK, which garbles every
Chinese character; with the BOM it reads UTF-8. Instants are written as ``2025-10-15 09:00``
(Beijing time, said in the header), which Excel takes as a date and time, where an ISO 8601
instant with its offset would stay text.

A cell of text that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) would
be run by Excel as a formula (CSV injection, OWASP); such a cell is written with a leading
apostrophe, which Excel shows as text and does not display. Numbers the board computes
(working days and hours left, which may be negative) are written as numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from deadlines._messages import Lang, say
from deadlines.board._views import status_name

if TYPE_CHECKING:
    from deadlines.supervision import ObligationStatus

BOM = "\ufeff"
#: The CSV's columns; their headers are the catalogue's ``board.csv.<column>``.
COLUMNS: tuple[str, ...] = ("id", "rule", "title", "subject", "responsible", "trigger", "due")
COLUMNS += ("status", "working_days_left", "hours_left", "escalated", "paused", "completed_at")
COLUMNS += ("provisional", "article", "line")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard(text: str) -> str:
    """`text` made safe from formula injection.

    >>> guard("=HYPERLINK(\\"http://x\\")"), guard("-2+3"), guard("县财政局")
    ('\\'=HYPERLINK("http://x")', "'-2+3", '县财政局')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def _stamp(at: dt.datetime | None) -> str:
    return "" if at is None else at.strftime("%Y-%m-%d %H:%M")


def to_csv(rows: Iterable[ObligationStatus], lang: Lang = "zh") -> bytes:
    """The obligations as CSV bytes for Excel: one row each, under a header in `lang`."""
    yes, no = say("word.yes", lang), say("word.no", lang)
    stream = io.StringIO()
    stream.write(BOM)
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([say(f"board.csv.{column}", lang) for column in COLUMNS])
    for row in rows:
        ob = row.obligation
        text = {
            "id": ob.id,
            "rule": ob.rule_id,
            "title": ob.title(lang),
            "subject": ob.subject,
            "responsible": ob.responsible,
            "trigger": _stamp(ob.trigger),
            "due": _stamp(row.due),
            "status": status_name("escalated" if row.escalated else str(row.status), lang),
            "escalated": yes if row.escalated else no,
            "paused": yes if row.paused else no,
            "completed_at": _stamp(row.completed_at),
            "provisional": yes if ob.provisional else no,
        }
        numbers: dict[str, int | float | str] = {
            "working_days_left": row.working_days_left,
            "hours_left": round(row.hours_left, 2),
            "article": ob.citation.article,
            "line": "" if ob.line is None else ob.line,
        }
        writer.writerow([guard(text[key]) if key in text else numbers[key] for key in COLUMNS])
    return stream.getvalue().encode("utf-8")
