"""Messages of a due date: its limit, its source, the steps of its count (ids ``word``, ``result``,
``rules``, ``law``, ``limit``, ``source``, ``constraint``, ``combine``, ``param``, ``trace``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import CIVIL_CODE_ZH, OPINION_ZH, Message

MESSAGES: Final[Mapping[str, Message]] = {
    # -- the words a value is made of --------------------------------------------------------
    "word.empty": Message("", ""),
    "word.yes": Message("是", "yes"),
    "word.no": Message("否", "no"),
    "word.month": Message("{month:month}", "{month:month}"),
    "word.provisional": Message("（暂定）", " (provisional)"),
    "word.from_origin": Message("{body}（来自{origin}）", "{body} (from {origin})"),
    # -- a due date as text (DueResult.explain, deadlines due) ------------------------------
    "result.title": Message("{rule}（{title}）", "{rule} ({title})"),
    "result.labelled": Message("{label}：{first}", "{label}: {first}"),
    "result.due": Message("到期时间：{due:long}{mark}", "due: {due:iso}{mark}"),
    "result.due_date": Message("期限最后一日：{day}", "due date: {day}"),
    "result.source": Message("依据：{source}", "source: {source}"),
    "result.parts": Message("办理环节：", "parts:"),
    "result.part": Message("  {label}：{due:long}", "  {label}: {due:iso}"),
    "result.part.committed": Message("承诺时限", "committed"),
    "result.part.statutory": Message("法定时限", "statutory"),
    "result.part.actor": Message(
        "  {label}（{actor}）：{due:long}", "  {label} ({actor}): {due:iso}"
    ),
    # -- what Engine.due refuses, and what it warns of -------------------------------------
    "engine.rule_id": Message(
        "文本形式的规则编号，如'minutes.executive'",
        "a rule id as text, such as 'minutes.executive'",
    ),
    "engine.parameter": Message(
        "规则{rule}所读取的参数（可用参数：{names:list}）",
        "a parameter {rule} reads (it reads: {names:comma})",
    ),
    "engine.parameter.none": Message(
        "规则{rule}所读取的参数（该规则不读取参数）", "a parameter {rule} reads (it reads: none)"
    ),
    "engine.blackout_id": Message(
        "禁办期规则的编号：{ids:list}", "the id of a blackout rule: {ids:comma}"
    ),
    "engine.blackout_id.none": Message(
        "禁办期规则的编号（本规则集没有禁办期规则）", "the id of a blackout rule: none"
    ),
    "engine.within_calendar": Message(
        "到期日仍在{first}至{last}之间的{what}",
        "a {what} whose due date stays from {first} through {last}",
    ),
    "engine.what.trigger": Message("起算时间", "trigger"),
    "engine.what.count": Message("天数", "count"),
    "engine.after": Message("晚于{what}（{at}）的时间", "an instant after the {what} ({at})"),
    "engine.what.arrival": Message("收到时间", "arrival"),
    "engine.done": Message(
        "由办理环节名称到完成时间的表，如{example}", "a table of step label → instant, {example}"
    ),
    "engine.step_label": Message(
        "办理环节的名称：{labels:list}", "the label of a step: {labels:comma}"
    ),
    "engine.step_label.none": Message(
        "办理环节的名称（各环节均未命名）", "the label of a step: (none labelled)"
    ),
    "engine.integer": Message("整数，如{example}", "an integer such as {example}"),
    "engine.text": Message("文本，如{example}", "text such as {example}"),
    "engine.given_alone": Message(
        "单独给出的参数（{names:list}只能给出其一）", "given alone: pass one of {names:comma}"
    ),
    "engine.after_meeting": Message(
        "会议之后的期限（会议时间{at}）", "a deadline after the meeting ({at})"
    ),
    "engine.example.bool": Message("{name}=true或false", "{name}=true or false"),
    "engine.example.either": Message(
        "{name}=true（到期{then}）或{name}=false（到期{otherwise}）",
        "{name}=true (due {then}) or {name}=false (due {otherwise})",
    ),
    "engine.example.meeting": Message(
        "deadline=2026-10-31，或limit_days=15（即15日内，按自然日计），"
        "或limit_working_days=5（即5个工作日内）",
        "deadline=2026-10-31 or limit_days=15 (X日内, calendar days) or limit_working_days=5 "
        "(X个工作日内)",
    ),
    "engine.blackout": Message("禁办期", "blackout"),
    "engine.blackout.instead": Message(
        "请用 deadlines check 检查会议是否安排在禁办期内",
        "ask Engine.violates(rule_id, date) whether a date falls in it",
    ),
    "engine.quota": Message("年度最低天数要求", "yearly quota"),
    "engine.quota.instead": Message(
        "请逐日登记调研天数，用 deadlines check 核对是否达到应完成的天数",
        "log days and compare them with Quota.expected_by(date)",
    ),
    "engine.warning.tiered": Message(
        "承诺时限（{committed}）晚于法定时限（{statutory}）届满",
        "the committed limit ({committed}) ends after the statutory one ({statutory})",
    ),
    # -- legal citations ---------------------------------------------------------------------
    "law.art200_204": Message(CIVIL_CODE_ZH + "第二百条至第二百零四条", "Civil Code art. 200–204"),
    "law.art201": Message(CIVIL_CODE_ZH + "第二百零一条", "Civil Code art. 201"),
    "law.art203": Message(CIVIL_CODE_ZH + "第二百零三条", "Civil Code art. 203"),
    # -- limits in a few words (Limit.describe) ----------------------------------------------
    "limit.working_days": Message("{n}个工作日", "{n} working days"),
    "limit.calendar_days": Message("{n}个自然日", "{n} calendar days"),
    "limit.hours": Message("{n}小时", "{n} hours"),
    "limit.same_day": Message("当日办结", "same working day"),
    "limit.on_arrival": Message("随到随办", "on arrival"),
    "limit.at_once": Message("立行立办", "at once"),
    "limit.meeting_set": Message("按会议要求", "set by the meeting"),
    # -- the source and the rule's version --------------------------------------------------
    "source.opinion": Message(
        OPINION_ZH + "第{article:cn}条：“{text}”", "opinion of 2020, art. {article}: “{text}”"
    ),
    "source.document": Message(
        "{document}第{article:cn}条：“{text}”", "{document}, art. {article}: “{text}”"
    ),
    "rule.version_of": Message("{rule}（{since:long}版本）", "{rule}@{since:iso}"),
    "trace.version": Message(
        "适用规则{rule}（{window}），依据第{article:cn}条",
        "rule {rule} applies (in effect {window}), art. {article}",
    ),
    "trace.version.chosen": Message(
        "起算日{day}{why}，适用规则{rule}{window}的版本（另有{others}的版本），依据第{article:cn}条",
        "rule {rule} applies in its version {window}: the trigger's day {day:iso} is {why} "
        "(other versions: {others}), art. {article}",
    ),
    "window.open": Message("自{first:long}起执行", "from {first:iso}"),
    "window.closed": Message(
        "自{first:long}起至{last:long}止执行", "from {first:iso} through {last:iso}"
    ),
    "window.why_open": Message("不早于{first:long}", "on or after {first:iso}"),
    "window.why_closed": Message(
        "在{first:long}至{last:long}之间", "from {first:iso} through {last:iso}"
    ),
    "trace.provisional": Message(
        "暂定：计算用到了{day:long}以后的日期，其放假调休尚待国务院办公厅通知确定。下一年度的"
        "放假安排尚未印发，而该通知还可能调整上一年末的几天（如2019年的通知将2018年12月29日调为"
        "工作日）。通知印发前，按法定节假日推算",
        "provisional: it relies on days after {day:iso}, which no State Council notice has "
        "settled yet",
    ),
    # -- constraints -------------------------------------------------------------------------
    "limit.blackout": Message("{months:list}为无会月", "blackout: {months:comma}"),
    "limit.quota": Message("每年不少于{days}天", "at least {days} days a year"),
    "limit.recurrence": Message("每{months}个月一次", "once every {months} months"),
    "limit.monthly": Message("每月一次", "once a month"),
    "limit.quarterly": Message("每季度一次", "once a quarter"),
    "limit.half_yearly": Message("每半年一次", "once every half year"),
    "limit.yearly": Message("每年一次", "once a year"),
    "trace.period": Message(
        "所属周期：{first:iso}至{end:iso}，每期一次",
        "the period {first:iso} to {end:iso}: once per period",
    ),
    "trace.period.next": Message(
        "所属周期：{first:iso}至{end:iso}，于下一周期第{day}日前完成",
        "the period {first:iso} to {end:iso}: due by day {day} of the next",
    ),
    "trace.period.passed": Message(
        "本期的办理时限已过，按下一期计算",
        "this period's work was already due: the next period applies",
    ),
    "trace.period.moved": Message(
        "期末为休息日，移至{day}", "the period ends on a rest day: moved to {day}"
    ),
    # -- combinations ------------------------------------------------------------------------
    "limit.all_of": Message("全部：{parts:comma}", "all of: {parts:comma}"),
    "limit.earliest_of": Message("取早：{parts:comma}", "earliest of: {parts:comma}"),
    "limit.latest_of": Message("取晚：{parts:comma}", "latest of: {parts:comma}"),
    "limit.sequence": Message("依次：{parts:comma}", "in order: {parts:comma}"),
    "limit.when": Message(
        "{question}：是，{then}；否，{otherwise}", "{then} if {question}, else {otherwise}"
    ),
    "limit.tiered": Message(
        "承诺{committed}（法定{statutory}）", "{committed} (by law {statutory})"
    ),
    "trace.part": Message("【{label}】", "[{label}]"),
    "trace.part.actor": Message("【{label}（{actor}）】", "[{label} — {actor}]"),
    "trace.part.committed": Message("【承诺时限】", "[committed limit]"),
    "trace.part.statutory": Message("【法定时限】", "[statutory limit]"),
    "trace.choose.all_of": Message(
        "各环节均须办结，以到期最晚者为准（{label}，{at}）",
        "all parts; the last one: {label}, {at}",
    ),
    "trace.choose.earliest": Message(
        "以到期最早者为准（{label}，{at}）", "the earliest applies: {label}, {at}"
    ),
    "trace.choose.latest": Message(
        "以到期最晚者为准（{label}，{at}）", "the latest applies: {label}, {at}"
    ),
    "trace.choose.sequence": Message(
        "依次办理，以最后一步{label}的到期时间为准（{at}）",
        "in order; the last step: {label}, {at}",
    ),
    "trace.within": Message(
        "各环节须在自{start}起算的总时限内办结，即{at}前",
        "from {start}, still within the shared period: {at}",
    ),
    "trace.condition": Message("{question}：{value}", "condition {question}: {value}"),
    "trace.condition.unstated": Message(
        "未说明{question}：两种情形到期相同。{note}（到期同为{at}）",
        "{question} not given: both cases end together. {note} (also due {at})",
    ),
    "trace.condition.more": Message("{question}为是时另有要求", "more is required when {question}"),
    # -- the parameters a condition asks about, as a clerk reads them ------------------------
    "param.unnamed": Message("{name}", "{name}"),
    "param.involves_personnel_money_assets": Message(
        "是否涉及人、财、物等重要事项", "involves personnel, money or assets"
    ),
    # -- trace steps: the trigger and the count ----------------------------------------------
    "trace.trigger": Message("起算时间：{at}", "starts: {at}"),
    "trace.count": Message(
        "第{number}个工作日：{day}{extra}", "working day {number}: {day}{extra}"
    ),
    "trace.count.adjusted": Message("，{name}", " ({name})"),
    "trace.skip": Message("不计（{why}）：{day}", "skip {day}: {why}"),
    "trace.skip.break": Message("{name}假期", "{name} break"),
    "trace.start_moved": Message(
        "起算日为非工作日，自{day}起算",
        "the trigger's day is not worked: counting starts from {day}",
    ),
    "trace.start_included": Message(
        "按选项，起算当日{day}计为第1个工作日",
        "by option, the trigger's day {day} is working day 1",
    ),
    "trace.working_days": Message(
        "{n}个工作日，起算当日不计入（{law}）",
        "{n} working days; the trigger's day does not count ({law})",
    ),
    "trace.calendar_days": Message(
        "{n}个自然日，起算当日{first}，期间内节假日照计，最后一日为{day}",
        "{n} calendar days, the trigger's day {first}, rest days inside count: last day {day}",
    ),
    "trace.first_counts": Message("计入", "counts"),
    "trace.first_not_counted": Message("不计入", "does not count"),
    "trace.last_day_rolled": Message(
        "期限最后一日为休息日，顺延至{day}（{law}）",
        "the last day is a rest day: moved to {day} ({law})",
    ),
    # -- the cutoff --------------------------------------------------------------------------
    "trace.cutoff.close": Message(
        "截止于下班时间（{law}）：{at}", "ends at the close of business ({law}): {at}"
    ),
    "trace.cutoff.midnight": Message("截止于当日24时：{at}", "ends at 24:00 of the last day: {at}"),
    "trace.ends": Message("到期时间：{at}", "ends: {at}"),
    # -- hours -------------------------------------------------------------------------------
    "trace.hours.office": Message(
        "自{at}起计时，只计工作日的办公时间", "only office hours of working days count, from {at}"
    ),
    "trace.hours.working_days": Message(
        "自{at}起计时，休息日、节假日不计入，期限相应顺延",
        "non-working days do not count (节假日顺延), from {at}",
    ),
    "trace.hours.continuous": Message(
        "自{at}起连续计算{n}小时，休息日照计", "{n} calendar hours, from {at}"
    ),
    "trace.hours.after_hours": Message(
        "办公时间外收到，自下一上班时间{at}起算",
        "received outside office hours: the clock starts at the next opening, {at}",
    ),
    "trace.hours.rolled": Message(
        "期满时间{nominal}落在休息日，顺延至下一工作日（{day}）下班时间（{law}）：{at}",
        "{nominal} falls on a rest day: moved to the close of business of the next working day "
        "({day}) ({law}): {at}",
    ),
    "trace.hours.joined": Message(
        "期满时间{nominal}为休息日后首个工作日，与前一日到期者同至下班时间：{at}",
        "{nominal} is on the first working day after rest days: it ends with those that "
        "rolled here, at {at}",
    ),
    # -- the same working day ----------------------------------------------------------------
    "trace.same_day.done": Message("{when}，当日办结", "{when}: done the same day"),
    "trace.same_day.next": Message(
        "{when}，于{next}办结：{day}", "received {when}: done {next}, {day}"
    ),
    "same_day.morning": Message("上午收到", "received in the morning"),
    "same_day.afternoon": Message("午后收到", "after the morning"),
    "same_day.before_close": Message(
        "工作日下班前收到", "received on a working day before the cutoff"
    ),
    "same_day.after_close": Message("下班后收到", "after the cutoff"),
    "same_day.rest_day": Message("休息日收到", "on a rest day"),
    "same_day.next_morning": Message("下一个工作日上午", "by noon of the next working day"),
    "same_day.next_day": Message("下一工作日", "on the next working day"),
    # -- on arrival --------------------------------------------------------------------------
    "trace.arrival.stated": Message(
        "{word}，按文件标明的时限办理（{at}前）",
        "handled {word}: by the handling limit the document states: {at}",
    ),
    "trace.arrival.now": Message(
        "{word}，收到即办（{at}）", "handled {word}: due the moment it arrives: {at}"
    ),
    "trace.arrival.hours": Message(
        "{word}，收到后{hours}个办公小时内办结（{at}前）",
        "handled {word}: within {hours} office hours: {at}",
    ),
    "trace.arrival.same_day": Message(
        "{word}，当日办结（{at}前）", "handled {word}: the same working day: {at}"
    ),
    "trace.arrival.next_day": Message(
        "{word}，下班后或休息日收到的，于下一工作日办结（{at}前）",
        "handled {word}: received after hours, done the next working day: {at}",
    ),
    # -- a limit the meeting sets ------------------------------------------------------------
    "trace.meeting.working_days": Message(
        "会议要求{n}个工作日内办结", "the meeting set {n} working days"
    ),
    "trace.meeting.calendar_days": Message(
        "会议要求{n}日内办结，按自然日计（{law}）",
        "the meeting set {n} days: calendar days ({law})",
    ),
    "trace.meeting.deadline": Message(
        "会议确定的办结期限：{value}", "the deadline the meeting set: {value}"
    ),
    "trace.meeting.rolled": Message(
        "该日为休息日，顺延至{day}（{law}）", "the last day is a rest day: moved to {day} ({law})"
    ),
}
