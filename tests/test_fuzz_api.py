"""Fuzz: the public Python entry points raise only `DeadlinesError` subclasses.

Each is called with values of every type (text, huge and negative integers, NaN, dates,
datetimes with any offset, lists, None). It returns, or raises a `DeadlinesError` whose
message stays short and that names the input at fault; nothing else escapes.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deadlines import (
    ChinaCalendar,
    DeadlinesError,
    Engine,
    MissingParameterError,
    ProvisionalDateWarning,
)
from deadlines.io import read_csv, read_jsonl, run_batch
from deadlines.policy import load_cases, load_policy, parse_cases, parse_policy
from deadlines.supervision import read_events
from strategies_fuzz import MAX_ERROR_LINE, budget, instants, nasty_text

ENGINE = Engine(discover_plugins=False)
CALENDAR = ENGINE.calendar

offsets = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)

#: Any value a caller might pass by mistake, or on purpose.
anything = st.one_of(
    nasty_text,
    instants,
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**9, 10**30, 10**5000, -(10**9), 0, 3]),
    st.floats(),
    st.dates(),
    st.datetimes(timezones=st.one_of(st.none(), offsets)),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)

RULE_IDS = st.one_of(st.sampled_from(ENGINE.rules.ids), anything)
PARAM_NAMES = st.sampled_from(
    ["limit_days", "deadline", "stated_limit", "done", "involves_personnel_money_assets", "x"]
)


def refused_well(call: Callable[[], object]) -> DeadlinesError | None:
    """Run `call`: a value, or a short `DeadlinesError` (returned); anything else fails."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        try:
            call()
        except DeadlinesError as error:
            text = str(error)
            assert len(text) <= MAX_ERROR_LINE * 4, (len(text), text[:300])
            return error
    return None


class TestEngine:
    """`Engine.due` and `Engine.violates`: a result or a `DeadlinesError` naming its input."""

    @budget(150)
    @given(
        rule=RULE_IDS,
        at=anything,
        params=st.dictionaries(PARAM_NAMES, anything, max_size=3),
        explain=st.booleans(),
    )
    def test_due(self, rule: object, at: object, params: dict[str, object], explain: bool) -> None:
        """Only DeadlinesError escapes; it names rule, at, a parameter given, or nothing."""
        error = refused_well(lambda: ENGINE.due(rule, at, explain=explain, **params))  # type: ignore[arg-type]
        if error is not None:
            missing = {error.parameter} if isinstance(error, MissingParameterError) else set()
            named = {None, "rule", "at", *params, *missing}
            assert error.input_field in named, (error, error.input_field)

    @budget(100)
    @given(rule=RULE_IDS, day=anything)
    def test_violates(self, rule: object, day: object) -> None:
        """Only DeadlinesError escapes."""
        refused_well(lambda: ENGINE.violates(rule, day))  # type: ignore[arg-type]


class TestCalendar:
    """The calendar's questions, asked with anything."""

    @pytest.mark.parametrize(
        "method",
        ["is_workday", "is_provisional", "day", "close_of_business"],
        ids=["is_workday", "is_provisional", "day", "close_of_business"],
    )
    def test_one_argument(self, method: str) -> None:
        """Only DeadlinesError escapes."""

        @budget(60)
        @given(value=anything)
        def fuzz(value: object) -> None:
            refused_well(lambda: getattr(CALENDAR, method)(value))

        fuzz()

    @pytest.mark.parametrize(
        "method",
        ["add_workdays", "workdays_between", "days", "rest_days", "any_provisional",
         "office_time_between", "add_office_time"],
        ids=["add_workdays", "workdays_between", "days", "rest_days", "any_provisional",
             "office_time_between", "add_office_time"],
    )  # fmt: skip
    def test_two_arguments(self, method: str) -> None:
        """Only DeadlinesError escapes (iterators are consumed)."""
        durations = st.timedeltas(min_value=dt.timedelta(days=-(10**6)))

        @budget(60)
        @given(first=anything, second=st.one_of(anything, durations))
        def fuzz(first: object, second: object) -> None:
            def call() -> object:
                result = getattr(CALENDAR, method)(first, second)
                return list(result) if hasattr(result, "__next__") else result

            refused_well(call)

        fuzz()

    def test_calendar_constructor_keywords(self) -> None:
        """A calendar from keywords of any value: a calendar or a DeadlinesError."""

        @budget(30)
        @given(office_hours=anything)
        def fuzz(office_hours: object) -> None:
            refused_well(lambda: ChinaCalendar(office_hours=office_hours))  # type: ignore[arg-type]

        fuzz()


class TestReaders:
    """Readers of text: every line is a record or an error of its own, never an exception."""

    @budget(100)
    @given(lines=st.lists(st.one_of(st.text(), nasty_text), max_size=5))
    def test_jsonl_and_csv(self, lines: list[str]) -> None:
        """read_jsonl and read_csv yield only Triggers and Problems; run_batch never raises."""
        list(read_jsonl(lines))
        list(read_csv(lines))
        "".join(run_batch(lines, ENGINE))
        "".join(run_batch(lines, ENGINE, "csv", output_format="jsonl"))

    @budget(100)
    @given(lines=st.lists(st.one_of(st.text(), nasty_text), max_size=5))
    def test_events(self, lines: list[str]) -> None:
        """read_events collects problems, never raises."""
        read_events(lines)

    @budget(100)
    @given(text=st.one_of(st.text(), nasty_text), fmt=st.sampled_from(["toml", "json"]))
    def test_policy_and_cases(self, text: str, fmt: str) -> None:
        """parse_policy and parse_cases: a value or a DeadlinesError."""
        refused_well(lambda: parse_policy(text, fmt))  # type: ignore[arg-type]
        refused_well(lambda: parse_cases(text))


class TestEntryPointArguments:
    """Every entry point given a value of the wrong type: a DeadlinesError, never a TypeError."""

    @pytest.mark.parametrize(
        "call",
        [
            lambda value: Engine(calendar=value, discover_plugins=False),
            lambda value: Engine(rules=value, discover_plugins=False),
            lambda value: Engine(conventions=value, discover_plugins=False),
            lambda value: "".join(run_batch(value, ENGINE)),
            lambda value: list(read_jsonl(value)),
            lambda value: list(read_csv(value)),
            lambda value: read_events(value),
            lambda value: load_policy(value),
            lambda value: load_cases(value),
            lambda value: parse_policy("", value),
        ],
        ids=["engine-calendar", "engine-rules", "engine-conventions", "run_batch", "read_jsonl",
             "read_csv", "read_events", "load_policy", "load_cases", "parse_policy-format"],
    )  # fmt: skip
    def test_wrong_types(self, call: Callable[[object], object]) -> None:
        """A value or a DeadlinesError."""

        @budget(30)
        @given(value=st.one_of(anything, st.lists(st.one_of(st.binary(), st.integers()))))
        def fuzz(value: object) -> None:
            refused_well(lambda: call(value))

        fuzz()
