"""The checks of supervision: the no-meeting month, the field-day quota, quarterly supervision."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from deadlines import Engine, InvalidValueError
from deadlines._time import CHINA_TZ
from deadlines.rules import OPINION_2020, AllOf, Blackout, Quota, Recurrence
from deadlines.supervision import (
    FieldDay,
    Leader,
    MeetingHeld,
    MeetingScheduled,
    QuarterDispatched,
    QuarterReported,
    Status,
    Supervisor,
    march_check,
    quarter_obligations,
    quota_standings,
)
from deadlines.supervision._quarterly import quarter_part, quarter_standings
from deadlines.supervision._quota import QuotaStanding


def at(text: str) -> dt.datetime:
    """An aware China-time instant from ``YYYY-MM-DD HH:MM``."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA_TZ)


@pytest.fixture(scope="module")
def engine() -> Engine:
    """The default engine."""
    return Engine()


def engine_with(rule_id: str, limit: object) -> Engine:
    """An engine whose rule `rule_id` has another limit, as a plugin would make it."""
    rule = OPINION_2020.get(rule_id).evolve(limit=limit)
    return Engine(rules=OPINION_2020.with_rule(rule))


class TestMarch:
    """A meeting in March is a violation of art. 6 unless exempted; exemptions are listed."""

    @pytest.mark.parametrize(
        ("meeting", "found"),
        [
            (MeetingScheduled(id="a", kind="executive", date=dt.date(2025, 3, 4)), "violation"),
            (
                MeetingScheduled(
                    id="a", date=dt.date(2025, 3, 31), emergency_exemption=True, reason="防汛"
                ),
                "exemption",
            ),
            (MeetingScheduled(id="a", date=dt.date(2025, 2, 28)), None),
            (MeetingScheduled(id="a", date=dt.date(2025, 4, 1)), None),
            (MeetingScheduled(id="a", date=dt.date(2020, 3, 10)), None),  # before the opinion
        ],
        ids=["march", "exempted", "february", "april", "before-the-opinion"],
    )
    def test_scheduled(self, engine, meeting, found):
        """Each scheduled meeting is a violation, an exemption, or nothing."""
        findings = march_check(engine, [(meeting, 3)])
        if found is None:
            assert findings == ()
            return
        (finding,) = findings
        assert finding.violation is (found == "violation")
        assert (finding.line, finding.citation.article, finding.held) == (3, 6, False)

    def test_held_without_a_schedule(self, engine):
        """A meeting held in March with no schedule recorded is checked itself."""
        held = MeetingHeld(id="m1", kind="executive", ended_at=at("2025-03-12 17:00"))
        (finding,) = march_check(engine, [(held, 1)])
        assert (finding.held, finding.violation, finding.date) == (True, True, dt.date(2025, 3, 12))
        assert "held on 2025-03-12" in finding.describe()

    def test_the_schedule_decides(self, engine):
        """A held meeting with the id of a scheduled one is that meeting: listed once."""
        scheduled = MeetingScheduled(
            id="m1", date=dt.date(2025, 3, 12), emergency_exemption=True, reason="森林防火"
        )
        held = MeetingHeld(id="m1", kind="executive", ended_at=at("2025-03-12 17:00"))
        (finding,) = march_check(engine, [(scheduled, 1), (held, 2)])
        assert (finding.exempt, finding.reason, finding.line) == (True, "森林防火", 1)
        assert "emergency exemption: 森林防火" in finding.describe()
        assert "紧急豁免" in finding.describe("zh")

    def test_the_moment(self, engine):
        """At a moment, meetings scheduled or held later are not counted yet."""
        scheduled = MeetingScheduled(
            id="a", date=dt.date(2026, 3, 4), scheduled_at=at("2025-12-01 09:00")
        )
        held = MeetingHeld(id="b", kind="executive", ended_at=at("2026-03-05 17:00"))
        meetings = [(scheduled, 1), (held, 2)]
        assert march_check(engine, meetings, at("2025-11-30 09:00")) == ()
        assert len(march_check(engine, meetings, at("2025-12-01 09:00"))) == 1
        assert len(march_check(engine, meetings, at("2026-03-06 09:00"))) == 2

    def test_another_blackout(self):
        """A plugin that changes the months changes the check (it asks Engine.violates)."""
        engine = engine_with("meetings.march_freeze", Blackout(months=(3, 8)))
        august = MeetingScheduled(id="a", date=dt.date(2025, 8, 5))
        assert march_check(engine, [(august, 1)])[0].violation

    def test_disabled_rule(self):
        """Without the rule, there is nothing to check."""
        engine = Engine(rules=OPINION_2020.without("meetings.march_freeze"))
        march = MeetingScheduled(id="a", date=dt.date(2025, 3, 5))
        assert march_check(engine, [(march, 1)]) == ()

    def test_in_the_report(self, engine):
        """The report lists both, and alerts on the violation only."""
        events = [
            MeetingScheduled(id="a", kind="executive", date=dt.date(2025, 3, 4)),
            MeetingScheduled(id="b", date=dt.date(2025, 3, 5), emergency_exemption=True),
        ]
        report = Supervisor(engine).ledger(events).report("2025-03-01T09:00")
        assert [f.meeting_id for f in report.march] == ["a", "b"]
        assert [(a.level, a.subject) for a in report.alerts] == [("violation", "a")]


