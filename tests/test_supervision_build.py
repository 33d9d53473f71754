"""Building a ledger at a province's scale: the shortcuts give what the plain paths gave."""

from __future__ import annotations

import datetime as dt
import json
import random
import warnings

import pytest

from deadlines import OPINION_2020, DeadlinesError, Engine, ProvisionalDateWarning
from deadlines._time import to_china
from deadlines.rules import (
    CalendarDays,
    Condition,
    EarliestOf,
    Hours,
    Rule,
    RuleSet,
    Sequence,
    When,
    WorkingDays,
)
from deadlines.supervision import Supervisor


class TestTrack:
    """`Building.track` keeps the first completion taken, however many come after."""

    @pytest.mark.parametrize("explain", [False, True], ids=["bulk", "explained"])
    def test_completed_twice(self, explain):
        """A second completion names the line of the first one taken (not of one refused),
        before and after the completions are first looked up."""

        def doc(name):
            return json.dumps(
                {
                    "type": "document_received",
                    "id": name,
                    "title": "x",
                    "urgency": "ordinary",
                    "received_at": "2025-06-03T09:00",
                }
            )

        def done(name, hour):
            at = f"2025-06-{hour // 24 + 2:02}T{hour % 24:02}:00"
            return json.dumps({"type": "completed", "obligation": f"{name}/routing", "at": at})

        lines = [
            doc("d1"),
            doc("d2"),
            done("d1", 10),
            done("d2", 34),
            done("d1", 35),
            done("d1", 36),
            done("d2", 37),
            doc("d3"),
            done("d3", 38),
            done("d3", 39),
        ]
        ledger = Supervisor(Engine(discover_plugins=False), explain=explain).read(lines)
        found = [(p.line, p.message, p.text().split(";")[0]) for p in ledger.problems]
        assert found == [
            (3, "check.before_trigger", "d1/routing began at 2025-06-03T09:00+08:00"),
            (6, "check.completed_twice", "d1/routing is already completed on line 5"),
            (7, "check.completed_twice", "d2/routing is already completed on line 4"),
            (10, "check.completed_twice", "d3/routing is already completed on line 9"),
        ]
        hours = [t.completed_at.hour for t in ledger.tracked]  # type: ignore[union-attr]
        assert hours == [11, 10, 14]


class TestCountRows:
    """`count_rows` answers as the engine does, or leaves the row to it."""

    def test_trigger_past_2262(self):
        """A trigger whose nanoseconds overflow is the engine's to refuse, as a problem."""
        pytest.importorskip("numpy", reason="deadlines[frame] (numpy) is not installed")
        line = json.dumps(
            {"type": "document_received", "id": "d1", "title": "x", "urgency": "ordinary",
             "received_at": "9999-04-11T09:00"}
        )  # fmt: skip
        ledger = Supervisor(Engine(discover_plugins=False), explain=False).read([line])
        assert len(ledger) == 0
        assert [(p.line, p.field) for p in ledger.problems] == [(1, "received_at")]

    @pytest.mark.parametrize("seed", [1, 2, 3], ids=["seed1", "seed2", "seed3"])
    def test_count_rows_as_engine(self, seed):
        """On random rows, every answer `count_rows` gives is the engine's, without parts
        (an obligation keeps them: the engine counts the rows that have some)."""
        pytest.importorskip("numpy", reason="deadlines[frame] (numpy) is not installed")
        from deadlines.frame._count import count_rows

        engine = Engine(rules=_rows_rules(), discover_plugins=False)
        rows = _random_rows(engine, 3000, seed)
        answers = count_rows(engine, rows, {})
        assert len(answers) == len(rows)
        taken = special = plain = 0
        for (rule_id, trigger, params), answer in zip(rows, answers, strict=True):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", ProvisionalDateWarning)
                    rule, start, outcome, _ = engine._count(
                        rule_id, trigger, params or {}, explain=False
                    )
            except DeadlinesError:
                assert answer is None, (rule_id, trigger, params)
                continue
            plain += not outcome.parts
            if answer is None:
                continue
            taken += 1
            special += rule_id == "minutes.special_topic"
            expected = (rule, start, outcome.due, outcome.last_day, outcome.provisional)
            assert answer == expected, (rule_id, trigger, params)
            assert answer[0] is rule
            assert not outcome.parts, (rule_id, trigger, params)
        assert taken > plain * 9 // 10  # most by the kernels
        assert special  # those that take the branch without parts too


def _rows_rules() -> RuleSet:
    """The catalog, and conditions whose branches list parts or not."""
    cite = OPINION_2020.get("minutes.executive").citation
    when = Condition(parameter="involves_personnel_money_assets")
    limits = {
        "x.when_otherwise_parts": When(
            condition=when, then=WorkingDays(3), otherwise=EarliestOf(WorkingDays(3), Hours(30))
        ),
        "x.when_nested": When(
            condition=Condition(parameter="limit_days", equals=3),
            then=When(condition=when, then=Sequence(WorkingDays(1), Hours(8)), otherwise=Hours(5)),
            otherwise=CalendarDays(2),
        ),
    }
    extra = (
        Rule(id=key, title_zh=key, title_en=key, citation=cite, limit=limit)
        for key, limit in limits.items()
    )
    return RuleSet(rules=(*OPINION_2020.rules, *extra))


def _random_rows(engine: Engine, size: int, seed: int) -> list[tuple[str, object, object]]:
    """(rule id, trigger, parameters) as `Building.settle` gives them, and some it never does."""
    rng = random.Random(seed)
    ids = [*engine.rules.ids, "minutes.special_topic", "x.when_nested", "no.such_rule"]
    china = dt.timezone(dt.timedelta(hours=8))
    rows: list[tuple[str, object, object]] = []
    for _ in range(size):
        rule_id = rng.choice(ids)
        day = dt.date(2019, 6, 1) + dt.timedelta(days=rng.randrange(365 * 8))
        at = dt.datetime.combine(day, dt.time(rng.randrange(24), rng.choice([0, 30, 59])))
        far = dt.datetime(rng.choice([1000, 2262, 2263, 9999]), 4, 11, 9, tzinfo=china)
        trigger = rng.choice([to_china("at", at)] * 6 + [at, at.replace(tzinfo=china), "2-30", far])
        params: dict[str, object] | None = rng.choice([None, {}])
        conditioned = rule_id.startswith(("minutes.special", "x.when")) or rng.random() < 0.02
        if conditioned and rng.random() < 0.8:
            value = rng.choice([True, False, False, "是", "no", "maybe", None, 1])
            params = {**(params or {}), "involves_personnel_money_assets": value}
        if rule_id.startswith(("decisions", "x.when_nested")) and rng.random() < 0.8:
            params = {**(params or {}), "limit_days": rng.choice([3, 3, 10, "x", 0])}
        if rule_id.startswith("routing") and rng.random() < 0.3:
            params = {"stated_limit": at + dt.timedelta(hours=rng.randrange(-2, 30))}
        rows.append((rule_id, trigger, params))
    return rows
