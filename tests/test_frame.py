"""`deadlines.frame.due_frame`: the same answers as `Engine.due`, row by row, on random tables."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import types
import warnings

import pytest

pd = pytest.importorskip("pandas", reason="deadlines[frame] (pandas) is not installed")

from deadlines import (  # noqa: E402 - after the skip
    OPINION_2020,
    ChinaCalendar,
    Conventions,
    DeadlinesError,
    Engine,
    OfficeHours,
    ProvisionalDateWarning,
    Season,
    hookimpl,
)
from deadlines.frame import COLUMNS, due_frame  # noqa: E402
from deadlines.rules import (  # noqa: E402
    AllOf,
    ArrivalGrace,
    Blackout,
    CalendarDays,
    Condition,
    Cutoff,
    EarliestOf,
    HourClock,
    Hours,
    LastDayRoll,
    LatestOf,
    OnArrival,
    Recurrence,
    RestDayTrigger,
    Rule,
    RuleSet,
    SameDay,
    SameDayReading,
    Sequence,
    StartDay,
    Tiered,
    When,
    WorkingDays,
)

CHINA = dt.timezone(dt.timedelta(hours=8))
PARAMETERS = (
    "limit_days",
    "limit_working_days",
    "deadline",
    "involves_personnel_money_assets",
    "stated_limit",
    "done",
)


@pytest.fixture(scope="module")
def calendar():
    return ChinaCalendar()


def _extra_rules() -> RuleSet:
    """Every kind, with every option pinned somewhere, beside the catalog."""
    cite = OPINION_2020.get("minutes.executive").citation

    def rule(rule_id, limit):
        return Rule(id=rule_id, title_zh=rule_id, title_en=rule_id, citation=cite, limit=limit)

    limits = {
        "x.wd_included": WorkingDays(2, start_day=StartDay.INCLUDED),
        "x.wd_moved": WorkingDays(4, rest_day_trigger=RestDayTrigger.MOVE_TO_NEXT_WORKDAY),
        "x.wd_midnight": WorkingDays(1, cutoff=Cutoff.MIDNIGHT),
        "x.cd": CalendarDays(7),
        "x.cd_included": CalendarDays(30, start_day=StartDay.INCLUDED, cutoff=Cutoff.MIDNIGHT),
        "x.cd_noroll": CalendarDays(5, last_day_roll=LastDayRoll.NONE),
        "x.h_strict": Hours(24, clock=HourClock.CALENDAR_STRICT),
        "x.h_paused": Hours(30, clock=HourClock.PAUSED_ON_REST_DAYS),
        "x.h_paused48": Hours(48, clock=HourClock.PAUSED_ON_REST_DAYS),
        "x.h_office": Hours(8, clock=HourClock.OFFICE_HOURS),
        "x.h_office_long": Hours(49, clock=HourClock.OFFICE_HOURS),
        "x.h_roll_midnight": Hours(72, clock=HourClock.CALENDAR_ROLL, cutoff=Cutoff.MIDNIGHT),
        "x.h_roll": Hours(48, clock=HourClock.CALENDAR_ROLL),
        "x.h_opening": Hours(4, clock=HourClock.WORKDAYS_FROM_OPENING),
        "x.h_moved": Hours(
            24,
            clock=HourClock.CALENDAR_STRICT,
            rest_day_trigger=RestDayTrigger.MOVE_TO_NEXT_WORKDAY,
        ),
        "x.same_midnight": SameDay(cutoff=Cutoff.MIDNIGHT),
        "x.same_half": SameDay(reading=SameDayReading.HALF_DAY, cutoff=Cutoff.MIDNIGHT),
        "x.same_close": SameDay(reading=SameDayReading.CLOSE_OF_BUSINESS),
        "x.arrival_instant": OnArrival(grace=ArrivalGrace.INSTANT),
        "x.arrival_office": OnArrival(grace=ArrivalGrace.OFFICE_HOURS),
        "x.arrival_same": OnArrival(grace=ArrivalGrace.SAME_WORKING_DAY),
        "x.within": Sequence(
            WorkingDays(2, label="a"), Hours(30, label="b"), within=CalendarDays(3)
        ),
        "x.when_unstated": When(
            condition=Condition(parameter="involves_personnel_money_assets"),
            then=WorkingDays(3),
            otherwise=EarliestOf(WorkingDays(3), Hours(30)),
        ),
        "x.next_quarter": Recurrence(due_in_next=10),
        "x.earliest": EarliestOf(WorkingDays(5), CalendarDays(5), Hours(48)),
        "x.latest": LatestOf(Hours(24), SameDay(), WorkingDays(1, label="a")),
        "x.sequence": Sequence(WorkingDays(2, label="draft"), Hours(48, label="sign")),
        "x.tiered": Tiered(committed=WorkingDays(10), statutory=CalendarDays(10)),
        "x.when_int": When(
            condition=Condition(parameter="limit_days", equals=3),
            then=Hours(5),
            otherwise=AllOf(CalendarDays(2), WorkingDays(2)),
        ),
        "x.monthly": Recurrence(months=1, end_roll="next_workday"),
        "x.half_year": Recurrence(months=6, end_roll="none"),
        "x.yearly": Recurrence(months=12),
        "x.blackout": Blackout(months=(3,)),
    }
    return RuleSet(rules=(*OPINION_2020.rules, *(rule(k, v) for k, v in limits.items())))


EXTRA = _extra_rules()


def _instant(rng: random.Random) -> object:
    """A trigger: mostly 2020–2027, some at the calendar's edges, at telling times of day."""
    pick = rng.random()
    if pick < 0.03:
        day = dt.date(2100, 12, 31) - dt.timedelta(days=rng.randrange(40))
    elif pick < 0.05:
        day = dt.date(2004, 1, 1) + dt.timedelta(days=rng.randrange(10))
    elif pick < 0.06:
        day = dt.date(2003, 12, 31)
    else:
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(365 * 8))
    time = rng.choice(
        [
            dt.time(0, 0),
            dt.time(9, 0),
            dt.time(12, 30),
            dt.time(17, 29, 59, 999999),
            dt.time(17, 30),
            dt.time(23, 59),
            dt.time(rng.randrange(24), rng.randrange(60), rng.randrange(60), rng.randrange(10**6)),
        ]
    )
    return dt.datetime.combine(day, time)


