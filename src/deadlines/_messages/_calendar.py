"""Messages of the calendar: the words of a day, a notice, the legend (ids ``calendar``), and of
``deadlines notice`` (ids ``notice``)."""

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
    "calendar.notice.title": Message("《{title}》", "{title}"),
    "calendar.estimated": Message(
        "按法定节假日推算（尚无国务院办公厅通知）",
        "estimated by the statutory rules (no State Council notice yet)",
    ),
    "calendar.notice.origin": Message("{origin}：{notice}", "{origin}: {notice}"),
    "calendar.source": Message("来源：{source}", "source: {source}"),
    "calendar.legend": Message(
        "-  周末    *  放假    +  调休上班    ?  暂定（尚无国务院办公厅通知）",
        "-  weekend    *  holiday    +  adjusted working day (调休上班)    "
        "?  provisional (no notice yet)",
    ),
    # -- deadlines calendar: the month's head, the exports' fields ---------------------------
    "calendar.month": Message("{year}年{month}月", "{month} {year}"),
    "calendar.weekdays": Message(
        " 一   二   三   四   五   六   日", " Mo   Tu   We   Th   Fr   Sa   Su"
    ),
    "calendar.field.date": Message("日期", "date"),
    "calendar.field.off": Message("放假", "off"),
    "calendar.field.name": Message("名称", "name"),
    "calendar.field.source": Message("依据", "source"),
    "calendar.field.url": Message("网址", "url"),
    "calendar.field.provisional": Message("暂定", "provisional"),
    "calendar.csv.True": Message("是", "true"),
    "calendar.csv.False": Message("否", "false"),
    "calendar.ics.name": Message(
        "中国法定节假日与调休", "Chinese public holidays and adjusted working days"
    ),
    "calendar.provisional": Message(
        "暂定：自{since:long}起的日期尚无国务院办公厅放假安排通知，可能变动",
        "provisional: days from {since:iso} have no State Council notice yet and may change",
    ),
    # -- deadlines notice ---------------------------------------------------------------------
    "notice.stored": Message(
        "已保存{year}年通知{source}：{path}{replaced}",
        "stored the {year} notice ({source}) in {path}{replaced}",
    ),
    "notice.replaced": Message("（替换原已保存的通知）", " (it replaces the one stored before)"),
    "notice.counts": Message(
        "放假{off}天，调休上班{on}天；现已公布至{last}年",
        "{off} days off, {on} adjusted working days; announced now through {last}",
    ),
    "notice.warning": Message(
        "deadlines notice：警告：{text}", "deadlines notice: warning: {text}"
    ),
    "notice.removed": Message("已删除{year}年通知：{path}", "removed the {year} notice: {path}"),
    "notice.announced": Message("已公布年份：{years}", "announced years: {years}"),
    "notice.built_in": Message(
        "内置数据：2004年至{last}年国务院办公厅通知，以后年份按 holidays {version} 推算",
        "built-in data: deadlines data 2004-{last}, later years estimated by holidays {version}",
    ),
    "notice.none": Message("没有另行保存的通知", "no stored notices"),
    "notice.scope.user": Message("用户", "user"),
    "notice.scope.system": Message("系统", "system"),
    "notice.row": Message(
        "  {year}  {scope:<6}  {path}  {source}", "  {year}  {scope:<6}  {path}  {source}"
    ),
    "notice.local": Message(
        "  本地  {scope:<6}  {path}（本地调整{n}天）",
        "  local {scope:<6}  {path}  ({n} local day(s))",
    ),
    "notice.folders": Message(
        "用户通知目录：{user}\n系统通知目录：{system}",
        "user notices: {user}\nsystem notices: {system}",
    ),
    # -- deadlines --version ------------------------------------------------------------------
    "version.data": Message(
        "日历数据：内置2004年至{last}年国务院办公厅通知，以后年份按 holidays {version} 推算",
        "calendar data: deadlines data 2004-{last}, later years estimated by holidays {version}",
    ),
    "version.announced": Message(
        "最后公布年份：{last}年（已公布：{years}）",
        "last announced year: {last} (announced: {years})",
    ),
    "version.files": Message("通知文件：{files:list}", "notice files: {files:comma}"),
    "version.file": Message("{path}（{scope}）", "{path} ({scope})"),
    "version.no_files": Message("无", "none"),
    # -- what is wrong with an argument of deadlines calendar / notice -----------------------
    "calendar.error.when": Message(
        "应为年份（如2026）或年月（如2026-10），而不是{text!r}",
        "must be a year such as 2026 or a month such as 2026-10; got {text!r}",
    ),
    "calendar.error.year": Message(
        "日历范围为2004年至2100年，而不是{text!r}",
        "the calendar covers 2004 through 2100; got {text!r}",
    ),
    "calendar.error.month": Message(
        "月份应为01至12，如2026-10，而不是{text!r}",
        "the month must be 01 to 12, e.g. 2026-10; got {text!r}",
    ),
    "notice.error.one": Message(
        "{path}应只含一个[[notice]]表、不含[[local]]表（现含通知{notices}个、本地调整{local}天）；"
        "本地调整请用--calendar传入",
        "{path} must hold exactly one [[notice]] table and no [[local]] one (it holds "
        "{notices} notice(s), {local} local day(s)); pass local days with --calendar instead",
    ),
    "notice.error.write": Message("无法写入{path}：{reason}", "cannot write {path}: {reason}"),
    "notice.error.remove": Message("无法删除{path}：{reason}", "cannot remove {path}: {reason}"),
    "notice.error.year": Message(
        "应为年份，如2027，而不是{text!r}", "must be a year such as 2027; got {text!r}"
    ),
    "notice.error.system": Message(
        "用户通知目录中没有{year}年通知；{path}中的{year}年通知由系统统一部署，请管理员删除",
        "no notice for {year} in your notice folder; the {year} notice in {path} is deployed "
        "system-wide: its administrator removes it",
    ),
    "notice.error.absent": Message(
        "用户通知目录中没有{year}年通知；已保存：{years}",
        "no notice for {year} in your notice folder; stored: {years}",
    ),
    "notice.error.none": Message("无", "none"),
}
