"""Hypothesis strategies for rule values and rule sets (the calendar's are in strategies.py)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from deadlines.rules import (
    AllOf,
    CalendarDays,
    Citation,
    Condition,
    Cutoff,
    EarliestOf,
    HourClock,
    Hours,
    LastDayRoll,
    LatestOf,
    MeetingSetLimit,
    OnArrival,
    Quota,
    Recurrence,
    RestDayTrigger,
    Rule,
    RuleSet,
    SameDay,
    Sequence,
    StartDay,
    Tiered,
    When,
    WorkingDays,
)
from deadlines.rules._constraints import Blackout

#: Any text a file must carry through: quotes, backslashes, control characters, Chinese.
texts = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from('"\\\n\t\r\x00\x7f“”，。第条县政府'),
    ),
    max_size=12,
)

labels = st.one_of(st.just(""), texts)

identifiers = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)

#: Stable dotted rule ids such as ``routing.ordinary``.
rule_ids = st.builds(lambda a, b: f"{a}.{b}", identifiers, identifiers)

counts = st.integers(min_value=1, max_value=400)


def _optional(values: type) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), st.sampled_from(list(values)))  # type: ignore[call-overload]


def _labelled(**fields: st.SearchStrategy[object]) -> dict[str, st.SearchStrategy[object]]:
    return {"label": labels, "actor": labels, **fields}


working_days = st.builds(
    WorkingDays,
    n=counts,
    start_day=_optional(StartDay),
    rest_day_trigger=_optional(RestDayTrigger),
    cutoff=_optional(Cutoff),
    **_labelled(),
)
calendar_days = st.builds(
    CalendarDays,
    n=counts,
    start_day=_optional(StartDay),
    last_day_roll=_optional(LastDayRoll),
    cutoff=_optional(Cutoff),
    **_labelled(),
)
hours = st.builds(
    Hours, n=counts, clock=_optional(HourClock), cutoff=_optional(Cutoff), **_labelled()
)
same_day = st.builds(SameDay, cutoff=_optional(Cutoff), **_labelled())
on_arrival = st.builds(OnArrival, **_labelled())
meeting_set = st.builds(MeetingSetLimit, **_labelled())
blackouts = st.builds(
    Blackout,
    months=st.lists(st.integers(1, 12), min_size=1, max_size=4, unique=True).map(tuple),
    **_labelled(),
)
quotas = st.builds(Quota, days=counts, working_days_only=st.booleans(), **_labelled())
recurrences = st.builds(
    Recurrence,
    months=st.sampled_from([1, 2, 3, 4, 6, 12]),
    end_roll=st.sampled_from(["previous_workday", "next_workday", "none"]),
    **_labelled(),
)

#: Limits without parts.
durations = st.one_of(working_days, calendar_days, hours, same_day, on_arrival, meeting_set)

conditions = st.builds(
    Condition,
    parameter=identifiers,
    equals=st.one_of(st.booleans(), st.integers(-(2**63), 2**63 - 1), texts),
)


def _combinations(children: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    parts = st.lists(children, min_size=1, max_size=3)
    return st.one_of(
        *(
            st.builds(lambda ls, lb, ac, c=cls: c(*ls, label=lb, actor=ac), parts, labels, labels)
            for cls in (AllOf, EarliestOf, LatestOf, Sequence)
        ),
        st.builds(When, condition=conditions, then=children, otherwise=children, **_labelled()),
        st.builds(Tiered, committed=children, statutory=children, **_labelled()),
    )


#: Any limit: durations nested in combinators, and the constraints.
limits = st.one_of(
    st.recursive(durations, _combinations, max_leaves=6), blackouts, quotas, recurrences
)

citations = st.builds(
    Citation,
    article=st.integers(1, 60),
    text=texts.filter(bool),
    document=st.one_of(st.just(Citation.model_fields["document"].default), texts),
)


#: Effective dates inside the calendar's range with room for a later version.
rule_dates = st.dates(dt.date(2000, 1, 1), dt.date(2099, 1, 1))


@st.composite
def rules(
    draw: st.DrawFn,
    rule_id: st.SearchStrategy[str] = rule_ids,
    effective_from: st.SearchStrategy[dt.date] = rule_dates,
) -> Rule:
    """One rule version, possibly bounded."""
    start = draw(effective_from)
    until = draw(st.one_of(st.none(), st.dates(start, dt.date(2100, 12, 31))))
    return Rule(
        id=draw(rule_id),
        title_zh=draw(texts),
        title_en=draw(texts),
        citation=draw(citations),
        limit=draw(limits),
        actor_zh=draw(labels),
        actor_en=draw(labels),
        effective_from=start,
        effective_until=until,
        origin=draw(labels),
    )


@st.composite
def versions(draw: st.DrawFn, rule_id: str) -> list[Rule]:
    """One to three versions of a rule, one after another without overlap."""
    starts = sorted(draw(st.lists(rule_dates, min_size=1, max_size=3, unique=True)))
    out = []
    for i, start in enumerate(starts):
        rule = draw(rules(st.just(rule_id), st.just(start)))
        if i + 1 < len(starts):
            rule = rule.evolve(effective_until=starts[i + 1] - dt.timedelta(days=1))
        out.append(rule)
    return out


@st.composite
def rule_sets(draw: st.DrawFn, max_rules: int = 4) -> RuleSet:
    """A named rule set of a few rules, some with several dated versions."""
    ids = draw(st.lists(rule_ids, min_size=0, max_size=max_rules, unique=True))
    chosen = [rule for rule_id in ids for rule in draw(versions(rule_id))]
    return RuleSet(name=draw(identifiers), rules=tuple(chosen))


#: JSON-like data that TOML can hold: tables of scalars, dates, lists and tables.
toml_scalars = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    texts,
    st.dates(),
    st.times(),
    st.datetimes(),
    st.datetimes(
        timezones=st.sampled_from(
            [
                dt.timezone.utc,
                dt.timezone(dt.timedelta(hours=8)),
                dt.timezone(-dt.timedelta(hours=5, minutes=30)),
            ]
        )
    ),
)
toml_keys = st.one_of(identifiers, texts)
toml_values = st.recursive(
    toml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(toml_keys, children, max_size=3)
    ),
    max_leaves=12,
)
toml_documents = st.dictionaries(toml_keys, toml_values, max_size=5)
