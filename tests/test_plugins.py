"""Plugins: the hooks, merging and precedence, conflicts, broken plugins, discovery, the CLI.

Most tests pass plugins in code (``discover_plugins=False``), which is fast and keeps any
installed plugin out. `TestDiscovery` puts a distribution's metadata on ``sys.path`` so that
`importlib.metadata` finds its entry point; `TestInstalled` has pip build the example township
plugin from its own pyproject.toml and install it into a throwaway virtual environment, runs
the command line there, and uninstalls it again.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import importlib
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import types
from collections.abc import Callable, Iterator, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

import deadlines
from deadlines import (
    CalendarOverride,
    DayChange,
    Engine,
    InvalidArgumentError,
    InvalidValueError,
    Notice,
    OfficeHours,
    PluginConflictError,
    PluginError,
    ProvisionalDateWarning,
    Season,
    hookimpl,
    hookspecs,
)
from deadlines._discovery import plugins_may_be_installed
from deadlines._plugins import HOOKS
from deadlines._plugins._claims import Claims
from deadlines.calendar import parse_overrides
from deadlines.cli import main
from deadlines.rules import Citation, Cutoff, HourClock, Hours, Rule, WorkingDays

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "township-plugin"
DOCS = ROOT / "docs" / "plugins.md"

NINE = dt.datetime(2026, 9, 1, 9)  # a Tuesday: 48 hours end Thursday 09:00, 24 hours Wednesday
FRIDAY = dt.datetime(2026, 7, 3, 10)  # 24 hours end on Saturday and roll to the next workday
FESTIVAL = dt.date(2026, 7, 6)  # a Monday


def plugin(*, tryfirst: bool = False, trylast: bool = False, **hooks: object) -> object:
    """A plugin whose hooks return the values given (a callable is the hook itself)."""
    namespace = types.SimpleNamespace()
    for name, value in hooks.items():
        function = value if callable(value) else _returning(value)
        setattr(namespace, name, hookimpl(tryfirst=tryfirst, trylast=trylast)(function))
    return namespace


def _returning(value: object) -> Callable[[], object]:
    def hook() -> object:
        return value

    return hook


def engine(**plugins: object) -> Engine:
    """An engine with these plugins, by name, and no installed one."""
    return Engine(plugins=plugins, discover_plugins=False)


def ordinary(limit: int) -> Callable[[Any], list[Rule]]:
    """A deadlines_rules hook that sets routing.ordinary to `limit` hours."""
    return lambda rules: [rules.get("routing.ordinary").evolve(limit=Hours(limit))]


def day_off(day: dt.date, *, off: bool = True, name: str = "乡庆") -> CalendarOverride:
    return CalendarOverride("ignored", local=(DayChange(day, off, name, "乡政府通知"),))


SUMMER = OfficeHours(
    seasons=(
        Season("summer", (7, 1), (9, 30), ((dt.time(8), dt.time(12)), (dt.time(15), dt.time(18)))),
    )
)


# --- the hook specifications -------------------------------------------------------------------


SPECS = [
    (name, function)
    for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
    if name.startswith("deadlines_")
]


class TestHookspecs:
    """Each hookspec is typed and documents its contract."""

    def test_the_hooks(self):
        """The seven hooks, each marked as a deadlines hookspec."""
        assert [name for name, _ in SPECS] == [
            "deadlines_calendar",
            "deadlines_conventions",
            "deadlines_disable_rules",
            "deadlines_labels",
            "deadlines_office_hours",
            "deadlines_rules",
            "deadlines_supervision_thresholds",
        ]
        assert all(hasattr(function, "deadlines_spec") for _, function in SPECS)
        assert sorted(HOOKS) == [name for name, _ in SPECS]  # the loader's own list

    def test_a_reader_per_hook(self):
        """Each hook's answers have a reader of the same name, which the engine dispatches to."""
        readers = [getattr(Claims, hook.removeprefix("deadlines_"), None) for hook in HOOKS]
        assert all(callable(reader) for reader in readers)

    @pytest.mark.parametrize(("name", "function"), SPECS, ids=[name for name, _ in SPECS])
    def test_contract(self, name, function):
        """The docstring says when, each :param:, collection, and since which version."""
        doc = " ".join((inspect.getdoc(function) or "").split())
        assert "Called once per engine" in doc
        assert "not ``firstresult``" in doc
        assert ".. versionadded:: 0.1.0" in doc
        for parameter in inspect.signature(function).parameters:
            assert f":param {parameter}:" in doc
        assert not function.deadlines_spec.get("firstresult")

    @pytest.mark.parametrize(("name", "function"), SPECS, ids=[name for name, _ in SPECS])
    def test_annotated(self, name, function):
        """Every parameter and the return value are annotated."""
        signature = inspect.signature(function)
        assert signature.return_annotation is not inspect.Signature.empty
        assert all(p.annotation is not p.empty for p in signature.parameters.values())


# --- what a plugin can change ----------------------------------------------------------------


