"""Each rule of the catalog across the awkward places of the calendar, trace included."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deadlines import (
    ChinaCalendar,
    DueResult,
    Engine,
    InvalidArgumentError,
    InvalidValueError,
    MissingParameterError,
    NotADeadlineError,
    NotInEffectError,
    ProvisionalDateWarning,
    UnknownRuleError,
)
from deadlines._time import CHINA_TZ
from deadlines.rules import (
    OPINION_2020,
    ArrivalGrace,
    Conventions,
    Cutoff,
    HourClock,
    RestDayTrigger,
    SameDayReading,
    StartDay,
)

#: The readings before 0.2, each still an option.
ROLL = Conventions(hour_clock=HourClock.CALENDAR_ROLL)
CLOSE = Conventions(same_day=SameDayReading.CLOSE_OF_BUSINESS)
INSTANT = Conventions(arrival_grace=ArrivalGrace.INSTANT)


@pytest.fixture(scope="module")
def engine(calendar: ChinaCalendar) -> Engine:
    """The default engine over the session calendar."""
    return Engine(calendar)


def at(text: str) -> dt.datetime:
    """A China-time instant from ISO text."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA_TZ)


def actions(result: DueResult) -> list[str]:
    """The trace as ``action date`` strings, for compact comparison."""
    return [f"{s.action} {s.date or ''}".strip() for s in result.trace]


WORKING_DAY_CASES = [
    # (rule, trigger, due) — each id names the awkward place.
    ("minutes.executive", "2026-09-30T17:00", "2026-10-10T17:30"),
    ("minutes.party_group", "2026-02-13T10:00", "2026-02-25T17:30"),
    ("minutes.executive", "2026-06-06T10:00", "2026-06-10T17:30"),
    ("minutes.executive", "2026-06-05T22:00", "2026-06-10T17:30"),
    ("minutes.executive", "2025-12-31T10:00", "2026-01-06T17:30"),
    ("documents.issue", "2026-04-30T16:00", "2026-05-11T17:30"),
    ("instructions.plan", "2026-04-30T16:00", "2026-05-08T17:30"),
]
WORKING_DAY_IDS = [
    "national-day-then-adjusted-saturday",
    "spring-festival-2026",
    "saturday-trigger",
    "after-hours-trigger",
    "year-end-new-year-2026",
    "labour-day-5-working-days",
    "labour-day-instructions",
]


class TestWorkingDayRules:
    @pytest.mark.parametrize(("rule", "trigger", "due"), WORKING_DAY_CASES, ids=WORKING_DAY_IDS)
    def test_due(self, engine: Engine, rule: str, trigger: str, due: str) -> None:
        """The due instant is the close of business of the n-th working day after the trigger."""
        result = engine.due(rule, trigger)
        assert result.due == at(due)
        assert result.due_date == at(due).date()
        assert not result.provisional

    def test_trace_over_national_day(self, engine: Engine) -> None:
        """The trace counts each working day and names each skipped holiday."""
        result = engine.due("minutes.executive", "2026-09-30T17:00")
        assert actions(result) == [
            "trigger",
            "version",
            "convention",
            *(f"skip 2026-10-0{d}" for d in range(1, 8)),
            "count 2026-10-08",
            "count 2026-10-09",
            "count 2026-10-10",
            "cutoff 2026-10-10",
        ]
        english = result.explain("en")
        assert "skip 2026-10-01 (Thu): holiday (National Day)" in english
        assert "working day 3: 2026-10-10 (Sat) (adjusted working day)" in english
        chinese = result.explain("zh")
        assert "不计（国庆节）：2026-10-01（周四）" in chinese
        assert "第3个工作日：2026-10-10（周六），调休上班" in chinese

    def test_trace_2020_extension(self, calendar: ChinaCalendar) -> None:
        """The 2020 Spring Festival extension appears by name, with its cancelled make-up day."""
        # The opinion dates from 2020-04-21, so an earlier version of a rule stands in.
        earlier = OPINION_2020.get("instructions.plan").evolve(
            effective_from=dt.date(2020, 1, 1), effective_until=dt.date(2020, 4, 20)
        )
        engine = Engine(calendar, OPINION_2020.with_rule(earlier))
        result = engine.due("instructions.plan", "2020-01-23T09:00")
        assert result.due == at("2020-02-05T17:30")
        assert result.effective_from == dt.date(2020, 1, 1)
        text = result.explain("zh")
        assert "不计（春节延长假期）：2020-01-31（周五）" in text
        assert "不计（春节延长假期）：2020-02-01（周六）" in text

    @pytest.mark.parametrize(
        ("conventions", "trigger", "due"),
        [
            (Conventions(start_day=StartDay.INCLUDED), "2026-06-05T10:00", "2026-06-09T17:30"),
            (Conventions(start_day=StartDay.INCLUDED), "2026-06-06T10:00", "2026-06-10T17:30"),
            (
                Conventions(rest_day_trigger=RestDayTrigger.MOVE_TO_NEXT_WORKDAY),
                "2026-06-06T10:00",
                "2026-06-11T17:30",
            ),
            (Conventions(cutoff=Cutoff.MIDNIGHT), "2026-06-05T10:00", "2026-06-11T00:00"),
        ],
        ids=["start-day-counts", "start-day-counts-but-saturday", "move-rest-day", "midnight"],
    )
    def test_options(
        self, calendar: ChinaCalendar, conventions: Conventions, trigger: str, due: str
    ) -> None:
        """Each counting option changes the answer as documented."""
        result = Engine(calendar, conventions=conventions).due("minutes.executive", trigger)
        assert result.due == at(due)

    def test_midnight_due_date_is_the_last_day(self, calendar: ChinaCalendar) -> None:
        """With a 24:00 cutoff, due is the next midnight but due_date the period's last day."""
        engine = Engine(calendar, conventions=Conventions(cutoff=Cutoff.MIDNIGHT))
        result = engine.due("minutes.executive", "2026-06-05T10:00")
        assert (result.due.date(), result.due_date) == (dt.date(2026, 6, 11), dt.date(2026, 6, 10))


