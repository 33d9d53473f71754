"""Policy files: a rule set as TOML or JSON, or a change on top of another policy.

A change's four operations and their order are docs/policy-testing.md's section 2.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from deadlines._errors import InvalidValueError, shown
from deadlines._messages import Said
from deadlines._problems import problems_of
from deadlines.policy._errors import PolicyFileError, check_path, read_file, schema_of
from deadlines.policy._toml import dumps_toml, inline, read_model
from deadlines.rules import OPINION_2020, Citation, Rule, RuleSet
from deadlines.rules._combinators import AnyLimit

#: Policies known by name: a change can say ``base = "opinion-2020"``.
BUILTIN_POLICIES: Mapping[str, RuleSet] = MappingProxyType({OPINION_2020.name: OPINION_2020})

Format = Literal["toml", "json"]

_ONE_DAY = dt.timedelta(days=1)


class Amendment(BaseModel):
    """Some fields of a rule changed, from a date on when `effective_from` is given.

    Without `effective_from`, every version of the rule changes. With it, the version in effect
    that day ends the day before and a new version starts, copying the old one except for the
    fields given here; with `effective_until` as well, the old version resumes the day after.

    Attributes:
        id: the rule to change.
        effective_from: the first day of the new version.
        effective_until: the last day of the new version, for a temporary change.
        title_zh: a new Chinese title.
        title_en: a new English title.
        citation: where the change comes from.
        limit: the new limit.
        actor_zh: who acts, in Chinese.
        actor_en: who acts, in English.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None
    title_zh: str | None = None
    title_en: str | None = None
    citation: Citation | None = None
    limit: AnyLimit | None = None
    actor_zh: str | None = None
    actor_en: str | None = None

    def changes(self) -> dict[str, Any]:
        """The rule fields this amendment sets (not its id or dates)."""
        return {
            name: value
            for name, value in self
            if value is not None and name not in {"id", "effective_from", "effective_until"}
        }


