"""Messages of the board: its pages, forms, buttons and CSV headers (ids ``board``); and the
titles of the service's problems (ids ``service``).

A status is the glossary's (`status.*` of `_supervision.py`), not spelled again here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import Message

MESSAGES: Final[Mapping[str, Message]] = {
    "board.html_lang": Message("zh-CN", "en"),
    "board.colon": Message("：", ": "),
    "board.title": Message("督查督办看板", "Supervision board"),
    "board.skip": Message("跳到正文", "Skip to content"),
    "board.nav_board": Message("看板", "Board"),
    "board.nav_calendar": Message("工作日历", "Calendar"),
    "board.nav_report": Message("打印报告", "Printable report"),
    "board.nav_csv": Message("导出 CSV（Excel）", "Export CSV (Excel)"),
    "board.nav_ics": Message("导出日历（ICS）", "Export calendar (ICS)"),
    "board.other_lang": Message("English", "中文"),
    "board.other_lang_code": Message("en", "zh"),
    "board.other_html_lang": Message("en", "zh-CN"),
    "board.other_lang_name": Message("切换到英文", "Switch to Chinese"),
    "board.load": Message("载入事件文件", "Load an events file"),
    "board.upload_label": Message(
        "上传事件文件（JSON Lines，UTF-8）",
        "Upload an events file (JSON Lines, UTF-8)",
    ),
    "board.upload_button": Message("上传并查看", "Upload and view"),
    "board.pick_label": Message("或选择服务器上的文件", "or pick a file on the server"),
    "board.pick_none": Message(
        "（服务器未配置事件文件目录）",
        "(the server has no events folder configured)",
    ),
    "board.pick_button": Message("查看", "View"),
    "board.at_label": Message(
        "评判时点（北京时间，留空为现在）",
        "Judge at (Beijing time; empty for now)",
    ),
    "board.source": Message("数据", "Data"),
    "board.judged_at": Message("评判时点", "Judged at"),
    "board.thresholds": Message("预警与督办阈值（可选）", "Warning and escalation (optional)"),
    "board.warn_days_label": Message(
        "到期前几个工作日亮黄牌（留空用默认）",
        "Warn this many working days before the due (empty: the default)",
    ),
    "board.escalate_label": Message(
        "逾期几个工作日起提请督办（留空用默认）",
        "Escalate at this many working days overdue (empty: the default)",
    ),
    "board.warn_days_set": Message(
        "到期前{n}个工作日预警",
        "warning {n} working days before the due",
    ),
    "board.escalate_set": Message(
        "逾期{n}个工作日起提请督办",
        "escalated at {n} working days overdue",
    ),
    "board.now": Message("（现在）", " (now)"),
    "board.counts": Message("按状态统计", "By status"),
    "board.heading_count": Message("{heading}（{n}）", "{heading} ({n})"),
    "board.total": Message("合计", "total"),
    "board.alerts": Message("督办提示", "Warnings"),
    "board.alerts_more": Message("其余{n}条", "{n} more"),
    "board.none": Message("无", "none"),
    "board.by_unit": Message("按责任单位", "By responsible unit"),
    "board.by_rule": Message("按规则", "By rule"),
    "board.unit": Message("责任单位", "Responsible"),
    "board.rule": Message("规则", "Rule"),
    "board.rule_title": Message("规则名称", "Title"),
    "board.unit_none": Message("（未注明）", "(not stated)"),
    "board.escalated_first": Message(
        "有提请督办事项的排在最前；点击列名排序。",
        "Rows with escalated items come first; click a column name to sort.",
    ),
    "board.obligations": Message("督办事项", "Obligations"),
    "board.filter": Message("筛选", "Filter"),
    "board.filter_all": Message("全部", "all"),
    "board.filter_status": Message("状态", "Status"),
    "board.filter_day": Message("到期日", "Due on"),
    "board.filter_clear": Message("清除筛选", "Clear filters"),
    "board.id": Message("事项", "Obligation"),
    "board.subject": Message("事由", "Subject"),
    "board.due": Message("到期时间", "Due"),
    "board.status": Message("状态", "Status"),
    "board.margin": Message("时间", "Margin"),
    "board.page": Message("第{page}/{pages}页，共{n}项", "Page {page} of {pages}, {n} obligations"),
    "board.prev": Message("上一页", "Previous"),
    "board.next": Message("下一页", "Next"),
    "board.meetings": Message("会议（第六条、第八条、第十二条）", "Meetings (art. 6, 8, 12)"),
    "board.march": Message("“无会月”（第六条）", "No-meeting month (art. 6)"),
    "board.quota": Message("调研天数（第四条）", "Field research (art. 4)"),
    "board.quarterly": Message("季度调度、通报（第十三条）", "Quarterly supervision (art. 13)"),
    "board.problems": Message("未能采用的行", "Lines not taken into account"),
    "board.provisional_mark": Message("暂定", "provisional"),
    "board.provisional_legend": Message(
        "暂定：到期时间所依据的日期尚无国务院办公厅放假安排通知",
        "provisional: the due instant relies on days no State Council notice has settled yet",
    ),
    "board.sort_asc": Message("升序", "ascending"),
    "board.sort_desc": Message("降序", "descending"),
    "board.detail": Message("事项详情", "Obligation"),
    "board.trigger": Message("起算时间", "Trigger"),
    "board.due_date": Message("期限最后一日", "Last day of the period"),
    "board.warning_from": Message("预警起始", "Warning from"),
    "board.completed_at": Message("办结时间", "Done at"),
    "board.note": Message("办结说明", "Note"),
    "board.pauses": Message("暂停计时", "Clock paused"),
    "board.pause_open": Message("尚未恢复", "not resumed"),
    "board.parts": Message("分项期限", "Parts"),
    "board.citation": Message("依据", "Source"),
    "board.trace": Message("计算过程", "How it was counted"),
    "board.event": Message("来源事件", "Event"),
    "board.line": Message("行号", "Line"),
    "board.back": Message("返回看板", "Back to the board"),
    "board.calendar": Message("工作日历", "Calendar"),
    "board.calendar_year": Message("{year}年工作日历", "Working calendar {year}"),
    "board.calendar_month": Message("{year}年{month}月", "{month} {year}"),
    "board.prev_year": Message("上一年", "Previous year"),
    "board.next_year": Message("下一年", "Next year"),
    "board.prev_month": Message("上月", "Previous month"),
    "board.next_month": Message("下月", "Next month"),
    "board.whole_year": Message("全年", "Whole year"),
    "board.legend": Message("图例", "Legend"),
    "board.special_off": Message("{day}放假：{words}", "{day} holiday: {words}"),
    "board.special_workday": Message("{day}调休上班", "{day} adjusted working day"),
    "board.provisional_after": Message("（暂定）", " (provisional)"),
    "board.kind_workday": Message("工作日", "working day"),
    "board.kind_weekend": Message("周末", "weekend"),
    "board.kind_holiday": Message("节假日（休）", "holiday (off)"),
    "board.kind_adjusted": Message("调休上班日（班）", "adjusted working day (work)"),
    "board.kind_provisional": Message(
        "暂定（尚无国务院办公厅通知）",
        "provisional (no notice yet)",
    ),
    "board.and_provisional": Message(
        "，暂定（尚无国务院办公厅通知）", ", provisional (no notice yet)"
    ),
    "board.mark_holiday": Message("休", "off"),
    "board.mark_adjusted": Message("班", "work"),
    "board.mark_provisional": Message("?", "?"),
    "board.due_that_day": Message("当日到期{n}项", "{n} due that day"),
    "board.due_short": Message("{n}项", "{n} due"),
    "board.today": Message("，评判时点当日", ", the day judged at"),
    "board.more_that_day": Message("另有{n}项", "{n} more"),
    "board.special_days": Message("节假日与调休", "Holidays and adjusted working days"),
    "board.sources": Message("来源", "Sources"),
    "board.provisional_since": Message(
        "暂定：自{since:long}起的日期尚无国务院办公厅放假安排通知，可能变动",
        "provisional: days from {since:iso} have no State Council notice yet and may change",
    ),
    "board.report_title": Message("督查督办报告", "Supervision report"),
    "board.report_open": Message("未办结事项", "Obligations not yet done"),
    "board.print_hint": Message(
        "用浏览器的“打印”（Ctrl+P）输出 A4 报告。",
        "Use the browser's Print (Ctrl+P) for an A4 report.",
    ),
    "board.generated": Message("生成于", "Generated"),
    "board.error": Message("出错了", "Something went wrong"),
    "board.error_bad": Message("输入有误", "Bad input"),
    "board.error_missing": Message("找不到", "Not found"),
    "board.error_too_large": Message("文件太大", "File too large"),
    "board.error_forbidden": Message("请求被拒绝", "Request refused"),
    "board.upload_too_large": Message(
        "上传的文件大于本服务的上限 {mb} MB。"
        "请把事件文件分成几份上传，或请管理员调大上限（deadlines serve "
        "--max-upload），或把文件放进服务器的事件目录（--events-dir）后在看板上选择它。",
        "The uploaded file is larger than this service's limit of {mb} MB. Split the events"
        " file and upload the parts, ask the administrator to raise the limit (deadlines "
        "serve --max-upload), or put the file in the server's events folder (--events-dir) "
        "and pick it on the board.",
    ),
    "board.upload_lost_heading": Message(
        "上传的文件已不在服务器上",
        "The uploaded file is no longer on the server",
    ),
    "board.upload_lost": Message(
        "服务器只在内存里保留最近上传的{n}个文件，而且只保留在接收上传的那个工作进程里。服"
        "务重启过，或服务以多个工作进程运行（--workers）时，这个链接就可能找不到它。重新上"
        "传一次即可；服务器事件目录里的文件没有这个问题。",
        "The server keeps only the last {n} uploaded files, in memory, and only in the "
        "worker process that received the upload. After a restart, or when the service runs"
        " several worker processes (--workers), this link may not find it. Upload it again;"
        " files of the server's events folder do not have this problem.",
    ),
    "board.upload_again": Message("重新上传", "Upload it again"),
    "board.cross_site": Message(
        "这个表单不是从本看板的页面提交的，已拒绝（防止跨站请求伪造）。请回到看板，重新提交。",
        "This form was not sent from a page of this board, so it was refused (a defence "
        "against cross-site request forgery). Go back to the board and send it again.",
    ),
    "board.login_title": Message("登录看板", "Sign in to the board"),
    "board.login_intro": Message(
        "本服务设置了访问令牌。请粘贴管理员给您的令牌。登录在本浏览器保持 12 "
        "小时，浏览器里不保存令牌本身。",
        "This service has an access token. Paste the token your administrator gave you. The"
        " sign-in lasts 12 hours in this browser, which never keeps the token itself.",
    ),
    "board.login_label": Message("访问令牌", "Access token"),
    "board.login_button": Message("登录", "Sign in"),
    "board.login_wrong": Message(
        "令牌不对。请核对后重新粘贴。",
        "That is not the token. Check it and paste it again.",
    ),
    "board.logout_button": Message("退出登录", "Sign out"),
    "board.ics_missing": Message(
        "导出日历需要可选组件 icalendar：pip install 'deadlines[ics]'",
        "The calendar export needs the optional package icalendar: pip install 'deadlines[ics]'",
    ),
    "board.no_source": Message(
        "请先上传或选择一个事件文件。",
        "Upload or pick an events file first.",
    ),
    "board.empty": Message("此时点没有督办事项。", "No obligations at this moment."),
    "board.weekday_names": Message("一 二 三 四 五 六 日", "Mo Tu We Th Fr Sa Su"),
    "board.weekdays_long": Message(
        "周一 周二 周三 周四 周五 周六 周日", "Mon Tue Wed Thu Fri Sat Sun"
    ),
    # -- an alert's level beside the statuses' (AlertLevel), an article -------------------
    "board.level.violation": Message("违规", "violation"),
    "board.level.shortfall": Message("未达要求", "shortfall"),
    "board.level.provisional": Message("暂定", "provisional"),
    "board.article": Message("第{article:cn}条", "art. {article}"),
    # -- the CSV's headers ----------------------------------------------------------------
    "board.csv.id": Message("事项编号", "obligation"),
    "board.csv.rule": Message("规则", "rule"),
    "board.csv.title": Message("规则名称", "title"),
    "board.csv.subject": Message("事由", "subject"),
    "board.csv.responsible": Message("责任单位", "responsible"),
    "board.csv.trigger": Message("起算时间（北京时间）", "trigger (Beijing time)"),
    "board.csv.due": Message("到期时间（北京时间）", "due (Beijing time)"),
    "board.csv.status": Message("状态", "status"),
    "board.csv.working_days_left": Message("剩余工作日", "working days left"),
    "board.csv.hours_left": Message("剩余小时", "hours left"),
    "board.csv.escalated": Message("提请督办", "escalated"),
    "board.csv.paused": Message("暂停计时", "paused"),
    "board.csv.completed_at": Message("办结时间（北京时间）", "done at (Beijing time)"),
    "board.csv.provisional": Message("暂定", "provisional"),
    "board.csv.article": Message("条款", "article"),
    "board.csv.line": Message("行号", "line"),
    # -- the service's problems (RFC 9457 titles) --------------------------------------------
    "service.invalid-input": Message("输入有误", "Invalid input"),
    "service.not-found": Message("未找到", "Not found"),
    "service.method-not-allowed": Message("不支持该请求方法", "Method not allowed"),
    "service.unauthorized": Message(
        "未授权：需要有效的令牌", "Unauthorized: a valid token is required"
    ),
    "service.too-large": Message("请求过大", "Request too large"),
    "service.timeout": Message("请求超时", "Request took too long"),
    "service.missing-extra": Message(
        "服务器未安装所需的可选组件", "An optional component is not installed"
    ),
    "service.internal": Message("服务器内部错误", "Internal server error"),
    # -- what is wrong with a request, in the language the body asks ---------------------------
    "service.detail.reserved": Message(
        "{name}不是规则参数，应与params并列给出，例如"
        '{{"rule": "minutes.executive", "at": "2026-09-30T17:00"}}',
        "{name} is not a rule parameter; give it beside params, as in "
        '{{"rule": "minutes.executive", "at": "2026-09-30T17:00"}}',
    ),
    "service.detail.explain": Message(
        'explain不是规则参数，应与params并列给出：{{"rule": ..., "at": ..., "explain": true}}',
        "explain is not a rule parameter; give it beside params: "
        '{{"rule": ..., "at": ..., "explain": true}}',
    ),
    "service.detail.cannot_compute": Message(
        "无法按这些参数计算：{error}", "cannot compute with these parameters: {error}"
    ),
}