class TestRules:
    """deadlines_rules changes, replaces and adds rules; deadlines_disable_rules removes them."""

    def test_change_a_parameter(self):
        """48 hours become 24: the due instant moves, and the rule names its plugin."""
        result = engine(township=plugin(deadlines_rules=ordinary(24))).due("routing.ordinary", NINE)
        assert result.due.isoformat() == "2026-09-02T09:00:00+08:00"
        version = next(step for step in result.trace if step.action == "version")
        change = next(step for step in result.trace if step.action == "plugin")
        assert (version.origin, change.origin) == ("township", "township")
        assert change.en == "local change: routing.ordinary: limit 48 hours → 24 hours"

    def test_other_rules_untouched(self):
        """A rule the plugin leaves alone has no origin and no plugin step."""
        result = engine(township=plugin(deadlines_rules=ordinary(24))).due("routing.urgent", NINE)
        assert all(not step.origin for step in result.trace)
        assert result.rule_id == "routing.urgent"

    def test_same_rule_changes_nothing(self):
        """Returning a rule unchanged is not a change."""
        same = plugin(deadlines_rules=lambda rules: [rules.get("routing.ordinary")])
        built = engine(township=same)
        assert built.rules.get("routing.ordinary").origin == ""
        assert built.plugins[0].changes == ()

    def test_add_a_rule_with_its_citation(self):
        """A new rule carries its own citation and its plugin as origin."""
        petitions = Rule(
            id="township.petition_reply",
            title_zh="信访事项答复",
            title_en="Petitions answered",
            citation=Citation(
                document="云溪乡《信访工作规程》", article=5, text="五个工作日内答复"
            ),
            limit=WorkingDays(5),
        )
        built = engine(township=plugin(deadlines_rules=[petitions]))
        result = built.due("township.petition_reply", dt.datetime(2026, 9, 30, 17))
        assert result.due.isoformat() == "2026-10-13T17:30:00+08:00"
        assert result.citation.document == "云溪乡《信访工作规程》"
        assert built.rule("township.petition_reply").origin == "township"
        assert built.plugins[0].changes[0].kind == "rule_added"

    def test_new_dated_version(self):
        """A plugin may end a version and start another; the trigger's date picks one."""

        def rules_hook(rules: Any) -> list[Rule]:
            old = rules.get("routing.ordinary")
            return [
                old.evolve(effective_until=dt.date(2026, 12, 31)),
                old.evolve(limit=Hours(24), effective_from=dt.date(2027, 1, 1)),
            ]

        built = engine(township=plugin(deadlines_rules=rules_hook))
        assert built.due("routing.ordinary", NINE).due.isoformat() == "2026-09-03T09:00:00+08:00"
        with pytest.warns(ProvisionalDateWarning):  # 2027 has no notice yet
            later = built.due("routing.ordinary", dt.datetime(2027, 9, 1, 9), explain=False)
        assert later.due.isoformat() == "2027-09-02T09:00:00+08:00"

    def test_new_version_changes_name_each_version(self):
        """Once a plugin adds a version, its changes name each version of the rule by its date."""
        since = dt.date(2026, 3, 2)

        def rules_hook(rules: Any) -> list[Rule]:
            old = rules.get("routing.ordinary")
            return [
                old.evolve(effective_until=since - dt.timedelta(days=1)),
                old.evolve(limit=Hours(24), effective_from=since),
            ]

        built = engine(
            township=plugin(
                deadlines_rules=rules_hook,
                deadlines_labels={"routing.ordinary": {"actor_en": "the general office"}},
            )
        )
        actor = "actor_en the county government office → the general office"
        texts = [change.text() for change in built.plugins[0].changes]
        assert texts[1].startswith("adds routing.ordinary (from 2026-03-02): 24 hours, art. 11")
        assert texts[:1] + texts[2:] == [
            "routing.ordinary@2020-04-21: effective_until None → 2026-03-01",
            f"routing.ordinary@2020-04-21: {actor}",
            f"routing.ordinary@2026-03-02: {actor}",
        ]

    def test_same_version_twice(self):
        """A version returned twice alike is one change."""
        twice = plugin(deadlines_rules=lambda rules: ordinary(24)(rules) * 2)
        assert len(engine(township=twice).plugins[0].changes) == 1

    def test_disable(self):
        """A disabled rule is gone from the engine's rule set, every version of it."""
        built = engine(township=plugin(deadlines_disable_rules=["meetings.march_freeze"]))
        assert "meetings.march_freeze" not in built.rules
        assert "meetings.march_freeze" in Engine(discover_plugins=False).rules

    def test_base_rule_set_unchanged(self):
        """The rule set given to the engine is a value: plugins make a new one."""
        from deadlines.rules import OPINION_2020

        engine(township=plugin(deadlines_rules=ordinary(24)))
        assert OPINION_2020.get("routing.ordinary").limit == Hours(48)


class TestCalendar:
    """deadlines_calendar adds days off, working days and notices, named by the plugin."""

    def test_local_day_off(self):
        """The day is off, its origin is the plugin, and a count that skips it says so."""
        built = engine(township=plugin(deadlines_calendar=day_off(FESTIVAL)))
        day = built.calendar.day(FESTIVAL)
        assert (day.is_workday, day.origin, day.name_zh) == (False, "township", "乡庆")
        result = built.due("minutes.executive", dt.datetime(2026, 7, 3, 17))
        skip = next(step for step in result.trace if step.date == FESTIVAL)
        assert (skip.action, skip.origin) == ("skip", "township")
        assert result.due_date == dt.date(2026, 7, 9)

    def test_make_up_workday(self):
        """A Saturday set on becomes an adjusted working day."""
        saturday = dt.date(2026, 9, 5)
        built = engine(township=plugin(deadlines_calendar=day_off(saturday, off=False)))
        assert built.calendar.is_workday(saturday)
        assert built.calendar.day(saturday).kind.name == "ADJUSTED_WORKDAY"

    def test_notice(self):
        """A notice from a plugin announces its year."""
        notice = Notice(
            2027, "国办发明电〔2026〕X号", (DayChange(dt.date(2027, 10, 1), True, "国庆节", "X"),)
        )
        built = engine(state=plugin(deadlines_calendar=CalendarOverride("", notices=(notice,))))
        assert 2027 in built.calendar.announced_years
        assert built.calendar.day(dt.date(2027, 10, 1)).origin == "state"

    def test_keeps_the_calendars_own_overrides(self, tmp_path):
        """Plugin days are laid over the override files the engine's calendar already has."""
        text = '[[local]]\nsource = "x"\ndays_off = [{ date = 2026-09-04, name = "file" }]\n'
        calendar = deadlines.ChinaCalendar([parse_overrides(text, "local.toml")])
        built = Engine(
            calendar,
            plugins={"township": plugin(deadlines_calendar=day_off(FESTIVAL))},
            discover_plugins=False,
        )
        assert built.calendar.day(dt.date(2026, 9, 4)).origin == "local.toml"
        assert built.calendar.day(FESTIVAL).origin == "township"

    def test_no_calendar_change_keeps_the_calendar(self, calendar):
        """A plugin that leaves the calendar alone leaves the very same calendar."""
        built = Engine(
            calendar, plugins={"t": plugin(deadlines_rules=ordinary(24))}, discover_plugins=False
        )
        assert built.calendar is calendar


class TestOfficeHours:
    """deadlines_office_hours replaces the office hours, seasons included."""

    def test_summer_schedule(self):
        """Offices close at 18:00 in summer; the trace says who changed the hours."""
        built = engine(township=plugin(deadlines_office_hours=SUMMER))
        assert built.calendar.close_of_business(dt.date(2026, 7, 15)).time() == dt.time(18)
        result = built.due("routing.urgent", dt.datetime(2026, 7, 15, 17, 45))
        assert result.due.isoformat() == "2026-07-15T18:00:00+08:00"
        assert any(step.action == "plugin" and step.origin == "township" for step in result.trace)

    def test_equal_hours_change_nothing(self):
        """Returning the base hours is no change."""
        built = engine(township=plugin(deadlines_office_hours=lambda office_hours: office_hours))
        assert built.plugins[0].changes == ()


