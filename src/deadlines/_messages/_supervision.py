"""Messages of supervision: statuses, the report of `deadlines check`, its CSV and ICS, the
notes on meetings and the pauses of a clock (ids ``status``, ``check``, ``meeting``, ``pause``).

The words are the glossary's (docs/glossary.md). English output of `deadlines check` keeps the
status codes (``overdue``, ``wd``) it has always printed; Chinese says them in full.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import Message

MESSAGES: Final[Mapping[str, Message]] = {
    # -- the status of an obligation (docs/glossary.md) ---------------------------------------
    "status.open": Message("未到期", "open"),
    "status.warning": Message("临期预警", "due soon"),
    "status.overdue": Message("逾期未办", "overdue"),
    "status.met": Message("按期办结", "met"),
    "status.late": Message("逾期办结", "done late"),
    "status.escalated": Message("提请督办", "escalated"),
    # -- the same in the report's table and counts (English keeps the status codes) -----------
    "check.state.open": Message("未到期", "open"),
    "check.state.warning": Message("临期预警", "warning"),
    "check.state.overdue": Message("逾期未办", "overdue"),
    "check.state.met": Message("按期办结", "met"),
    "check.state.late": Message("逾期办结", "late"),
    "check.state.escalated": Message("提请督办", "overdue!"),
    # -- what an alert is about, as its tag --------------------------------------------------
    "check.level.escalated": Message("提请督办", "escalated"),
    "check.level.overdue": Message("逾期未办", "overdue"),
    "check.level.warning": Message("临期预警", "warning"),
    "check.level.violation": Message("违反无会月", "violation"),
    "check.level.shortfall": Message("调研不足", "shortfall"),
    "check.level.provisional": Message("暂定", "provisional"),
    # -- the report as text --------------------------------------------------------------------
    "check.at": Message("{at}，周{weekday}", "{at} ({weekday})"),
    "check.title": Message("督查报告（{at}）", "Supervision report at {at}"),
    "check.empty": Message("无督办事项（{at}）。", "No obligations at {at}."),
    "check.header": Message(
        "事项编号|规则|到期时间|状态|时效", "obligation|rule|due|status|margin"
    ),
    "check.group": Message("{state}（{n}项）", "{state} ({n})"),
    "check.provisional_legend": Message(
        "{mark} 暂定：到期时间所依据的日期，国务院办公厅尚未印发放假安排通知",
        "{mark} provisional: the due instant relies on days no State Council notice has "
        "settled yet",
    ),
    "check.count": Message("{state}{n}项", "{state} {n}"),
    "check.by_status": Message(
        "按状态：{counts:comma}；合计{total}项，其中提请督办{escalated}项",
        "By status: {counts:comma}; total {total}; escalated (!) {escalated}",
    ),
    "check.by_rule": Message("按规则", "By rule"),
    "check.total": Message("合计", "total"),
    "check.alerts": Message("督办提示（{n}项）：", "Warnings ({n}):"),
    "check.alerts.none": Message("督办提示（无）", "Warnings (0)"),
    "check.alert": Message("【{level}】{text}", "[{level}] {text}"),
    "check.meetings": Message(
        "会议情况（第六条、第八条、第十二条）：", "Meetings (art. 6, 8, 12):"
    ),
    "check.march": Message("“无会月”执行情况（第六条）：", "No-meeting month (art. 6):"),
    "check.quota": Message("领导调研天数（第四条）：", "Field research (art. 4):"),
    "check.quarterly": Message("季度调度、通报（第十三条）：", "Quarterly supervision (art. 13):"),
    "check.not_taken": Message(
        "另有{n}行未能采用，见标准错误输出",
        "input lines not taken into account: {n} (listed on standard error)",
    ),
    "check.ics_written": Message(
        "日历：已将{n}项未办结事项写入{path}", "Calendar: {n} open obligations written to {path}"
    ),
    # -- time left, or how late (ObligationStatus.describe_left) ---------------------------------
    "check.days": Message("{n}个工作日", "{n} wd"),
    # Chinese gives the hours only within the last working day, minutes within the last hour;
    # English keeps its ``3 wd / 70.0 h`` (`span` passes a `Names` for what each shows).
    "check.span": Message("{days}{hours}", "{days} / {hours} h"),
    "check.span.hours": Message("{hours}小时", "0 wd / {hours} h"),
    "check.span.minutes": Message("{hours}分钟", "0 wd / {hours} h"),
    "check.left.overdue": Message("逾期{span}", "{span} overdue"),
    "check.left.late": Message("逾期{span}办结", "{span} late"),
    "check.left.met": Message("提前{span}办结", "{span} early"),
    "check.left.open": Message("剩余{span}", "{span} left"),
    "check.left.paused": Message(
        "剩余{span}，暂停计时中（自{since}起）", "{span} left, paused since {since}"
    ),
    "check.paused_since": Message("暂停计时中（自{since}起）", "clock paused since {since}"),
    "check.moment": Message("{day:long}{time}", "{day:iso} {time}"),
    "check.moment.weekday": Message(
        "{day:long}（周{weekday}）{time}", "{day:iso} ({weekday}) {time}"
    ),
    "check.explain.due": Message("到期时间：{due}{mark}", "due: {due}{mark}"),
    # -- alerts -----------------------------------------------------------------------------
    "check.alert.overdue": Message(
        "{id}：{title}，{due}到期，已逾期{span}", "{id} ({title}): overdue since {due}, {span}"
    ),
    "check.alert.escalated": Message(
        "{id}：{title}，{due}到期，已逾期{span}，应提请督办",
        "{id} ({title}): overdue since {due}, {span}; escalate",
    ),
    "check.alert.warning": Message(
        "{id}：{title}，{due}到期，剩余{span}", "{id} ({title}): due {due}, {span} left"
    ),
    "check.alert.warning.paused": Message(
        "{id}：{title}，{due}到期，剩余{span}，暂停计时中",
        "{id} ({title}): due {due}, {span} left, clock paused",
    ),
    "check.alert.provisional": Message(
        "{id}：到期时间{due}所依据的日期，国务院办公厅尚未印发放假安排通知，为暂定",
        "{id}: due {due} relies on days no State Council notice has settled yet",
    ),
    # -- the no-meeting month (art. 6) ---------------------------------------------------------
    "meeting.kind.party_group": Message("党组会议", "party_group"),
    "meeting.kind.executive": Message("常务会议", "executive"),
    "meeting.kind.special_topic": Message("专题会议", "special_topic"),
    "meeting.kind.county_wide_work": Message("全县性工作会议", "county_wide_work"),
    "meeting.kind.other": Message("其他会议", "other"),
    "meeting.line": Message("（第{line}行）", "line {line}"),
    "meeting.unnamed": Message("（未编号）", "a meeting"),
    "meeting.held": Message("于{day:long}召开", "held on {day:iso}"),
    "meeting.scheduled": Message("安排于{day:long}召开", "scheduled for {day:iso}"),
    "meeting.violation": Message(
        "会议{name}（{kind}）{when}，违反“无会月”制度（第{article:cn}条）",
        "meeting {name} ({kind}) {when}: a violation of the no-meeting month (art. {article})",
    ),
    "meeting.exempt": Message(
        "会议{name}（{kind}）{when}，紧急豁免（第{article:cn}条）",
        "meeting {name} ({kind}) {when}: emergency exemption (art. {article})",
    ),
    "meeting.exempt.reason": Message(
        "会议{name}（{kind}）{when}，紧急豁免：{reason}（第{article:cn}条）",
        "meeting {name} ({kind}) {when}: emergency exemption: {reason} (art. {article})",
    ),
    # -- notes on meetings held (art. 6, 8, 12) --------------------------------------------------
    "meeting.no_limit": Message(
        "会议{meeting}议定事项{subject}未提出具体办理要求，不设办结时限（第十二条）",
        "meeting {meeting}, matter {subject}: no limit set, so no deadline (art. 12)",
    ),
    "meeting.approval_unstated": Message(
        "{meeting}/minutes：会议未说明是否涉及人、财、物等重要事项；如涉及，须先报县长审定再签发，"
        "到期时间不变（第八条）",
        "{meeting}/minutes: the meeting does not say whether it involves personnel, money or "
        "assets; if it does, the county head approves before the signature, same due (art. 8)",
    ),
    "meeting.keynote": Message(
        "会议{meeting}安排{subject}作主题讲话，每次会议一般安排一名领导作主题讲话（第六条）",
        "meeting {meeting} had {subject} as keynote speakers; art. 6 asks for one (art. 6)",
    ),
    # -- field research (art. 4) and the quarters (art. 13) ------------------------------------
    "check.quota.line": Message(
        "{leader}{year}年调研{logged}天（全年不少于{required}天），截至{as_of:long}应达{expected:g}天，"
        "{state}",
        "{leader} {year}: {logged}/{required} field days, {expected:g} expected by {as_of:iso}, "
        "{state}",
    ),
    "check.quota.on_track": Message("达到进度", "on track"),
    # Whole or half days: 28.5, 28 (QuotaStanding.expected_days).
    "check.quota.short": Message("落后{by:g}天", "short by {by:g}"),
    "check.quarter": Message(
        "{year}年第{number:cn}季度：调度{dispatch}（时限{dispatch_due}），通报{report}（时限{report_due}）",
        "{year}Q{number}: dispatch {dispatch} (due {dispatch_due}), report {report} "
        "(due {report_due})",
    ),
    "check.quarter.dispatch": Message("{year}年第{number:cn}季度调度", "{year}Q{number} dispatch"),
    "check.quarter.report": Message("{year}年第{number:cn}季度通报", "{year}Q{number} report"),
    # -- the CSV report: English headers are the machine columns ------------------------------
    "check.csv.id": Message("事项编号", "id"),
    "check.csv.rule": Message("规则", "rule"),
    "check.csv.event": Message("事件", "event"),
    "check.csv.subject": Message("事项名称", "subject"),
    "check.csv.responsible": Message("承办", "responsible"),
    "check.csv.trigger": Message("起算时间", "trigger"),
    "check.csv.due": Message("到期时间", "due"),
    "check.csv.status": Message("状态代码", "status"),
    "check.csv.status_label": Message("状态", "status_label"),
    # Signed: time left or how early (positive), how late (negative).
    "check.csv.working_days_left": Message(
        "距时限工作日（正为提前或剩余，负为逾期）", "working_days_left"
    ),
    "check.csv.hours_left": Message("距时限小时（正为提前或剩余，负为逾期）", "hours_left"),
    "check.csv.escalated": Message("提请督办", "escalated"),
    "check.csv.paused": Message("暂停计时", "paused"),
    "check.csv.completed_at": Message("办结时间", "completed_at"),
    "check.csv.provisional": Message("暂定", "provisional"),
    "check.csv.line": Message("行号", "line"),
    "check.csv.true": Message("是", "true"),
    "check.csv.false": Message("否", "false"),
    # -- the iCalendar export -----------------------------------------------------------------
    "check.ics.summary": Message("【{state}】{title}：{what}", "[{state}] {title}: {what}"),
    "check.ics.responsible": Message("承办：{who}", "responsible: {who}"),
    "check.ics.name": Message("督办事项", "deadlines"),
    "check.ics.status": Message("状态：{state}，{left}", "status: {state}, {left}"),
    # -- pauses of an obligation's clock (trace steps) ------------------------------------------
    "pause.step": Message(
        "暂停计时{start}至{end}{why}，{what}", "clock paused {start} to {end}{why}: {what}"
    ),
    "pause.reason": Message("（{reason}）", " ({reason})"),
    "pause.no_workday": Message("期间无工作日，不扣除", "no working day lost"),
    "pause.workday": Message(
        "1个工作日不计：{days:list}", "1 working day not counted: {days:list}"
    ),
    "pause.workdays": Message(
        "{n}个工作日不计：{days:list}", "{n} working days not counted: {days:list}"
    ),
    "pause.workdays.many": Message("{n}个工作日不计", "{n} working days not counted"),
    "pause.calendar_day": Message("1个自然日不计", "1 calendar day not counted"),
    "pause.calendar_days": Message("{n}个自然日不计", "{n} calendar days not counted"),
    "pause.hours": Message("{hours:g}小时不计", "{hours:g} hours not counted"),
    "pause.moved": Message(
        "扣除暂停时间，到期时间由{before}顺延至{after}",
        "with the pauses, due moves from {before} to {after}",
    ),
    # -- usage errors of deadlines check ------------------------------------------------------
    "check.usage.folder": Message(
        "{path}是文件夹；请给出事件文件（每行一个JSON对象），如{example}",
        "{path} is a folder; give a JSON Lines file such as {example}",
    ),
    "check.usage.no_file": Message(
        "没有文件{path}；请给出事件文件（每行一个JSON对象），如{example}",
        "no such file {path}; give a JSON Lines file such as {example}",
    ),
    "check.usage.no_name": Message("没有文件{path}", "no such file {path}"),
    "check.usage.cannot_write": Message(
        "无法写入{path}：{reason}", "cannot write {path}: {reason}"
    ),
    "check.usage.ics_extra": Message(
        "导出日历（--ics）需要可选软件包{module}；请用 pip install 'deadlines[{extra}]' 安装",
        "Calendar export (--ics) needs the optional package {module}; install it with "
        "pip install 'deadlines[{extra}]'",
    ),
    "check.usage.no_obligation": Message(
        "没有督办事项{name}；请用报告第一列中的编号",
        "no obligation {name}; give an id from the report's first column",
    ),
    "check.usage.at_least": Message(
        "应不小于{least}，如{example}；实际为{value}",
        "must be {least} or more, such as {example}; got {value}",
    ),
    "check.usage.fraction": Message(
        "应大于0且不大于1，如0.8；实际为{value}",
        "must be more than 0 and at most 1, such as 0.8; got {value}",
    ),
    "check.lone_surrogate": Message(
        "含有不成对的代理项转义（如\\ud800），不是有效字符；请删除或改为完整字符",
        "holds an unpaired surrogate escape (such as \\ud800), which is no character; remove it "
        "or write the whole character",
    ),
    "check.not_utf8": Message(
        "不是UTF-8文本（第{column}列字节0x{byte}）；请将事件文件另存为UTF-8",
        "not UTF-8 text (the byte 0x{byte} at column {column}); save the events file as UTF-8",
    ),
    # -- what a pause and the quarterly rule refuse -------------------------------------------
    "pause.pausable": Message(
        "按工作日、自然日或小时计算的督办事项（{unit}类时限止于固定时刻，暂停不能使其顺延）",
        "an obligation counted in working days, calendar days or hours (a {unit} limit ends at "
        "a fixed instant, which no pause moves)",
    ),
    "pause.with_end": Message(
        "有结束时间的暂停；请先截取（Pause.clipped）",
        "a pause with an end; clip it first (Pause.clipped)",
    ),
    "check.quarterly.every_quarter": Message(
        "每3个月一次的周期：督查按第十三条的季度（如2026Q3）进行；其他周期的规则须另设督办事项",
        "a recurrence every 3 months: supervision follows the quarters of art. 13 (2026Q3); a "
        "rule with other periods needs obligations of its own",
    ),
    # -- a line of an events file that is not taken into account (supervision/_reading.py,
    #    _building.py); the problems pydantic finds are `deadlines._problems`' (``problem.*``) --
    "check.event.type_required": Message(
        "须填写type，即事件类型：{types:list}", "type is required: one of {types:list}"
    ),
    "check.event.type_unknown": Message(
        "应为以下事件类型之一：{types:list}；实际为{got}",
        "must be one of {types:list}; got {got}",
    ),
    "check.event.id_form": Message(
        "编号不得含斜杠或空格，如{example}；实际为{value}",
        "must have no slash and no space, e.g. {example}; got {value}",
    ),
    "check.event.one_limit": Message(
        "一个事项至多写明limit_days、limit_working_days、deadline三者之一，"
        '如{{"title": "…", "limit_days": 15}}或{{"title": "…", "deadline": "2026-10-31"}}',
        "a matter takes at most one of limit_days, limit_working_days and deadline, "
        'e.g. {{"title": "…", "limit_days": 15}} or {{"title": "…", "deadline": "2026-10-31"}}',
    ),
    "check.event.urgent_only": Message(
        "仅用于急件；请删去，或将urgency设为urgent",
        "is for urgent documents only; drop it, or set urgency to urgent",
    ),
    "check.event.quarter": Message(
        "应为年份和季度，如2026Q3；实际为{value}",
        "must be a year and quarter such as 2026Q3; got {value}",
    ),
    "check.on_line": Message("（第{line}行）", " on line {line}"),
    "check.by_line": Message("（第{line}行事件）", " by the event on line {line}"),
    "check.paused_line": Message("（第{line}行）", " (line {line})"),
    "check.did_you_mean": Message("（是否应为{close}？）", " (did you mean {close}?)"),
    "check.day_twice": Message(
        "{leader}已登记{date}的调研{where}；同一天只计一次",
        "{leader} already logged {date}{where}; a day counts once",
    ),
    "check.id_twice": Message(
        "编号{name}已被使用{where}；每个事件须有自己的编号",
        "id {name} is already used{where}; give each event its own id",
    ),
    "check.obligation_twice": Message(
        "督办事项{name}重复生成；会议的每个文件和事项须有自己的编号",
        "obligation {name} is made twice; give each document and matter of a meeting its own id",
    ),
    "check.no_obligation": Message(
        "没有督办事项{name}{close}；编号形如m-2026-041/minutes、d-0913/routing、2026Q3/report",
        "no obligation {name}{close}; ids look like m-2026-041/minutes, d-0913/routing, "
        "2026Q3/report",
    ),
    "check.no_quarter": Message(
        "没有季度督办事项{name}：规则supervision.quarterly当时未施行，或不在引擎的规则集中",
        "no quarterly obligation {name}: the rule supervision.quarterly is not in effect then, "
        "or not in the engine's rule set",
    ),
    "check.before_trigger": Message(
        "{name}起算于{trigger}，不能在此前的{at}记录办理情况",
        "{name} began at {trigger}; nothing can happen to it at {at}, before",
    ),
    "check.completed_twice": Message(
        "{name}已办结{where}；以第一次办结为准",
        "{name} is already completed{where}; the first one counts",
    ),
    "check.not_pausable": Message(
        "{name}（{rule}）止于固定时刻；只有按工作日、自然日或小时计算的时限可以暂停计时",
        "{name} ({rule}) ends at a fixed instant; only limits in working days, calendar days or "
        "hours can be paused",
    ),
    "check.paused_twice": Message(
        "{name}自{since}起已暂停计时{where}；请先恢复计时",
        "{name} is already paused since {since}{where}; resume it first",
    ),
    "check.pause_done": Message(
        "{name}已于{at}前办结，不能暂停计时", "{name} was done before {at}; it cannot pause"
    ),
    "check.pause_overdue": Message(
        "{name}已于{due}到期；时限已届满，不能在{at}暂停计时",
        "{name} was due at {due}; a clock that has run out cannot be paused at {at}",
    ),
    "check.not_paused": Message(
        "{name}在{at}未暂停计时；请先暂停计时", "{name} is not paused at {at}; pause it first"
    ),
    "check.missing_extra": Message(
        "{purpose}需要可选软件包{module}；请用 pip install 'deadlines[{extra}]' 安装",
        "{purpose} needs the optional package {module}; install it with "
        "pip install 'deadlines[{extra}]'",
    ),
    # examples of valid input by field name, after a problem of an events line
    **{
        f"check.hint.{name}": Message(example, example)
        for name, example in (
            ("id", '"m-2026-041"'),
            ("kind", '"executive"'),
            ("ended_at", '"2026-09-30T17:00"'),
            ("received_at", '"2026-09-30T09:15"'),
            ("submitted_at", '"2026-09-30T10:00"'),
            ("urgency", '"ordinary"'),
            ("date", '"2026-06-12"'),
            ("leader", '"王副县长"'),
            ("quarter", '"2026Q3"'),
            ("at", '"2026-09-30T17:00"'),
            ("obligation", '"m-2026-041/minutes"'),
        )
    },
}
