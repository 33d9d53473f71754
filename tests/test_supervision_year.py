"""A realistic year of one county's events (a seeded fixture): is the report consistent?"""

from __future__ import annotations

import datetime as dt
import json
from types import ModuleType

import pytest

from deadlines import Engine
from deadlines._time import CHINA_TZ
from deadlines.supervision import STATUS_ORDER, Report, Status, Supervisor, read_events
from loading import load

YEAR, SEED = 2025, 2025
MOMENTS = ("2025-03-31T12:00", "2025-07-01T09:00", "2025-10-09T08:30", "2025-12-31T18:00")


def _generator() -> ModuleType:
    return load("examples/supervision/county_year.py", "county_year")


@pytest.fixture(scope="module")
def county() -> ModuleType:
    """The fixture generator in examples/supervision/county_year.py."""
    return _generator()


@pytest.fixture(scope="module")
def lines(county) -> list[str]:
    """The year of events as JSON Lines."""
    return list(county.lines(county.generate(YEAR, SEED)))


@pytest.fixture(scope="module")
def ledger(lines):
    """The ledger of the year (without traces, as a large file would be checked)."""
    return Supervisor(Engine(), explain=False).ledger(read_events(lines))


@pytest.fixture(scope="module", params=MOMENTS)
def report(request, ledger) -> Report:
    """The report at several moments of the year."""
    return ledger.report(request.param)


def workdays_walked(engine: Engine, after: dt.date, through: dt.date) -> int:
    """Working days in (after, through], counted day by day (independent of the index)."""
    day, count = after + dt.timedelta(days=1), 0
    while day <= through:
        count += engine.calendar.is_workday(day)
        day += dt.timedelta(days=1)
    return count


class TestFixture:
    """The generated year is realistic in size, valid, and reproducible."""

    def test_size(self, lines, ledger):
        """A few thousand events, every line valid, thousands of obligations."""
        assert 4000 <= len(lines) <= 9000
        assert ledger.problems == ()
        assert 2500 <= len(ledger) <= 4000
        kinds = {json.loads(line)["type"] for line in lines}
        assert kinds >= {
            "meeting_held",
            "meeting_scheduled",
            "document_received",
            "document_submitted",
            "instruction_received",
            "field_day",
            "leader",
            "quarter_dispatched",
            "quarter_reported",
            "completed",
            "paused",
            "resumed",
        }

    def test_seeded(self, county, lines):
        """The same seed gives the same events; another seed others."""
        assert list(county.lines(county.generate(YEAR, SEED))) == lines
        assert list(county.lines(county.generate(YEAR, SEED + 1))) != lines

    def test_unique_ids(self, ledger):
        """Every obligation id is unique."""
        ids = [t.id for t in ledger]
        assert len(ids) == len(set(ids))

    def test_no_provisional_days(self, ledger):
        """An announced year: nothing relies on an unsettled day."""
        assert not any(t.obligation.provisional for t in ledger)