class TestConventions:
    """deadlines_conventions changes conventions' defaults, field by field."""

    @pytest.mark.parametrize("value", [Cutoff.MIDNIGHT, "midnight"], ids=["enum", "value"])
    def test_cutoff(self, value):
        """24:00 instead of the close of business."""
        built = engine(township=plugin(deadlines_conventions={"cutoff": value}))
        result = built.due("minutes.executive", dt.datetime(2026, 9, 30, 17))
        assert result.due.isoformat() == "2026-10-11T00:00:00+08:00"
        assert built.conventions.cutoff is Cutoff.MIDNIGHT

    def test_two_plugins_two_fields(self):
        """One plugin's cutoff and another's hour clock both apply."""
        built = engine(
            a=plugin(deadlines_conventions={"cutoff": "midnight"}),
            b=plugin(deadlines_conventions={"hour_clock": HourClock.OFFICE_HOURS}),
        )
        assert (built.conventions.cutoff, built.conventions.hour_clock) == (
            Cutoff.MIDNIGHT,
            HourClock.OFFICE_HOURS,
        )


class TestLabels:
    """deadlines_labels sets titles and actors of every version of a rule."""

    def test_actor(self):
        """The actor changes; the limit does not."""
        labels = {"routing.ordinary": {"actor_en": "the township office", "title_zh": "普通件"}}
        built = engine(township=plugin(deadlines_labels=labels))
        rule = built.rule("routing.ordinary")
        assert (rule.actor_en, rule.title_zh, rule.limit) == (
            "the township office",
            "普通件",
            Hours(48),
        )
        assert rule.origin == "township"

    def test_label_a_rule_another_plugin_adds(self):
        """A translation plugin may label a rule another plugin adds."""
        new = Rule(
            id="township.x",
            title_zh="新",
            title_en="new",
            citation=Citation(article=1, text="t"),
            limit=WorkingDays(1),
        )
        built = engine(
            adds=plugin(deadlines_rules=[new]),
            labels=plugin(deadlines_labels={"township.x": {"title_en": "New"}}),
        )
        assert built.rule("township.x").title_en == "New"
        assert built.rule("township.x").origin == "adds, labels"


# --- precedence and conflicts ------------------------------------------------------------------


class TestPrecedence:
    """Higher rank (pluggy's tryfirst > plain > trylast) wins; agreement is no conflict."""

    @pytest.mark.parametrize(
        ("first", "second", "limit", "winner"),
        [
            ({"tryfirst": True}, {}, Hours(24), "a"),
            ({}, {"tryfirst": True}, Hours(36), "b"),
            ({"trylast": True}, {}, Hours(36), "b"),
            ({}, {"trylast": True}, Hours(24), "a"),
        ],
        ids=["tryfirst-a", "tryfirst-b", "trylast-a", "trylast-b"],
    )
    def test_rank_wins(self, first, second, limit, winner):
        """The higher-ranking plugin's value applies; the other's change is marked overridden."""
        built = engine(
            a=plugin(deadlines_rules=ordinary(24), **first),
            b=plugin(deadlines_rules=ordinary(36), **second),
        )
        rule = built.rule("routing.ordinary")
        assert (rule.limit, rule.origin) == (limit, winner)
        loser = next(p for p in built.plugins if p.name != winner)
        assert loser.changes[0].overridden_by == winner
        assert loser.changes[0].text().endswith(f"(overridden by {winner})")

    def test_agreeing_plugins(self):
        """Two plugins setting the same value both apply, and both are named."""
        built = engine(
            a=plugin(deadlines_rules=ordinary(24)), b=plugin(deadlines_rules=ordinary(24))
        )
        assert built.rule("routing.ordinary").origin == "a, b"

    def test_different_fields_merge(self):
        """One plugin's limit and another's title both apply to the rule."""
        title = plugin(
            deadlines_rules=lambda rules: [rules.get("routing.ordinary").evolve(title_en="Routing")]
        )
        built = engine(a=plugin(deadlines_rules=ordinary(24)), b=title)
        rule = built.rule("routing.ordinary")
        assert (rule.limit, rule.title_en, rule.origin) == (Hours(24), "Routing", "a, b")

    def test_day_by_rank(self):
        """A higher-ranking plugin's working day beats a lower one's day off."""
        built = engine(
            a=plugin(deadlines_calendar=day_off(FESTIVAL), trylast=True),
            b=plugin(deadlines_calendar=day_off(FESTIVAL, off=False, name="补班")),
        )
        assert built.calendar.is_workday(FESTIVAL)
        assert built.calendar.day(FESTIVAL).origin == "b"

    @pytest.mark.parametrize(
        ("disabler", "changer", "present"),
        [({"tryfirst": True}, {}, False), ({}, {"tryfirst": True}, True)],
        ids=["disable-wins", "change-wins"],
    )
    def test_disable_against_change(self, disabler, changer, present):
        """Disabling and changing one rule: the higher rank decides."""
        built = engine(
            a=plugin(deadlines_disable_rules=["routing.ordinary"], **disabler),
            b=plugin(deadlines_rules=ordinary(24), **changer),
        )
        assert ("routing.ordinary" in built.rules) is present

    def test_order_does_not_matter(self):
        """The same plugins registered in either order give the same engine."""
        a = plugin(deadlines_rules=ordinary(24), tryfirst=True)
        b = plugin(deadlines_rules=ordinary(36))
        one = Engine(plugins={"a": a, "b": b}, discover_plugins=False)
        two = Engine(plugins={"b": b, "a": a}, discover_plugins=False)
        assert one.rules == two.rules