class TestRoutingOrdinary:
    @pytest.mark.parametrize(
        ("clock", "trigger", "due"),
        [
            (HourClock.WORKDAYS_FROM_OPENING, "2026-06-02T10:00", "2026-06-04T10:00"),
            (HourClock.WORKDAYS_FROM_OPENING, "2026-06-05T16:00", "2026-06-09T16:00"),
            (HourClock.WORKDAYS_FROM_OPENING, "2026-06-06T00:30", "2026-06-10T09:00"),
            (HourClock.WORKDAYS_FROM_OPENING, "2026-06-02T20:00", "2026-06-05T09:00"),
            (HourClock.CALENDAR_ROLL, "2026-06-06T00:30", "2026-06-08T17:30"),
            (HourClock.CALENDAR_ROLL, "2026-06-02T10:00", "2026-06-04T10:00"),
            (HourClock.CALENDAR_ROLL, "2026-06-05T10:00", "2026-06-08T17:30"),
            (HourClock.CALENDAR_ROLL, "2026-09-29T10:00", "2026-10-08T17:30"),
            (HourClock.CALENDAR_STRICT, "2026-06-05T10:00", "2026-06-07T10:00"),
            (HourClock.PAUSED_ON_REST_DAYS, "2026-06-05T10:00", "2026-06-09T10:00"),
            (HourClock.PAUSED_ON_REST_DAYS, "2026-06-06T10:00", "2026-06-10T00:00"),
            (HourClock.OFFICE_HOURS, "2026-06-05T10:00", "2026-06-15T17:30"),
        ],
        ids=[
            "default-weekdays",
            "default-friday-afternoon",
            "default-saturday-night-starts-monday",
            "default-evening-starts-next-morning",
            "roll-saturday-night-not-before-friday",
            "weekdays",
            "ends-sunday-rolls",
            "ends-in-national-day",
            "strict",
            "paused",
            "paused-from-saturday",
            "office-hours",
        ],
    )
    def test_clock(self, calendar: ChinaCalendar, clock: HourClock, trigger: str, due: str) -> None:
        """48 hours under each clock."""
        engine = Engine(calendar, conventions=Conventions(hour_clock=clock))
        assert engine.due("routing.ordinary", trigger).due == at(due)

    def test_roll_trace(self, calendar: ChinaCalendar) -> None:
        """A roll off a Sunday says where the 48 hours ended and why it moved."""
        result = Engine(calendar, conventions=ROLL).due("routing.ordinary", "2026-06-05T10:00")
        assert actions(result)[-2:] == ["skip 2026-06-07", "roll 2026-06-08"]
        assert "2026-06-07 10:00 falls on a rest day" in result.explain("en")

    @pytest.mark.parametrize(
        ("trigger", "due", "due_date"),
        [
            ("2026-09-10T00:00", "2026-09-12T00:00", "2026-09-11"),
            ("2026-09-26T00:00", "2026-09-28T17:30", "2026-09-28"),
        ],
        ids=["ends-friday-24h", "ends-sunday-24h-rolls"],
    )
    def test_end_at_midnight(
        self, calendar: ChinaCalendar, trigger: str, due: str, due_date: str
    ) -> None:
        """48 hours ending at 00:00 end at 24:00 of the day before, which decides any roll."""
        result = Engine(calendar, conventions=ROLL).due("routing.ordinary", trigger)
        assert (result.due, result.due_date) == (at(due), dt.date.fromisoformat(due_date))

    def test_midnight_end_belongs_to_the_day_before(self, calendar: ChinaCalendar) -> None:
        """A paused clock ending at 00:00 ends 24:00 of the day before."""
        engine = Engine(calendar, conventions=Conventions(hour_clock=HourClock.PAUSED_ON_REST_DAYS))
        result = engine.due("routing.ordinary", "2026-06-06T10:00")
        assert result.due_date == dt.date(2026, 6, 9)


