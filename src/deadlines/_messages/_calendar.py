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
        "内置数据：2004年至{last}年国务院办公厅通知，"
        "以后年份按法定节假日推算（holidays {version}）",
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
    # -- two files (or plugins) that give the same notice or local day differently ----------
    "calendar.conflict.notice": Message("{year}年通知", "the {year} notice"),
    "calendar.conflict.notice_why": Message(
        "同一年的通知只能来自一处", "a year's notice can come from one place only"
    ),
    "calendar.conflict.day": Message("{day}", "the day {day}"),
    "calendar.conflict.day_why": Message(
        "一处定为放假，另一处定为上班", "one sets it off, the other a working day"
    ),
    "calendar.conflict.files": Message(
        "{target}在{other}中也有，且两处不同（{detail}）；两个文件只能给出其一",
        "{target} is also in {other}, and the two differ ({detail}); "
        "give only one of the two files",
    ),
    # -- deadlines --version ------------------------------------------------------------------
    "version.data": Message(
        "日历数据：内置2004年至{last}年国务院办公厅通知，"
        "以后年份按法定节假日推算（holidays {version}）",
        "calendar data: deadlines data 2004-{last}, later years estimated by holidays {version}",
    ),
    "version.announced": Message(
        "最后公布年份：{last}年（已公布：{years}）",
        "last announced year: {last} (announced: {years})",
    ),
    "version.files": Message("通知文件：{files:list}", "notice files: {files:comma}"),
    "version.file": Message("{path}（{scope}）", "{path} ({scope})"),
    "version.no_files": Message("无", "none"),
    # -- what is wrong with a notice or local-days file (OverrideFileError) -------------------
    "calendar.file.at": Message("{where}：{problem}", "{where}: {problem}"),
    "calendar.file.where.notice": Message("{year}年通知", "notice {year}"),
    "calendar.file.where.index": Message("第{index}个通知", "notice #{index}"),
    "calendar.file.where.local": Message("本地调整", "local"),
    "calendar.file.where.key": Message("{where}的{key}", "{where}, {key}"),
    "calendar.file.unreadable": Message("无法读取：{reason}", "cannot read it: {reason}"),
    "calendar.file.toml": Message("不是有效的TOML：{detail}", "not valid TOML: {detail}"),
    "calendar.file.toml.at": Message(
        "（第{line}行第{column}列）", " (at line {line}, column {column})"
    ),
    "calendar.file.toml.end": Message("（在文件末尾）", " (at end of document)"),
    "calendar.file.toml.statement": Message("无法识别的语句{at}", "Invalid statement{at}"),
    "calendar.file.toml.equals": Message(
        "键之后应为等号{at}", "Expected '=' after a key in a key/value pair{at}"
    ),
    "calendar.file.toml.value": Message("无效的值{at}", "Invalid value{at}"),
    "calendar.file.toml.overwrite": Message(
        "同一个键不能赋值两次{at}", "Cannot overwrite a value{at}"
    ),
    "calendar.file.toml.array": Message("数组缺少右方括号{at}", "Unclosed array{at}"),
    "calendar.file.toml.table": Message("内联表缺少右花括号{at}", "Unclosed inline table{at}"),
    "calendar.file.toml.string": Message("字符串未闭合{at}", "Unterminated string{at}"),
    "calendar.file.toml.date": Message("无效的日期或时间{at}", "Invalid date or datetime{at}"),
    "calendar.file.toml.key": Message(
        "键的首字符无效{at}", "Invalid initial character for a key part{at}"
    ),
    "calendar.file.toml.header": Message(
        "表头应以]结尾{at}", "Expected ']' at the end of a table declaration{at}"
    ),
    "calendar.file.toml.headers": Message(
        "表数组的表头应以]]结尾{at}", "Expected ']]' at the end of an array declaration{at}"
    ),
    "calendar.file.toml.newline": Message(
        "语句之后应换行{at}", "Expected newline or end of document after a statement{at}"
    ),
    "calendar.file.tables": Message(
        "有未知的表：{unknown:list}；可用的表：[[notice]]、[[local]]",
        "unknown table(s) {unknown:comma}; allowed: [[notice]] and [[local]]",
    ),
    "calendar.file.array": Message(
        "{table}应为表数组：[[{table}]]", "{table} must be an array of tables: [[{table}]]"
    ),
    "calendar.file.year": Message(
        "year应为2004至2100之间的整数，如year = 2027",
        "year must be an integer from 2004 to 2100, e.g. year = 2027",
    ),
    "calendar.file.year_twice": Message(
        "{year}年列出了两次，请将两个通知合并为一个",
        "the year {year} is listed twice; merge the two notices",
    ),
    "calendar.file.partial": Message(
        "partial应为true或false，如partial = true",
        "partial must be true or false, e.g. partial = true",
    ),
    "calendar.file.empty": Message(
        "既无国务院办公厅通知，也无本地调整；通知文件含[[notice]]表"
        "（见examples/notice-2026.toml），本地调整文件含[[local]]表，其行如{example}",
        "holds no notice and no local day; a notice file has a [[notice]] table "
        "(see examples/notice-2026.toml), a local one [[local]] rows like {example}",
    ),
    "calendar.file.text": Message(
        "{key}应为非空字符串，如{example}", "{key} must be a non-empty string, e.g. {example}"
    ),
    "calendar.file.date.time": Message(
        "{value}含有时刻，只写日期即可，如{example}",
        "{value} has a time; give the date alone, e.g. {example}",
    ),
    "calendar.file.date.text": Message(
        "{text!r}不是日期，应写作{example}", "{text!r} is not a date; write it as {example}"
    ),
    "calendar.file.date.type": Message(
        "date应为TOML日期，如{example}", "date must be a TOML date, e.g. {example}"
    ),
    "calendar.file.date.range": Message(
        "{day:iso}超出日历范围（{first:iso}至{last:iso}）",
        "{day:iso} is outside the calendar ({first:iso} through {last:iso})",
    ),
    "calendar.file.keys": Message(
        "有未知的键：{unknown:list}；可用的键：{allowed:list}",
        "unknown key(s) {unknown:comma}; allowed: {allowed:comma}",
    ),
    "calendar.file.rows": Message(
        "{key}应为若干行组成的列表，如[{example}]", "{key} must be a list of rows like [{example}]"
    ),
    "calendar.file.row": Message(
        "{key}的每一行应形如{example}，而不是{got}",
        "each row of {key} must look like {example}, not {got}",
    ),
    "calendar.file.row.keys": Message(
        "{day:iso}一行有未知的键：{unknown:list}；可用的键：{allowed:list}",
        "the row for {day:iso} has unknown key(s) {unknown:comma}; allowed: {allowed:comma}",
    ),
    "calendar.file.row.twice": Message(
        "{day:iso}列出了两次（每天只能列一次：或放假，或调休上班）",
        "{day:iso} is listed twice (a day is either off or a working day, once)",
    ),
    "calendar.file.row.reach": Message(
        "{day:iso}不在{year}年通知的范围内（{first:iso}至{last:iso}）",
        "{day:iso} is outside the {year} notice's reach ({first:iso} through {last:iso})",
    ),
    "calendar.file.row.weekday": Message(
        "{day:iso}是{weekday}，本为工作日；workdays只列通知调为上班的周末日期",
        "{day:iso} is a {weekday}, already a working day; workdays lists the weekend days "
        "the notice makes working days",
    ),
    "calendar.file.row.name": Message(
        "{day:iso}一行缺少名称，如{example}", "the row for {day:iso} needs a name, e.g. {example}"
    ),
    "calendar.file.row.source": Message(
        "{day:iso}一行缺少来源（通知文号或链接）",
        "the row for {day:iso} needs a source (a notice or link)",
    ),
    "calendar.file.no_days_off": Message(
        "未列出放假日期；国务院办公厅通知列明其安排的放假日期，如{example}",
        "lists no days off; a State Council notice lists the holidays it arranges, e.g. {example}",
    ),
    "calendar.file.partial_needed": Message(
        "{problem}。国务院办公厅通知列明全部法定节假日；只含通知一部分的文件，"
        "须在其[[notice]]表中写明partial = true",
        "{problem}. A State Council notice gives every statutory day; a file meant to hold "
        "part of one says partial = true in its [[notice]] table",
    ),
    "calendar.file.partial_loaded": Message(
        "{path}：{problem}；仍按部分通知载入：除非另有文件定为放假，这些日期按工作日计",
        "{path}: {problem}; loaded anyway (partial): those days are working days "
        "unless another file gives them off",
    ),
    # -- the check of a notice against 《全国年节及纪念日放假办法》 (calendar/_law.py) -------------
    "calendar.law.against": Message("不符合{version}：{problems}", "against {version}: {problems}"),
    "calendar.law.version.1999": Message(
        "《全国年节及纪念日放假办法》（1999年国务院令第270号）", "国务院令第270号 (1999)"
    ),
    "calendar.law.version": Message(
        "《全国年节及纪念日放假办法》（{revised}年修订，国务院令第{decree}号，自{first}年起施行）",
        "国务院令第{decree}号 ({revised}, from {first})",
    ),
    "calendar.law.missing": Message(
        "缺少{festival}：{days:list}未放假", "{festival} is missing: {days:comma} not off"
    ),
    "calendar.law.missing_near": Message(
        "缺少{festival}：其前后未列任何放假日期", "{festival} is missing: no day off listed near it"
    ),
    "calendar.law.too_many": Message(
        "工作日放假{off}天；法定节假日{statutory}天，通知调休上班{on}天，至多{most}天方属合理",
        "gives {off} weekday days off; the measures give {statutory} statutory days and the "
        "notice works {on} weekend day(s), so at most {most} are plausible",
    ),
    "calendar.law.too_few": Message(
        "调休上班{on}天，工作日放假却只有{off}天；每调休上班一天，应有一个工作日调休放假",
        "works {on} weekend day(s) but gives only {off} weekday day(s) off; each worked "
        "weekend day is swapped for a weekday off",
    ),
    # -- what is wrong with an argument of deadlines calendar / notice -----------------------
    "calendar.error.when": Message(
        "应为年份（如2026）或年月（如2026-10），而不是“{text}”",
        "must be a year such as 2026 or a month such as 2026-10; got {text!r}",
    ),
    "calendar.error.year": Message(
        "日历范围为2004年至2100年，而不是“{text}”",
        "the calendar covers 2004 through 2100; got {text!r}",
    ),
    "calendar.error.month": Message(
        "月份应为01至12，如2026-10，而不是“{text}”",
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
        "应为年份，如2027，而不是“{text}”", "must be a year such as 2027; got {text!r}"
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