class TestConflicts:
    """Two plugins of the same rank disagreeing is a PluginConflictError naming both."""

    @pytest.mark.parametrize(
        ("a", "b", "target"),
        [
            (
                {"deadlines_rules": ordinary(24)},
                {"deadlines_rules": ordinary(36)},
                "limit of the rule routing.ordinary",
            ),
            (
                {"deadlines_conventions": {"cutoff": "midnight"}},
                {
                    "deadlines_conventions": {
                        "cutoff": "close_of_business",
                        "hour_clock": "office_hours",
                    }
                },
                None,
            ),
            (
                {"deadlines_office_hours": SUMMER},
                {"deadlines_office_hours": OfficeHours(((dt.time(8), dt.time(17)),))},
                "the office hours",
            ),
            (
                {"deadlines_calendar": day_off(FESTIVAL)},
                {"deadlines_calendar": day_off(FESTIVAL, off=False)},
                f"the day {FESTIVAL}",
            ),
            (
                {"deadlines_disable_rules": ["routing.ordinary"]},
                {"deadlines_rules": ordinary(24)},
                "the rule routing.ordinary",
            ),
            (
                {"deadlines_labels": {"routing.ordinary": {"title_en": "A"}}},
                {"deadlines_labels": {"routing.ordinary": {"title_en": "B"}}},
                "title_en of the rule routing.ordinary",
            ),
        ],
        ids=["rule", "convention-vs-default", "office-hours", "day", "disable-vs-change", "label"],
    )
    def test_conflict(self, a, b, target):
        """The error names both plugins and what they both change."""
        if target is None:  # b sets the cutoff back to the default: no claim, no conflict
            built = engine(a=plugin(**a), b=plugin(**b))
            assert built.conventions.cutoff is Cutoff.MIDNIGHT
            return
        with pytest.raises(PluginConflictError, match=re.escape(target)) as caught:
            engine(a=plugin(**a), b=plugin(**b))
        assert caught.value.plugins == ("a", "b")
        assert isinstance(caught.value, ValueError)

    def test_notice_twice(self):
        """A year's notice from two plugins, differing, is a conflict."""
        one = Notice(2027, "A", ())
        two = Notice(2027, "B", ())
        with pytest.raises(PluginConflictError, match="the 2027 notice"):
            engine(
                a=plugin(deadlines_calendar=CalendarOverride("", notices=(one,))),
                b=plugin(deadlines_calendar=CalendarOverride("", notices=(two,))),
            )

    def test_against_an_override_file(self):
        """A plugin's day set on against the calendar file's day off names both."""
        text = '[[local]]\nsource = "x"\ndays_off = [{ date = 2026-07-06, name = "file" }]\n'
        calendar = deadlines.ChinaCalendar([parse_overrides(text, "local.toml")])
        with pytest.raises(PluginConflictError) as caught:
            Engine(
                calendar,
                plugins={"t": plugin(deadlines_calendar=day_off(FESTIVAL, off=False))},
                discover_plugins=False,
            )
        assert caught.value.plugins == ("local.toml", "t")

    def test_new_versions_overlap(self):
        """Versions that are valid one plugin at a time but overlap together conflict."""

        def version(since: int, limit: int) -> Callable[[Any], list[Rule]]:
            def hook(rules: Any) -> list[Rule]:
                old = rules.get("routing.ordinary")
                return [
                    old.evolve(effective_until=dt.date(2026, 12, 31)),
                    old.evolve(limit=Hours(limit), effective_from=dt.date(since, 1, 1)),
                ]

            return hook

        with pytest.raises(PluginConflictError, match="overlap") as caught:
            engine(
                a=plugin(deadlines_rules=version(2027, 24)),
                b=plugin(deadlines_rules=version(2028, 36)),
            )
        assert caught.value.plugins == ("a", "b")


# --- broken plugins ----------------------------------------------------------------------------


def _raise(*_: object) -> None:
    raise RuntimeError("the township server is down")


def _rules_then_raise(rules: Any) -> Any:
    yield rules.get("routing.ordinary").evolve(limit=Hours(24))
    raise RuntimeError("the township server is down")


def _ids_then_raise(rules: Any) -> Any:
    yield "meetings.march_freeze"
    raise RuntimeError("the township server is down")