class PolicyFile(BaseModel):
    """The content of a policy file: a whole rule set, or a change on top of a base.

    Attributes:
        name: the policy's name (the file's stem when empty).
        description: what the policy is, for people.
        base: for a change: a built-in policy (``opinion-2020``) or a file relative to this one.
        rules: for a whole rule set: every rule, each version a separate entry.
        disable: for a change: ids to remove with all their versions.
        replace: for a change: rules that replace every version of their id.
        amend: for a change: fields of a rule changed, possibly from a date on.
        add: for a change: rules (or versions) whose id the base does not have.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = ""
    description: str = ""
    base: str | None = None
    rules: tuple[Rule, ...] = ()
    disable: tuple[str, ...] = ()
    replace: tuple[Rule, ...] = ()
    amend: tuple[Amendment, ...] = ()
    add: tuple[Rule, ...] = ()

    @property
    def is_change(self) -> bool:
        """Whether this file changes a base rather than listing a whole rule set."""
        return self.base is not None


def policy_schema() -> dict[str, Any]:
    """The JSON Schema of policy files, for other systems to validate them.

    >>> sorted(policy_schema()["properties"])
    ['add', 'amend', 'base', 'description', 'disable', 'name', 'replace', 'rules']
    """
    return schema_of(PolicyFile, "deadlines policy file")


# --- writing ---------------------------------------------------------------------------------


def to_data(value: Any, *, json_safe: bool = False) -> Any:  # noqa: ANN401 - any model or value
    """Plain data for a model, fields equal to their default left out; dates as text if
    `json_safe`. A limit's `kind` (which type to load) and a rule's `effective_from` (a reader
    should not have to know the default) are always kept."""
    if isinstance(value, BaseModel):
        out: dict[str, Any] = {}
        fields = type(value).model_fields
        positional: tuple[str, ...] = getattr(value, "_positional", ())
        # The tag first, then what the repr shows first (n of WorkingDays(3)), then the rest.
        order = sorted(fields, key=lambda f: (f != "kind", f not in positional))
        for name in order:
            info = fields[name]
            item = getattr(value, name)
            keep = name == "kind" or (isinstance(value, Rule) and name == "effective_from")
            if not keep and (
                item is None
                or (not info.is_required() and item == info.get_default(call_default_factory=True))
            ):
                continue
            out[name] = to_data(item, json_safe=json_safe)
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [to_data(item, json_safe=json_safe) for item in value]
    if isinstance(value, Mapping):
        return {str(k): to_data(v, json_safe=json_safe) for k, v in value.items()}
    if json_safe and isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def dumps_policy(policy: RuleSet | PolicyFile, format: Format = "toml") -> str:  # noqa: A002
    """A rule set (or a policy file) as TOML or JSON text that loads back equal.

    >>> from deadlines.rules import OPINION_2020
    >>> print(dumps_policy(RuleSet(rules=(OPINION_2020.get("routing.ordinary"),))))
    [[rules]]
    id = "routing.ordinary"
    title_zh = "普通件运转不超过48小时"
    title_en = "Ordinary documents routed within 48 hours"
    citation = {article = 11, text = "普通件运转完成时间不超过48小时"}
    limit = {kind = "hours", n = 48}
    actor_zh = "县政府办公室"
    actor_en = "the county government office"
    effective_from = 2020-04-21
    <BLANKLINE>
    >>> text = dumps_policy(OPINION_2020)
    >>> loads_policy(text) == OPINION_2020
    True
    """
    if format == "json":
        return json.dumps(to_data(policy, json_safe=True), ensure_ascii=False, indent=2) + "\n"
    if format == "toml":
        return dumps_toml(to_data(policy))
    raise PolicyFileError.one("<string>", "policy.format", got=repr(format))


def dump_policy(policy: RuleSet | PolicyFile, path: str | Path) -> None:
    """Write a policy file; JSON when the name ends in ``.json``, TOML otherwise."""
    file = Path(path)
    file.write_text(dumps_policy(policy, _format_of(file)), "utf-8")


# --- reading ---------------------------------------------------------------------------------


def _format_of(path: Path) -> Format:
    return "json" if path.suffix.lower() == ".json" else "toml"


def parse_policy(text: str, format: Format = "toml", *, path: str = "<string>") -> PolicyFile:  # noqa: A002
    """Parse and validate policy text, without applying a change to its base.

    Raises:
        PolicyFileError: naming the file and field, for bad TOML/JSON or a bad value.
    """
    if format not in ("toml", "json"):
        raise InvalidValueError("format", format, "toml or json")
    policy = read_model(text, format, path, PolicyFile, PolicyFileError)
    if policy.is_change and policy.rules:
        raise PolicyFileError.one(path, "policy.change_with_rules", "rules", base=repr(policy.base))
    if not policy.is_change:
        for field in ("disable", "replace", "amend", "add"):
            if getattr(policy, field):
                raise PolicyFileError.one(path, "policy.needs_base", field, key=field)
    _rule_set("", policy.rules, path, "rules")
    return policy


def loads_policy(text: str, format: Format = "toml", *, path: str = "<string>") -> RuleSet:  # noqa: A002
    """Parse policy text into a rule set, applying a change to its base.

    A change's file base is found relative to `path`'s folder.

    Raises:
        PolicyFileError: the text is malformed, or the change does not apply to its base.
    """
    return _resolve(parse_policy(text, format, path=path), path, ())


def load_policy(source: str | Path) -> RuleSet:
    """A rule set from a built-in name (``opinion-2020``) or a policy file (TOML or JSON).

    >>> load_policy("opinion-2020").name
    'opinion-2020'

    Raises:
        PolicyFileError: the file cannot be read, is malformed, or does not apply to its base.
        InvalidArgumentError: `source` is neither text nor a path.
    """
    return _load(source if isinstance(check_path("source", source), str) else Path(source), ())


def _load(source: str | Path, seen: tuple[Path, ...]) -> RuleSet:
    if isinstance(source, str) and source in BUILTIN_POLICIES and not Path(source).is_file():
        return BUILTIN_POLICIES[source]
    file = Path(source)
    try:
        resolved = file.resolve()
    except (OSError, ValueError):  # a NUL in the name: reading it below says why it cannot be
        resolved = file
    if resolved in seen:
        chain = " → ".join(str(p.name) for p in (*seen, resolved))
        raise PolicyFileError.one(str(file), "policy.base_loop", "base", chain=chain)
    text = read_file(file, PolicyFileError, "policy.unreadable", known=tuple(BUILTIN_POLICIES))
    policy = parse_policy(text, _format_of(file), path=str(file))
    return _resolve(policy, str(file), (*seen, resolved))


def _resolve(policy: PolicyFile, path: str, seen: tuple[Path, ...]) -> RuleSet:
    name = policy.name or _stem(path)
    if policy.base is None:
        return RuleSet(name=name, rules=policy.rules)
    base_source: str | Path = policy.base
    if policy.base not in BUILTIN_POLICIES:
        here = Path(path).parent if path != "<string>" else Path()
        base_source = here / policy.base
    base = _load(base_source, seen)
    return apply_change(base, policy, path=path)


def _stem(path: str) -> str:
    name = "" if path == "<string>" else Path(path).name
    return name[:-5] if name.lower().endswith((".toml", ".json")) else name


def apply_change(base: RuleSet, change: PolicyFile, *, path: str = "<string>") -> RuleSet:
    """The rule set `change` makes of `base`: disable, replace, amend, then add.

    Rules the change adds or alters carry its name as their `origin`, so traces say where
    they come from.

    >>> from deadlines.rules import OPINION_2020
    >>> faster = PolicyFile(
    ...     name="faster",
    ...     base="opinion-2020",
    ...     amend=[{"id": "routing.ordinary", "effective_from": "2027-01-01",
    ...             "limit": {"kind": "hours", "n": 24}}],
    ... )
    >>> [r.window() for r in apply_change(OPINION_2020, faster).versions("routing.ordinary")]
    ['from 2020-04-21 through 2026-12-31', 'from 2027-01-01']

    Raises:
        PolicyFileError: a rule named is missing from the base (or, for ``add``, present); an
            id is both disabled and replaced, amended or added; or the versions it makes
            overlap.
    """
    name = change.name or _stem(path) or base.name
    rules = list(base.rules)
    known = tuple(dict.fromkeys(r.id for r in rules))

    def fail(field: str, message: str, **values: Any) -> PolicyFileError:  # noqa: ANN401
        return PolicyFileError.one(path, message, field, **values)

    def check_known(rule_id: str, field: str, message: str) -> None:
        if rule_id not in {r.id for r in rules}:
            raise fail(field, message, rule=shown(rule_id), known=known)

    def mark(rule: Rule) -> Rule:
        return rule if rule.origin else rule.evolve(origin=name)

    _check_conflicts(change, fail)
    for i, rule_id in enumerate(change.disable):
        check_known(rule_id, f"disable[{i}]", "problem.unknown_rule")
        rules = [r for r in rules if r.id != rule_id]
    replaced: dict[str, list[Rule]] = {}  # several [[replace]] of one id are its versions
    for i, rule in enumerate(change.replace):
        check_known(rule.id, f"replace[{i}].id", "policy.unknown_rule_add")
        replaced.setdefault(rule.id, []).append(mark(rule))
    for rule_id, versions in replaced.items():
        position = next(j for j, r in enumerate(rules) if r.id == rule_id)
        rules = [r for r in rules if r.id != rule_id]
        rules[position:position] = versions
    for i, amendment in enumerate(change.amend):
        check_known(amendment.id, f"amend[{i}].id", "policy.unknown_rule_add")
        rules = _amend(rules, amendment, mark, functools.partial(fail, f"amend[{i}]"))
    base_ids = {r.id for r in rules}
    for i, rule in enumerate(change.add):
        if rule.id in base_ids:
            the_base = base.name or Said("policy.the_base")
            raise fail(f"add[{i}].id", "policy.already_in", rule=repr(rule.id), base=the_base)
        rules.append(mark(rule))
    return _rule_set(name, rules, path, "")


def _rule_set(name: str, rules: Iterable[Rule], path: str, field: str) -> RuleSet:
    """The rule set of these rules, or every problem with it (overlapping versions …)."""
    try:
        return RuleSet(name=name, rules=tuple(rules))
    except ValidationError as error:
        # Positions in the set are not positions in the file: name the file's field instead.
        problems = problems_of(error, RuleSet, "policy.hint", shown=inline)
        raise PolicyFileError(path, [p.moved(field=field or None) for p in problems]) from None


def _check_conflicts(change: PolicyFile, fail: Callable[..., PolicyFileError]) -> None:
    """Refuse an id that the change both disables and alters, or alters before adding it:
    the step that comes second would call it unknown, which misleads."""
    disabled: dict[str, int] = {}
    for i, rule_id in enumerate(change.disable):
        if rule_id in disabled:
            first = disabled[rule_id]
            raise fail(f"disable[{i}]", "policy.disabled_twice", rule=repr(rule_id), first=first)
        disabled[rule_id] = i
    added = {rule.id: i for i, rule in reversed(list(enumerate(change.add)))}  # the first index
    operations = (
        ("replace", [r.id for r in change.replace]),
        ("amend", [a.id for a in change.amend]),
        ("add", [r.id for r in change.add]),
    )
    for field, ids in operations:
        for i, rule_id in enumerate(ids):
            where, quoted = f"{field}[{i}].id", repr(rule_id)
            if rule_id in disabled:
                message = f"policy.disabled_and_{field}"
                raise fail(where, message, rule=quoted, first=disabled[rule_id])
            if field != "add" and rule_id in added:
                raise fail(where, "policy.before_add", rule=quoted, first=added[rule_id], key=field)


def _amend(
    rules: list[Rule],
    amendment: Amendment,
    mark: Callable[[Rule], Rule],
    fail: Callable[..., PolicyFileError],
) -> list[Rule]:
    changes = amendment.changes()
    start, until = amendment.effective_from, amendment.effective_until
    if start is None:
        if until is not None:
            raise fail("policy.until_without_from")
        return [mark(r.evolve(**changes)) if r.id == amendment.id else r for r in rules]
    if until is not None and until < start:
        raise fail("policy.until_before_from", until=until.isoformat(), start=start.isoformat())
    versions = [r for r in rules if r.id == amendment.id]
    current = next((r for r in versions if r.in_effect(start)), None)
    if current is None:
        windows, rule, day = tuple(map(_window, versions)), repr(amendment.id), start.isoformat()
        raise fail("policy.nothing_to_amend", rule=rule, day=day, windows=windows)
    end = current.effective_until
    if end is not None and until is not None and until > end:
        raise fail("policy.until_after_version", until=until.isoformat(), end=end.isoformat())
    new: list[Rule] = []
    if current.effective_from < start:
        new.append(current.evolve(effective_until=start - _ONE_DAY))
    last = until if until is not None else end
    new.append(
        mark(current.evolve(**changes, effective_from=start, effective_until=last, origin=""))
    )
    if until is not None and (end is None or until < end):
        new.append(current.evolve(effective_from=until + _ONE_DAY))
    position = rules.index(current)
    return [*rules[:position], *new, *rules[position + 1 :]]


def _window(rule: Rule) -> Said:
    """When a version applies: ``from 2020-04-21 through 2026-12-31``."""
    start = rule.effective_from.isoformat()
    if rule.effective_until is None:
        return Said("policy.window_open", {"start": start})
    return Said("policy.window", {"start": start, "end": rule.effective_until.isoformat()})
