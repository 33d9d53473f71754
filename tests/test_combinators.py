"""Limits made of limits, and rule sets as values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Literal

import pydantic
import pytest

from deadlines import (
    ChinaCalendar,
    Engine,
    InvalidValueError,
    NotInEffectError,
    UnknownRuleError,
)
from deadlines._time import CHINA_TZ
from deadlines.rules import (
    OPINION_2020,
    AllOf,
    Blackout,
    CalendarDays,
    Citation,
    Condition,
    Conventions,
    EarliestOf,
    HourClock,
    Hours,
    LatestOf,
    Limit,
    Quota,
    Recurrence,
    Rule,
    RuleSet,
    SameDay,
    Sequence,
    Tiered,
    When,
    WorkingDays,
)
from deadlines.rules._limit import Unit
from deadlines.supervision._obligations import hour_clock_of, unit_of

CITATION = Citation(article=99, text="测试")
TRIGGER = dt.datetime(2026, 9, 30, 17, 0, tzinfo=CHINA_TZ)


def engine_for(calendar: ChinaCalendar, limit: object, **rule: object) -> Engine:
    """An engine whose only rule, ``test.rule``, has `limit`."""
    made = Rule(
        id="test.rule", title_zh="测试", title_en="test", citation=CITATION, limit=limit, **rule
    )  # type: ignore[arg-type]
    return Engine(calendar, RuleSet(rules=(made,)))


def at(text: str) -> dt.datetime:
    """A China-time instant from ISO text."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA_TZ)


class TestValues:
    def test_equal_and_hashable(self) -> None:
        """Equal limits compare and hash equal, so rule sets can be diffed."""
        assert WorkingDays(3) == WorkingDays(n=3)
        assert hash(AllOf(WorkingDays(3), Hours(48))) == hash(AllOf(WorkingDays(3), Hours(48)))
        assert WorkingDays(3) != CalendarDays(3)

    def test_immutable(self) -> None:
        """A limit cannot be changed in place."""
        limit = WorkingDays(3)
        with pytest.raises(pydantic.ValidationError):
            limit.n = 4  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("limit", "text"),
        [
            (WorkingDays(3), "WorkingDays(3)"),
            (WorkingDays(3, label="签发"), "WorkingDays(3, label='签发')"),
            (
                AllOf(AllOf(WorkingDays(3), WorkingDays(5)), Hours(48)),
                "AllOf(WorkingDays(3), WorkingDays(5), Hours(48))",
            ),
            (
                EarliestOf(EarliestOf(SameDay(), Hours(48)), WorkingDays(1)),
                "EarliestOf(SameDay(), Hours(48), WorkingDays(1))",
            ),
            (
                AllOf(AllOf(WorkingDays(3), label="x"), Hours(48)),
                "AllOf(AllOf(WorkingDays(3), label='x'), Hours(48))",
            ),
        ],
        ids=["plain", "labelled", "flattened", "flattened-earliest", "labelled-kept"],
    )
    def test_repr(self, limit: object, text: str) -> None:
        """Combinations flatten; a repr shows only non-default fields."""
        assert repr(limit) == text

    def test_schema_requires_the_tag(self) -> None:
        """A file must say which kind each limit is: the JSON Schema requires `kind`."""
        definitions = RuleSet.model_json_schema()["$defs"]
        assert definitions["WorkingDays"]["required"] == ["kind", "n"]
        assert definitions["AllOf"]["required"] == ["kind", "limits"]
        assert "kind" not in definitions["Citation"].get("properties", {})

    @pytest.mark.parametrize("n", [0, -1, True, 2.5], ids=["zero", "negative", "bool", "float"])
    def test_bad_n(self, n: object) -> None:
        """A count must be a positive integer; the error names the field."""
        with pytest.raises(pydantic.ValidationError, match="n"):
            WorkingDays(n)  # type: ignore[arg-type]


