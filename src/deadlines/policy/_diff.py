"""What a policy change changes: two policies applied to the same triggers, compared.

Where the triggers come from and what counts as a change: docs/policy-testing.md's section 4.
"""

from __future__ import annotations

import datetime as dt
import itertools
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from deadlines._engine import Engine
from deadlines._errors import InvalidValueError, ProvisionalDateWarning
from deadlines._messages import Lang, Said, say
from deadlines._time import CHINA_TZ
from deadlines.calendar import ChinaCalendar
from deadlines.policy._cases import Actual, ChinaInstant, find_case_files, load_cases
from deadlines.policy._files import to_data
from deadlines.policy._run import outcome
from deadlines.policy._toml import inline
from deadlines.rules import Limit, Rule, RuleSet

#: Statuses that mean "no rule applies": a rule added, removed or not yet in effect.
_ABSENT = frozenset({"unknown_rule", "not_in_effect"})


class DiffTrigger(BaseModel):
    """One event put to both policies.

    Attributes:
        rule: the rule id.
        at: the trigger (a naive one is China time); a date for a blackout.
        params: the event's parameters; each policy reads those its rule reads.
        label: where it comes from (a case's name), if anywhere.
    """

    model_config = ConfigDict(frozen=True)

    rule: str
    at: ChinaInstant | dt.date
    params: dict[str, Any] = Field(default_factory=dict)
    label: str = ""


class Change(BaseModel):
    """A trigger whose result differs between the two policies.

    Attributes:
        trigger: the trigger.
        before: the result under the base policy.
        after: the result under the new policy.
        shift: how far the due instant moved (negative: earlier), when both are due instants.
        shift_workdays: the working days between the two due dates (Monday → Friday: 1).
    """

    model_config = ConfigDict(frozen=True)

    trigger: DiffTrigger
    before: Actual
    after: Actual
    shift: dt.timedelta | None = None
    shift_workdays: int | None = None


class RuleDiff(BaseModel):
    """The changes of one rule.

    Attributes:
        rule: the rule id.
        triggers: how many triggers were put to both policies.
        changes: every trigger whose result differs, in trigger order.
    """

    model_config = ConfigDict(frozen=True)

    rule: str
    triggers: int
    changes: tuple[Change, ...] = ()

    @property
    def earlier(self) -> int:
        """How many due instants moved earlier."""
        return sum(1 for c in self.changes if c.shift and c.shift < dt.timedelta())

    @property
    def later(self) -> int:
        """How many due instants moved later."""
        return sum(1 for c in self.changes if c.shift and c.shift > dt.timedelta())

    def largest(self, count: int = 3, direction: int = 0) -> tuple[Change, ...]:
        """The `count` changes with the largest shifts, largest first (ties: earliest trigger).

        Args:
            count: how many.
            direction: ``-1`` earlier only, ``1`` later only, ``0`` either way.
        """
        shifted = [c for c in self.changes if c.shift and c.shift.total_seconds() * direction >= 0]
        shifted.sort(key=lambda c: -abs(c.shift or dt.timedelta()))  # stable: ties keep order
        return tuple(shifted[:count])