def _params(rng: random.Random, rule_id: str, at: dt.datetime) -> dict[str, object]:
    params: dict[str, object] = {}
    if rule_id in ("decisions.time_limited", "x.when_int") or rng.random() < 0.02:
        if rng.random() < 0.6:
            params["limit_days"] = rng.choice(
                [1, 3, 3, 7, 10, 11, 15, 30, 90, "15", 0, "x", "²", "１５"]
            )
        if rng.random() < 0.4:
            params["limit_working_days"] = rng.choice([1, 3, 5, 10, " 7", 0, True])
        if rng.random() < 0.15:
            params["deadline"] = rng.choice(
                [
                    (at + dt.timedelta(days=9)).date().isoformat(),
                    (at + dt.timedelta(days=rng.randrange(-2, 12))).date().isoformat(),
                    (at + dt.timedelta(hours=rng.randrange(-6, 200))).isoformat(),
                    "2026-13-01",
                ]
            )
    if (
        rule_id in ("minutes.special_topic", "x.when_unstated") or rng.random() < 0.02
    ) and rng.random() < 0.7:
        params["involves_personnel_money_assets"] = rng.choice([True, False, "是", "no", "maybe"])
    if (
        rule_id.startswith(("routing.urgent", "tasks.immediate", "x.arrival"))
        and rng.random() < 0.2
    ):
        params["stated_limit"] = (at + dt.timedelta(hours=rng.randrange(-2, 30))).isoformat()
    if rule_id == "x.sequence" and rng.random() < 0.2:
        params["done"] = {"draft": (at + dt.timedelta(days=1)).isoformat()}
    return params


def _table(engine: Engine, rows: int, seed: int) -> pd.DataFrame:
    rng = random.Random(seed)
    ids = [*engine.rules.ids, "no.such_rule"]
    records = []
    for _ in range(rows):
        rule_id = rng.choice(ids)
        at = _instant(rng)
        records.append({"rule": rule_id, "at": at, **_params(rng, rule_id, at)})
    # Parameters as given (object columns): a float column would read whole numbers as ints.
    table = pd.DataFrame(
        {name: pd.Series([r.get(name) for r in records], dtype=object) for name in PARAMETERS}
    )
    table.insert(0, "at", pd.Series([r["at"] for r in records], dtype="datetime64[us]"))
    table.insert(0, "rule", [r["rule"] for r in records])
    return table


