"""No answer runs backwards: properties over every rule of the catalog and every counting option.

- a later trigger never gives an earlier due; a longer limit never ends earlier;
- the due instant is never before the trigger;
- a ``due_date`` is a working day unless an option says otherwise;
- ``explain`` on or off never changes the answer.

Each property draws the counting options from `strategies.conventions` (every value of every
option) and a case of the catalog (every rule with a due instant, with each kind of parameter
it reads). The hour limit's properties also run once under each `HourClock`, whatever else is
drawn, since a clock drawn among 15 cases rarely meets an expiry on a rest day. Set
``HYPOTHESIS_PROFILE=long`` for a longer run.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deadlines import ChinaCalendar, Engine
from deadlines._time import CHINA_TZ
from deadlines.rules import (
    OPINION_2020,
    ArrivalGrace,
    Blackout,
    CalendarDays,
    Citation,
    Conventions,
    HourClock,
    Hours,
    LastDayRoll,
    Quota,
    Recurrence,
    RestDayTrigger,
    Rule,
    RuleSet,
    WorkingDays,
)
from strategies import conventions, later_by, rule_instants

pytestmark = pytest.mark.filterwarnings("ignore::deadlines.ProvisionalDateWarning")

#: Examples per property: bounded so that the whole file stays within a few seconds.
EXAMPLES = 2000 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 150
PROPERTY = settings(max_examples=EXAMPLES, deadline=None)

_FLAG = "involves_personnel_money_assets"

#: Every rule with a due instant, with each kind of parameter it reads. Counts are drawn.
CASES: tuple[tuple[str, str | None], ...] = (
    ("minutes.party_group", None),
    ("minutes.executive", None),
    ("minutes.special_topic", None),
    ("minutes.special_topic", "flag_true"),
    ("minutes.special_topic", "flag_false"),
    ("documents.issue", None),
    ("signing.same_day", None),
    ("matters.same_day", None),
    ("routing.urgent", None),
    ("routing.ordinary", None),
    ("instructions.plan", None),
    ("decisions.time_limited", "limit_days"),
    ("decisions.time_limited", "limit_working_days"),
    ("supervision.quarterly", None),
    ("tasks.immediate", None),
)

_CITATION = Citation(article=1, text="测试")
_ENGINES: dict[tuple[Conventions, object], Engine] = {}


def _engine(calendar: ChinaCalendar, conv: Conventions, rules: RuleSet | None = None) -> Engine:
    key = (conv, rules)
    if key not in _ENGINES:
        _ENGINES[key] = Engine(calendar, rules, conventions=conv, discover_plugins=False)
    return _ENGINES[key]


def _params(kind: str | None, n: int) -> dict[str, Any]:
    if kind == "flag_true":
        return {_FLAG: True}
    if kind == "flag_false":
        return {_FLAG: False}
    if kind in ("limit_days", "limit_working_days"):
        return {kind: n}
    return {}


def _china(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=CHINA_TZ)


def _may_rest(rule_id: str, params: dict[str, Any], conv: Conventions) -> bool:
    """Whether an option lets this rule's due date be a rest day."""
    if rule_id == "routing.ordinary":
        return conv.hour_clock is HourClock.CALENDAR_STRICT
    if rule_id in ("routing.urgent", "tasks.immediate"):
        return conv.arrival_grace is ArrivalGrace.INSTANT
    if "limit_days" in params:
        return conv.last_day_roll is LastDayRoll.NONE
    return False


def _test_rules(limit: object) -> RuleSet:
    return RuleSet(
        rules=(
            Rule(id="test.rule", title_zh="测试", title_en="test", citation=_CITATION, limit=limit),  # type: ignore[arg-type]
        )
    )


#: One rule set per hour count, so that engines are shared between examples.
_RULES = {n: _test_rules(Hours(n)) for n in range(1, 121)}

case = st.sampled_from(CASES)
counts = st.integers(min_value=1, max_value=40)


class TestCoverage:
    def test_every_deadline_of_the_catalog(self) -> None:
        """The cases cover every rule of the catalog that has a due instant."""
        deadlines = {
            rule.id for rule in OPINION_2020.rules if not isinstance(rule.limit, (Blackout, Quota))
        }
        assert {rule_id for rule_id, _ in CASES} == deadlines