class TestSameDay:
    @pytest.mark.parametrize(
        ("trigger", "due"),
        [
            ("2026-06-05T10:00", "2026-06-05T17:30"),
            ("2026-06-05T17:29", "2026-06-05T17:30"),
            ("2026-06-05T17:30", "2026-06-08T17:30"),
            ("2026-06-05T22:00", "2026-06-08T17:30"),
            ("2026-06-06T10:00", "2026-06-08T17:30"),
            ("2026-10-09T18:00", "2026-10-10T17:30"),
        ],
        ids=[
            "morning",
            "a-minute-before",
            "at-the-cutoff",
            "evening",
            "saturday",
            "friday-evening-before-working-saturday",
        ],
    )
    def test_signing(self, calendar: ChinaCalendar, trigger: str, due: str) -> None:
        """文不过夜, close-of-business reading: that day before the close, else the next."""
        engine = Engine(calendar, conventions=CLOSE)
        assert engine.due("signing.same_day", trigger).due == at(due)
        assert engine.due("matters.same_day", trigger).due == at(due)

    @pytest.mark.parametrize(
        ("trigger", "due"),
        [
            ("2026-06-05T10:00", "2026-06-05T17:30"),
            ("2026-06-05T11:59", "2026-06-05T17:30"),
            ("2026-06-05T12:00", "2026-06-08T12:00"),
            ("2026-06-05T17:00", "2026-06-08T12:00"),
            ("2026-06-06T10:00", "2026-06-08T12:00"),
            ("2026-09-30T17:00", "2026-10-08T12:00"),
        ],
        ids=["morning", "a-minute-before-noon", "noon", "afternoon", "saturday", "before-holiday"],
    )
    def test_half_day(self, engine: Engine, trigger: str, due: str) -> None:
        """文不过夜 by default: morning receipts that day, afternoon ones by noon next day."""
        assert engine.due("signing.same_day", trigger).due == at(due)
        assert engine.due("matters.same_day", trigger).due == at(due)

    def test_midnight_option(self, calendar: ChinaCalendar) -> None:
        """With a 24:00 cutoff an evening arrival is still due the same day."""
        conventions = Conventions(cutoff=Cutoff.MIDNIGHT, same_day=SameDayReading.CLOSE_OF_BUSINESS)
        engine = Engine(calendar, conventions=conventions)
        assert engine.due("signing.same_day", "2026-06-05T22:00").due == at("2026-06-06T00:00")