class TestCombinations:
    def test_earliest_and_latest(self, calendar: ChinaCalendar) -> None:
        """Earliest-of and latest-of pick by due instant and keep every part."""
        parts = (WorkingDays(3, label="a"), CalendarDays(15, label="b"))
        early = engine_for(calendar, EarliestOf(*parts)).due("test.rule", TRIGGER)
        late = engine_for(calendar, LatestOf(*parts)).due("test.rule", TRIGGER)
        assert early.due == at("2026-10-10T17:30")
        assert late.due == at("2026-10-15T17:30")
        assert [p.label for p in early.parts] == ["a", "b"]
        assert early.trace[-1].action == "choose"

    def test_sequence_runs_from_each_due(self, calendar: ChinaCalendar) -> None:
        """Each step of a sequence starts when the previous one is due."""
        engine = engine_for(
            calendar, Sequence(WorkingDays(3, label="审核"), WorkingDays(2, label="签发"))
        )
        result = engine.due("test.rule", TRIGGER)
        assert [p.due for p in result.parts] == [at("2026-10-10T17:30"), at("2026-10-13T17:30")]

    def test_sequence_runs_from_done(self, calendar: ChinaCalendar) -> None:
        """A step done early starts the next one from when it was done."""
        engine = engine_for(
            calendar, Sequence(WorkingDays(3, label="审核"), WorkingDays(2, label="签发"))
        )
        result = engine.due("test.rule", TRIGGER, done={"审核": "2026-10-08T09:00"})
        assert result.due == at("2026-10-10T17:30")

    def test_when(self, calendar: ChinaCalendar) -> None:
        """A condition on the event chooses the branch, and the trace says so."""
        limit = When(condition=Condition(parameter="urgent"), then=SameDay(), otherwise=Hours(48))
        engine = engine_for(calendar, limit)
        assert engine.due("test.rule", TRIGGER, urgent=True).due == at("2026-10-08T12:00")
        result = engine.due("test.rule", TRIGGER, urgent="no")
        assert result.trace[2].en == "condition urgent: no"

    def test_tiered(self, calendar: ChinaCalendar) -> None:
        """A committed limit is due first; the statutory one is kept as a part."""
        limit = Tiered(committed=WorkingDays(2), statutory=WorkingDays(5))
        result = engine_for(calendar, limit).due("test.rule", TRIGGER)
        assert result.due == at("2026-10-09T17:30")
        assert [(p.label, p.due_date) for p in result.parts] == [
            ("committed", dt.date(2026, 10, 9)),
            ("statutory", dt.date(2026, 10, 13)),
        ]
        assert result.warnings == ()

    def test_tiered_committed_beyond_statutory(self, calendar: ChinaCalendar) -> None:
        """A committed limit longer than the statutory one is reported, not hidden."""
        limit = Tiered(committed=WorkingDays(6), statutory=WorkingDays(5))
        result = engine_for(calendar, limit).due("test.rule", TRIGGER)
        assert "ends after the statutory one" in result.warnings[0]

    @pytest.mark.parametrize(
        ("done", "message"),
        [
            ("2026-10-08T09:00", "a table of step label"),
            ({"签收": "2026-10-08T09:00"}, "the label of a step: 审核, 签发"),
            ({"审核": "2026-09-29T09:00"}, "an instant after the trigger"),
        ],
        ids=["not-a-table", "unknown-label", "before-the-trigger"],
    )
    def test_sequence_bad_done(self, calendar: ChinaCalendar, done: object, message: str) -> None:
        """A malformed done is refused naming it, never ignored."""
        engine = engine_for(
            calendar, Sequence(WorkingDays(3, label="审核"), WorkingDays(2, label="签发"))
        )
        with pytest.raises(InvalidValueError, match=message) as info:
            engine.due("test.rule", TRIGGER, done=done)
        assert info.value.argument.startswith("done")

    @pytest.mark.parametrize(
        ("equals", "value", "holds"),
        [(2, "2", True), (2, 2, True), (2, "3", False), ("county", "county", True)],
        ids=["int-from-text", "int", "other-int", "text"],
    )
    def test_condition_types(self, equals: object, value: object, holds: bool) -> None:
        """Text from a command line or CSV is read as the type the condition compares."""
        condition = Condition(parameter="level", equals=equals)  # type: ignore[arg-type]
        assert condition.holds({"level": value}, "test.rule") is holds

    @pytest.mark.parametrize(
        ("equals", "value"),
        [(2, "two"), (2, True), ("county", 2)],
        ids=["not-a-number", "bool-for-int", "number-for-text"],
    )
    def test_condition_refuses_unlike_values(self, equals: object, value: object) -> None:
        """A value of another type is an error naming the parameter, not a silent 'no'."""
        condition = Condition(parameter="level", equals=equals)  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="level"):
            condition.holds({"level": value}, "test.rule")

    @pytest.mark.parametrize(
        "limit",
        [
            lambda: AllOf(WorkingDays(3), Blackout(months=(3,))),
            lambda: When(condition=Condition(parameter="x"), then=Quota(60), otherwise=SameDay()),
        ],
        ids=["blackout-in-all-of", "quota-in-when"],
    )
    def test_constraints_are_not_parts(self, limit: Callable[[], object]) -> None:
        """A blackout or a quota has no due date to combine: refused when built."""
        with pytest.raises(pydantic.ValidationError, match="cannot be part of a combination"):
            limit()

    def test_parameters_collected(self) -> None:
        """A combination reads the parameters its parts read."""
        limit = When(
            condition=Condition(parameter="urgent"),
            then=SameDay(),
            otherwise=Sequence(WorkingDays(1), Hours(2)),
        )
        assert limit.parameters() == {"urgent", "done"}