class TestLaterTrigger:
    @PROPERTY
    @given(conv=conventions(), which=case, n=counts, start=rule_instants, delta=later_by)
    def test_never_earlier(
        self,
        calendar: ChinaCalendar,
        conv: Conventions,
        which: tuple[str, str | None],
        n: int,
        start: dt.datetime,
        delta: dt.timedelta,
    ) -> None:
        """A later trigger never gives an earlier due."""
        rule_id, kind = which
        engine, params = _engine(calendar, conv), _params(kind, n)
        first = engine.due(rule_id, start, explain=False, **params)
        second = engine.due(rule_id, start + delta, explain=False, **params)
        assert first.due <= second.due

    @pytest.mark.parametrize(
        ("clock", "first", "second"),
        [
            (HourClock.WORKDAYS_FROM_OPENING, "2026-06-05T16:00", "2026-06-06T00:30"),
            (HourClock.CALENDAR_ROLL, "2026-06-05T16:00", "2026-06-06T00:30"),
        ],
        ids=["default", "calendar-roll"],
    )
    def test_the_issue_pair(
        self, calendar: ChinaCalendar, clock: HourClock, first: str, second: str
    ) -> None:
        """Friday 16:00 and Saturday 00:30 (issue 9, case 3): the later is never due first."""
        engine = _engine(calendar, Conventions(hour_clock=clock))
        earlier = engine.due("routing.ordinary", first).due
        later = engine.due("routing.ordinary", second).due
        assert earlier <= later
        assert later >= _china(dt.datetime(2026, 6, 8, 9))  # not before Monday's opening

    @pytest.mark.parametrize("trigger", list(RestDayTrigger), ids=lambda t: t.value)
    @pytest.mark.parametrize("clock", list(HourClock), ids=lambda c: c.value)
    def test_one_week_scan(
        self, calendar: ChinaCalendar, clock: HourClock, trigger: RestDayTrigger
    ) -> None:
        """Receipts 15 minutes apart over a week and its weekend keep their order, every clock."""
        engine = _engine(calendar, Conventions(hour_clock=clock, rest_day_trigger=trigger))
        at = _china(dt.datetime(2026, 6, 1))
        previous = engine.due("routing.ordinary", at, explain=False).due
        for _ in range(7 * 24 * 4):
            at += dt.timedelta(minutes=15)
            due = engine.due("routing.ordinary", at, explain=False).due
            assert due >= previous, at
            previous = due


class TestLongerLimit:
    @PROPERTY
    @given(
        conv=conventions(),
        unit=st.sampled_from(["limit_days", "limit_working_days"]),
        n=counts,
        more=st.integers(min_value=1, max_value=30),
        start=rule_instants,
    )
    def test_meeting_limits(
        self,
        calendar: ChinaCalendar,
        conv: Conventions,
        unit: str,
        n: int,
        more: int,
        start: dt.datetime,
    ) -> None:
        """A longer limit set by a meeting never ends earlier."""
        engine = _engine(calendar, conv)
        short = engine.due("decisions.time_limited", start, explain=False, **{unit: n})
        long = engine.due("decisions.time_limited", start, explain=False, **{unit: n + more})
        assert short.due <= long.due

    @PROPERTY
    @given(
        conv=conventions(),
        kind=st.sampled_from([Hours, WorkingDays, CalendarDays]),
        n=counts,
        more=st.integers(min_value=1, max_value=60),
        start=rule_instants,
    )
    def test_counted_limits(
        self,
        calendar: ChinaCalendar,
        conv: Conventions,
        kind: type[Hours | WorkingDays | CalendarDays],
        n: int,
        more: int,
        start: dt.datetime,
    ) -> None:
        """More hours, working days or calendar days never end earlier, under any option."""
        short = _engine(calendar, conv, _test_rules(kind(n))).due("test.rule", start)
        long = _engine(calendar, conv, _test_rules(kind(n + more))).due("test.rule", start)
        assert short.due <= long.due

    @PROPERTY
    @given(conv=conventions(), day=st.integers(min_value=1, max_value=28), start=rule_instants)
    def test_report_in_the_next_quarter(
        self, calendar: ChinaCalendar, conv: Conventions, day: int, start: dt.datetime
    ) -> None:
        """A quarterly report due by day N of the next quarter is due later for a later N."""
        early = _engine(calendar, conv, _test_rules(Recurrence(due_in_next=day)))
        late = _engine(calendar, conv, _test_rules(Recurrence(due_in_next=min(day + 3, 28))))
        first, second = early.due("test.rule", start), late.due("test.rule", start)
        assert start.replace(tzinfo=CHINA_TZ) <= first.due <= second.due
        assert calendar.is_workday(first.due_date)

    def test_the_issue_pair(self, calendar: ChinaCalendar) -> None:
        """10 and 11 days from 2026-09-30 16:00 (issue 9, case 4): 11 is not earlier."""
        engine = _engine(calendar, Conventions())
        ten = engine.due("decisions.time_limited", "2026-09-30T16:00", limit_days=10).due
        eleven = engine.due("decisions.time_limited", "2026-09-30T16:00", limit_days=11).due
        assert ten <= eleven


