"""Policy diffs: triggers put to two policies, changes grouped by rule with their shifts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from deadlines.policy import (
    DiffTrigger,
    case_triggers,
    diff_policies,
    load_policy,
    range_triggers,
)
from deadlines.rules import OPINION_2020, Hours

EXAMPLES = Path(__file__).parent.parent / "examples" / "policy-change"


@pytest.fixture(scope="module")
def change():
    """The example change."""
    return load_policy(EXAMPLES / "policy.toml")


def _faster(hours=24):
    rule = OPINION_2020.get("routing.ordinary").evolve(limit=Hours(hours))
    return OPINION_2020.with_rule(rule).model_copy(update={"name": "faster"})


class TestRangeTriggers:
    """A range gives every working hour of every working day, per rule."""

    def test_working_hours(self, calendar):
        """Each office session is stepped by an hour: 7 triggers on an ordinary day."""
        triggers = range_triggers(
            [OPINION_2020], calendar, dt.date(2026, 6, 9), dt.date(2026, 6, 9)
        )
        hours = [t.at.strftime("%H:%M") for t in triggers if t.rule == "routing.ordinary"]
        assert hours == ["09:00", "10:00", "11:00", "13:30", "14:30", "15:30", "16:30"]

    def test_rest_days_skipped(self, calendar):
        """Weekends and holidays give no triggers; adjusted working days do."""
        triggers = range_triggers(
            [OPINION_2020], calendar, dt.date(2026, 10, 1), dt.date(2026, 10, 11)
        )
        days = sorted({t.at.date() for t in triggers if t.rule == "routing.ordinary"})
        assert days == [dt.date(2026, 10, 8), dt.date(2026, 10, 9), dt.date(2026, 10, 10)]

    def test_kinds(self, calendar):
        """A blackout is tried daily, a quota never, conditions and meeting limits per branch."""
        day = dt.date(2026, 6, 9)
        triggers = range_triggers([OPINION_2020], calendar, day, day)
        per_rule = {}
        for t in triggers:
            per_rule.setdefault(t.rule, []).append(t)
        assert [t.at for t in per_rule["meetings.march_freeze"]] == [day]
        assert "research.field_days" not in per_rule
        assert {
            t.params["involves_personnel_money_assets"] for t in per_rule["minutes.special_topic"]
        } == {True, False}
        assert {t.params["limit_days"] for t in per_rule["decisions.time_limited"]} == {5, 15}
        assert len(per_rule["minutes.special_topic"]) == 14

    def test_backwards(self, calendar):
        """A range that ends before it starts is refused."""
        with pytest.raises(ValueError, match="on or after 2026-06-09"):
            range_triggers([OPINION_2020], calendar, dt.date(2026, 6, 9), dt.date(2026, 6, 1))


class TestDiff:
    """Only triggers whose result changes are listed, with counts and shifts."""

    def test_same_policy(self, calendar):
        """A policy compared with itself changes nothing."""
        triggers = range_triggers(
            [OPINION_2020], calendar, dt.date(2026, 6, 1), dt.date(2026, 6, 5)
        )
        diff = diff_policies(OPINION_2020, OPINION_2020, triggers, calendar=calendar)
        assert not diff
        assert diff.changed == 0
        assert diff.triggers == len(triggers)
        assert diff.render().endswith("no change")

    def test_origin_is_not_a_change(self, calendar):
        """A copy that only marks its origin is not a redefinition."""
        rule = OPINION_2020.get("routing.ordinary").evolve(origin="copy")
        assert not diff_policies(OPINION_2020, OPINION_2020.with_rule(rule), [], calendar=calendar)

    def test_one_week(self, calendar):
        """24 hours instead of 48: every trigger of the week ends earlier (rest days do not run)."""
        triggers = range_triggers(
            [OPINION_2020], calendar, dt.date(2026, 6, 8), dt.date(2026, 6, 12)
        )
        diff = diff_policies(OPINION_2020, _faster(), triggers, calendar=calendar)
        assert diff.redefined == ("routing.ordinary",)
        (rule,) = diff.rules
        assert (rule.rule, rule.triggers, len(rule.changes)) == ("routing.ordinary", 35, 35)
        shifts = {c.trigger.at.strftime("%a %H:%M"): c.shift for c in rule.changes}
        assert shifts["Mon 09:00"] == dt.timedelta(days=-1)
        # Thursday + 48 h, the weekend not counted, is Monday 09:00; + 24 h is Friday 09:00.
        assert shifts["Thu 09:00"] == -dt.timedelta(days=3)
        assert rule.largest(1)[0].trigger.at == dt.datetime(
            2026, 6, 11, 9, tzinfo=rule.changes[0].trigger.at.tzinfo
        )
        assert shifts["Fri 09:00"] == -dt.timedelta(days=1)
        assert (rule.earlier, rule.later) == (35, 0)

    def test_shorter_is_never_later(self, change, calendar):
        """24 hours across the Dragon Boat holiday still end before 48 hours do."""
        triggers = [DiffTrigger(rule="routing.ordinary", at=dt.datetime(2027, 6, 8, 9))]
        (rule,) = diff_policies(OPINION_2020, change, triggers, calendar=calendar).rules
        (moved,) = rule.changes
        assert (moved.before.due.isoformat(), moved.after.due.isoformat()) == (
            "2027-06-11T09:00:00+08:00",
            "2027-06-10T09:00:00+08:00",
        )
        assert (rule.earlier, rule.later) == (1, 0)
        assert rule.largest(1, direction=1) == ()
        assert rule.largest(1, direction=-1) == (moved,)

    def test_added_blackout(self, change, calendar):
        """An added blackout changes only the days it forbids; before its start, nothing."""
        triggers = range_triggers(
            [OPINION_2020, change], calendar, dt.date(2026, 1, 26), dt.date(2026, 2, 6)
        )
        triggers += range_triggers(
            [OPINION_2020, change], calendar, dt.date(2027, 1, 25), dt.date(2027, 2, 5)
        )
        diff = diff_policies(OPINION_2020, change, triggers, calendar=calendar)
        assert diff.added == ("meetings.february_freeze",)
        feb = next(r for r in diff.rules if r.rule == "meetings.february_freeze")
        # 2027-02-05 is New Year's Eve, a holiday: no meeting to forbid.
        assert [c.trigger.at for c in feb.changes] == [dt.date(2027, 2, d) for d in (1, 2, 3, 4)]
        assert {(c.before.status, c.after.status) for c in feb.changes} == {
            ("unknown_rule", "violates")
        }

    def test_removed_rule(self, calendar):
        """A disabled rule is reported removed and its triggers change to no result."""
        smaller = OPINION_2020.without("routing.ordinary").model_copy(update={"name": "smaller"})
        at = dt.datetime(2026, 6, 9, 10)
        diff = diff_policies(
            OPINION_2020, smaller, [DiffTrigger(rule="routing.ordinary", at=at)], calendar=calendar
        )
        assert diff.removed == ("routing.ordinary",)
        assert diff.rules[0].changes[0].shift is None
        assert "2026-06-09 10:00: 2026-06-11 10:00 → —" in diff.render()

    def test_params_each_policy_reads(self, calendar):
        """A parameter only one policy's rule reads is dropped for the other."""
        at = dt.datetime(2026, 6, 9, 10)
        trigger = DiffTrigger(rule="routing.ordinary", at=at, params={"x": 1})
        (rule,) = diff_policies(OPINION_2020, _faster(), [trigger], calendar=calendar).rules
        assert rule.changes[0].before.status == "due"

    def test_cases(self, change, calendar):
        """The triggers of case files, with their names, give the example's changes."""
        triggers = case_triggers([EXAMPLES])
        diff = diff_policies(OPINION_2020, change, triggers, calendar=calendar, source="cases")
        assert [(r.rule, len(r.changes), r.triggers) for r in diff.rules] == [
            ("routing.ordinary", 4, 5),
            ("meetings.february_freeze", 1, 3),
        ]
        assert diff.rules[0].changes[0].trigger.label == "自2027年1月1日起适用24小时版本"


