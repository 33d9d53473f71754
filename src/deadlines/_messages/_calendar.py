"""Messages of the calendar: the words of a day, a notice, the legend (ids ``calendar``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import Message

MESSAGES: Final[Mapping[str, Message]] = {
    # -- the calendar's day words (Day.describe) ---------------------------------------------
    "calendar.workday": Message("工作日", "working day"),
    "calendar.weekend": Message("周末", "weekend"),
    "calendar.holiday_unnamed": Message("节假日", "holiday"),
    "calendar.holiday": Message("{name}", "holiday ({name})"),
    "calendar.holiday_in_lieu": Message("{name}（补休）", "holiday ({name}, day in lieu)"),
    "calendar.adjusted_rest": Message(
        "调休放假（{worked:md}上班）", "holiday (day off, worked on {worked:iso})"
    ),
    "calendar.adjusted_workday": Message("调休上班", "adjusted working day"),
    "calendar.in_period": Message("{name}假期（周末）", "{name} break (weekend)"),
    "calendar.line.off": Message(
        "{day:mdw} 放假：{words}{mark}", "{day:mdw} holiday: {words}{mark}"
    ),
    "calendar.line.workday": Message(
        "{day:mdw} 调休上班{mark}", "{day:mdw} adjusted working day{mark}"
    ),
    "calendar.notice": Message("《{title}》（{number}）", "{number} {title}"),
    "calendar.notice.origin": Message("{origin}：{notice}", "{origin}: {notice}"),
    "calendar.source": Message("来源：{source}", "source: {source}"),
    "calendar.legend": Message(
        "-  周末    *  放假    +  调休上班    ?  暂定（尚无国务院办公厅通知）",
        "-  weekend    *  holiday    +  adjusted working day (调休上班)    "
        "?  provisional (no notice yet)",
    ),
    "calendar.provisional": Message(
        "暂定：自{since:long}起的日期尚无国务院办公厅放假安排通知，可能变动",
        "provisional: days from {since:iso} have no State Council notice yet and may change",
    ),
}