class TestConsistency:
    """At each moment, the counts add up and every status agrees with its instants."""

    def test_counts_add_up(self, report):
        """By status, by rule and the rows agree."""
        assert sum(report.by_status.values()) == report.total == len(report.rows)
        for status in STATUS_ORDER:
            assert sum(c[status] for c in report.by_rule.values()) == report.by_status[status]
        assert report.by_status == {
            s: sum(r.status is s for r in report.rows) for s in STATUS_ORDER
        }
        assert report.escalated == sum(r.escalated for r in report.rows)

    def test_every_status_agrees_with_its_instants(self, report):
        """Overdue means due < at and not done; warning inside its window; and so on."""
        moment = report.at
        for row in report.rows:
            assert row.obligation.trigger <= moment
            done = row.completed_at
            if row.status is Status.OVERDUE:
                assert row.due < moment
                assert done is None
                assert row.working_days_left <= 0
                assert row.hours_left < 0
                assert row.escalated is (-row.working_days_left >= 5)
            elif row.status is Status.WARNING:
                assert row.warning_from <= moment <= row.due
                assert done is None
            elif row.status is Status.OPEN:
                assert moment < row.warning_from <= row.due
                assert done is None
            elif row.status is Status.MET:
                assert done is not None
                assert done <= row.due
                assert done <= moment
                assert row.hours_left >= 0
            else:
                assert done is not None
                assert row.due < done <= moment
                assert row.hours_left < 0
            assert row.escalated is False or row.status is Status.OVERDUE

    def test_working_days_walked(self, ledger, report):
        """Working days left or over agree with a day-by-day count, for a sample."""
        engine = ledger.engine
        moment = report.at.date()
        for row in report.rows[::40]:
            if row.status is Status.OVERDUE:
                assert -row.working_days_left == workdays_walked(engine, row.due_date, moment)
            elif row.status in (Status.OPEN, Status.WARNING):
                assert row.working_days_left == workdays_walked(engine, moment, row.due_date)

    def test_alerts_match_the_rows(self, report):
        """One red alert per overdue obligation, one yellow per warning."""
        levels = [a.level for a in report.alerts]
        assert (
            levels.count("overdue") + levels.count("escalated") == report.by_status[Status.OVERDUE]
        )
        assert levels.count("escalated") == report.escalated
        assert levels.count("warning") == report.by_status[Status.WARNING]
        assert levels.count("violation") == sum(f.violation for f in report.march)

    def test_quarters(self, report):
        """Each quarter begun has a standing agreeing with its two rows."""
        rows = {row.id: row for row in report.rows}
        for quarter in report.quarterly:
            assert quarter.dispatch is rows[f"{quarter.quarter}/dispatch"].status
            assert quarter.report is rows[f"{quarter.quarter}/report"].status
        begun = {row.obligation.event_id for row in report.rows if row.id[4] == "Q"}
        assert {q.quarter for q in report.quarterly} == begun

    def test_quota(self, report):
        """Logged days fit in the days elapsed; the shortfall is what lacks."""
        elapsed = (report.at.date() - dt.date(YEAR, 1, 1)).days + 1
        assert len(report.quota) == 7
        for standing in report.quota:
            assert 0 <= standing.logged <= elapsed
            assert standing.expected == pytest.approx(60 * elapsed / 365)
            assert standing.shortfall == pytest.approx(
                max(0.0, standing.expected - standing.logged)
            )

    def test_march(self, report):
        """Exemptions and one violation, all in March."""
        assert all(f.date.month == 3 for f in report.march)
        assert sum(f.violation for f in report.march) == 1

    def test_json(self, report):
        """The JSON report carries the same counts."""
        data = json.loads(json.dumps(report.to_json(), ensure_ascii=False))
        assert data["summary"]["total"] == report.total
        assert sum(data["summary"]["by_status"].values()) == report.total
        assert len(data["obligations"]) == report.total


class TestOverTheYear:
    """Later moments see more obligations, and done stays done."""

    def test_monotone(self, ledger):
        """The obligations at a moment are among those at any later moment."""
        earlier: dict[str, Status] = {}
        for moment in MOMENTS:
            rows = {row.id: row.status for row in ledger.status(moment)}
            assert set(earlier) <= set(rows)
            for obligation, status in earlier.items():
                if status in (Status.MET, Status.LATE):
                    assert rows[obligation] is status
                if status is Status.OVERDUE:
                    assert rows[obligation] in (Status.OVERDUE, Status.LATE)
            earlier = rows

    def test_end_of_year_mix(self, ledger):
        """At the year's end most obligations are met, some late, some overdue."""
        report = ledger.report(dt.datetime(YEAR, 12, 31, 18, tzinfo=CHINA_TZ))
        share = {s: n / report.total for s, n in report.by_status.items()}
        assert share[Status.MET] > 0.6
        assert 0.05 < share[Status.LATE] < 0.35
        assert 0 < share[Status.OVERDUE] < 0.1
        paused = [t for t in ledger if t.pauses]
        assert paused
        assert all(t.due >= t.obligation.due for t in paused)
