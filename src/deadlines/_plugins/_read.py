"""Each hook's answer, checked and turned into claims: one reader per hook, all of one pattern.

A reader checks the answer's shape (`Answer.each`, `Answer.mapping`), raises the plugin's
`PluginError` for an invalid value, and claims what differs from the base configuration; it
changes nothing but the table of claims.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import reduce
from typing import TYPE_CHECKING, Final

from deadlines._errors import describe
from deadlines._messages import Names, Said, say
from deadlines._plugins._claims import Answer, Claims, PluginChange, one_line, spelled
from deadlines.calendar import CalendarOverride, DayChange, Notice, OfficeHours
from deadlines.calendar._table import FIRST_DATE, LAST_DATE
from deadlines.rules import Conventions, Rule, RuleSet

if TYPE_CHECKING:
    from deadlines._thresholds import Thresholds
    from deadlines.calendar import Season

#: The rule fields `deadlines_labels` may set.
LABEL_FIELDS: Final = ("title_zh", "title_en", "actor_zh", "actor_en")
#: The fields of a rule a plugin may change (its origin is the engine's to set).
RULE_FIELDS: Final = tuple(name for name in Rule.model_fields if name != "origin")
_RULES = 'a list of Rule values, e.g. [rules.get("routing.ordinary").evolve(limit=...)]'
_LABELS = "a mapping of rule ids to labels, e.g. {'routing.ordinary': {'title_en': '...'}}"
_THRESHOLDS = (
    "a Thresholds value, e.g. Thresholds(warning=WorkingDaysBefore(2)), or a mapping of rule "
    "ids or families to Thresholds, e.g. {'minutes': Thresholds(escalate_after=3)}"
)


class Reader(Claims):
    """The table of claims, filled from every hook's answers against the base configuration."""

    def __init__(self, rules: RuleSet, conventions: Conventions, hours: OfficeHours) -> None:
        super().__init__()
        self.base_rules = rules
        self.base_conventions = conventions
        self.base_hours = hours
        self.by_key = {(rule.id, rule.effective_from): rule for rule in rules.rules}
        self.base_thresholds: Thresholds | None = None  # set when a plugin implements the hook

    def calendar(self, answer: Answer) -> None:
        override = answer.value
        if not isinstance(override, CalendarOverride):
            answer.wrong("a CalendarOverride, e.g. CalendarOverride('', local=(DayChange(...),))")
        seen: dict[dt.date, bool] = {}
        expected = "DayChange values in CalendarOverride.local"
        for day in answer.each(override.local, DayChange, expected):
            _check_day(answer, day.date)
            if seen.setdefault(day.date, day.off) != day.off:
                raise answer.error(f"sets {day.date} both off and on")
            after = "off" if day.off else "on"
            zh, en = spelled(
                "plugin.day",
                day=day.date,
                what=Said(f"plugin.day.{after}"),
                name=Names(day.name, day.name_en or day.name),
                source=day.source,
            )
            change = PluginChange(answer.hook, "day", str(day.date), "", "", after, zh, en)
            self.add(("day", day.date), f"the day {day.date}", answer, change, day.off, day)
        expected = "Notice values in CalendarOverride.notices"
        for notice in answer.each(override.notices, Notice, expected):
            year, source = notice.year, notice.source
            if not FIRST_DATE.year <= year <= LAST_DATE.year:
                raise answer.error(
                    f"a notice for {year}: the calendar covers {FIRST_DATE.year} through "
                    f"{LAST_DATE.year}"
                )
            for day in notice.changes:
                _check_day(answer, day.date)
            off = sum(day.off for day in notice.changes)
            on = len(notice.changes) - off
            zh, en = spelled("plugin.notice", year=year, source=source, off=off, on=on)
            change = PluginChange(answer.hook, "notice", str(year), "", "", source, zh, en)
            self.add(("notice", year), f"the {year} notice", answer, change, notice, notice)

    def office_hours(self, answer: Answer) -> None:
        hours = answer.value
        if not isinstance(hours, OfficeHours):
            answer.wrong("an OfficeHours value, e.g. OfficeHours(seasons=(summer,))")
        if hours != self.base_hours:
            was, now = hours_said(self.base_hours), hours_said(hours)
            before, after = was.render("en"), now.render("en")
            zh, en = spelled("plugin.office_hours", before=was, after=now)
            base = self.base_hours
            added = hours.seasons[len(base.seasons) :]
            if added and (hours.sessions, hours.seasons[: len(base.seasons)]) == (
                base.sessions,
                base.seasons,
            ):  # only seasons added: before and after would read the same up to them
                seasons = tuple(_season_said(s) for s in added)
                zh = say("plugin.office_hours.seasons", "zh", seasons=seasons)
            change = PluginChange(answer.hook, "office_hours", "", "", before, after, zh, en)
            self.add(("office_hours",), "the office hours", answer, change, hours)

    def conventions(self, answer: Answer) -> None:
        example = "a mapping of convention names to values, e.g. {'cutoff': 'midnight'}"
        changes = answer.mapping(answer.value, object, example)
        unknown = [name for name in changes if name not in Conventions.model_fields]
        if unknown:
            names = ", ".join(Conventions.model_fields)
            raise answer.error(f"no convention {unknown[0]!r}; the conventions are {names}")
        base = self.base_conventions
        try:
            merged = Conventions.model_validate({**dict(base), **changes})
        except ValueError as error:
            raise answer.error(one_line(error)) from error
        for name in changes:
            before, after = getattr(base, name), getattr(merged, name)
            words = f"the convention {name}", Said("plugin.convention", {"name": name})
            self.set(("convention", name), words, answer, before, after, name)

    def rules(self, answer: Answer) -> None:
        if isinstance(answer.value, Rule):  # iterable (a pydantic model), but one rule
            answer.wrong(f"{_RULES}; put the rule in a list")
        rules: list[Rule] = answer.each(answer.value, Rule, _RULES)
        try:  # the plugin's rules alone must make a valid set: no overlapping versions
            reduce(RuleSet.with_rule, rules, self.base_rules)
        except ValueError as error:
            raise answer.error(one_line(error)) from error
        # New versions first, so that the changes of a rule that now has several versions
        # name each by its date.
        for rule in sorted(rules, key=lambda rule: (rule.id, rule.effective_from) in self.by_key):
            key = (rule.id, rule.effective_from)
            base = self.by_key.get(key)
            if base is not None:
                for name in RULE_FIELDS:
                    self._rule_field(answer, key, name, getattr(base, name), getattr(rule, name))
                continue
            limit, citation = rule.limit, rule.citation
            cited = {"article": citation.article, "document": citation.document}
            source = say("plugin.rule_added.source", "en", **cited)
            zh, en = spelled(
                "plugin.rule_added",
                rule=rule.id,
                window=rule.window_said(),
                limit=Names(limit.describe("zh"), limit.describe()),
                source=Names(citation.render("zh"), source),
            )
            after = limit.describe()
            change = PluginChange(answer.hook, "rule_added", rule.id, "", "", after, zh, en)
            what = f"the new rule {rule.id} (from {rule.effective_from})"
            value = tuple(getattr(rule, name) for name in RULE_FIELDS)
            self.add(("added", *key), what, answer, change, value, rule)

    def disable_rules(self, answer: Answer) -> None:
        example = "a list of rule ids, e.g. ['meetings.march_freeze']"
        for rule_id in answer.each(answer.value, str, example):
            if rule_id not in self.base_rules:
                ids = ", ".join(self.base_rules.ids)
                raise answer.error(f"no rule {rule_id!r} to disable; the rules are {ids}")
            zh, en = spelled("plugin.rule_disabled", rule=rule_id)
            change = PluginChange(answer.hook, "rule_disabled", rule_id, "", "", "disabled", zh, en)
            self.add(("disabled", rule_id), f"the rule {rule_id}", answer, change, value=True)

    def labels(self, answer: Answer) -> None:
        labels = answer.mapping(answer.value, Mapping, _LABELS)
        versions = self.versions()
        ids = sorted({rule_id for rule_id, _ in versions})
        for rule_id, fields in labels.items():
            if rule_id not in ids:
                raise answer.error(f"no rule {rule_id!r} to label; the rules are {', '.join(ids)}")
            for name, text in answer.mapping(fields, str, _LABELS).items():
                if name not in LABEL_FIELDS:
                    raise answer.error(
                        f"cannot label {name!r} of {rule_id}; the labels are "
                        f"{', '.join(LABEL_FIELDS)}"
                    )
                if not text.strip():
                    answer.wrong(f"non-empty text for {name} of {rule_id}", text)
                for key, rule in versions.items():
                    if key[0] == rule_id:
                        self._rule_field(answer, key, name, getattr(rule, name), text)

    def supervision_thresholds(self, answer: Answer) -> None:
        """One answer of the thresholds hook, compared with the library's default."""
        from deadlines._thresholds import Thresholds

        base, value = self.base_thresholds or Thresholds(), answer.value
        default: list[tuple[str, Thresholds]] = []
        if isinstance(value, Thresholds):  # the default, with its own per-rule entries
            default, keyed = [("", value)], list(value.per_rule)
            keys = [key for key, _ in keyed]
            twice = next((key for key in keys if keys.count(key) > 1), None)
            if twice is not None:
                raise answer.error(
                    f"gives {twice!r} twice in per_rule; give each rule or family once"
                )
        else:
            keyed = list(answer.mapping(value, Thresholds, _THRESHOLDS).items())
        ids = {rule_id for rule_id, _ in self.versions()}
        families = sorted({rule_id.split(".", 1)[0] for rule_id in ids})
        for key, own in keyed:  # a rule id or a family, as `Thresholds.for_rule` looks them up
            if key not in ids and key not in families:
                family = key.endswith(".*") and key[:-2] in families
                hint = f" (a family is named without '.*': {key[:-2]!r})" if family else ""
                raise answer.error(
                    f"no rule or family {key!r} to set thresholds for{hint}; give a rule id "
                    f"such as 'minutes.executive' or a family: {', '.join(families)}"
                )
            if own.per_rule:
                raise answer.error(
                    f"the thresholds for {key!r} have per_rule entries of their own; give each "
                    "rule or family its own key instead"
                )
        for key, own in default + keyed:
            before = base.for_rule(key) if key else base
            label = Said("plugin.thresholds.of", {"key": key}) if key else Said("plugin.thresholds")
            for name in ("warning", "escalate_after"):
                what = f"the supervision threshold {name}{f' for {key}' if key else ''}"
                old, new = getattr(before, name), getattr(own, name)
                words = what, label
                self.set(("thresholds", key, name), words, answer, old, new, key)

    def versions(self) -> dict[tuple[str, dt.date], Rule]:
        """Every version of every rule known so far: the base's, and those plugins add."""
        added = {target[1:]: claims[0].payload for target, claims in self.applied("added")}
        return {**self.by_key, **added}

    def _rule_field(
        self, answer: Answer, key: tuple[str, dt.date], name: str, before: object, after: object
    ) -> None:
        if before == after:
            return
        rule_id, since = key
        several = sum(other == rule_id for other, _ in self.versions()) > 1
        where = f"{rule_id}@{since}" if several else rule_id
        what = f"{name} of the rule {rule_id} (from {since})"
        # routing.ordinary@2020-04-21 as data; routing.ordinary（2020年4月21日版本） in Chinese
        shown = Said("rule.version_of", {"rule": rule_id, "since": since}) if several else rule_id
        self.set(("rule", *key, name), (what, shown), answer, before, after, where)


def hours_said(hours: OfficeHours) -> Said:
    """``09:00–12:00, 13:30–17:30; summer 07-01–09-30: 08:00–12:00, 15:00–18:00``."""
    seasons = tuple(_season_said(s) for s in hours.seasons)
    message = "plugin.hours.seasons" if seasons else "plugin.hours"
    return Said(message, {"sessions": _sessions(hours.sessions), "seasons": seasons})


def _sessions(items: tuple[tuple[dt.time, dt.time], ...]) -> tuple[str, ...]:
    return tuple(f"{start:%H:%M}–{end:%H:%M}" for start, end in items)


def _season_said(season: Season) -> Said:
    """``summer 07-01–09-30: 08:00–12:00, 15:00–18:00``."""
    start, end = season.start, season.end
    span = f"{start[0]:02}-{start[1]:02}–{end[0]:02}-{end[1]:02}"
    return Said(
        "plugin.season", {"name": season.name, "span": span, "sessions": _sessions(season.sessions)}
    )


def _check_day(answer: Answer, day: object) -> None:
    if type(day) is not dt.date or not FIRST_DATE <= day <= LAST_DATE:
        raise answer.error(
            f"a day {describe(day)}: each day must be a date from {FIRST_DATE} through {LAST_DATE}"
        )