#: Options, an hour count around the opinion's 48 hours (up to a working week), a trigger.
HourCase = tuple[Conventions, int, dt.datetime]
hour_cases = st.tuples(
    conventions(), st.one_of(st.just(48), st.integers(min_value=1, max_value=120)), rule_instants
)


def _hour_engine(calendar: ChinaCalendar, clock: HourClock, conv: Conventions, n: int) -> Engine:
    """An engine counting `n` hours under `clock`, with the other options of `conv`."""
    return _engine(calendar, conv.model_copy(update={"hour_clock": clock}), _RULES[n])


every_clock = pytest.mark.parametrize("clock", list(HourClock), ids=[c.value for c in HourClock])


class TestEveryHourClock:
    """An hour limit under each value of `HourClock`, with every other option drawn."""

    @every_clock
    @PROPERTY
    @given(case=hour_cases, delta=later_by)
    def test_never_earlier(
        self, calendar: ChinaCalendar, clock: HourClock, case: HourCase, delta: dt.timedelta
    ) -> None:
        """A later trigger never gives an earlier due."""
        conv, n, start = case
        engine = _hour_engine(calendar, clock, conv, n)
        first = engine.due("test.rule", start, explain=False)
        assert first.due <= engine.due("test.rule", start + delta, explain=False).due

    @every_clock
    @PROPERTY
    @given(case=hour_cases)
    def test_never_on_a_rest_day(
        self, calendar: ChinaCalendar, clock: HourClock, case: HourCase
    ) -> None:
        """The due date is a working day, unless the clock is strict calendar hours."""
        conv, n, start = case
        result = _hour_engine(calendar, clock, conv, n).due("test.rule", start, explain=False)
        if clock is not HourClock.CALENDAR_STRICT:
            assert calendar.is_workday(result.due_date), case


class TestNotBeforeTheTrigger:
    @PROPERTY
    @given(conv=conventions(), which=case, n=counts, start=rule_instants)
    def test_due_after_trigger(
        self,
        calendar: ChinaCalendar,
        conv: Conventions,
        which: tuple[str, str | None],
        n: int,
        start: dt.datetime,
    ) -> None:
        """The due instant is never before the trigger."""
        rule_id, kind = which
        result = _engine(calendar, conv).due(rule_id, start, explain=False, **_params(kind, n))
        assert result.due >= result.at
        for part in result.parts:
            assert part.due >= result.at


class TestWorkingDueDate:
    @PROPERTY
    @given(conv=conventions(), which=case, n=counts, start=rule_instants)
    def test_due_date_is_worked(
        self,
        calendar: ChinaCalendar,
        conv: Conventions,
        which: tuple[str, str | None],
        n: int,
        start: dt.datetime,
    ) -> None:
        """A due date is a working day, unless an option (strict hours, no roll, instant) says."""
        rule_id, kind = which
        params = _params(kind, n)
        result = _engine(calendar, conv).due(rule_id, start, explain=False, **params)
        if not _may_rest(rule_id, params, conv):
            assert calendar.is_workday(result.due_date), (rule_id, params, conv)


class TestExplain:
    @PROPERTY
    @given(conv=conventions(), which=case, n=counts, start=rule_instants)
    def test_same_answer(
        self,
        calendar: ChinaCalendar,
        conv: Conventions,
        which: tuple[str, str | None],
        n: int,
        start: dt.datetime,
    ) -> None:
        """explain on or off never changes the answer."""
        rule_id, kind = which
        engine, params = _engine(calendar, conv), _params(kind, n)
        fast = engine.due(rule_id, start, explain=False, **params)
        full = engine.due(rule_id, start, explain=True, **params)
        assert (fast.due, fast.due_date, fast.provisional, fast.parts) == (
            full.due,
            full.due_date,
            full.provisional,
            full.parts,
        )
        assert fast.trace == ()
        assert full.trace
