"""Messages of errors: usage errors, and the library's errors as every surface says them
(ids ``error``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import Message

_AT = "2026-09-30T17:00"

MESSAGES: Final[Mapping[str, Message]] = {
    # -- usage errors, and the library's errors as the command line says them ------------------
    "error.line": Message("{command}：错误：{text}", "{command}: error: {text}"),
    "error.usage": Message("参数 {argument}：{problem}", "argument {argument}: {problem}"),
    # Chinese leaves out the argument a problem already names (规则“x”…); English keeps argparse's.
    "error.usage.named": Message("{head}{problem}", "{head}{problem}"),
    "error.problem": Message("{command}：{text}", "{command}: {text}"),
    "error.interrupted": Message("{command}：已中断", "{command}: interrupted"),
    "error.warning": Message("{command}：警告：{message}", "{command}: warning: {message}"),
    "error.unrecognized": Message(
        "无法识别的参数：{extra}（参见 {prog} --help）",
        "unrecognized arguments: {extra} (see {prog} --help)",
    ),
    "error.plugin_hint": Message(
        "{problem}；加 --no-plugins 可不用插件计算，或卸载该插件",
        "{problem}; add --no-plugins to compute without plugins, or uninstall the plugin",
    ),
    "error.plugin_hint.env": Message(
        "{problem}；设置 DEADLINES_DISABLE_PLUGIN_AUTOLOAD=1 可不用插件计算，或卸载该插件",
        "{problem}; set DEADLINES_DISABLE_PLUGIN_AUTOLOAD=1 to compute without plugins, or "
        "uninstall the plugin",
    ),
    "error.plugin_hint.plugins": Message(
        "{problem}；请卸载该插件，或在其他命令中加 --no-plugins 不用插件计算",
        "{problem}; uninstall the plugin, or add --no-plugins to other commands to compute "
        "without it",
    ),
    "error.must_be": Message("应为{expected}；实际为{value}", "must be {expected}; got {value}"),
    "error.named_must_be": Message(
        "{argument}应为{expected}；实际为{value}", "{argument} must be {expected}; got {value}"
    ),
    "error.instant": Message(
        f"ISO 8601 格式的日期时间，例如 {_AT}（可带 +08:00）",
        f"an ISO 8601 date and time such as {_AT} (+08:00 optional)",
    ),
    "error.line.bare": Message("{problem}", "{problem}"),
    "error.param.pair": Message(
        "应为“参数名=值”，例如 limit_days=15；实际为{value}",
        "must be NAME=VALUE such as limit_days=15; got {value}",
    ),
    "error.param.twice": Message(
        "{name}指定了两次；每个参数只能指定一次", "{name} is given twice; give each parameter once"
    ),
    "error.param.pass": Message(
        "{problem}；请以 --param {example} 指定", "{problem}; pass it as --param {example}"
    ),
    "error.unknown_rule": Message(
        "没有规则{rule}{hint}；现有规则：{known:list}",
        "unknown rule {rule}{hint}; known rules: {known:comma}",
    ),
    "error.did_you_mean": Message("（是否指 {rule}？）", " (did you mean {rule}?)"),
    "error.missing_parameter": Message(
        "规则{rule}需要参数{parameter}，例如 {example}",
        "rule {rule} needs the parameter {parameter}, e.g. {example}",
    ),
    "error.not_a_deadline": Message(
        "规则{rule}是{kind}，不是办理时限；{instead}",
        "rule {rule} is a {kind}, not a deadline; {instead}",
    ),
    "error.not_in_effect": Message(
        "规则{rule}在{at}未生效；其适用范围：{effective}",
        "rule {rule} is not in effect at {at}; it applies {effective}",
    ),
    "error.month": Message("01至12之间的月份", "a month from 01 to 12"),
    "error.year_from_1": Message("0001年以后的年份", "a year from 0001"),
    "error.no_such_day": Message(
        "存在的日期：{year}年{month}月没有{day}日（该月只有{days}天）",
        "a day that exists: {month} {year} has no {day} (it has {days} days)",
    ),
    "error.date_range": Message("{first}至{last}之间的日期", "a date from {first} through {last}"),
    "error.range.outside": Message(
        "日历范围为{first}至{last}；实际为{value}",
        "the calendar covers {first} through {last}; got {value}",
    ),
    "error.range.computed": Message(
        "日历范围为{first}至{last}；由输入算出的日期超出此范围：{value}",
        "the calendar covers {first} through {last}; a date computed from the input falls "
        "outside it: {value}",
    ),
    "error.range.after": Message(
        "期限将晚于日历的最后一天{last}（日历范围为{first}至{last}）；实际为{value}",
        "the due date would fall after {last}, where the calendar ends (it covers {first} "
        "through {last}); got {value}",
    ),
    "error.range.before": Message(
        "期限将早于日历的第一天{first}（日历范围为{first}至{last}）；实际为{value}",
        "the due date would fall before {first}, its start (it covers {first} through "
        "{last}); got {value}",
    ),
    "error.plugin": Message(
        "插件{plugin}的钩子 {hook}：{problem}", "plugin {plugin}, hook {hook}: {problem}"
    ),
    "error.plugin_conflict": Message(
        "插件{plugins:comma}对{target}的改动不一致：{detail}；请移除其中一个，或提高其中一个的优先级",
        "plugins {plugins:comma} both change {target}: {detail}; remove one, or give one of "
        "them a higher priority",
    ),
    "error.override_file": Message("{where}：{problem}", "{where}: {problem}"),
    "error.cannot_read": Message("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "error.no_such_name": Message("没有这个名称的文件", "no file has such a name"),
    "error.os.ENOENT": Message("文件不存在", "No such file or directory"),
    "error.os.EACCES": Message("没有访问权限", "Permission denied"),
    "error.os.EISDIR": Message("这是一个文件夹", "Is a directory"),
    "error.not_utf8": Message(
        "文件不是 UTF-8 编码（第{line}行，字节 {byte}）；{seems}。请另存为 UTF-8：在记事本中"
        "选“另存为”，编码选“UTF-8”",
        "the file is not UTF-8 (line {line}, byte {byte}); {seems}. Save it as UTF-8: in "
        "Notepad, 'Save As', Encoding 'UTF-8'",
    ),
    "error.not_utf8.utf16": Message(
        "它是 UTF-16 编码（记事本的“Unicode”）", "it is UTF-16 (Notepad's 'Unicode')"
    ),
    "error.not_utf8.gbk": Message(
        "它可按 GBK（GB 18030，旧版中文 Windows 的编码）读出",
        "it reads as GBK (GB 18030), the encoding of older Chinese Windows",
    ),
    "error.not_utf8.unknown": Message("编码无法识别", "its encoding is unknown"),
    "error.json.twice": Message(
        "键{name}出现了两次；每个键只能出现一次",
        "the key {name} is given twice; give each key once",
    ),
    "error.json.not_a_number": Message(
        "不是有效的 JSON：{name}不是数（RFC 8259 没有 NaN 和 Infinity）",
        "not valid JSON: {name} is not a number (RFC 8259 has no NaN or Infinity)",
    ),
    "error.json.too_large": Message(
        "{number}这个数太大（JSON 的数最大约为1e308）",
        "{number} is too large a number (JSON numbers reach about 1e308)",
    ),
    "cli.invalid_choice": Message(
        "无效的选项“{value}”（可选：{choices:list}）",
        "invalid choice: {value} (choose from {choices:comma})",
    ),
    "error.provisional": Message(
        "{rule}自{at}起算：到期时间{due}所依据的{settled}以后的日期，国务院办公厅尚未发布通知",
        "{rule} at {at}: due {due} relies on days after {settled}, which no State Council "
        "notice has settled yet",
    ),
}
