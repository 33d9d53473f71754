"""The engine's own shortcuts, held to what they stand in for."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from deadlines import DueResult, Engine, MissingParameterError
from deadlines.rules import OPINION_2020, Blackout, Quota

ENGINE = Engine(discover_plugins=False)
#: Triggers while the opinion is in effect, minute precision, into a provisional year.
TRIGGERS = st.datetimes(dt.datetime(2020, 4, 21), dt.datetime(2027, 6, 30)).map(
    lambda at: at.replace(second=0, microsecond=0)
)
DEADLINES = sorted(
    rule.id for rule in OPINION_2020.rules if not isinstance(rule.limit, Blackout | Quota)
)


class TestResultShortcut:
    """`Engine.due` builds its result without pydantic's checks: the same as model_validate's."""

    def test_shortcut_taken(self, monkeypatch):
        """`due` gives every field, so the shortcut, not model_construct, is what is checked."""

        def refused(*args, **kwargs):
            raise AssertionError("model_construct called")

        monkeypatch.setattr(DueResult, "model_construct", refused)
        assert ENGINE.due("minutes.executive", "2026-09-30T17:00").due_date == dt.date(2026, 10, 10)

    @settings(max_examples=60, deadline=None)
    @given(
        rule_id=st.sampled_from(DEADLINES),
        at=TRIGGERS,
        explain=st.booleans(),
        days=st.integers(min_value=1, max_value=60),
    )
    def test_equals_model_validate(self, rule_id, at, explain, days):
        """Fields, fields set, extras, private state, dump and hash all equal a validated one."""
        accepted = ENGINE.rule(rule_id, at.date()).limit.parameters()
        params = {"limit_days": days} if "limit_days" in accepted else {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                fast = ENGINE.due(rule_id, at, explain=explain, **params)
            except MissingParameterError:
                assume(False)
        values = {name: getattr(fast, name) for name in DueResult.model_fields}
        checked = DueResult.model_validate(values)
        assert fast == checked
        assert fast.model_fields_set == checked.model_fields_set
        assert (fast.model_extra, fast.__pydantic_private__) == (None, None)
        assert fast.model_dump_json() == checked.model_dump_json()
        assert hash(fast) == hash(checked)
        assert repr(fast) == repr(checked)
        with pytest.raises(ValueError, match="frozen"):
            fast.due = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # type: ignore[misc]


class TestRulesReadOnly:
    """`Engine.rules` cannot be replaced: `due` reads an index of the rule set built once."""

    def test_assigning_raises(self):
        """Assigning a rule set raises, and the engine keeps the one it was built with."""
        engine = Engine(discover_plugins=False)
        with pytest.raises(AttributeError):
            engine.rules = OPINION_2020.without("routing.ordinary")  # type: ignore[misc]
        assert engine.rules is OPINION_2020