class PolicyDiff(BaseModel):
    """What changes from one policy to another.

    Attributes:
        base: the base policy's name.
        new: the new policy's name.
        source: where the triggers came from, for people (in English; `render` says it in
            the language asked when `diff_policies` was given a message).
        triggers: how many triggers were put to both policies.
        added: rule ids only the new policy has.
        removed: rule ids only the base policy has.
        redefined: rule ids in both whose definitions (any field, any version) differ.
        rules: per rule with at least one changed trigger, in the order of the policies.
    """

    model_config = ConfigDict(frozen=True)

    base: str
    new: str
    source: str = ""
    _source: Said | None = PrivateAttr(default=None)
    triggers: int = 0
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    redefined: tuple[str, ...] = ()
    rules: tuple[RuleDiff, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.rules or self.added or self.removed or self.redefined)

    @property
    def changed(self) -> int:
        """How many triggers changed, over all rules."""
        return sum(len(r.changes) for r in self.rules)

    def render(self, lang: Lang = "en", *, summary: bool = False) -> str:
        """A readable report: the definitions changed, then per rule its counts and changes.

        A change to or from an error (a parameter the new rule refuses …) is followed by the
        error's message.

        Args:
            lang: the language of the report, ``en`` or ``zh``.
            summary: only counts and the largest shifts, not every changed trigger.
        """

        def line(message: str, **values: Any) -> str:  # noqa: ANN401 - any values
            return say(message, lang, **values)

        source = self._source or self.source
        head = {"base": self.base, "new": self.new, "n": self.triggers, "source": source}
        lines = [line("policy.diff.head", **head)]
        definitions = {"added": self.added, "removed": self.removed, "redefined": self.redefined}
        lines += [line(f"policy.diff.{k}", ids=ids) for k, ids in definitions.items() if ids]
        if not self:
            return "\n".join([*lines, line("policy.diff.none")])
        for rule in self.rules:
            ways = (("earlier", rule.earlier), ("later", rule.later))
            moved = tuple(Said(f"policy.diff.n_{way}", {"n": n}) for way, n in ways if n)
            counts = {"rule": rule.rule, "changed": len(rule.changes), "n": rule.triggers}
            said = Said("policy.diff.moved", {"moved": moved}) if moved else ""
            lines += ["", line("policy.diff.rule", **counts, moved=said)]
            for direction, way in ((-1, "earlier"), (1, "later")):
                if largest := rule.largest(3, direction):
                    lines.append("  " + line(f"policy.diff.largest_{way}"))
                    lines.extend(f"    {_change_line(c, lang)}" for c in largest)
            if not summary:
                lines.append("  " + line("policy.diff.changes"))
                for change in rule.changes:
                    lines.append(f"    {_change_line(change, lang)}")
                    lines.extend(f"      {text}" for text in _error_lines(change, lang))
        plural = "policy.diff.total_one" if len(self.rules) == 1 else "policy.diff.total"
        lines += ["", line(plural, changed=self.changed, n=self.triggers, rules=len(self.rules))]
        if any(a.provisional for r in self.rules for c in r.changes for a in (c.before, c.after)):
            lines.append(line("policy.diff.provisional"))
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data; shifts in minutes, instants in ISO 8601."""
        data = self.model_dump(mode="json", include={"base", "new", "source", "triggers"})
        data["changed"] = self.changed
        data.update((name, list(getattr(self, name))) for name in ("added", "removed", "redefined"))
        data["rules"] = [_rule_json(rule) for rule in self.rules]
        return data


def _rule_json(rule: RuleDiff) -> dict[str, Any]:
    data: dict[str, Any] = {"rule": rule.rule, "triggers": rule.triggers}
    data.update(changed=len(rule.changes), earlier=rule.earlier, later=rule.later)
    for way, direction in (("shift", 0), ("earlier", -1), ("later", 1)):
        largest = rule.largest(1, direction)
        data[f"largest_{way}_minutes"] = _minutes(largest[0].shift) if largest else None
    data["changes"] = [_change_json(c) for c in rule.changes]
    return data


def _minutes(delta: dt.timedelta | None) -> int | None:
    return None if delta is None else int(delta.total_seconds() // 60)


def _result_json(actual: Actual) -> dict[str, Any]:
    keys = {"status", "due", "due_date", "provisional", "message" if _is_error(actual) else ""}
    return actual.model_dump(mode="json", include=keys, exclude_none=True)


def _is_error(actual: Actual) -> bool:
    """Whether the result is an error worth its message (not "no rule applies")."""
    return bool(actual.message) and actual.status not in _ABSENT


def _error_lines(change: Change, lang: Lang) -> list[str]:
    """The error messages of a change, which its one-line form shows only as a status."""
    return [
        say(f"policy.diff.{side}", lang, status=Said(f"policy.status.{a.status}"), message=a.said())
        for side, a in (("before", change.before), ("after", change.after))
        if _is_error(a)
    ]


def _change_json(change: Change) -> dict[str, Any]:
    trigger = change.trigger
    data: dict[str, Any] = {"at": _at_text(trigger.at, iso=True)}
    if trigger.params:
        data["params"] = to_data(trigger.params, json_safe=True)
    if trigger.label:
        data["label"] = trigger.label
    data.update(before=_result_json(change.before), after=_result_json(change.after))
    data["shift_minutes"] = _minutes(change.shift)
    return data


def _at_text(at: dt.datetime | dt.date, *, iso: bool = False) -> str:
    if isinstance(at, dt.datetime):
        return at.isoformat(timespec="seconds") if iso else at.strftime("%Y-%m-%d %H:%M")
    return at.isoformat()


def _result_text(actual: Actual) -> str | Said:
    if actual.status == "due" and actual.due is not None:
        mark = Said("policy.diff.provisional_mark") if actual.provisional else ""
        return Said("policy.diff.due", {"at": actual.due, "mark": mark})
    if actual.status in _ABSENT:
        return "—"
    return Said(f"policy.status.{actual.status}")


def _shift_text(change: Change, lang: Lang) -> str:
    """``3 d, 1 wd earlier`` / ``提前3个自然日、1个工作日``."""
    shift, workdays = change.shift or dt.timedelta(), change.shift_workdays
    minutes = abs(int(shift.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    units = (("d", days), ("h", hours), ("min", mins))
    parts = [say(f"policy.diff.{unit}", lang, n=n) for unit, n in units if n]
    size = ("".join(parts) or say("policy.diff.min", lang, n=0)).strip()
    if days and workdays is not None:
        size += say("policy.diff.workdays", lang, n=workdays)
    way = "earlier" if shift < dt.timedelta() else "later"
    return say(f"policy.diff.{way}", lang, size=size)


def _change_line(change: Change, lang: Lang) -> str:
    trigger = change.trigger
    params = "".join(f" {k}={inline(v)}" for k, v in trigger.params.items())
    return say(
        "policy.diff.change",
        lang,
        at=_at_text(trigger.at) + params,
        before=_result_text(change.before),
        after=_result_text(change.after),
        shift=""
        if change.shift is None
        else say("policy.diff.shift", lang, shift=_shift_text(change, lang)),
        label=Said("policy.diff.label", {"label": trigger.label}) if trigger.label else "",
    )


# --- triggers --------------------------------------------------------------------------------


def case_triggers(paths: Iterable[str], *, only: Iterable[str] = ()) -> list[DiffTrigger]:
    """The triggers of case files (and of ``*.deadlines.toml`` under folders).

    Args:
        paths: case files or folders.
        only: rule ids to keep; all when empty.

    Raises:
        CaseFileError: a path does not exist or a file is malformed.
    """
    keep = set(only)
    return [
        DiffTrigger(rule=case.rule, at=case.at, params=case.params, label=case.title)
        for file in find_case_files(paths)
        for case in load_cases(file).case
        if not keep or case.rule in keep
    ]


def _grid(limits: Iterable[Limit]) -> list[dict[str, Any]]:
    """The parameter combinations that reach every branch of the limits."""
    choices: dict[str, list[Any]] = {}
    for limit in limits:
        for node in limit.walk():
            for parameter, samples in node.sample_values().items():
                values = choices.setdefault(parameter, [])
                values.extend(value for value in samples if value not in values)
    names = sorted(choices)
    combos = itertools.product(*(choices[n] for n in names))
    return [dict(zip(names, combo, strict=True)) for combo in combos]


def _working_hours(calendar: ChinaCalendar, day: dt.date) -> Iterator[dt.datetime]:
    """The start of every working hour of a working day: each session stepped by an hour."""
    for start, end in calendar.office_hours.sessions_on(day):
        at, close = (dt.datetime.combine(day, time, CHINA_TZ) for time in (start, end))
        while at < close:
            yield at
            at += dt.timedelta(hours=1)


def _first_day(engine: Engine, version: Rule) -> str:
    """What a version gives for a trigger at the opening of its first day (its status)."""
    at = dt.datetime.combine(version.effective_from, dt.time(9), CHINA_TZ)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        return outcome(engine, version.id, at, {}, explain=False).status


def range_triggers(
    policies: Iterable[RuleSet], calendar: ChinaCalendar, first: dt.date, last: dt.date
) -> list[DiffTrigger]:
    """Every working hour of every working day from `first` through `last`, for each rule.

    What each version of a rule gives on its first day says how it is tried: a blackout, which
    answers for a day, once a working day (on the date); a quota, which gives no due date, not
    at all (its definition is compared instead). Rules with conditions or a limit set by the
    meeting are tried with each branch (`Limit.sample_values`).

    Raises:
        InvalidValueError: `last` is before `first`.
    """
    if last < first:
        raise InvalidValueError("last", last, Said("policy.diff.not_before", {"first": first}))
    sets = [(rules, Engine(calendar, rules, discover_plugins=False)) for rules in policies]
    ids = list(dict.fromkeys(i for rules, _ in sets for i in rules.ids))
    days = [d.date for d in calendar.days(first, last) if d.is_workday]
    hours = [at for day in days for at in _working_hours(calendar, day)]
    triggers: list[DiffTrigger] = []
    for rule_id in ids:
        versions = [
            (e, r) for rules, e in sets if rule_id in rules for r in rules.versions(rule_id)
        ]
        statuses = {_first_day(engine, version) for engine, version in versions}
        if statuses == {"not_a_deadline"}:
            continue
        if statuses & {"violates", "allowed"}:
            triggers.extend(DiffTrigger(rule=rule_id, at=day) for day in days)
            continue
        grid = _grid([version.limit for _, version in versions])
        triggers.extend(DiffTrigger(rule=rule_id, at=at, params=p) for at in hours for p in grid)
    return triggers


# --- comparing -------------------------------------------------------------------------------


def _key(actual: Actual) -> tuple[Any, ...]:
    if actual.status == "due":
        return ("due", actual.due, actual.due_date, actual.provisional)
    if actual.status in _ABSENT or actual.status == "allowed":
        # A day outside a blackout and a day no blackout covers allow the same: a meeting.
        return ("absent",)
    return (actual.status,)


def _without_origin(rules: RuleSet) -> RuleSet:
    """The rule set without who made each version (its origin): not part of what it says."""
    return RuleSet(rules=tuple(r.model_copy(update={"origin": ""}) for r in rules.rules))


def diff_policies(
    base: RuleSet,
    new: RuleSet,
    triggers: Iterable[DiffTrigger],
    *,
    calendar: ChinaCalendar | None = None,
    source: str | Said = "",
) -> PolicyDiff:
    """Put every trigger to both policies and collect those whose result changes.

    A result is the due instant, due date and provisional flag; or whether a day violates a
    blackout; or the kind of error. "No rule applies" (unknown, or not in effect) is one
    result, so a rule added from 2027 changes nothing in 2026; and a day outside a blackout is
    the same as a day no blackout covers. Parameters a policy's rule does not read are dropped
    for that policy. `source` says where the triggers come from: text, or a message (rendered
    in the report's language).

    >>> import datetime as dt
    >>> from deadlines.rules import OPINION_2020, Hours
    >>> faster = OPINION_2020.get("routing.ordinary").evolve(limit=Hours(24))
    >>> faster = OPINION_2020.with_rule(faster)
    >>> at = dt.datetime(2026, 6, 9, 10)  # a Tuesday
    >>> diff = diff_policies(OPINION_2020, faster, [DiffTrigger(rule="routing.ordinary", at=at)])
    >>> diff.rules[0].changes[0].shift
    datetime.timedelta(days=-1)
    """
    calendar = calendar if calendar is not None else ChinaCalendar()
    # Hermetic: the two policies alone are compared, whatever plugins this machine has.
    engines = [Engine(calendar, rules, discover_plugins=False) for rules in (base, new)]
    by_rule: dict[str, list[Change]] = {}
    counts: Counter[str] = Counter()
    with warnings.catch_warnings():
        # Provisional results are compared as data (their flag), not reported one by one.
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        for trigger in triggers:
            counts[trigger.rule] += 1
            before, after = (
                outcome(e, trigger.rule, trigger.at, trigger.params, explain=False, lenient=True)
                for e in engines
            )
            if _key(before) == _key(after):
                continue
            shift = workdays = None
            if after.due and before.due:
                shift = after.due - before.due
                workdays = calendar.workdays_between(*sorted((after.due.date(), before.due.date())))
            change = Change(
                trigger=trigger, before=before, after=after, shift=shift, shift_workdays=workdays
            )
            by_rule.setdefault(trigger.rule, []).append(change)
    definitions = _without_origin(base).diff(_without_origin(new))
    order = dict.fromkeys([*base.ids, *new.ids, *by_rule])  # rules no policy has come last
    diff = PolicyDiff(
        base=base.name or "base",
        new=new.name or "new",
        source=source.render("en") if isinstance(source, Said) else source,
        triggers=counts.total(),
        added=definitions.added,
        removed=definitions.removed,
        redefined=tuple(change.id for change in definitions.changed),
        rules=tuple(
            RuleDiff(rule=i, triggers=counts[i], changes=tuple(by_rule[i]))
            for i in order
            if i in by_rule
        ),
    )
    diff._source = source if isinstance(source, Said) else None
    return diff