def days(first: str, count: int, step: int = 1) -> list[dt.date]:
    """`count` days from `first`, `step` days apart."""
    start = dt.date.fromisoformat(first)
    return [start + dt.timedelta(days=step * i) for i in range(count)]


class TestQuota:
    """Logged days against the pro-rata expectation of 60 a year (art. 4)."""

    @pytest.mark.parametrize(
        ("logged", "moment", "expected", "shortfall"),
        [
            (days("2026-01-05", 20, 7), "2026-07-02 12:00", 60 * 183 / 365, 60 * 183 / 365 - 20),
            (days("2026-01-01", 31), "2026-01-31 09:00", 60 * 31 / 365, 0.0),
            (days("2024-01-02", 10, 3), "2024-07-01 09:00", 30.0, 20.0),  # leap year: 183/366
            (days("2026-01-01", 60, 2), "2026-12-31 09:00", 60.0, 0.0),
            ([], "2026-01-01 00:00", 60 / 365, 60 / 365),
        ],
        ids=["mid-year", "ahead", "leap-year", "met-exactly", "first-day"],
    )
    def test_pro_rata(self, engine, logged, moment, expected, shortfall):
        """The expectation is 60 × days elapsed ÷ days in the year; the shortfall what lacks."""
        (standing,) = quota_standings(engine, {"王": logged}, at(moment))
        assert standing.expected == pytest.approx(expected)
        assert standing.shortfall == pytest.approx(shortfall)
        assert standing.logged == len(logged)
        assert standing.on_track is (shortfall == 0)
        assert standing.remaining == max(0, 60 - len(logged))

    def test_days_after_the_moment_do_not_count(self, engine):
        """A day logged after the moment's day is not counted yet."""
        (standing,) = quota_standings(
            engine, {"王": days("2026-06-01", 10)}, at("2026-06-05 23:00")
        )
        assert standing.logged == 5

    def test_past_years(self, engine):
        """A past year is measured whole; the moment's year pro rata."""
        logged = {"王": [*days("2025-02-01", 61, 5), *days("2026-01-10", 3)]}
        past, current = quota_standings(engine, logged, at("2026-02-01 09:00"))
        assert (past.year, past.as_of, past.expected, past.logged) == (
            2025,
            dt.date(2025, 12, 31),
            60.0,
            61,
        )
        assert (current.year, current.logged) == (2026, 3)

    def test_working_days_only(self):
        """Under the working-days option, weekend days do not count."""
        engine = engine_with("research.field_days", Quota(60, working_days_only=True))
        weekend = [dt.date(2025, 6, 7), dt.date(2025, 6, 8), dt.date(2025, 6, 9)]
        (standing,) = quota_standings(engine, {"王": weekend}, at("2025-06-30 09:00"))
        assert standing.logged == 1

    def test_ledger(self, engine):
        """A declared leader is followed with no days; a day logged twice counts once."""
        events = [
            Leader(leader="李"),
            FieldDay(leader="王", date=dt.date(2026, 3, 2)),
            FieldDay(leader="王", date=dt.date(2026, 3, 2)),
            FieldDay(leader="王", date=dt.date(2026, 3, 3)),
        ]
        ledger = Supervisor(engine).ledger(events)
        assert [p.field for p in ledger.problems] == ["date"]
        standings = {s.leader: s for s in ledger.quota("2026-03-31T09:00")}
        assert (standings["李"].logged, standings["王"].logged) == (0, 2)
        report = ledger.report("2026-03-31T09:00")
        assert [a.subject for a in report.alerts if a.level == "shortfall"] == ["李", "王"]

    def test_describe(self, engine):
        """A standing reads as logged, expected and shortfall, in both languages, in whole or
        half days: the pro-rata 30.1 days are 30.5 to log (`expected` stays exact)."""
        (standing,) = quota_standings(
            engine, {"王": days("2026-01-05", 20, 7)}, at("2026-07-02 12:00")
        )
        assert round(standing.expected, 1) == 30.1
        assert standing.describe() == (
            "王 2026: 20/60 field days, 30.5 expected by 2026-07-02, short by 10.5"
        )
        assert (
            standing.describe("zh")
            == "王2026年调研20天（全年不少于60天），截至2026年7月2日应达30.5天，落后10.5天"
        )

    @pytest.mark.parametrize(
        ("expected", "shown"),
        [(28.0, 28.0), (28.01, 28.5), (28.5, 28.5), (28.51, 29.0)],
        ids=["whole", "just-over", "half", "over-half"],
    )
    def test_expected_in_half_days(self, expected, shown):
        """The expectation a clerk reads is the next whole or half day."""
        standing = QuotaStanding(
            leader="王", year=2026, as_of=dt.date(2026, 6, 20), required=60, logged=0,
            expected=expected, shortfall=expected,
        )  # fmt: skip
        assert standing.expected_days == shown


