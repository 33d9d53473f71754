"""Each hook's answer, checked and turned into claims: one reader per hook.

A reader raises `PluginError` naming the plugin and the hook for an answer of the wrong type or
an invalid value; it never changes anything but the table of claims.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from deadlines._errors import PluginError, describe
from deadlines._plugins._claims import Answer, Claims, PluginChange, items, one_line, plain, wrong
from deadlines.calendar import CalendarOverride, DayChange, Notice, OfficeHours
from deadlines.calendar._table import FIRST_DATE, LAST_DATE
from deadlines.rules import Conventions, Rule, RuleSet, describe_limit

if TYPE_CHECKING:
    from deadlines._thresholds import Thresholds

#: The rule fields `deadlines_labels` may set.
LABEL_FIELDS: Final = ("title_zh", "title_en", "actor_zh", "actor_en")
#: The fields of a rule a plugin may change (its origin is the engine's to set).
RULE_FIELDS: Final = tuple(name for name in Rule.model_fields if name != "origin")
_RULES_EXAMPLE = 'a list of Rule values, e.g. [rules.get("routing.ordinary").evolve(limit=...)]'
_THRESHOLD_FIELDS: Final = ("warning", "escalate_after")
_THRESHOLDS_EXAMPLE = (
    "a Thresholds value, e.g. Thresholds(warning=WorkingDaysBefore(2)), or a mapping of rule "
    "ids or families to Thresholds, e.g. {'minutes': Thresholds(escalate_after=3)}"
)

#: Rule fields as a Chinese reader knows them.
FIELDS_ZH: Final = {
    "limit": "时限",
    "title_zh": "中文标题",
    "title_en": "英文标题",
    "actor_zh": "办理主体",
    "actor_en": "办理主体（英文）",
    "citation": "依据",
    "effective_from": "施行日期",
    "effective_until": "失效日期",
}


class Reader:
    """Reads every hook's answers into one table of claims, against the base configuration."""

    def __init__(
        self, claims: Claims, rules: RuleSet, conventions: Conventions, hours: OfficeHours
    ) -> None:
        self.claims = claims
        self.base_rules = rules
        self.base_conventions = conventions
        self.base_hours = hours
        self.by_key = {(rule.id, rule.effective_from): rule for rule in rules.rules}
        self.base_thresholds: Thresholds | None = None  # set when a plugin implements the hook

    # --- the calendar ---------------------------------------------------------------------------

    def calendar(self, answer: Answer) -> None:
        override = answer.value
        if not isinstance(override, CalendarOverride):
            wrong(answer, "a CalendarOverride, e.g. CalendarOverride('', local=(DayChange(...),))")
        seen: dict[dt.date, bool] = {}
        for change in override.local:
            if not isinstance(change, DayChange):
                wrong(answer, "DayChange values in CalendarOverride.local", change)
            _check_day(answer, change.date)
            if seen.get(change.date, change.off) != change.off:
                raise PluginError(answer.plugin, answer.hook, f"sets {change.date} both off and on")
            seen[change.date] = change.off
            kind_zh, kind_en = ("休息日", "day off") if change.off else ("工作日", "working day")
            text = PluginChange(
                answer.hook,
                "day",
                change.date.isoformat(),
                "",
                "",
                "off" if change.off else "on",
                f"{change.date}：{kind_zh}（{change.name}），{change.source}",
                f"{change.date}: {kind_en} ({change.name_en or change.name}), {change.source}",
            )
            self.claims.add(("day", change.date), answer, text, change.off, change)
        for notice in override.notices:
            if not isinstance(notice, Notice):
                wrong(answer, "Notice values in CalendarOverride.notices", notice)
            if not FIRST_DATE.year <= notice.year <= LAST_DATE.year:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"a notice for {notice.year}: the calendar covers {FIRST_DATE.year} through "
                    f"{LAST_DATE.year}",
                )
            for change in notice.changes:
                _check_day(answer, change.date)
            off = sum(change.off for change in notice.changes)
            on = len(notice.changes) - off
            text = PluginChange(
                answer.hook,
                "notice",
                str(notice.year),
                "",
                "",
                notice.source,
                f"{notice.year} 年放假通知（{notice.source}）：放假 {off} 天，调休上班 {on} 天",
                f"the {notice.year} notice ({notice.source}): {off} days off, {on} adjusted "
                "working days",
            )
            self.claims.add(("notice", notice.year), answer, text, notice, notice)

    def office_hours(self, answer: Answer) -> None:
        hours = answer.value
        if not isinstance(hours, OfficeHours):
            wrong(answer, "an OfficeHours value, e.g. OfficeHours(seasons=(summer,))")
        if hours == self.base_hours:
            return
        before, after = hours_text(self.base_hours), hours_text(hours)
        text = PluginChange(
            answer.hook,
            "office_hours",
            "",
            "",
            before,
            after,
            f"办公时间：由 {before} 改为 {after}",
            f"office hours: {before} → {after}",
        )
        self.claims.add(("office_hours",), answer, text, hours, hours)

    # --- conventions and rules ------------------------------------------------------------------

    def conventions(self, answer: Answer) -> None:
        changes = answer.value
        if not isinstance(changes, Mapping):
            wrong(answer, "a mapping of convention names to values, e.g. {'cutoff': 'midnight'}")
        names = tuple(type(self.base_conventions).model_fields)
        for name in changes:
            if name not in names:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"no convention {name!r}; the conventions are {', '.join(names)}",
                )
        try:
            merged = Conventions.model_validate({**dict(self.base_conventions), **changes})
        except ValueError as error:
            raise PluginError(answer.plugin, answer.hook, one_line(error)) from error
        for name in changes:
            before, after = getattr(self.base_conventions, name), getattr(merged, name)
            if before != after:
                text = PluginChange(
                    answer.hook,
                    "convention",
                    name,
                    "",
                    plain(before),
                    plain(after),
                    f"默认计算惯例 {name}：由 {plain(before)} 改为 {plain(after)}",
                    f"default convention {name}: {plain(before)} → {plain(after)}",
                )
                self.claims.add(("convention", name), answer, text, after)

    def rules(self, answer: Answer) -> None:
        if isinstance(answer.value, Rule):  # iterable (a pydantic model), but one rule
            wrong(answer, f"{_RULES_EXAMPLE}; put the rule in a list")
        rules: list[Rule] = []
        keys: set[tuple[str, dt.date]] = set()
        for rule in items(answer, _RULES_EXAMPLE):
            if not isinstance(rule, Rule):
                wrong(answer, _RULES_EXAMPLE, rule)
            if (rule.id, rule.effective_from) in keys:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"returns {rule.id} from {rule.effective_from} twice; return each version once",
                )
            keys.add((rule.id, rule.effective_from))
            rules.append(rule)
        try:  # the plugin's rules alone must make a valid set: no overlapping versions
            alone = self.base_rules
            for rule in rules:
                alone = alone.with_rule(rule)
        except ValueError as error:
            raise PluginError(answer.plugin, answer.hook, one_line(error)) from error
        # New versions first, so that the changes below name each version of a rule that now
        # has several by its date.
        for rule in rules:
            key = (rule.id, rule.effective_from)
            if key not in self.by_key:
                text = PluginChange(
                    answer.hook,
                    "rule_added",
                    rule.id,
                    "",
                    "",
                    describe_limit(rule.limit),
                    f"新增规则 {rule.id}（{rule.effective_from} 起）："
                    f"{describe_limit(rule.limit, 'zh')}，{rule.citation.render('zh')}",
                    f"adds {rule.id} ({rule.window()}): {describe_limit(rule.limit)}, art. "
                    f"{rule.citation.article} of {rule.citation.document}",
                )
                value = tuple(getattr(rule, name) for name in RULE_FIELDS)
                self.claims.add(("added", *key), answer, text, value, rule)
        for rule in rules:
            key = (rule.id, rule.effective_from)
            base = self.by_key.get(key)
            for name in RULE_FIELDS if base is not None else ():
                before, after = getattr(base, name), getattr(rule, name)
                if before != after:
                    self._rule_field(answer, key, name, before, after)

    def _rule_field(
        self, answer: Answer, key: tuple[str, dt.date], name: str, before: object, after: object
    ) -> None:
        rule_id, since = key
        versions = {d for i, d in self.by_key if i == rule_id}
        versions.update(t[2] for t in self.claims.targets("added") if t[1] == rule_id)
        where = f"{rule_id}@{since}" if len(versions) > 1 else rule_id
        target = ("rule", rule_id, since, name)
        for other in self.claims.by_target.get(target, ()):
            if other.plugin == answer.plugin and other.value != after:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"sets {name} of {where} to {plain(after)}, but its {other.change.hook} "
                    f"sets {plain(other.value)}",
                )
        before_zh, after_zh = plain(before, "zh"), plain(after, "zh")
        text = PluginChange(
            answer.hook,
            "rule",
            where,
            name,
            plain(before),
            plain(after),
            f"{where}：{FIELDS_ZH.get(name, name)} 由 {before_zh} 改为 {after_zh}",
            f"{where}: {name} {plain(before)} → {plain(after)}",
            before_zh=before_zh,
            after_zh=after_zh,
        )
        self.claims.add(target, answer, text, after)

    def disable_rules(self, answer: Answer) -> None:
        example = "a list of rule ids, e.g. ['meetings.march_freeze']"
        for rule_id in items(answer, example):
            if not isinstance(rule_id, str):
                wrong(answer, example, rule_id)
            if rule_id not in self.base_rules:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"no rule {rule_id!r} to disable; the rules are "
                    f"{', '.join(self.base_rules.ids)}",
                )
            text = PluginChange(
                answer.hook,
                "rule_disabled",
                rule_id,
                "",
                "",
                "disabled",
                f"停用规则 {rule_id}",
                f"disables {rule_id}",
            )
            self.claims.add(("disabled", rule_id), answer, text, value=True)

    def labels(self, answer: Answer) -> None:
        example = "{'routing.ordinary': {'title_en': '...'}}"
        labels = answer.value
        if not isinstance(labels, Mapping):
            wrong(answer, f"a mapping of rule ids to labels, e.g. {example}")
        added = {t[1:]: self.claims.by_target[t][0].payload for t in self.claims.targets("added")}
        versions: dict[tuple[str, dt.date], object] = {**self.by_key, **added}
        ids = sorted({rule_id for rule_id, _ in versions})
        for rule_id, fields in labels.items():
            if rule_id not in ids:
                raise PluginError(
                    answer.plugin,
                    answer.hook,
                    f"no rule {rule_id!r} to label; the rules are {', '.join(ids)}",
                )
            if not isinstance(fields, Mapping):
                wrong(answer, f"labels as a mapping of fields to text, e.g. {example}", fields)
            for name, text in fields.items():
                if name not in LABEL_FIELDS:
                    raise PluginError(
                        answer.plugin,
                        answer.hook,
                        f"cannot label {name!r} of {rule_id}; the labels are "
                        f"{', '.join(LABEL_FIELDS)}",
                    )
                if not isinstance(text, str) or not text.strip():
                    wrong(answer, f"non-empty text for {name} of {rule_id}", text)
                for key, rule in versions.items():
                    before = getattr(rule, name)
                    if key[0] == rule_id and before != text:
                        self._rule_field(answer, key, name, before, text)

    # --- supervision ------------------------------------------------------------------------------

    def supervision_thresholds(self, answer: Answer) -> None:
        """One answer of the thresholds hook, compared with the library's default."""
        from deadlines._thresholds import Thresholds

        if self.base_thresholds is None:
            self.base_thresholds = Thresholds()
        base = self.base_thresholds
        value = answer.value
        entries: list[tuple[str, Thresholds]] = []
        if isinstance(value, Thresholds):  # the default, with its own per-rule entries
            entries.append(("", value))
            for key, own in value.per_rule:
                if key in {k for k, _ in entries[1:]}:
                    raise PluginError(
                        answer.plugin,
                        answer.hook,
                        f"gives {key!r} twice in per_rule; give each rule or family once",
                    )
                self._check_threshold_key(answer, key, own)
                entries.append((key, own))
        elif isinstance(value, Mapping):
            for key, own in value.items():
                if not isinstance(key, str):
                    wrong(answer, _THRESHOLDS_EXAMPLE, key)
                if not isinstance(own, Thresholds):
                    wrong(answer, _THRESHOLDS_EXAMPLE, own)
                self._check_threshold_key(answer, key, own)
                entries.append((key, own))
        else:
            wrong(answer, _THRESHOLDS_EXAMPLE)
        for key, own in entries:  # key "" is the default
            before = base.for_rule(key) if key else base
            for name in _THRESHOLD_FIELDS:
                old, new = getattr(before, name), getattr(own, name)
                if old == new:
                    continue
                zh_where, en_where = (f"（{key}）", f" for {key}") if key else ("", "")
                text = PluginChange(
                    answer.hook,
                    "thresholds",
                    key,
                    name,
                    plain(old),
                    plain(new),
                    f"督查预警阈值{zh_where}：{name} 由 {plain(old)} 改为 {plain(new)}",
                    f"supervision thresholds{en_where}: {name} {plain(old)} → {plain(new)}",
                )
                self.claims.add(("thresholds", key, name), answer, text, new)

    def _check_threshold_key(self, answer: Answer, key: str, own: Thresholds) -> None:
        """A rule id or a family (``minutes``), as `Thresholds.for_rule` looks them up."""
        ids = {*self.base_rules.ids, *(t[1] for t in self.claims.targets("added"))}
        families = sorted({rule_id.split(".", 1)[0] for rule_id in ids})
        if key not in ids and key not in families:
            hint = ""
            if key.endswith(".*") and key[:-2] in families:
                hint = f" (a family is named without '.*': {key[:-2]!r})"
            raise PluginError(
                answer.plugin,
                answer.hook,
                f"no rule or family {key!r} to set thresholds for{hint}; give a rule id such as "
                f"'minutes.executive' or a family: {', '.join(families)}",
            )
        if own.per_rule:
            raise PluginError(
                answer.plugin,
                answer.hook,
                f"the thresholds for {key!r} have per_rule entries of their own; give each rule "
                "or family its own key instead",
            )


def hours_text(hours: OfficeHours) -> str:
    """``09:00–12:00, 13:30–17:30; summer 07-01–09-30: 08:00–12:00, 15:00–18:00``."""

    def sessions(items: tuple[tuple[dt.time, dt.time], ...]) -> str:
        return ", ".join(f"{start:%H:%M}–{end:%H:%M}" for start, end in items)

    seasons = "".join(
        f"; {s.name} {s.start[0]:02}-{s.start[1]:02}–{s.end[0]:02}-{s.end[1]:02}: "
        f"{sessions(s.sessions)}"
        for s in hours.seasons
    )
    return sessions(hours.sessions) + seasons


def _check_day(answer: Answer, day: object) -> None:
    if type(day) is not dt.date or not FIRST_DATE <= day <= LAST_DATE:
        raise PluginError(
            answer.plugin,
            answer.hook,
            f"a day {describe(day)}: each day must be a date from {FIRST_DATE} through {LAST_DATE}",
        )