def _expected(engine: Engine, row: dict[str, object]) -> tuple[object, ...]:
    params = {k: row[k] for k in PARAMETERS if row.get(k) is not None and row[k] == row[k]}
    if isinstance(params.get("limit_days"), float):
        params["limit_days"] = int(params["limit_days"])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            result = engine.due(row["rule"], row["at"].to_pydatetime(), explain=False, **params)
    except DeadlinesError as error:
        return (None, None, None, str(error))
    return (result.due, result.due_date, result.provisional, None)


def _same(engine: Engine, table: pd.DataFrame) -> None:
    answers = due_frame(table, engine=engine)
    assert list(answers.columns) == list(COLUMNS)
    for row, answer in zip(table.to_dict("records"), answers.itertuples(index=False), strict=True):
        got = (
            None if answer.due is pd.NaT else answer.due.to_pydatetime(),
            None if answer.due_date is pd.NaT else answer.due_date.date(),
            None if answer.provisional is pd.NA else bool(answer.provisional),
            None if answer.error is pd.NA else answer.error,
        )
        assert got == _expected(engine, row), row


def _conventions() -> list[Conventions]:
    """Every combination of the day, trigger, cutoff and clock options, with the other
    options taking each of their values in turn."""
    others = list(itertools.product(LastDayRoll, SameDayReading, ArrivalGrace, (2, 5)))
    combos = itertools.product(StartDay, RestDayTrigger, Cutoff, HourClock)
    return [
        Conventions(
            start_day=start,
            rest_day_trigger=trigger,
            cutoff=cutoff,
            hour_clock=clock,
            last_day_roll=others[i % len(others)][0],
            same_day=others[i % len(others)][1],
            arrival_grace=others[i % len(others)][2],
            arrival_office_hours=others[i % len(others)][3],
        )
        for i, (start, trigger, cutoff, clock) in enumerate(combos)
    ]


CONVENTIONS = _conventions()


class TestSameAsEngine:
    """Every catalog rule and every counting option: the frame's answer is the engine's."""

    @pytest.mark.parametrize("seed", [1, 2, 3], ids=["seed1", "seed2", "seed3"])
    def test_catalog_and_every_kind(self, calendar, seed):
        """Random rows over the catalog and a rule of each kind with each option pinned."""
        engine = Engine(calendar, EXTRA, discover_plugins=False)
        _same(engine, _table(engine, 1500, seed))

    @pytest.mark.parametrize(
        "conventions", CONVENTIONS, ids=[f"conventions{i}" for i in range(len(CONVENTIONS))]
    )
    def test_every_convention(self, calendar, conventions):
        """Each combination of the engine-wide counting options."""
        engine = Engine(calendar, EXTRA, conventions=conventions, discover_plugins=False)
        _same(engine, _table(engine, 150, hash(conventions) % 1000))

    def test_seasonal_office_hours(self, calendar):
        """Office-hour clocks under a calendar whose sessions change with the season."""
        summer = Season(
            "summer", (6, 1), (9, 30), ((dt.time(8), dt.time(12)), (dt.time(15), dt.time(18)))
        )
        seasonal = calendar.evolve(office_hours=OfficeHours(seasons=(summer,)))
        conventions = Conventions(hour_clock=HourClock.OFFICE_HOURS)
        engine = Engine(seasonal, EXTRA, conventions=conventions, discover_plugins=False)
        _same(engine, _table(engine, 800, 7))

    def test_plugin(self, calendar):
        """A plugin's rule (48 hours become 24) counts, because the engine's rules are read."""
        plugin = types.SimpleNamespace(
            deadlines_rules=hookimpl(
                lambda rules: [rules.get("routing.ordinary").evolve(limit=Hours(24))]
            )
        )
        engine = Engine(calendar, plugins=[plugin], discover_plugins=False)
        table = _table(engine, 300, 11)
        _same(engine, table)
        one = pd.DataFrame({"rule": ["routing.ordinary"], "at": ["2026-09-23T10:00"]})
        assert due_frame(one, engine=engine)["due"][0] == dt.datetime(2026, 9, 24, 10, tzinfo=CHINA)