class TestQuarterly:
    """Dispatch and report due each quarter; a rest-day quarter end moves back."""

    @pytest.mark.parametrize(
        ("year", "quarter", "due"),
        [
            (2025, 1, "2025-03-31 17:30"),  # a Monday
            (2024, 2, "2024-06-28 17:30"),  # 30 June a Sunday
            (2023, 3, "2023-09-28 17:30"),  # 29 September a holiday, the 30th too
            (2023, 4, "2023-12-29 17:30"),  # 31 December a Sunday
            (2022, 4, "2022-12-30 17:30"),  # a Saturday
        ],
        ids=["workday", "sunday", "mid-autumn-national-day", "year-end-sunday", "saturday"],
    )
    def test_quarter_end_on_rest_days(self, engine, year, quarter, due):
        """A quarter ending on a rest day is due on the working day before (end_roll)."""
        dispatch, report = quarter_obligations(engine, year, quarter)
        assert dispatch.id == f"{year}Q{quarter}/dispatch"
        assert report.id == f"{year}Q{quarter}/report"
        assert dispatch.due == report.due == at(due)
        assert dispatch.citation.article == 13
        assert dispatch.trigger == dt.datetime(year, 3 * quarter - 2, 1, tzinfo=CHINA_TZ)

    def test_a_plugin_moves_the_end(self):
        """A rule with another end_roll (as a plugin would set) gives other due dates."""
        recurrence = Recurrence(months=3, end_roll="next_workday", label="调度")
        engine = engine_with("supervision.quarterly", recurrence)
        dispatch, report = quarter_obligations(engine, 2024, 2)
        assert dispatch.due == report.due == at("2024-07-01 17:30")

    def test_other_periods_refused(self):
        """A quarterly rule changed to monthly periods is refused, not tracked as quarters."""
        engine = engine_with("supervision.quarterly", Recurrence(months=1, label="调度"))
        with pytest.raises(InvalidValueError, match="a recurrence every 3 months"):
            quarter_obligations(engine, 2024, 2)

    def test_standings(self, engine):
        """Each quarter: met, late, or overdue when never done."""
        events = [
            QuarterDispatched(quarter="2025Q1", at=at("2025-03-20 10:00")),
            QuarterReported(quarter="2025Q1", at=at("2025-03-31 17:30")),
            QuarterReported(quarter="2025Q2", at=at("2025-07-03 10:00")),
        ]
        ledger = Supervisor(engine).ledger(events)
        q1, q2, q3 = ledger.quarterly("2025-07-10T09:00")
        assert (q1.quarter, q1.dispatch, q1.report, q1.met) == (
            "2025Q1",
            Status.MET,
            Status.MET,
            True,
        )
        assert (q2.quarter, q2.dispatch, q2.report, q2.met) == (
            "2025Q2",
            Status.OVERDUE,
            Status.LATE,
            False,
        )
        assert q2.reported_at == at("2025-07-03 10:00")
        assert "dispatch overdue" in q2.describe()
        assert (q3.quarter, q3.dispatch, q3.report) == ("2025Q3", Status.OPEN, Status.OPEN)

    def test_quarters_span_the_events(self, engine):
        """Quarters run from the first event's through the last event's."""
        events = [
            MeetingHeld(id="m1", kind="executive", ended_at=at("2025-02-03 17:00")),
            QuarterReported(quarter="2025Q3", at=at("2025-09-30 10:00")),
        ]
        ledger = Supervisor(engine).ledger(events)
        assert [t.id for t in ledger if t.rule_id == "supervision.quarterly"] == [
            f"2025Q{q}/{what}" for q in (1, 2, 3) for what in ("dispatch", "report")
        ]

    @pytest.mark.parametrize(
        ("quarterly", "expected"), [(None, 0), (True, 2), (False, 0)], ids=["auto", "on", "off"]
    )
    def test_followed_when_asked(self, engine, quarterly, expected):
        """Without quarter events, quarterly supervision is followed only when asked."""
        events = [MeetingHeld(id="m1", kind="executive", ended_at=at("2025-02-03 17:00"))]
        ledger = Supervisor(engine, quarterly=quarterly).ledger(events)
        assert sum(t.rule_id == "supervision.quarterly" for t in ledger) == expected

    def test_disabled_rule(self):
        """Without the rule, quarter events are problems and there are no obligations."""
        engine = Engine(rules=OPINION_2020.without("supervision.quarterly"))
        ledger = Supervisor(engine).ledger(
            [QuarterReported(quarter="2025Q1", at=at("2025-03-31 10:00"))]
        )
        assert len(ledger) == 0
        assert "not in the engine's rule set" in ledger.problems[0].text()

    def test_quarter_not_yet_begun(self, engine):
        """A quarter that has not begun at the moment is not in the report yet."""
        ledger = Supervisor(engine).ledger(
            [
                MeetingHeld(id="m1", kind="executive", ended_at=at("2025-06-30 17:00")),
                QuarterReported(quarter="2025Q3", at=at("2025-09-30 10:00")),
            ]
        )
        assert [q.quarter for q in ledger.quarterly("2025-06-30T18:00")] == ["2025Q2"]
        assert [q.quarter for q in ledger.quarterly("2025-07-01T00:00")] == ["2025Q2", "2025Q3"]

    @pytest.mark.parametrize(
        "odd",
        ["2025Q1/briefing", "annual/dispatch", "2025Q²/dispatch", "2025Q5/report", "2025Q1"],
        ids=["other-part", "not-a-quarter", "superscript-digit", "fifth-quarter", "no-part"],
    )
    def test_part_of_an_odd_id(self, engine, odd):
        """A quarterly obligation whose id is not a quarter's part has no part, not an error."""
        dispatch, _ = quarter_obligations(engine, 2025, 1)
        assert quarter_part(dataclasses.replace(dispatch, id=odd, event_id=odd)) is None

    def test_standings_skip_an_odd_id(self, engine):
        """A quarterly row whose id names no part of a quarter is left out of the standings."""
        ledger = Supervisor(engine).ledger(
            [QuarterReported(quarter="2025Q1", at=at("2025-03-31 10:00"))]
        )
        rows = ledger.report("2025-04-01T09:00").rows
        row = rows[0]
        odd = dataclasses.replace(row.tracked.obligation, id="2025Q1/briefing")
        extra = dataclasses.replace(row, tracked=dataclasses.replace(row.tracked, obligation=odd))
        assert quarter_standings([*rows, extra]) == quarter_standings(rows)
        assert [q.quarter for q in quarter_standings([*rows, extra])] == ["2025Q1"]