class TestOnArrival:
    def test_due_on_arrival(self, calendar: ChinaCalendar) -> None:
        """Under the instant reading, due the moment it arrives, even on a holiday."""
        result = Engine(calendar, conventions=INSTANT).due("routing.urgent", "2026-10-03T09:15")
        assert result.due == at("2026-10-03T09:15")

    @pytest.mark.parametrize(
        ("grace", "trigger", "due"),
        [
            (ArrivalGrace.SAME_WORKING_DAY, "2026-06-10T10:00", "2026-06-10T17:30"),
            (ArrivalGrace.SAME_WORKING_DAY, "2026-06-10T18:00", "2026-06-11T17:30"),
            (ArrivalGrace.SAME_WORKING_DAY, "2026-10-03T09:15", "2026-10-08T17:30"),
            (ArrivalGrace.OFFICE_HOURS, "2026-06-10T10:00", "2026-06-10T12:00"),
            (ArrivalGrace.OFFICE_HOURS, "2026-06-10T17:00", "2026-06-11T10:30"),
        ],
        ids=["same-day", "evening", "holiday", "two-office-hours", "over-the-night"],
    )
    def test_grace(
        self, calendar: ChinaCalendar, grace: ArrivalGrace, trigger: str, due: str
    ) -> None:
        """What "on arrival" allows, by the ArrivalGrace option (same working day by default)."""
        engine = Engine(calendar, conventions=Conventions(arrival_grace=grace))
        assert engine.due("routing.urgent", trigger).due == at(due)
        assert engine.due("tasks.immediate", trigger).due == at(due)

    def test_stated_limit_wins(self, engine: Engine) -> None:
        """A stated limit later than the grace still decides."""
        result = engine.due("routing.urgent", "2026-06-10T10:00", stated_limit="2026-06-12T10:00")
        assert result.due == at("2026-06-12T10:00")

    def test_stated_limit(self, engine: Engine) -> None:
        """A handling limit stated on the document (条例 art. 24) replaces 'on arrival'."""
        result = engine.due("routing.urgent", "2026-06-05T09:15", stated_limit="2026-06-05T12:00")
        assert result.due == at("2026-06-05T12:00")

    def test_never_provisional(self, calendar: ChinaCalendar) -> None:
        """The instant reading counts no calendar day, so no later notice can change it."""
        result = Engine(calendar, conventions=INSTANT).due("routing.urgent", "2030-01-02T10:00")
        assert not result.provisional

    def test_stated_limit_before_arrival(self, engine: Engine) -> None:
        """A stated limit before the arrival is refused, naming the parameter."""
        with pytest.raises(InvalidValueError, match="stated_limit"):
            engine.due("routing.urgent", "2026-06-05T09:15", stated_limit="2026-06-04T12:00")


class TestMeetingDecisions:
    @pytest.mark.parametrize(
        ("params", "due"),
        [
            ({"limit_days": 5}, "2026-10-08T17:30"),
            ({"limit_working_days": 5}, "2026-10-13T17:30"),
            ({"limit_days": 10}, "2026-10-10T17:30"),
            ({"limit_days": 11}, "2026-10-12T17:30"),
            ({"limit_working_days": "10"}, "2026-10-20T17:30"),
            ({"limit_days": 15}, "2026-10-15T17:30"),
            ({"limit_days": "12"}, "2026-10-12T17:30"),
            ({"deadline": "2026-10-04"}, "2026-10-08T17:30"),
            ({"deadline": "2026-10-20"}, "2026-10-20T17:30"),
            ({"deadline": "2026-10-20T12:00"}, "2026-10-20T12:00"),
        ],
        ids=[
            "5-days-in-holiday-rolls",
            "5-working-days",
            "10-days",
            "11-days-not-earlier-than-10",
            "10-working-days",
            "15-calendar-days",
            "12-days-ends-sunday-rolls",
            "deadline-in-holiday-rolls",
            "deadline-date",
            "deadline-instant",
        ],
    )
    def test_limit(self, engine: Engine, params: dict[str, object], due: str) -> None:
        """The limit in the minutes' own unit: X日内, X个工作日内, or a deadline."""
        assert engine.due("decisions.time_limited", "2026-09-30T16:00", **params).due == at(due)

    def test_missing(self, engine: Engine) -> None:
        """Without a limit the rule raises; it never guesses one."""
        with pytest.raises(MissingParameterError, match="deadline") as info:
            engine.due("decisions.time_limited", "2026-09-30T16:00")
        assert isinstance(info.value, LookupError)

    @pytest.mark.parametrize(
        "params",
        [
            {"limit_days": 0},
            {"limit_days": True},
            {"deadline": "2026-13-01"},
            {"deadline": "2026-09-01"},
            {"deadline": "2026-10-20", "limit_days": 3},
            {"limit_working_days": 3, "limit_days": 3},
            {"limit_working_days": -1},
        ],
        ids=["zero", "bool", "bad-date", "before-meeting", "both", "both-units", "negative"],
    )
    def test_bad(self, engine: Engine, params: dict[str, object]) -> None:
        """Bad limits are refused with the parameter named."""
        with pytest.raises(InvalidValueError) as info:
            engine.due("decisions.time_limited", "2026-09-30T16:00", **params)
        assert info.value.argument in params


