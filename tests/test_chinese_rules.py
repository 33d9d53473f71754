"""Chinese first (issue 10) for the rules and plugins: their Chinese words hold no English word."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from types import ModuleType

import pytest
from tests.chinese import english_words

from deadlines import Engine
from deadlines.cli._plugins import render
from deadlines.rules import OPINION_2020
from loading import load

ROOT = Path(__file__).resolve().parent.parent
ENGINE = Engine(discover_plugins=False)

#: Each deadline of the catalog with the parameters the examples give it.
PARAMS = {
    "decisions.time_limited": {"limit_days": 10},
    "minutes.special_topic": {"involves_personnel_money_assets": True},
}
DEADLINES = [rule.id for rule in OPINION_2020.rules if rule.limit.not_a_deadline is None]
#: Triggers that cross the National Day holiday and an adjusted working Saturday.
TRIGGERS = ["2026-09-30T17:00", "2026-10-10T09:30", "2026-02-13T16:00"]


def _township() -> ModuleType:
    path = "examples/township-plugin/src/deadlines_yunxi/__init__.py"
    return load(path, "deadlines_yunxi_example")


class TestTraces:
    """`DueResult.explain("zh")` of every deadline of the catalog reads in Chinese."""

    @pytest.mark.parametrize("rule_id", DEADLINES)
    @pytest.mark.parametrize("at", TRIGGERS)
    def test_no_english_word(self, rule_id: str, at: str) -> None:
        """Rule ids, instants and ISO dates only: no English word in the Chinese explanation."""
        with warnings.catch_warnings():  # a quarter's end in late December is provisional
            warnings.simplefilter("ignore")
            result = ENGINE.due(rule_id, at, **PARAMS.get(rule_id, {}))
        assert english_words(result.explain("zh")) == []

    @pytest.mark.parametrize("rule_id", [rule.id for rule in OPINION_2020.rules])
    def test_limit_words(self, rule_id: str) -> None:
        """Each rule's limit described in Chinese (the rules table) holds no English word."""
        assert english_words(OPINION_2020.get(rule_id).limit.describe("zh")) == []


class TestPlugins:
    """What the example township plugin changes, said in Chinese, holds no English word."""

    def test_changes_and_steps(self) -> None:
        """Its changes (`deadlines plugins --lang zh`) and its trace steps read in Chinese."""
        engine = Engine(plugins={"yunxi": _township()}, discover_plugins=False)
        # As `deadlines plugins --lang zh` prints them: a change of an English field (title_en,
        # actor_en) is left out, its value being English data.
        changes = render(engine.plugins, "zh").splitlines()[1:]
        assert any(change.field.endswith("_en") for p in engine.plugins for change in p.changes)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            trace = engine.due("routing.ordinary", dt.datetime(2026, 7, 3, 10)).explain("zh")
        assert changes
        # The plugin's name and its season's are its identifiers.
        for text in [*changes, trace]:
            assert english_words(text, allowed={"yunxi", "summer"}) == [], text


class TestPluginChangeWords:
    """`deadlines plugins --lang zh` says each change as a clerk would, English unchanged."""

    @pytest.fixture
    def changes(self) -> tuple[str, str]:
        """The example township plugin's changes, in Chinese and in English."""
        engine = Engine(plugins={"yunxi": _township()}, discover_plugins=False)
        return render(engine.plugins, "zh"), render(engine.plugins, "en")

    @pytest.mark.parametrize(
        ("zh", "en"),
        [
            (
                "routing.ordinary（2020年4月21日版本）：执行至2026年3月1日",
                "routing.ordinary@2020-04-21: effective_until None → 2026-03-01",
            ),
            (
                "办公时间增设summer（07-01–09-30）：08:00–12:00，15:00–18:00",
                (
                    "office hours: 09:00–12:00, 13:30–17:30 → 09:00–12:00, 13:30–17:30; "
                    "summer 07-01–09-30: 08:00–12:00, 15:00–18:00"
                ),
            ),
            (
                "routing.urgent：办理主体由县政府办公室改为乡党政综合办公室",
                "routing.urgent: actor_zh 县政府办公室 → 乡党政综合办公室",
            ),
        ],
        ids=["until", "season-added", "field"],
    )
    def test_change(self, changes: tuple[str, str], zh: str, en: str) -> None:
        """The Chinese line reads as one phrase; the English line is as before."""
        assert zh in changes[0]
        assert en in changes[1]
        assert " 由 " not in changes[0]
        assert " 改为 " not in changes[0]

    def test_diff_blackout(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`deadlines diff` names a day inside a blackout in the glossary's word, 禁办期."""
        from deadlines.cli import main

        monkeypatch.chdir(ROOT)
        policy, cases = "examples/policy-change/policy.toml", "examples/policy-change"
        main(["--lang", "zh", "diff", "opinion-2020", policy, "--cases", cases])
        text = capsys.readouterr().out
        assert "2027-02-10：— → 属禁办期" in text
        assert "禁止期" not in text
