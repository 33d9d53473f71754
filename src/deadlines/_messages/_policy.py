"""Messages of policy files, case files and their results: `deadlines test`, `deadlines diff`,
`deadlines schema`, and a problem at a line of input (ids ``policy``, ``problem``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import Message

MESSAGES: Final[Mapping[str, Message]] = {
    # -- a problem at a place of some input (deadlines._problems) -------------------------------
    "problem.line": Message("第{line}行", "line {line}"),
    "problem.line_field": Message("第{line}行，{field}", "line {line}, {field}"),
    "problem.where": Message("{where}：{text}", "{where}: {text}"),
    "problem.given": Message("{text}", "{text}"),
    "problem.got": Message("{problem}；实际为{value}", "{problem}; got {value}"),
    "problem.example": Message("{problem}；示例：{example}", "{problem}; e.g. {example}"),
    "problem.required": Message("必须填写", "required"),
    "problem.unknown_field": Message("无此字段", "unknown field"),
    "problem.unknown_field_here": Message(
        "无此字段；此处可用字段：{fields:list}",
        "unknown field; the fields here are {fields:comma}",
    ),
    "problem.unknown_field_close": Message(
        "无此字段，是否应为{close}？此处可用字段：{fields:list}",
        "unknown field; did you mean {close}? the fields here are {fields:comma}",
    ),
    "problem.needs_tag": Message("须填写{tag}，即期限类型", "needs a {tag}, the type of limit"),
    "problem.unknown_tag": Message(
        "无此{tag}“{got}”；可用类型：{expected}", 'unknown {tag} "{got}"; the kinds are {expected}'
    ),
    "problem.literal": Message("应为{expected}", "must be {expected}"),
    "problem.enumeration": Message("、", ", "),
    "problem.choices": Message("{first}或{last}", "{first} or {last}"),
    "problem.greater_than": Message("须大于{gt}", "must be greater than {gt}"),
    "problem.empty": Message("不能为空", "must not be empty"),
    "problem.too_long": Message("不得超过{n}个字符", "must have at most {n} characters"),
    "problem.too_short_one": Message("至少须有{n}项", "needs at least {n} entry"),
    "problem.too_short": Message("至少须有{n}项", "needs at least {n} entries"),
    "problem.type.bool": Message("应为true或false", "must be true or false"),
    "problem.type.int": Message("应为整数", "must be a whole number"),
    "problem.type.float": Message("应为数值", "must be a number"),
    "problem.type.string": Message("应为加引号的文本", "must be text in quotes"),
    "problem.type.table": Message("应为表", "must be a table"),
    "problem.type.array": Message("应为数组", "must be an array"),
    "problem.type.date": Message("应为日期", "must be a date"),
    "problem.type.date_exact": Message("应为日期，不含时间", "must be a date, without a time"),
    "problem.type.datetime": Message("应为日期时间", "must be a date and time"),
    "problem.type.pattern": Message("格式不符合要求", "is not in the expected form"),
    # -- phrases the json module and the library spell in English, found by their English --
    "problem.known.value": Message("此处应为一个值", "Expecting value"),
    "problem.known.key_quotes": Message(
        "键名须加双引号", "Expecting property name enclosed in double quotes"
    ),
    "problem.known.comma": Message("此处应为逗号", "Expecting ',' delimiter"),
    "problem.known.colon": Message("此处应为冒号", "Expecting ':' delimiter"),
    "problem.known.extra": Message("有多余内容", "Extra data"),
    "problem.known.unterminated": Message("字符串未闭合", "Unterminated string starting at"),
    "problem.known.control": Message("含无效控制字符", "Invalid control character at"),
    "problem.known.instant": Message(
        "ISO 8601 格式的日期时间，例如 2026-09-30T17:00（可带 +08:00）",
        "an ISO 8601 date and time such as 2026-09-30T17:00 (+08:00 optional)",
    ),
    "problem.known.parameter_instant": Message(
        "ISO 8601 格式的日期时间，例如 2026-09-30T17:00（可带 +08:00），或 datetime.datetime 值",
        "an ISO 8601 date and time such as 2026-09-30T17:00 (+08:00 optional), "
        "or a datetime.datetime",
    ),
    "problem.known.date": Message(
        "ISO 8601日期，如2026-09-30", "an ISO 8601 date such as 2026-09-30"
    ),
    "problem.known.positive": Message("正整数，如15", "a positive integer such as 15"),
    "problem.known.bool": Message("true或false", "true or false"),
    "problem.known.deadline": Message("日期，如2026-10-31", "a date such as 2026-10-31"),
    "problem.known.offset": Message(
        "时区偏移在-12:00至+14:00之间的时间（中国为+08:00）",
        "an instant with an offset from -12:00 to +14:00 (China is +08:00)",
    ),
    "problem.known.years": Message(
        "换算为中国时间后在公元1年至9999年之间的时间",
        "an instant from the year 1 through 9999 in China time",
    ),
    "problem.known.ics_export": Message("导出日历（--ics）", "Calendar export (--ics)"),
    "problem.known.batch_format": Message("jsonl或csv", "jsonl or csv"),
    "problem.known.policy_format": Message("toml或json", "toml or json"),
    # -- what a JSON value is, when it is not the object a line must be ------------------------
    "problem.kind.list": Message("数组", "a list"),
    "problem.kind.string": Message("字符串", "a string"),
    "problem.kind.boolean": Message("布尔值", "a boolean"),
    "problem.kind.number": Message("数值", "a number"),
    "problem.kind.null": Message("null", "null"),
    # -- a line of batch input (deadlines.io) ---------------------------------------------------
    "problem.not_text": Message(
        "应为一行文本，实际为{kind}：请先将输入解码，例如按UTF-8解码",
        "must be a line of text (str); got {kind}: decode the input first, e.g. as UTF-8",
    ),
    "problem.not_json": Message("不是有效的JSON：{detail}", "not valid JSON: {detail}"),
    "problem.json_at": Message("{detail}（第{column}列）", "{detail} at column {column}"),
    "problem.not_object": Message(
        "应为JSON对象，如{example}；实际为{kind}",
        "must be a JSON object such as {example}; got {kind}",
    ),
    "problem.missing_rule": Message(
        "缺少规则编号；每行须写明rule，如{example}",
        "missing; each line needs a rule, e.g. {example}",
    ),
    "problem.missing_at": Message(
        "缺少起算时间；每行须写明at，如{example}",
        "missing; each line needs the trigger instant, e.g. {example}",
    ),
    "problem.missing_rule_cell": Message(
        "缺少规则编号；每行须在rule列填写规则编号，如minutes.executive",
        "missing; each row needs a rule id in the rule column, e.g. minutes.executive",
    ),
    "problem.missing_at_cell": Message(
        "缺少起算时间；每行须在at列填写起算时间，如2026-09-30T17:00",
        "missing; each row needs the trigger instant in the at column, e.g. 2026-09-30T17:00",
    ),
    "problem.rule_not_text": Message(
        "rule应为规则编号，如minutes.executive；实际为{value}",
        "rule must be a rule id such as minutes.executive; got {value}",
    ),
    "problem.at_not_text": Message(
        "at应为ISO 8601 格式的日期时间（文本），例如 2026-09-30T17:00（可带 +08:00）；"
        "实际为{value}",
        "at must be an ISO 8601 date and time such as 2026-09-30T17:00 (+08:00 optional), "
        "as text; got {value}",
    ),
    "problem.not_utf8": Message(
        "不是UTF-8文本（{what}，位于{where}）；请将输入另存为UTF-8（电子表格另存为“CSV UTF-8”）",
        "not UTF-8 text ({what} {where}); save the input as UTF-8 (in Excel: CSV UTF-8)",
    ),
    "problem.byte": Message("十六进制值为{code}的字节", "the byte 0x{code}"),
    "problem.character": Message("字符U+{code}", "U+{code}"),
    "problem.at_column": Message("第{n}列", "at column {n}"),
    "problem.header_column": Message("表头第{n}列", "in column {n} of the header"),
    "problem.cell_named": Message("{name}单元格", "in the {name} cell"),
    "problem.cell": Message("第{n}个单元格", "in cell {n}"),
    "problem.header_not_csv": Message(
        "表头行不是有效的CSV：{detail}", "the header row is not valid CSV: {detail}"
    ),
    "problem.not_csv": Message("不是有效的CSV：{detail}", "not valid CSV: {detail}"),
    "problem.header": Message(
        "表头行{problem}；表头须列出rule和at各一次，id和参数另列，如{example}",
        "the header row {problem}; it must name rule and at once each, with id and parameters "
        "as other columns, e.g. {example}",
    ),
    "problem.header_missing": Message(
        "未列出{columns:list}列", "does not name the column(s) {columns:comma}"
    ),
    "problem.header_twice": Message("重复列出{names}", "names {names} twice"),
    "problem.header_empty": Message("有空列名", "has an empty column name"),
    "problem.too_many_cells": Message(
        "有{cells}个单元格，而表头只列出{width}列（{header}）；含逗号的单元格须加引号",
        "has {cells} cells but the header names {width} columns ({header}); quote a cell that "
        "contains a comma",
    ),
    "problem.unexpected": Message(
        "意外错误{kind}：{detail}（属程序缺陷，请报告）",
        "unexpected {kind}: {detail} (please report it)",
    ),
    # problem.unexpected's Chinese, not its English: a case's report says ``actual   error:
    # internal error, …`` where a batch line says ``unexpected …``; both are output, kept.
    "policy.bug": Message(
        "意外错误{kind}：{detail}（属程序缺陷，请报告）",
        "internal error, a bug in deadlines (please report it): {kind}: {detail}",
    ),
    "problem.unknown_rule": Message(
        "没有规则{rule}；现有规则：{known:list}", "unknown rule {rule}; known rules: {known:comma}"
    ),
    # -- policy files (deadlines.policy._files) ------------------------------------------------
    "policy.diff.not_before": Message("不早于{first:iso}的日期", "a date on or after {first:iso}"),
    "policy.problems": Message("{path}：{n}处问题：", "{path}: {n} problems:"),
    "policy.format": Message(
        "格式应为'toml'或'json'；实际为{got}", "format must be 'toml' or 'json'; got {got}"
    ),
    "policy.not_valid": Message("不是有效的{format}：{detail}", "not valid {format}: {detail}"),
    "problem.huge_number": Message(
        "不是有效的JSON：数字超过4300位", "not valid JSON: a number has more than 4300 digits"
    ),
    "policy.not_table": Message(
        '政策文件应为表（JSON对象），如{{"rules": [...]}}',
        'a policy is a table (JSON object) such as {{"rules": [...]}}',
    ),
    "policy.change_with_rules": Message(
        "变更文件（base = {base}）应在disable、[[replace]]、[[amend]]和[[add]]中列明变更内容，"
        "不用[[rules]]",
        "a change (base = {base}) lists what differs in disable, [[replace]], [[amend]] and "
        "[[add]], not [[rules]]",
    ),
    "policy.needs_base": Message(
        '{key}用于变更基础政策，须先写明基础政策，如base = "opinion-2020"',
        '{key} changes a base policy: name it first, e.g. base = "opinion-2020"',
    ),
    "policy.base_loop": Message("基础政策循环引用：{chain}", "the bases form a loop: {chain}"),
    "policy.unreadable": Message(
        "无法读取（{reason}）；请给出政策文件或内置政策名称：{known:list}",
        "cannot read it ({reason}); give a policy file or a built-in name: {known:comma}",
    ),
    "policy.unknown_rule_add": Message(
        "没有规则{rule}；现有规则：{known:list}；新增规则请用[[add]]",
        "unknown rule {rule}; known rules: {known:comma}; to add a new rule use [[add]]",
    ),
    "policy.the_base": Message("基础政策", "the base"),
    "policy.already_in": Message(
        "{rule}已在{base}中；如需修改，请用[[amend]]或[[replace]]",
        "{rule} is already in {base}; change it with [[amend]] or [[replace]]",
    ),
    "policy.disabled_twice": Message(
        "{rule}已停用（disable[{first}]）", "{rule} is already disabled (disable[{first}])"
    ),
    "policy.disabled_and_replace": Message(
        "{rule}在本变更中既停用（disable[{first}]）又替换，只能选其一",
        "{rule} is both disabled (disable[{first}]) and replaced in this change: choose one",
    ),
    "policy.disabled_and_amend": Message(
        "{rule}在本变更中既停用（disable[{first}]）又修改，只能选其一",
        "{rule} is both disabled (disable[{first}]) and amended in this change: choose one",
    ),
    "policy.disabled_and_add": Message(
        "{rule}在本变更中既停用（disable[{first}]）又新增，只能选其一（如需重新定义，请用[[replace]]）",
        "{rule} is both disabled (disable[{first}]) and added in this change: choose one (to "
        "give it a new definition, use [[replace]])",
    ),
    "policy.before_add": Message(
        "{rule}由本变更新增（add[{first}]），而[[{key}]]先于[[add]]执行：请在[[add]]中直接写明该规则",
        "{rule} is added by this change (add[{first}]), and [[{key}]] applies before [[add]]: "
        "write the rule as it should be in [[add]]",
    ),
    "policy.until_without_from": Message(
        "写明effective_until的，须同时写明effective_from，如effective_from = 2027-01-01",
        "effective_until needs effective_from, e.g. effective_from = 2027-01-01",
    ),
    "policy.until_before_from": Message(
        "effective_until（{until}）早于effective_from（{start}）",
        "effective_until ({until}) is before effective_from ({start})",
    ),
    "policy.nothing_to_amend": Message(
        "{day}无{rule}的有效版本可修改（其适用期间：{windows}）；请改用[[add]]新增版本",
        "no version of {rule} is in effect on {day} to amend (it applies {windows}); add a "
        "version with [[add]] instead",
    ),
    "policy.until_after_version": Message(
        "effective_until（{until}）晚于所修改版本的止日（{end}）",
        "effective_until ({until}) is after the end of the version it amends ({end})",
    ),
    "policy.window_open": Message("自{start}起", "from {start}"),
    "policy.window": Message("自{start}起至{end}止", "from {start} through {end}"),
    # examples of valid input by field name, after a problem of a policy or case file
    **{
        f"policy.hint.{name}": Message(f"{name} = {example}", f"{name} = {example}")
        for name, example in (
            (key, text.replace("{", "{{").replace("}", "}}"))
            for key, text in (
                ("limit", '{kind = "hours", n = 48}'),
                ("n", "3"),
                ("citation", '{article = 11, text = "普通件运转完成时间不超过48小时"}'),
                ("article", "11"),
                ("id", '"routing.ordinary"'),
                ("effective_from", "2027-01-01"),
                ("effective_until", "2026-12-31"),
                ("base", '"opinion-2020"'),
                ("disable", '["research.field_days"]'),
                ("months", "[2, 3]"),
                ("rule", '"routing.ordinary"'),
                ("due", "2027-01-06T10:00:00"),
                ("due_date", "2027-01-06"),
                ("provisional", "true"),
                ("expect", "{due = 2027-01-06T10:00:00}"),
                ("message_contains", '"not in effect"'),
                ("overrides", '["notice-2027.toml"]'),
                ("trace_contains", '["version from 2027-01-01"]'),
                ("params", "{involves_personnel_money_assets = true}"),
            )
        )
    },
    "policy.hint.kind": Message(
        'kind = "working_days"（或calendar_days、hours、same_day、on_arrival、all_of等）',
        'kind = "working_days" (or calendar_days, hours, same_day, on_arrival, all_of, …)',
    ),
    # -- case files (deadlines.policy._cases) ---------------------------------------------------
    "policy.cannot_read": Message("无法读取：{reason}", "cannot read it: {reason}"),
    "policy.no_such_path": Message(
        "文件或文件夹不存在；请给出案例文件（*{suffix}）或文件夹",
        "no such file or folder; give case files (*{suffix}) or folders",
    ),
    "policy.due_is_date": Message(
        "{day}是日期，不含时间：核对期限最后一日，请写due_date = {day}；核对到期时刻，请写"
        "due = {day}T17:30:00",
        "{day} is a date without a time: to check the last day of the period write due_date = "
        "{day}; to check the instant, due = {day}T17:30:00",
    ),
    "policy.due_not_instant": Message(
        "应为日期时间，如2027-01-06T10:00:00；实际为{value}",
        "must be a date and time such as 2027-01-06T10:00:00; got {value}",
    ),
    "policy.day_not_instant": Message(
        "应为日期，不是时刻：如{name} = {day}", "is a day, not an instant: e.g. {name} = {day}"
    ),
    "policy.due_date_not_instant": Message(
        "应为日期，不是时刻：如due_date = {day}（核对到期时刻，请写due = {value}）",
        "is a day, not an instant: e.g. due_date = {day} (to check the instant, due = {value})",
    ),
    "policy.day_not_date": Message(
        "应为日期，如{example}；实际为{value}", "must be a date such as {example}; got {value}"
    ),
    "policy.expect_nothing": Message(
        "须至少写明status、due、due_date、provisional、effective_from、trace_contains、"
        "message_contains中的一项；示例：expect = {{due = 2027-01-06T10:00:00}}",
        "needs at least one of status, due, due_date, provisional, effective_from, "
        "trace_contains or message_contains; e.g. expect = {{due = 2027-01-06T10:00:00}}",
    ),
    "policy.at_format": Message(
        "应为日期时间，如2027-01-05T10:00:00（北京时间，+08:00等时差可省略），禁办期规则也可只写"
        "日期；实际为{value}",
        "must be a date and time such as 2027-01-05T10:00:00 (Asia/Shanghai; an offset such as "
        "+08:00 is optional), or a date for a blackout; got {value}",
    ),
    "policy.hint.at": Message(
        "2027-01-05T10:00:00（北京时间，+08:00等时差可省略）",
        "2027-01-05T10:00:00 (Asia/Shanghai; an offset such as +08:00 is optional)",
    ),
    "policy.hint.status": Message(
        '"due"（或violates、allowed、not_in_effect、unknown_rule、not_a_deadline、'
        "missing_parameter、invalid_value、error）",
        '"due" (or violates, allowed, not_in_effect, unknown_rule, not_a_deadline, '
        "missing_parameter, invalid_value, error)",
    ),
    "policy.hint.case": Message(
        "[[case]]表，每表写明rule、at和expect", "[[case]] tables, each with rule, at and expect"
    ),
    "policy.hint.policy": Message(
        'policy = "policy.toml"（与本文件同一文件夹）或"opinion-2020"',
        'policy = "policy.toml" (a file beside this one) or "opinion-2020"',
    ),
    # -- what a trigger gave (CaseStatus), as a person reads it; English keeps the code -------
    "policy.status.due": Message("有到期时间", "due"),
    "policy.status.violates": Message("属禁办期", "violates"),
    "policy.status.allowed": Message("不属禁办期", "allowed"),
    "policy.status.not_in_effect": Message("未生效", "not_in_effect"),
    "policy.status.unknown_rule": Message("无此规则", "unknown_rule"),
    "policy.status.not_a_deadline": Message("非期限规则", "not_a_deadline"),
    "policy.status.missing_parameter": Message("缺少参数", "missing_parameter"),
    "policy.status.invalid_value": Message("取值无效", "invalid_value"),
    "policy.status.error": Message("出错", "error"),
    # -- deadlines test ---------------------------------------------------------------------
    "policy.test.ok": Message("通过", "ok"),
    "policy.test.fail": Message("未通过", "FAIL"),
    "policy.test.provisional": Message("（暂定）", " (provisional)"),
    "policy.test.passed": Message("共{passed}个案例，全部通过", "{passed} passed"),
    "policy.test.failed": Message(
        "通过{passed}个，未通过{failed}个", "{passed} passed, {failed} failed"
    ),
    "policy.test.no_files": Message(
        "{paths:list}中没有案例文件（*.deadlines.toml）",
        "no case files (*.deadlines.toml) in {paths:comma}",
    ),
    "policy.case.head": Message(
        "{path}，第{index}个案例：{title}", "{path}, case {index}: {title}"
    ),
    "policy.case.trigger": Message(
        "起算：{rule}，{at}{params}（政策：{policy}）",
        "trigger: {rule} at {at}{params} (policy {policy})",
    ),
    "policy.case.params": Message("，{params:list}", ", {params:comma}"),
    # the keys of expect, in a failure report: English keeps the key the case file writes
    "policy.field.status": Message("结果", "status"),
    "policy.field.due": Message("到期时间", "due"),
    "policy.field.due_date": Message("期限最后一日", "due_date"),
    "policy.field.provisional": Message("是否暂定", "provisional"),
    "policy.field.effective_from": Message("适用版本起始日", "effective_from"),
    "policy.field.trace_contains": Message("计算过程应含", "trace_contains"),
    "policy.field.message_contains": Message("错误信息应含", "message_contains"),
    "policy.case.expected": Message("预期：{value}", "expected {value}"),
    "policy.case.actual": Message("实际：{value}", "actual   {value}"),
    "policy.case.error": Message("{status}：{message}", "{status}: {message}"),
    "policy.case.trace": Message("计算过程：", "trace:"),
    "policy.case.not_in_trace": Message("计算过程中没有", "not in the trace"),
    "policy.case.no_trace": Message("无计算过程", "no trace"),
    "policy.case.no_error": Message("未出错", "no error"),
    "policy.case.at": Message("{title}：{at}", "{title} at {at}"),
    # -- deadlines diff ---------------------------------------------------------------------
    "policy.diff.head": Message(
        "{base} → {new}：共{n}个起算时间（{source}）", "{base} → {new}: {n} triggers ({source})"
    ),
    "policy.diff.from_cases": Message("取自{paths:list}中的案例", "the cases in {paths:comma}"),
    "policy.diff.from_range": Message(
        "{first}至{last}每个工作日的每个办公小时", "every working hour from {first} through {last}"
    ),
    "policy.diff.added": Message("新增规则：{ids:list}", "rules added: {ids:comma}"),
    "policy.diff.removed": Message("删除规则：{ids:list}", "rules removed: {ids:comma}"),
    "policy.diff.redefined": Message("修改规则：{ids:list}", "rules redefined: {ids:comma}"),
    "policy.diff.none": Message("无变化", "no change"),
    "policy.diff.rule": Message(
        "{rule}：{n}个起算时间中{changed}个有变化{moved}",
        "{rule}: {changed} of {n} triggers change{moved}",
    ),
    "policy.diff.moved": Message("（{moved:comma}）", " ({moved:comma})"),
    "policy.diff.n_earlier": Message("提前{n}个", "{n} earlier"),
    "policy.diff.n_later": Message("推迟{n}个", "{n} later"),
    "policy.diff.largest_earlier": Message("提前最多的：", "largest shifts earlier:"),
    "policy.diff.largest_later": Message("推迟最多的：", "largest shifts later:"),
    "policy.diff.changes": Message("全部变化：", "changes:"),
    "policy.diff.change": Message(
        "{at}：{before} → {after}{shift}{label}", "{at}: {before} → {after}{shift}{label}"
    ),
    "policy.diff.shift": Message("（{shift}）", "  ({shift})"),
    "policy.diff.label": Message("【{label}】", "  [{label}]"),
    "policy.diff.earlier": Message("提前{size}", "{size} earlier"),
    "policy.diff.later": Message("推迟{size}", "{size} later"),
    "policy.diff.d": Message("{n}个自然日", " {n} d"),
    "policy.diff.workdays": Message("、{n}个工作日", ", {n} wd"),
    "policy.diff.due": Message("{at}{mark}", "{at}{mark}"),
    "policy.diff.provisional_mark": Message("（暂定）", "?"),
    "policy.diff.h": Message("{n}小时", " {n} h"),
    "policy.diff.min": Message("{n}分钟", " {n} min"),
    "policy.diff.before": Message("变更前：{status}：{message}", "before: {status}: {message}"),
    "policy.diff.after": Message("变更后：{status}：{message}", "after: {status}: {message}"),
    "policy.diff.total_one": Message(
        "{n}个起算时间中{changed}个有变化，涉及{rules}条规则",
        "{changed} of {n} triggers change, in {rules} rule",
    ),
    "policy.diff.total": Message(
        "{n}个起算时间中{changed}个有变化，涉及{rules}条规则",
        "{changed} of {n} triggers change, in {rules} rules",
    ),
    "policy.diff.provisional": Message(
        "注：标“暂定”的到期时间，所依据的日期尚无国务院办公厅放假安排通知",
        "? provisional: relies on days no State Council notice has settled yet",
    ),
    "policy.usage.both": Message(
        "--cases 路径与日期范围（{example}）只能给出其一",
        "give --cases PATH or a range ({example}), not both",
    ),
    "policy.usage.no_triggers": Message(
        "请给出起算时间：--cases 路径（案例文件）或日期范围，如{example}",
        "give the triggers: --cases PATH (case files) or a range, e.g. {example}",
    ),
    "policy.usage.to_before_from": Message(
        "须不早于--from（{first}）；实际为{last}",
        "must be on or after --from ({first}); got {last}",
    ),
    "policy.usage.in_calendar": Message(
        "须在{first}至{last}之间；实际为{value}", "must be from {first} through {last}; got {value}"
    ),
    "policy.usage.date": Message(
        "应为{expected}；实际为{value}", "must be {expected}; got {value}"
    ),
}