class TestSpecialTopic:
    def test_answers_without_the_condition(self, engine: Engine) -> None:
        """The flag changes no due instant, so it is not required; the trace says why."""
        result = engine.due("minutes.special_topic", "2026-06-10T10:00")
        assert result.due == at("2026-06-15T17:30")
        assert "须报县长审定" in result.explain("zh")
        assert "both cases end together" in result.explain("en")

    def test_a_condition_that_matters_is_required(self, engine: Engine) -> None:
        """When the branches differ, the error names the parameter and shows both dues."""
        from deadlines.rules import Condition, Rule, When, WorkingDays

        rule = OPINION_2020.get("minutes.special_topic").evolve(
            limit=When(
                condition=Condition(parameter="involves_personnel_money_assets"),
                then=WorkingDays(5),
                otherwise=WorkingDays(3),
            )
        )
        assert isinstance(rule, Rule)
        changed = Engine(engine.calendar, rules=OPINION_2020.with_rule(rule))
        with pytest.raises(MissingParameterError, match="involves_personnel_money_assets") as info:
            changed.due("minutes.special_topic", "2026-06-10T10:00")
        assert "2026-06-17T17:30" in str(info.value)
        assert "2026-06-15T17:30" in str(info.value)

    @pytest.mark.parametrize(
        ("value", "labels"),
        [("true", ["县长审定", "签发"]), (False, ["签发"])],
        ids=["involved", "not-involved"],
    )
    def test_parts(self, engine: Engine, value: object, labels: list[str]) -> None:
        """With personnel, money or assets, the approval is a step before the signature."""
        result = engine.due(
            "minutes.special_topic", "2026-09-30T17:00", involves_personnel_money_assets=value
        )
        assert [p.label for p in result.parts] == (labels if len(labels) > 1 else [])
        assert result.due == at("2026-10-10T17:30")
        assert result.trace[2].action == "condition"

    def test_bad_boolean(self, engine: Engine) -> None:
        """A value that is not a yes or no is refused."""
        with pytest.raises(InvalidValueError, match="true or false"):
            engine.due(
                "minutes.special_topic", "2026-09-30T17:00", involves_personnel_money_assets="maybe"
            )


class TestConstraints:
    @pytest.mark.parametrize("rule", ["meetings.march_freeze", "research.field_days"])
    def test_not_a_deadline(self, engine: Engine, rule: str) -> None:
        """A blackout or a quota has no due date: asking raises, naming the rule."""
        with pytest.raises(NotADeadlineError, match=rule):
            engine.due(rule, "2026-03-02T10:00")

    @pytest.mark.parametrize(
        ("day", "violates"),
        [("2026-03-01", True), ("2026-03-31", True), ("2026-04-01", False), ("2027-02-28", False)],
    )
    def test_march(self, engine: Engine, day: str, violates: bool) -> None:
        """March of every year is the no-meeting month."""
        assert engine.violates("meetings.march_freeze", dt.date.fromisoformat(day)) is violates

    @pytest.mark.parametrize(
        ("trigger", "due"),
        [
            ("2026-08-01T10:00", "2026-09-30T17:30"),
            ("2023-11-01T10:00", "2023-12-29T17:30"),
            ("2022-10-09T10:00", "2022-12-30T17:30"),
        ],
        ids=["q3-2026", "q4-2023-ends-sunday", "q4-2022-ends-saturday"],
    )
    def test_quarterly(self, engine: Engine, trigger: str, due: str) -> None:
        """Dispatch and report are due by the quarter's last working day."""
        result = engine.due("supervision.quarterly", trigger)
        assert result.due == at(due)
        assert [p.label for p in result.parts] == ["调度", "通报"]

    @pytest.mark.parametrize(
        "trigger",
        ["2024-06-29T10:00", "2024-06-28T18:00"],
        ids=["saturday-ending-the-quarter", "after-the-last-close"],
    )
    def test_quarterly_never_in_the_past(self, engine: Engine, trigger: str) -> None:
        """After a quarter's work was due, the next quarter applies, and the trace says so."""
        result = engine.due("supervision.quarterly", trigger)
        assert result.due == at("2024-09-30T17:30")
        assert "the next period applies" in result.explain("en")

    def test_violates_needs_a_date(self, engine: Engine) -> None:
        """A blackout is asked about a date; text is refused naming the argument."""
        with pytest.raises(InvalidArgumentError, match=r"day must be a datetime\.date"):
            engine.violates("meetings.march_freeze", "2026-03-05")  # type: ignore[arg-type]

    def test_violates_needs_a_blackout(self, engine: Engine) -> None:
        """Asking a deadline rule whether a date violates it names the blackout rules."""
        with pytest.raises(InvalidValueError, match=r"blackout rule: meetings\.march_freeze"):
            engine.violates("minutes.executive", dt.date(2026, 3, 5))