class TestVectorised:
    """The arrays answer what they can; the engine only the rest."""

    def test_catalog_needs_no_engine(self, calendar, monkeypatch):
        """Every deadline of the catalog, with its parameters, is answered without Engine.due."""
        import deadlines.frame._due as module

        asked = []
        monkeypatch.setattr(module, "_one", lambda *args: asked.append(args) or "")
        rules = [
            r for r in OPINION_2020.ids if r not in ("meetings.march_freeze", "research.field_days")
        ]
        table = pd.DataFrame(
            {
                "rule": rules,
                "at": pd.Timestamp("2026-09-30 17:00"),
                "limit_days": [7 if r == "decisions.time_limited" else None for r in rules],
                "involves_personnel_money_assets": [
                    True if r == "minutes.special_topic" else None for r in rules
                ],
            }
        )
        answers = due_frame(table, engine=Engine(calendar, discover_plugins=False))
        assert asked == []
        assert answers["error"].isna().all()

    def test_unknown_option_goes_to_the_engine(self, calendar, monkeypatch):
        """A field the kernels are not written for sends the rows to Engine.due."""
        from deadlines.frame._kernels import vectorised

        assert vectorised(WorkingDays(3))
        assert not vectorised(Blackout(months=(3,)))
        monkeypatch.setitem(
            __import__("deadlines.frame._kernels", fromlist=["_FIELDS"])._FIELDS,
            WorkingDays,
            frozenset({"kind"}),
        )
        assert not vectorised(WorkingDays(3))
        engine = Engine(calendar, discover_plugins=False)
        _same(engine, _table(engine, 200, 5))


class TestInput:
    """Triggers as text, time zones, and the columns a table names."""

    def test_text_and_aware_triggers(self, calendar):
        """ISO text (as batch reads it) and aware instants give the engine's answers."""
        engine = Engine(calendar, discover_plugins=False)
        table = pd.DataFrame(
            {
                "rule": ["minutes.executive"] * 4 + ["routing.ordinary"],
                "at": [
                    "2026-09-30T17:00",
                    "2026-09-30T09:00:00Z",
                    "30/09/2026",
                    None,
                    "2026-10-01T08:00+08:00",
                ],
            }
        )
        answers = due_frame(table, engine=engine)
        assert answers["due"][0] == dt.datetime(2026, 10, 10, 17, 30, tzinfo=CHINA)
        assert answers["due"][1] == answers["due"][0]
        assert answers["error"][2].startswith("at must be an ISO 8601 date and time")
        assert pd.notna(answers["error"][3])
        aware = table.iloc[[0]].assign(
            at=pd.to_datetime(["2026-09-30T09:00Z"]).tz_convert("Europe/Paris")
        )
        assert due_frame(aware, engine=engine)["due"][0] == answers["due"][0]

    def test_parameter_columns_by_mapping(self, calendar):
        """``params`` maps a parameter to a column of another name."""
        engine = Engine(calendar, discover_plugins=False)
        table = pd.DataFrame(
            {"r": ["decisions.time_limited"], "when": ["2026-09-30T17:00"], "days": [15.0]}
        )
        answers = due_frame(
            table, engine=engine, rule="r", at="when", params={"limit_days": "days"}
        )
        expected = engine.due("decisions.time_limited", "2026-09-30T17:00", limit_days=15)
        assert answers["due"][0] == expected.due

    def test_missing_column(self, calendar):
        """A column the table lacks is an error naming it and the columns there are."""
        with pytest.raises(
            DeadlinesError, match=r"column must be a column of the table \(it has: rule\)"
        ):
            due_frame(pd.DataFrame({"rule": []}), engine=Engine(calendar, discover_plugins=False))

    def test_empty(self, calendar):
        """An empty table gives an empty answer with the four columns."""
        table = pd.DataFrame(
            {"rule": pd.Series([], dtype=object), "at": pd.Series([], dtype=object)}
        )
        answers = due_frame(table, engine=Engine(calendar, discover_plugins=False))
        assert list(answers.columns) == list(COLUMNS)
        assert answers.empty


class TestLight:
    """The frame stays out of the core."""

    def test_not_imported_by_deadlines(self):
        """``import deadlines`` and an engine's due date import neither the frame nor pandas."""
        import subprocess
        import sys

        code = (
            "import sys, deadlines; deadlines.Engine(discover_plugins=False)"
            ".due('minutes.executive', '2026-09-30T17:00');"
            "print(sorted(m for m in ('pandas', 'numpy', 'deadlines.frame', 'dask')"
            " if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "[]"
