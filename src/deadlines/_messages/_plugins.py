"""Messages of plugins and local adjustments (本地调整) (ids ``plugin``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import Message

MESSAGES: Final[Mapping[str, Message]] = {
    # -- what a plugin changes (PluginChange.zh / .en, deadlines plugins) -------------------
    "plugin.day": Message(
        "{day:iso}：{what}（{name}），{source}", "{day:iso}: {what} ({name}), {source}"
    ),
    "plugin.day.off": Message("休息日", "day off"),
    "plugin.day.on": Message("工作日", "working day"),
    "plugin.hours": Message("{sessions:comma}", "{sessions:comma}"),
    "plugin.hours.seasons": Message("{sessions:comma}；{seasons}", "{sessions:comma}; {seasons}"),
    "plugin.season": Message(
        "{name}（{span}）：{sessions:comma}", "{name} {span}: {sessions:comma}"
    ),
    "plugin.notice": Message(
        "{year}年放假通知（{source}）：放假{off}天，调休上班{on}天",
        "the {year} notice ({source}): {off} days off, {on} adjusted working days",
    ),
    "plugin.office_hours": Message(
        "办公时间：由{before}改为{after}", "office hours: {before} → {after}"
    ),
    "plugin.office_hours.seasons": Message("办公时间增设{seasons}", "office hours: adds {seasons}"),
    "plugin.rule_added": Message(
        "新增规则 {rule}（{window}）：{limit}，{source}",
        "adds {rule} ({window}): {limit}, {source}",
    ),
    "plugin.rule_added.source": Message(
        "{document}第{article:cn}条", "art. {article} of {document}"
    ),
    "plugin.rule_disabled": Message("停用规则 {rule}", "disables {rule}"),
    "plugin.changed": Message("{target}：由{before}改为{after}", "{target}: {before} → {after}"),
    "plugin.changed.field": Message(
        "{target}：{field}由{before}改为{after}", "{target}: {field} {before} → {after}"
    ),
    "plugin.changed.as": Message("{target}：{change}", "{target}: {change}"),
    "plugin.until": Message("执行至{day:long}", "in effect until {day:iso}"),
    "plugin.unset": Message("未设定", "None"),
    "plugin.as_is": Message("{change}", "{change}"),
    "plugin.overridden": Message(
        "{change}（被 {plugin} 取代）", "{change} (overridden by {plugin})"
    ),
    "plugin.convention": Message("默认计算惯例 {name}", "default convention {name}"),
    "plugin.thresholds": Message("督查预警阈值", "supervision thresholds"),
    "plugin.thresholds.of": Message("督查预警阈值（{key}）", "supervision thresholds for {key}"),
    # -- a rule's fields, as a Chinese reader knows them ------------------------------------
    "plugin.field.limit": Message("时限", "limit"),
    "plugin.field.title_zh": Message("中文标题", "title_zh"),
    "plugin.field.title_en": Message("英文标题", "title_en"),
    "plugin.field.actor_zh": Message("办理主体", "actor_zh"),
    "plugin.field.actor_en": Message("办理主体（英文）", "actor_en"),
    "plugin.field.citation": Message("依据", "citation"),
    "plugin.field.effective_from": Message("施行日期", "effective_from"),
    "plugin.field.effective_until": Message("失效日期", "effective_until"),
    # -- the trace step of a local change ----------------------------------------------------
    "plugin.local_change": Message("本地调整：{change}", "local change: {change}"),
    "plugin.rule_changes": Message("{where}：{changes}", "{where}: {changes}"),
    "plugin.rule_changes.also": Message(
        "{where}：{changes}；另改{fields:list}", "{where}: {changes}; also {fields:list}"
    ),
    "plugin.rule_changes.only": Message("{where}：改{fields:list}", "{where}: {fields:list}"),
}
