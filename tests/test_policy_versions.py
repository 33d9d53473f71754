"""Dated versions of a rule: chosen by the trigger's date, and the trace says which and why."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deadlines import Engine, NotInEffectError, ProvisionalDateWarning
from deadlines.policy import load_policy
from deadlines.rules import OPINION_2020, Hours

EXAMPLE = Path(__file__).parent.parent / "examples" / "policy-change" / "policy.toml"
SWITCH = dt.date(2027, 1, 1)


@pytest.fixture(scope="module")
def engine(calendar):
    """An engine with the example change: 48 hours through 2026, 24 hours from 2027."""
    return Engine(calendar, load_policy(EXAMPLE))


def _due(engine, at, **params):
    if engine.calendar.any_provisional(at.date(), at.date() + dt.timedelta(days=20)):
        with pytest.warns(ProvisionalDateWarning):
            return engine.due("routing.ordinary", at, **params)
    return engine.due("routing.ordinary", at, **params)


class TestSwitchDate:
    """The version applied is the one in effect on the trigger's day."""

    @pytest.mark.parametrize(
        ("at", "effective_from", "hours"),
        [
            (dt.datetime(2026, 12, 31, 23, 59), dt.date(2020, 4, 21), 48),
            (dt.datetime(2027, 1, 1, 0, 0), SWITCH, 24),
            (dt.datetime(2026, 6, 9, 10), dt.date(2020, 4, 21), 48),
            (dt.datetime(2027, 6, 1, 10), SWITCH, 24),
        ],
        ids=["last-minute-before", "first-minute-after", "mid-2026", "mid-2027"],
    )
    def test_version(self, engine, at, effective_from, hours):
        """The effective_from of the result and the title tell the version."""
        result = _due(engine, at)
        assert result.effective_from == effective_from
        assert f"within {hours} hours" in result.title_en

    def test_trace_says_why_after(self, engine):
        """After the switch, the trace names the version and the reason."""
        step = _due(engine, dt.datetime(2027, 1, 5, 10)).trace[1]
        assert step.action == "version"
        assert step.en == (
            "rule routing.ordinary applies in its version from 2027-01-01: the trigger's day "
            "2027-01-05 is on or after 2027-01-01 (other versions: from 2020-04-21 through "
            "2026-12-31), art. 2"
        )
        assert (
            "起算日2027-01-05（周二）不早于2027年1月1日，适用规则routing.ordinary自2027年1月1日起执行的版本"
            in (step.zh)
        )
        assert step.origin == "policy-change"

    def test_trace_says_why_before(self, engine):
        """Before the switch, the trace says the trigger is inside the bounded version."""
        step = engine.due("routing.ordinary", dt.datetime(2026, 6, 9, 10)).trace[1]
        assert "the trigger's day 2026-06-09 is from 2020-04-21 through 2026-12-31" in step.en
        assert "other versions: from 2027-01-01" in step.en

    def test_single_version_unchanged(self, calendar):
        """A rule with one version keeps the short version step."""
        step = Engine(calendar).due("routing.ordinary", dt.datetime(2026, 6, 9, 10)).trace[1]
        assert step.en == "rule routing.ordinary applies (in effect from 2020-04-21), art. 11"

    def test_before_every_version(self, engine):
        """A trigger before the first version is not in effect, naming both windows."""
        with pytest.raises(NotInEffectError, match="from 2020-04-21 through 2026-12-31; from 2027"):
            engine.due("routing.ordinary", dt.datetime(2019, 5, 6, 10))

    @settings(max_examples=40, deadline=None)
    @given(
        st.datetimes(dt.datetime(2026, 12, 20), dt.datetime(2027, 1, 12)).map(
            lambda at: at.replace(second=0, microsecond=0)
        )
    )
    def test_around_the_switch(self, engine, at):
        """Around the switch, 48 or 24 hours by the trigger's date, never both or neither."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            result = engine.due("routing.ordinary", at, explain=False)
            expected = 24 if at.date() >= SWITCH else 48
            version = OPINION_2020.get("routing.ordinary").evolve(limit=Hours(expected))
            alone = Engine(engine.calendar, OPINION_2020.with_rule(version))
            assert result.due == alone.due("routing.ordinary", at, explain=False).due