class Fortnight(Limit):
    """A kind of limit written for the test: one class, no other module touched."""

    kind: Literal["fortnight"] = "fortnight"

    def describe(self, lang: str = "en") -> str:
        return "两周" if lang == "zh" else "a fortnight"

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        return frozenset({"calendar_days"})


class Bare(Limit):
    """A kind of limit with no words in the catalogue and no methods of its own."""

    kind: Literal["bare"] = "bare"


class TestLimitsAnswerForThemselves:
    """Each kind of limit says its parts, its unit and its words; no caller asks its type."""

    @pytest.mark.parametrize(
        ("limit", "kinds"),
        [
            (WorkingDays(3), ["working_days"]),
            (
                Sequence(WorkingDays(1), Hours(2), within=CalendarDays(3)),
                ["sequence", "working_days", "hours", "calendar_days"],
            ),
            (
                When(condition=Condition(parameter="p"), then=Hours(1), otherwise=SameDay()),
                ["when", "hours", "same_day"],
            ),
            (
                Tiered(committed=AllOf(WorkingDays(1), Hours(4)), statutory=CalendarDays(9)),
                ["tiered", "all_of", "working_days", "hours", "calendar_days"],
            ),
        ],
        ids=["simple", "sequence-within", "when", "tiered"],
    )
    def test_walk(self, limit: Limit, kinds: list[str]) -> None:
        """A limit walks itself and its parts depth first, in the order of its fields."""
        assert [node.kind for node in limit.walk()] == kinds

    def test_a_new_kind_is_one_class(self) -> None:
        """A kind of limit defined elsewhere is described and counted by its own methods."""
        assert (Fortnight().describe(), Fortnight().describe("zh")) == (
            "a fortnight",
            "两周",
        )
        assert unit_of(Fortnight(), {}, Conventions()) == "calendar_days"
        assert hour_clock_of(Fortnight(), Conventions()) is Conventions().hour_clock
        assert Fortnight().sample_values() == {}

    def test_a_kind_without_words(self) -> None:
        """A kind the catalogue has no words for says its repr, counts as mixed, reads nothing."""
        assert (Bare().describe("zh"), Bare().units({}, Conventions())) == ("Bare()", {"mixed"})
        assert (Bare().parameters(), Bare().children()) == (frozenset(), ())

    @pytest.mark.parametrize(
        ("limit", "unit", "en"),
        [
            (WorkingDays(3), "working_days", "3 working days"),
            (CalendarDays(9), "calendar_days", "9 calendar days"),
            (Hours(48), "hours", "48 hours"),
            (SameDay(), "same_day", "same working day"),
            (Recurrence(months=4), "period", "once every 4 months"),
            (Blackout(months=(3,)), "mixed", "blackout: Mar"),
            (Quota(60), "mixed", "at least 60 days a year"),
        ],
        ids=lambda value: value if isinstance(value, str) else type(value).__name__,
    )
    def test_unit_and_words_of_each_kind(self, limit: Limit, unit: Unit, en: str) -> None:
        """Each kind counts in its own unit and says itself in the catalogue's words."""
        assert (limit.units({}, Conventions()), limit.describe()) == (frozenset({unit}), en)

    @pytest.mark.parametrize(
        ("params", "unit"),
        [({"p": True}, "hours"), ({"p": False}, "same_day"), ({}, "mixed")],
        ids=["then", "otherwise", "unstated"],
    )
    def test_unit_of_a_branch(self, params: dict[str, Any], unit: str) -> None:
        """A condition's limit counts as the branch the event takes; both when it is unstated."""
        limit = When(condition=Condition(parameter="p"), then=Hours(1), otherwise=SameDay())
        assert unit_of(limit, params, Conventions()) == unit

    @pytest.mark.parametrize(
        ("params", "clock"),
        [
            ({"p": True}, HourClock.OFFICE_HOURS),
            ({"p": False}, HourClock.CALENDAR_STRICT),
            ({}, HourClock.CALENDAR_STRICT),
        ],
        ids=["then", "otherwise", "unstated"],
    )
    def test_hour_clock_of_a_branch(self, params: dict[str, Any], clock: HourClock) -> None:
        """A condition's hours run on the clock of the branch taken (`otherwise`'s, unstated)."""
        limit = When(
            condition=Condition(parameter="p"),
            then=Hours(4, clock=HourClock.OFFICE_HOURS),
            otherwise=Hours(4, clock=HourClock.CALENDAR_STRICT),
        )
        assert limit.hour_clock(Conventions(), params) is clock

    def test_hour_clock_of_a_committed_limit(self) -> None:
        """A tiered limit is due at its committed limit, so its hours run on that one's clock."""
        limit = Tiered(
            committed=Hours(24, clock=HourClock.OFFICE_HOURS),
            statutory=Hours(48, clock=HourClock.CALENDAR_STRICT),
        )
        assert limit.hour_clock(Conventions()) is HourClock.OFFICE_HOURS

    def test_hour_clock_of_a_part(self) -> None:
        """The clock of the first limit in hours inside a combination is the obligation's."""
        limit = AllOf(WorkingDays(1), Hours(4, clock=HourClock.OFFICE_HOURS))
        assert hour_clock_of(limit, Conventions()) is HourClock.OFFICE_HOURS