class TestIssueNineReadings:
    """The readings issue 9 added: the blackout's scope, the quarterly report's due."""

    def test_exempt_kinds(self):
        """A kind the county exempts is no finding; the county-wide work meeting is one."""
        rule = OPINION_2020.get("meetings.march_freeze")
        scoped = rule.evolve(limit=Blackout(months=(3,), exempt_kinds=("executive",)))
        engine = Engine(rules=OPINION_2020.with_rule(scoped))
        found = march_check(
            engine,
            [
                (MeetingScheduled(id="m1", kind="executive", date=dt.date(2027, 3, 4)), 1),
                (MeetingScheduled(id="m2", kind="county_wide_work", date=dt.date(2027, 3, 5)), 2),
            ],
        )
        assert [(f.meeting_id, f.violation) for f in found] == [("m2", True)]

    def test_every_kind_by_default(self):
        """By default (art. 6, 全县政府系统) every kind falls under the blackout."""
        found = march_check(
            Engine(),
            [(MeetingScheduled(id="m1", kind="executive", date=dt.date(2027, 3, 4)), 1)],
        )
        assert [f.meeting_id for f in found] == ["m1"]

    def test_report_due_in_the_next_quarter(self):
        """With due_in_next, the report is due by that day of the next quarter; dispatch not."""
        rule = OPINION_2020.get("supervision.quarterly")
        limit = AllOf(
            Recurrence(label="调度", actor="县政府办公室"),
            Recurrence(label="通报", actor="县政府办公室", due_in_next=15),
        )
        engine = Engine(rules=OPINION_2020.with_rule(rule.evolve(limit=limit)))
        dispatch, report = quarter_obligations(engine, 2026, 2)
        assert dispatch.due.isoformat() == "2026-06-30T17:30:00+08:00"
        assert report.due.isoformat() == "2026-07-15T17:30:00+08:00"

    def test_report_due_day_rolls_forward(self):
        """A due day on a rest day moves to the next working day (art. 203)."""
        limit = Recurrence(due_in_next=4)  # 2026-07-04 is a Saturday
        rule = OPINION_2020.get("supervision.quarterly").evolve(limit=limit)
        engine = Engine(rules=OPINION_2020.with_rule(rule))
        result = engine.due("supervision.quarterly", "2026-05-10T10:00")
        assert result.due.isoformat() == "2026-07-06T17:30:00+08:00"