class TestBoundaries:
    def test_before_effective_date(self, engine: Engine) -> None:
        """A trigger before 2020-04-21 is an error: the opinion did not apply yet."""
        with pytest.raises(NotInEffectError, match="from 2020-04-21"):
            engine.due("minutes.executive", "2020-04-20T10:00")

    def test_unknown_rule(self, engine: Engine) -> None:
        """An unknown id lists the known ones."""
        with pytest.raises(UnknownRuleError, match=r"minutes\.executive") as info:
            engine.due("minutes.weekly", "2026-06-05T10:00")
        assert isinstance(info.value, KeyError)

    def test_unknown_parameter(self, engine: Engine) -> None:
        """A parameter the rule does not read is an error, not silently ignored."""
        with pytest.raises(InvalidValueError, match="limit_days"):
            engine.due("minutes.executive", "2026-06-05T10:00", limit_days=3)

    @pytest.mark.parametrize(
        "value", [dt.date(2026, 6, 5), 20260605, None], ids=["date", "int", "none"]
    )
    def test_trigger_type(self, engine: Engine, value: object) -> None:
        """A trigger must be a datetime or ISO text with a time."""
        with pytest.raises(InvalidArgumentError, match="at"):
            engine.due("minutes.executive", value)  # type: ignore[arg-type]

    def test_date_text_refused(self, engine: Engine) -> None:
        """ISO text without a time is refused: the time matters to hours and same-day limits."""
        with pytest.raises(InvalidValueError, match="2026-09-30T17:00"):
            engine.due("minutes.executive", "2026-06-05")

    def test_aware_trigger_converted(self, engine: Engine) -> None:
        """An aware trigger in another zone is converted to China time first."""
        utc = dt.datetime(2026, 6, 5, 15, 0, tzinfo=dt.timezone.utc)  # 23:00 in China
        assert engine.due("signing.same_day", utc).due == at("2026-06-08T12:00")

    def test_provisional(self, engine: Engine) -> None:
        """A due date relying on days no notice has settled is flagged and warned about."""
        with pytest.warns(ProvisionalDateWarning, match="no State Council notice"):
            result = engine.due("minutes.executive", "2026-12-30T10:00")
        assert result.provisional
        assert result.trace[-1].action == "provisional"

    def test_settled_is_not_provisional(self, engine: Engine) -> None:
        """A due date inside the announced calendar is not flagged."""
        assert not engine.due("minutes.executive", "2026-12-10T10:00").provisional


def workday_instants() -> st.SearchStrategy[dt.datetime]:
    """Instants from the opinion's date to the end of the announced calendar's settled part."""
    return st.datetimes(min_value=dt.datetime(2020, 4, 21), max_value=dt.datetime(2026, 12, 1))


class TestProperties:
    @settings(max_examples=150, deadline=None)
    @given(
        start=workday_instants(),
        rule=st.sampled_from(
            [
                "minutes.executive",
                "documents.issue",
                "routing.ordinary",
                "signing.same_day",
                "instructions.plan",
            ]
        ),
    )
    def test_never_on_a_rest_day(self, engine: Engine, start: dt.datetime, rule: str) -> None:
        """No due date of a counted limit lands on a non-working day."""
        result = engine.due(rule, start, explain=False)
        assert engine.calendar.is_workday(result.due_date)

    @settings(max_examples=150, deadline=None)
    @given(
        a=workday_instants(),
        b=workday_instants(),
        rule=st.sampled_from(
            ["minutes.executive", "documents.issue", "routing.ordinary", "signing.same_day"]
        ),
    )
    def test_monotone(self, engine: Engine, a: dt.datetime, b: dt.datetime, rule: str) -> None:
        """A later trigger is never due earlier."""
        first, second = sorted((a, b))
        assert (
            engine.due(rule, first, explain=False).due
            <= engine.due(rule, second, explain=False).due
        )

    @settings(max_examples=100, deadline=None)
    @given(start=workday_instants())
    def test_explain_does_not_change_the_answer(self, engine: Engine, start: dt.datetime) -> None:
        """The trace is a description: with or without it the due instant is the same."""
        fast = engine.due("documents.issue", start, explain=False)
        full = engine.due("documents.issue", start)
        assert (fast.due, fast.due_date) == (full.due, full.due_date)
        assert fast.trace == ()
        counted = [s for s in full.trace if s.action == "count"]
        assert len(counted) == 5
        assert counted[-1].date == full.due_date