class TestRuleSets:
    def test_copy_with_one_rule_changed(self) -> None:
        """with_rule replaces a version; the original set is untouched; diff finds it."""
        faster = OPINION_2020.get("routing.ordinary").evolve(limit=Hours(24))
        changed = OPINION_2020.with_rule(faster)
        assert changed.get("routing.ordinary").limit == Hours(24)
        assert OPINION_2020.get("routing.ordinary").limit == Hours(48)
        assert changed.ids == OPINION_2020.ids
        diff = OPINION_2020.diff(changed)
        assert (diff.added, diff.removed, [c.id for c in diff.changed]) == (
            (),
            (),
            ["routing.ordinary"],
        )
        assert not OPINION_2020.diff(OPINION_2020)

    def test_without(self) -> None:
        """without removes every version; the diff lists it as removed."""
        smaller = OPINION_2020.without("tasks.immediate")
        assert "tasks.immediate" not in smaller
        assert OPINION_2020.diff(smaller).removed == ("tasks.immediate",)
        with pytest.raises(UnknownRuleError):
            smaller.without("tasks.immediate")

    def test_dated_versions(self, calendar: ChinaCalendar) -> None:
        """Versions are chosen by the trigger's date."""
        old = OPINION_2020.get("routing.ordinary").evolve(effective_until=dt.date(2026, 12, 31))
        new = old.evolve(limit=Hours(24), effective_from=dt.date(2027, 1, 1), effective_until=None)
        rules = OPINION_2020.with_rule(old).with_rule(new)
        engine = Engine(calendar, rules)
        assert engine.rule("routing.ordinary", dt.date(2026, 12, 31)).limit == Hours(48)
        assert engine.rule("routing.ordinary", dt.date(2027, 1, 1)).limit == Hours(24)
        assert engine.rule("routing.ordinary").limit == Hours(24)

    def test_overlapping_versions_refused(self) -> None:
        """Two versions of one id whose dates overlap are an error naming both windows."""
        rule = OPINION_2020.get("routing.ordinary")
        later = rule.evolve(effective_from=dt.date(2027, 1, 1))
        with pytest.raises(pydantic.ValidationError, match="overlap"):
            RuleSet(rules=(rule, later))

    def test_ended_rule(self, calendar: ChinaCalendar) -> None:
        """After its last day a rule no longer applies."""
        ended = OPINION_2020.get("routing.ordinary").evolve(effective_until=dt.date(2025, 12, 31))
        engine = Engine(calendar, OPINION_2020.with_rule(ended))
        with pytest.raises(NotInEffectError, match="through 2025-12-31"):
            engine.due("routing.ordinary", "2026-01-05T10:00")

    def test_bad_dates(self) -> None:
        """An end before the start is refused."""
        with pytest.raises(pydantic.ValidationError, match="before effective_from"):
            OPINION_2020.get("routing.ordinary").evolve(effective_until=dt.date(2019, 1, 1))

    @pytest.mark.parametrize("bad", ["Minutes", "minutes", "minutes..x", "1.x"])
    def test_bad_id(self, bad: str) -> None:
        """Ids are dotted lower-case words."""
        with pytest.raises(pydantic.ValidationError, match="id"):
            OPINION_2020.get("routing.ordinary").evolve(id=bad)