class _Unreadable(Mapping[str, Any]):
    """A mapping whose keys can be listed but whose values cannot be read."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("the township server is down")

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


class TestBrokenPlugins:
    """A broken plugin is a PluginError naming it and the hook; nothing is half-applied."""

    def test_hook_raises(self):
        """The error names plugin and hook and chains the original exception."""
        with pytest.raises(PluginError, match="the township server is down") as caught:
            engine(good=plugin(deadlines_rules=ordinary(24)), bad=plugin(deadlines_calendar=_raise))
        assert (caught.value.plugin, caught.value.hook) == ("bad", "deadlines_calendar")
        assert isinstance(caught.value.__cause__, RuntimeError)
        assert isinstance(caught.value, RuntimeError)

    @pytest.mark.parametrize(
        ("hook", "function"),
        [
            ("deadlines_rules", _rules_then_raise),
            ("deadlines_disable_rules", _ids_then_raise),
            ("deadlines_conventions", lambda conventions: _Unreadable({"cutoff": "midnight"})),
            (
                "deadlines_labels",
                lambda rules: {"routing.ordinary": _Unreadable({"title_en": "A"})},
            ),
            (
                "deadlines_supervision_thresholds",
                lambda thresholds: _Unreadable({"minutes": thresholds}),
            ),
        ],
        ids=["rules-generator", "disable-generator", "conventions", "labels", "thresholds"],
    )
    def test_answer_raises_while_read(self, hook, function):
        """An answer that raises while it is read (a generator, a mapping) is the plugin's error."""
        with pytest.raises(PluginError, match="the township server is down") as caught:
            engine(good=plugin(deadlines_rules=ordinary(24)), bad=plugin(**{hook: function}))
        assert (caught.value.plugin, caught.value.hook) == ("bad", hook)
        assert str(caught.value.__cause__) == "the township server is down"
        assert Engine(discover_plugins=False).rule("routing.ordinary").limit == Hours(48)

    @pytest.mark.parametrize(
        ("hook", "value", "says"),
        [
            ("deadlines_rules", Hours(24), "a list of Rule"),
            ("deadlines_rules", "routing.ordinary", "a list of Rule"),
            ("deadlines_rules", ["routing.ordinary"], "str 'routing.ordinary' among its values"),
            (
                "deadlines_rules",
                lambda rules: rules.get("routing.ordinary"),
                "put the rule in a list",
            ),
            (
                "deadlines_rules",
                lambda rules: [
                    rules.get("routing.ordinary").evolve(effective_from=dt.date(2027, 1, 1))
                ],
                "overlap",
            ),
            (
                "deadlines_rules",
                lambda rules: [ordinary(24)(rules)[0], ordinary(36)(rules)[0]],
                "to 36 hours, but its deadlines_rules sets 24 hours",
            ),
            ("deadlines_calendar", [DayChange(FESTIVAL, True, "x", "y")], "a CalendarOverride"),
            (
                "deadlines_calendar",
                CalendarOverride("", local=(DayChange(dt.date(2200, 1, 1), True, "x", "y"),)),
                "2004-01-01 through",
            ),
            (
                "deadlines_calendar",
                CalendarOverride(
                    "",
                    local=(
                        DayChange(FESTIVAL, True, "x", "y"),
                        DayChange(FESTIVAL, False, "x", "y"),
                    ),
                ),
                "both off and on",
            ),
            ("deadlines_office_hours", ((dt.time(9), dt.time(17)),), "an OfficeHours value"),
            ("deadlines_conventions", [("cutoff", "midnight")], "a mapping"),
            (
                "deadlines_conventions",
                {"cutof": "midnight"},
                "no convention 'cutof'; the conventions are start_day",
            ),
            ("deadlines_conventions", {"cutoff": "noon"}, "cutoff"),
            ("deadlines_disable_rules", "meetings.march_freeze", "a list of rule ids"),
            (
                "deadlines_disable_rules",
                ["meetings.april_freeze"],
                "no rule 'meetings.april_freeze' to disable",
            ),
            ("deadlines_labels", {"routing.ordinary": {"limit": "24h"}}, "cannot label 'limit'"),
            ("deadlines_labels", {"routing.ordinary": {"title_en": ""}}, "non-empty text"),
            (
                "deadlines_labels",
                {"routing.nothing": {"title_en": "x"}},
                "no rule 'routing.nothing' to label",
            ),
        ],
        ids=[
            "rules-a-limit",
            "rules-a-string",
            "rules-ids",
            "rules-one-rule",
            "rules-overlap",
            "rules-one-version-twice",
            "calendar-a-list",
            "calendar-out-of-range",
            "calendar-off-and-on",
            "hours-a-tuple",
            "conventions-a-list",
            "conventions-unknown",
            "conventions-bad-value",
            "disable-a-string",
            "disable-unknown",
            "labels-a-field",
            "labels-empty",
            "labels-unknown-rule",
        ],
    )
    def test_wrong_return(self, hook, value, says):
        """The error names the plugin, the hook, what it returned and what is expected."""
        with pytest.raises(PluginError) as caught:
            engine(bad=plugin(**{hook: value}))
        assert (caught.value.plugin, caught.value.hook) == ("bad", hook)
        assert says in str(caught.value)

    def test_same_plugin_disables_and_changes(self):
        """A plugin may not disable a rule it also changes."""
        with pytest.raises(
            PluginError, match=r"disables routing\.ordinary, which its deadlines_rules"
        ):
            engine(
                bad=plugin(
                    deadlines_rules=ordinary(24), deadlines_disable_rules=["routing.ordinary"]
                )
            )

    def test_same_plugin_two_values(self):
        """A plugin's label that contradicts its own rule is its own error, not a conflict."""
        rules = lambda rules: [rules.get("routing.ordinary").evolve(title_en="A")]  # noqa: E731
        with pytest.raises(PluginError, match="its deadlines_rules sets A"):
            engine(
                bad=plugin(
                    deadlines_rules=rules, deadlines_labels={"routing.ordinary": {"title_en": "B"}}
                )
            )

    @pytest.mark.parametrize(
        ("build", "hook", "says"),
        [
            (
                lambda: types.SimpleNamespace(deadlines_rules=lambda rules: []),
                "deadlines_rules",
                "is not marked",
            ),
            (
                lambda: types.SimpleNamespace(deadlines_rule=hookimpl(lambda rules: [])),
                "deadlines_rule",
                "no such hook",
            ),
            (
                lambda: types.SimpleNamespace(
                    deadlines_rules=hookimpl(wrapper=True)(lambda rules: (yield))
                ),
                "deadlines_rules",
                "wrappers are not supported",
            ),
            (
                lambda: types.SimpleNamespace(deadlines_rules=hookimpl(lambda ruleset: [])),
                "deadlines_rules",
                "ruleset",
            ),
            (lambda: types.SimpleNamespace(helper=lambda: None), "(load)", "implements no hook"),
            (
                lambda: types.SimpleNamespace(
                    deadlines_rules=hookimpl(lambda rules: []),
                    more_rules=hookimpl(specname="deadlines_rules")(lambda rules: []),
                ),
                "deadlines_rules",
                "implements it 2 times",
            ),
        ],
        ids=["unmarked", "unknown-hook", "wrapper", "unknown-argument", "no-hooks", "twice"],
    )
    def test_malformed(self, build, hook, says):
        """Mistakes pluggy would let pass silently are errors naming the hook."""
        with pytest.raises(PluginError, match=re.escape(says)) as caught:
            engine(bad=build())
        assert caught.value.hook == hook

    def test_optional_unknown_hook(self):
        """A hook marked optionalhook (for a later version of deadlines) is ignored."""
        later = types.SimpleNamespace(
            deadlines_rules=hookimpl(ordinary(24)),
            deadlines_future=hookimpl(optionalhook=True)(lambda: None),
        )
        assert engine(later=later).rule("routing.ordinary").limit == Hours(24)

    @pytest.mark.parametrize(
        ("plugins", "error"),
        [
            ("township", InvalidArgumentError),
            (types.ModuleType("township"), InvalidArgumentError),
            ([None], InvalidArgumentError),
            (["deadlines_yunxi"], InvalidArgumentError),
            ({"": object()}, InvalidArgumentError),
        ],
        ids=["a-name", "not-iterable", "none", "names", "empty-name"],
    )
    def test_bad_plugins_argument(self, plugins, error):
        """`plugins` takes plugin objects, or a mapping of names to them."""
        with pytest.raises(error, match="plugins"):
            Engine(plugins=plugins, discover_plugins=False)

    def test_same_name_twice(self):
        """Two plugins of one name are refused."""
        first, second = types.ModuleType("township"), types.ModuleType("township")
        first.deadlines_rules = hookimpl(ordinary(24))  # type: ignore[attr-defined]
        second.deadlines_rules = hookimpl(ordinary(24))  # type: ignore[attr-defined]
        with pytest.raises(InvalidValueError, match="distinct plugin names"):
            Engine(plugins=[first, second], discover_plugins=False)


# --- isolation -------------------------------------------------------------------------------


@dataclasses.dataclass
class Township:
    """A plugin object that does not hash (a dataclass compares by value), as pluggy allows."""

    hours: int = 24
    fails: bool = False

    @hookimpl
    def deadlines_rules(self, rules):
        if self.fails:
            raise LookupError("no such office")
        return [rules.get("routing.ordinary").evolve(limit=Hours(self.hours))]


class TestUnhashablePlugins:
    """A plugin need not hash: each hook implementation is called through its own HookImpl."""

    def test_called_and_listed(self):
        """A dataclass instance answers its hook and is listed by the name it was given."""
        with pytest.raises(TypeError, match="unhashable"):
            hash(Township())
        built = engine(township=Township())
        assert built.rule("routing.ordinary").limit == Hours(24)
        assert [(p.name, p.hooks) for p in built.plugins] == [("township", ("deadlines_rules",))]

    def test_conflict_names_both(self):
        """Two of them that disagree are a conflict naming each by its name."""
        with pytest.raises(PluginConflictError, match="'county' sets 36 hours, 'township' sets 24"):
            engine(township=Township(), county=Township(hours=36))

    def test_error_names_it(self):
        """Its exception is pinned on it, among other plugins of the same hook."""
        with pytest.raises(PluginError, match="plugin 'broken', hook deadlines_rules: raised"):
            engine(fine=Township(), broken=Township(fails=True))