class TestReport:
    """Text for people and JSON for machines."""

    @pytest.fixture
    def diff(self, calendar):
        """24 hours instead of 48 on one Wednesday and one Thursday morning."""
        triggers = [
            DiffTrigger(rule="routing.ordinary", at=dt.datetime(2026, 6, 10, 9)),
            DiffTrigger(rule="routing.ordinary", at=dt.datetime(2026, 6, 11, 9)),
            DiffTrigger(rule="minutes.executive", at=dt.datetime(2026, 6, 12, 9)),
        ]
        return diff_policies(OPINION_2020, _faster(), triggers, calendar=calendar, source="test")

    def test_text(self, diff):
        """Per rule: counts, largest shifts and every change; then the totals."""
        assert diff.render() == (
            "opinion-2020 → faster: 3 triggers (test)\n"
            "rules redefined: routing.ordinary\n"
            "\n"
            "routing.ordinary: 2 of 2 triggers change (2 earlier)\n"
            "  largest shifts earlier:\n"
            "    2026-06-11 09:00: 2026-06-15 09:00 → 2026-06-12 09:00  (3 d, 1 wd earlier)\n"
            "    2026-06-10 09:00: 2026-06-12 09:00 → 2026-06-11 09:00  (1 d, 1 wd earlier)\n"
            "  changes:\n"
            "    2026-06-10 09:00: 2026-06-12 09:00 → 2026-06-11 09:00  (1 d, 1 wd earlier)\n"
            "    2026-06-11 09:00: 2026-06-15 09:00 → 2026-06-12 09:00  (3 d, 1 wd earlier)\n"
            "\n"
            "2 of 3 triggers change, in 1 rule"
        )

    def test_summary(self, diff):
        """The summary leaves out the list of every change."""
        assert "changes:" not in diff.render(summary=True)

    def test_json(self, diff):
        """JSON has counts, shifts in minutes and each change with both results."""
        data = diff.to_json()
        assert (data["triggers"], data["changed"], data["redefined"]) == (
            3,
            2,
            ["routing.ordinary"],
        )
        (rule,) = data["rules"]
        assert (rule["earlier"], rule["later"], rule["largest_shift_minutes"]) == (
            2,
            0,
            -(3 * 24 * 60),
        )
        assert rule["changes"][1] == {
            "at": "2026-06-11T09:00:00+08:00",
            "before": {
                "status": "due",
                "due": "2026-06-15T09:00:00+08:00",
                "due_date": "2026-06-15",
                "provisional": False,
            },
            "after": {
                "status": "due",
                "due": "2026-06-12T09:00:00+08:00",
                "due_date": "2026-06-12",
                "provisional": False,
            },
            "shift_minutes": -(3 * 24 * 60),
        }


class TestHermetic:
    """Installed plugins never reach a diff."""

    def test_diff_ignores_installed_plugins(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Both engines of a diff are built without plugin discovery."""
        import deadlines.policy._diff as diff

        seen: list[bool] = []
        real = diff.Engine

        def spy(*args: object, **kwargs: object) -> object:
            seen.append(bool(kwargs.get("discover_plugins", True)))
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(diff, "Engine", spy)
        diff.diff_policies(OPINION_2020, OPINION_2020, [])
        assert seen == [False, False]