class TestIsolation:
    """Each engine has its own plugins; nothing leaks between engines."""

    def test_two_engines(self):
        """Two engines in one process, different plugins, different answers."""
        fast = engine(fast=plugin(deadlines_rules=ordinary(24)))
        slow = engine(slow=plugin(deadlines_rules=ordinary(72)))
        plain = Engine(discover_plugins=False)
        dues = [e.due("routing.ordinary", NINE, explain=False).due.day for e in (fast, slow, plain)]
        assert dues == [2, 4, 3]
        assert [p.name for p in fast.plugins] == ["fast"]
        assert plain.plugins == ()

    def test_one_plugin_two_engines(self):
        """The same plugin object may serve two engines."""
        shared = plugin(deadlines_rules=ordinary(24))
        one, two = engine(a=shared), engine(b=shared)
        assert one.rule("routing.ordinary").limit == two.rule("routing.ordinary").limit
        assert (one.rule("routing.ordinary").origin, two.rule("routing.ordinary").origin) == (
            "a",
            "b",
        )

    def test_failure_leaves_nothing(self):
        """After a failed engine, the next one is built as if it never happened."""
        with pytest.raises(PluginError):
            engine(good=plugin(deadlines_rules=ordinary(24)), bad=plugin(deadlines_labels=_raise))
        assert Engine(discover_plugins=False).rule("routing.ordinary").limit == Hours(48)

    def test_repr(self):
        """An engine's repr names its plugins."""
        assert "plugins=['township']" in repr(engine(township=plugin(deadlines_rules=ordinary(24))))

    def test_no_plugins_no_pluggy(self, calendar):
        """Without plugins, building an engine imports neither pluggy nor the plugin machinery."""
        # The `calendar` fixture warms the table cache: a cold one would import holidays.
        code = (
            "import sys, deadlines; deadlines.Engine()\n"
            "print([m for m in ('pluggy', 'deadlines._plugins', 'importlib.metadata')"
            " if m in sys.modules])"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=_env()
        )
        assert out.stdout.strip() == "[]"


# --- discovery ---------------------------------------------------------------------------------


def _distribution(site: Path, name: str, entry_points: str, files: dict[str, str]) -> None:
    """Write a module and the metadata pip would: enough for importlib.metadata to find it."""
    site.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(textwrap.dedent(text), "utf-8")
    info = site / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", "utf-8")
    (info / "entry_points.txt").write_text(textwrap.dedent(entry_points), "utf-8")


HOURS_24 = """
    from deadlines import hookimpl
    from deadlines.rules import Hours

    @hookimpl
    def deadlines_rules(rules):
        return [rules.get("routing.ordinary").evolve(limit=Hours(24))]
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory on sys.path for distributions; the autoload switch is off."""
    monkeypatch.delenv("DEADLINES_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    return site


class TestDiscovery:
    """Installed plugins are found through the entry-point group `deadlines`."""

    def test_found(self, site, monkeypatch):
        """An installed plugin applies to a default engine, under its entry point's name."""
        monkeypatch.delitem(sys.modules, "fast_routing", raising=False)
        _distribution(
            site,
            "fast-routing",
            "[deadlines]\nfast = fast_routing\n",
            {"fast_routing.py": HOURS_24},
        )
        built = Engine()
        assert built.rule("routing.ordinary").limit == Hours(24)
        (info,) = built.plugins
        assert (info.name, info.distribution, info.module, info.source) == (
            "fast",
            "fast-routing 1.0",
            "fast_routing",
            "entry point",
        )

    def test_the_example_by_entry_point(self, site, monkeypatch):
        """The example township, found by its entry point, routes in 24 hours."""
        monkeypatch.delitem(sys.modules, "deadlines_yunxi", raising=False)
        monkeypatch.syspath_prepend(str(EXAMPLE / "src"))
        _distribution(site, "deadlines-yunxi", "[deadlines]\nyunxi = deadlines_yunxi\n", {})
        result = Engine().due("routing.ordinary", FRIDAY)
        assert result.due.isoformat() == "2026-07-07T10:00:00+08:00"
        assert {step.origin for step in result.trace} == {"", "yunxi"}

    @pytest.mark.parametrize("how", ["argument", "environment"], ids=["argument", "environment"])
    def test_turned_off(self, site, monkeypatch, how):
        """discover_plugins=False or $DEADLINES_DISABLE_PLUGIN_AUTOLOAD skip installed plugins."""
        monkeypatch.delitem(sys.modules, "fast_routing", raising=False)
        _distribution(
            site,
            "fast-routing",
            "[deadlines]\nfast = fast_routing\n",
            {"fast_routing.py": HOURS_24},
        )
        if how == "environment":
            monkeypatch.setenv("DEADLINES_DISABLE_PLUGIN_AUTOLOAD", "1")
        built = Engine(discover_plugins=how == "environment")
        assert (built.plugins, built.rule("routing.ordinary").limit) == ((), Hours(48))

    def test_code_plugin_wins_a_name(self, site, monkeypatch):
        """A plugin given in code under an installed plugin's name replaces it."""
        monkeypatch.delitem(sys.modules, "fast_routing", raising=False)
        _distribution(
            site,
            "fast-routing",
            "[deadlines]\nfast = fast_routing\n",
            {"fast_routing.py": HOURS_24},
        )
        built = Engine(plugins={"fast": plugin(deadlines_rules=ordinary(36))})
        assert built.rule("routing.ordinary").limit == Hours(36)

    def test_the_same_module_in_code(self, site, monkeypatch):
        """An installed module also given in code is registered once."""
        monkeypatch.delitem(sys.modules, "fast_routing", raising=False)
        _distribution(
            site,
            "fast-routing",
            "[deadlines]\nfast = fast_routing\n",
            {"fast_routing.py": HOURS_24},
        )
        import fast_routing  # type: ignore[import-not-found]

        assert [p.name for p in Engine(plugins=[fast_routing]).plugins] == ["fast_routing"]

    def test_broken_import(self, site):
        """A plugin that cannot be imported is a PluginError naming the entry point."""
        _distribution(site, "broken-routing", "[deadlines]\nbroken = no_such_module_here\n", {})
        with pytest.raises(
            PluginError, match="cannot import no_such_module_here: ModuleNotFoundError"
        ) as caught:
            Engine()
        assert (caught.value.plugin, caught.value.hook) == ("broken", "(load)")

    @pytest.mark.parametrize(
        ("source", "hook", "says"),
        [
            ("def deadlines_rules(rules):\n    return []\n", "deadlines_rules", "is not marked"),
            (
                "from deadlines import hookimpl\n\ndeadlines_rule = hookimpl(lambda rules: [])\n",
                "deadlines_rule",
                "no such hook",
            ),
        ],
        ids=["unmarked", "unknown-hook"],
    )
    def test_malformed_installed(self, site, monkeypatch, source, hook, says):
        """An installed plugin is checked as one given in code, and named by its entry point."""
        monkeypatch.delitem(sys.modules, "bad_routing", raising=False)
        files = {"bad_routing.py": source}
        _distribution(site, "bad-routing", "[deadlines]\nbad = bad_routing\n", files)
        with pytest.raises(PluginError, match=says) as caught:
            Engine()
        assert (caught.value.plugin, caught.value.hook) == ("bad", hook)

    def test_two_distributions_one_name(self, site, monkeypatch):
        """Two distributions installing one plugin name are refused."""
        for module in ("one_routing", "two_routing"):
            monkeypatch.delitem(sys.modules, module, raising=False)
        _distribution(
            site, "one-routing", "[deadlines]\nfast = one_routing\n", {"one_routing.py": HOURS_24}
        )
        _distribution(
            site, "two-routing", "[deadlines]\nfast = two_routing\n", {"two_routing.py": HOURS_24}
        )
        with pytest.raises(PluginError, match="two distributions install a plugin of this name"):
            Engine()


# --- the command line --------------------------------------------------------------------------


class TestCommand:
    """`deadlines plugins` lists the installed plugins and what each changes."""

    def test_none(self, capsys, monkeypatch):
        """Without plugins it says so, and --json prints an empty list."""
        monkeypatch.setenv("DEADLINES_DISABLE_PLUGIN_AUTOLOAD", "1")
        assert main(["plugins"]) == 0
        assert capsys.readouterr().out == "no plugins installed (entry-point group 'deadlines')\n"
        assert main(["plugins", "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == []

    def test_lists_changes(self, site, monkeypatch, capsys):
        """Each plugin with its distribution and its changes, as text and as JSON."""
        monkeypatch.delitem(sys.modules, "fast_routing", raising=False)
        _distribution(
            site,
            "fast-routing",
            "[deadlines]\nfast = fast_routing\n",
            {"fast_routing.py": HOURS_24},
        )
        assert main(["plugins"]) == 0
        assert capsys.readouterr().out == (
            "fast (fast-routing 1.0, module fast_routing)\n"
            "  - routing.ordinary: limit 48 hours → 24 hours\n"
        )
        assert main(["plugins", "--json", "--lang", "zh"]) == 0
        (listed,) = json.loads(capsys.readouterr().out)
        assert listed["source"] == "entry point"
        assert listed["changes"][0]["after"] == "24 hours"
        assert listed["hooks"] == ["deadlines_rules"]

    def test_broken(self, site, capsys):
        """A broken plugin: the error on standard error, exit status 1, no traceback."""
        _distribution(site, "broken-routing", "[deadlines]\nbroken = no_such_module_here\n", {})
        assert main(["plugins"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("deadlines plugins: error: plugin 'broken', hook (load)")
        assert "Traceback" not in err

    @pytest.mark.parametrize(
        ("extra", "due"),
        [((), "2026-09-02T09:00:00+08:00"), (("--no-plugins",), "2026-09-03T09:00:00+08:00")],
        ids=["installed", "ignored"],
    )
    def test_no_plugins_option(self, site, monkeypatch, capsys, extra, due):
        """--no-plugins computes with the opinion alone, although a plugin is installed."""
        monkeypatch.delitem(sys.modules, "fast_routing", raising=False)
        routing = {"fast_routing.py": HOURS_24}
        _distribution(site, "fast-routing", "[deadlines]\nfast = fast_routing\n", routing)
        args = ["due", "routing.ordinary", "--at", "2026-09-01T09:00", "--json", *extra]
        assert main(args) == 0
        assert json.loads(capsys.readouterr().out)["due"] == due


# --- the example, installed with pip -----------------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DEADLINES_DISABLE_PLUGIN_AUTOLOAD"}
    return {**env, "PYTHONIOENCODING": "utf-8", **extra}


def _project(project: Path, out: Path) -> Path:
    """A copy of `project` to build: setuptools writes ``build/`` and ``*.egg-info`` beside it."""
    copy = out / project.name
    shutil.copytree(
        project, copy, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    )
    return copy


def _builds_wheels() -> bool:
    """Whether this environment's setuptools builds wheels without the `wheel` package."""
    try:
        parts = metadata.version("setuptools").split(".")[:2]
    except metadata.PackageNotFoundError:
        return False
    return tuple(int(part) if part.isdigit() else 0 for part in parts) >= (70, 1)


class _Venv:
    """A throwaway virtual environment that sees this one's packages (deadlines, pip)."""

    def __init__(self, root: Path) -> None:
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
        bindir = "Scripts" if sys.platform == "win32" else "bin"
        self.python = root / bindir / ("python.exe" if sys.platform == "win32" else "python")
        purelib = subprocess.run(
            [str(self.python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        outer = sysconfig.get_paths()["purelib"]
        # addsitedir, not a bare path, so that the outer .pth files (the editable install of
        # deadlines) are read too.
        (Path(purelib) / "_outer.pth").write_text(f"import site; site.addsitedir({outer!r})\n")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.python), *args],
            capture_output=True,
            text=True,
            env=_env(),
            cwd=ROOT,
            timeout=60,
        )

    def deadlines(self, command: str) -> str:
        out = self.run("-m", "deadlines", *command.split())
        assert out.returncode == 0, out.stderr
        return out.stdout

    def pip(self, *args: str) -> None:
        out = self.run("-m", "pip", "--disable-pip-version-check", "--no-input", *args)
        assert out.returncode == 0, out.stderr


def _doc_blocks() -> list[tuple[str, str]]:
    """The ``$ deadlines`` commands of docs/plugins.md shown with the example installed."""
    text = DOCS.read_text("utf-8")
    blocks = re.findall(
        r"<!-- with deadlines-yunxi installed[^\n]*-->\n```console no-test\n(.*?)```", text, re.S
    )
    commands = []
    for block in blocks:
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            commands.append((command.strip(), output))
    return commands


class TestInstalled:
    """The example plugin, built and installed by pip, changes `deadlines due`; uninstalled, not."""

    def test_install_and_uninstall(self, tmp_path):
        """24 hours with the township installed, 48 again once it is uninstalled.

        pip builds the example from its own pyproject.toml (setuptools.build_meta, its
        package finder, its entry point), as a user's ``pip install`` would. Without build
        isolation and without an index, so nothing is downloaded: the build uses this
        environment's setuptools, which the test extra pins at 70.1 or later, the first that
        builds wheels without the `wheel` package. ``--check-build-dependencies`` checks it
        against the example's ``[build-system] requires``.
        """
        assert _builds_wheels(), "needs setuptools>=70.1, the test extra: pip install -e '.[test]'"
        venv = _Venv(tmp_path / "venv")
        command = "due routing.ordinary --at 2026-09-01T09:00 --json"
        before = json.loads(venv.deadlines(command))["due"]
        venv.pip(
            "install",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "--check-build-dependencies",
            str(_project(EXAMPLE, tmp_path)),
        )
        installed = json.loads(venv.deadlines(command))
        listed = json.loads(venv.deadlines("plugins --json"))
        for command_line, expected in _doc_blocks():
            assert venv.deadlines(command_line.removeprefix("deadlines ")) == expected, command_line
        tests = venv.run("-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests"))
        venv.pip("uninstall", "--yes", "deadlines-yunxi")
        after = json.loads(venv.deadlines(command))["due"]

        assert (before, installed["due"], after) == (
            "2026-09-03T09:00:00+08:00",
            "2026-09-02T09:00:00+08:00",
            "2026-09-03T09:00:00+08:00",
        )
        assert installed["title_en"] == "Ordinary documents routed within 24 hours"
        assert [(p["name"], p["distribution"]) for p in listed] == [
            ("yunxi", "deadlines-yunxi 0.1.0")
        ]
        assert tests.returncode == 0, tests.stdout
        assert _doc_blocks(), "docs/plugins.md shows the example's output"


class TestExampleDates:
    """The example's 24 hours apply from its notice's date on, never retroactively."""

    @pytest.fixture
    def yunxi(self, monkeypatch: pytest.MonkeyPatch) -> Engine:
        """An engine with the example module, imported from its source tree."""
        monkeypatch.delitem(sys.modules, "deadlines_yunxi", raising=False)
        monkeypatch.syspath_prepend(str(EXAMPLE / "src"))
        import deadlines_yunxi

        return Engine(plugins={"yunxi": deadlines_yunxi}, discover_plugins=False)

    @pytest.mark.parametrize(
        ("at", "due", "article"),
        [
            (dt.datetime(2026, 2, 2, 9), "2026-02-04T09:00:00+08:00", 11),
            (dt.datetime(2026, 3, 1, 9), "2026-03-04T09:00:00+08:00", 11),  # Sunday
            (dt.datetime(2026, 3, 2, 9), "2026-03-03T09:00:00+08:00", 2),
            (NINE, "2026-09-02T09:00:00+08:00", 2),
        ],
        ids=["before-the-notice", "the-day-before", "the-notice-day", "after"],
    )
    def test_versions(self, yunxi, at, due, article):
        """Documents received before the notice keep the county's 48 hours."""
        result = yunxi.due("routing.ordinary", at, explain=False)
        assert (result.due.isoformat(), result.citation.article) == (due, article)

    def test_windows(self, yunxi):
        """The county's version ends the day before the notice; the township's starts on it."""
        versions = yunxi.rules.versions("routing.ordinary")
        assert [(rule.window(), rule.origin) for rule in versions] == [
            ("from 2020-04-21 through 2026-03-01", "yunxi"),
            ("from 2026-03-02", "yunxi"),
        ]
        assert [rule.actor_en for rule in versions] == ["the township's general office"] * 2


class TestDocs:
    """docs/plugins.md shows the example as it is."""

    def test_example_code(self):
        """The hooks shown in the docs are the example's own code, verbatim."""
        source = (EXAMPLE / "src" / "deadlines_yunxi" / "__init__.py").read_text("utf-8")
        shown = [
            block
            for block in re.findall(r"```python\n(.*?)```", DOCS.read_text("utf-8"), re.S)
            if block.startswith("@hookimpl")
        ]
        assert shown
        assert all(block in source for block in shown)

    def test_entry_point(self):
        """The docs' entry point is the example's."""
        assert '[project.entry-points.deadlines]\nyunxi = "deadlines_yunxi"\n' in (
            EXAMPLE / "pyproject.toml"
        ).read_text("utf-8")


MACHINERY = [
    importlib.import_module(f"deadlines._plugins.{name}")
    for name in ("_claims", "_manager")
] + [deadlines._plugins, hookspecs, deadlines._discovery]


class TestNoAsserts:
    """The plugin machinery checks at run time with explicit errors, never with assert."""

    @pytest.mark.parametrize("module", MACHINERY, ids=[m.__name__ for m in MACHINERY])
    def test_no_assert(self, module):
        """No assert statement (stripped by python -O) and no type: ignore to paper over types."""
        source = inspect.getsource(module)
        asserts = [n.lineno for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Assert)]
        assert asserts == []
        assert "type: ignore" not in source


class TestQuickScan:
    """The scan that spares importing importlib.metadata when no plugin is installed."""

    def _dist(self, root: Path, text: str) -> None:
        folder = root / "example-1.0.dist-info"
        folder.mkdir(parents=True)
        (folder / "entry_points.txt").write_text(text, "utf-8")

    def test_nothing_installed(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Distributions with other entry points only: no full discovery."""
        self._dist(tmp_path, "[console_scripts]\nexample = example:main\n")
        monkeypatch.setattr(sys, "path", [str(tmp_path), str(tmp_path / "missing")])
        assert not plugins_may_be_installed()

    def test_group_found(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A `[deadlines]` section anywhere on the path triggers the full discovery."""
        self._dist(tmp_path, "[console_scripts]\nx = x:main\n\n[ deadlines ]\nyunxi = yunxi\n")
        monkeypatch.setattr(sys, "path", [str(tmp_path)])
        assert plugins_may_be_installed()

    def test_zip_on_path(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """What the scan cannot look into counts as a possible plugin."""
        archive = tmp_path / "bundle.zip"
        archive.write_bytes(b"PK\x05\x06" + bytes(18))
        monkeypatch.setattr(sys, "path", [str(archive)])
        assert plugins_may_be_installed()
