"""Pausing an obligation's clock (补正): working days, hours, holidays, open pauses, errors."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from deadlines import Engine
from deadlines._time import CHINA_TZ
from deadlines.rules import ArrivalGrace, Citation, Conventions, HourClock, Hours, Rule, RuleSet
from deadlines.rules._clock import add_working_clock, working_clock_between
from deadlines.supervision import (
    Completed,
    DocumentReceived,
    MeetingHeld,
    Pause,
    Paused,
    Resumed,
    Status,
    Supervisor,
    paused_due,
)

#: The calendar-hours clock that rolls a rest-day end (the default before 0.2).
ROLLING = Supervisor(Engine(conventions=Conventions(hour_clock=HourClock.CALENDAR_ROLL)))


@functools.cache
def _paused_clock(hours: int) -> Engine:
    """An engine with one rule, `hours` hours on the clock that stops on rest days."""
    rule = Rule(
        id="test.hours",
        title_zh="小时",
        title_en="hours",
        citation=Citation(article=1, text="测试"),
        limit=Hours(hours, clock=HourClock.PAUSED_ON_REST_DAYS),
    )
    return Engine(ROLLING.engine.calendar, RuleSet(rules=(rule,)), discover_plugins=False)


def at(text: str) -> dt.datetime:
    """An aware China-time instant from ``YYYY-MM-DD HH:MM``."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA_TZ)


@pytest.fixture(scope="module")
def supervisor() -> Supervisor:
    """A supervisor over the default engine."""
    return Supervisor(Engine())


# Wednesday 30 September 2026: documents due in 5 working days, 13 October 17:30, over the
# National Day week and the adjusted working Saturday 10 October.
NATIONAL_DAY = MeetingHeld(
    id="m1", kind="executive", ended_at=at("2026-09-30 17:00"), documents=["通知"]
)
DOCUMENT = "m1/document/1"


def pause(start: str, end: str | None = None, reason: str = "补正") -> list:
    """A pause and, with `end`, its resume, of the meeting's document."""
    events: list = [Paused(obligation=DOCUMENT, at=at(start), reason=reason)]
    if end is not None:
        events.append(Resumed(obligation=DOCUMENT, at=at(end)))
    return events


class TestWorkingDays:
    """Each working day the clock stood still is added; rest days cost nothing."""

    @pytest.mark.parametrize(
        ("start", "end", "due"),
        [
            ("2026-09-30 18:00", "2026-10-08 09:00", "2026-10-14 17:30"),  # the holiday: 1 day
            ("2026-10-09 10:00", "2026-10-13 15:00", "2026-10-16 17:30"),  # Sat 10, 12, 13
            ("2026-10-08 09:00", "2026-10-08 16:00", "2026-10-13 17:30"),  # the same day: none
            ("2026-10-09 17:00", "2026-10-11 12:00", "2026-10-14 17:30"),  # into Sunday: Sat 10
        ],
        ids=["over-national-day", "three-working-days", "same-day", "weekend-with-a-workday"],
    )
    def test_pause_across_holidays(self, supervisor, start, end, due):
        """A pause adds the working days in (pause day, resume day]."""
        tracked = supervisor.ledger([NATIONAL_DAY, *pause(start, end)])[DOCUMENT]
        assert tracked.obligation.due == at("2026-10-13 17:30")
        assert tracked.due == at(due)

    def test_two_pauses_add_up(self, supervisor):
        """Two pauses add their working days."""
        events = [
            NATIONAL_DAY,
            *pause("2026-10-08 09:00", "2026-10-09 09:00"),
            *pause("2026-10-12 09:00", "2026-10-13 09:00"),
        ]
        assert supervisor.ledger(events)[DOCUMENT].due == at("2026-10-15 17:30")

    def test_trace_shows_the_paused_days(self, supervisor):
        """The trace lists the pause, the working days not counted, and the moved due."""
        tracked = supervisor.ledger([NATIONAL_DAY, *pause("2026-09-30 18:00", "2026-10-08 09:00")])[
            DOCUMENT
        ]
        pauses = [step for step in tracked.trace if step.action == "pause"]
        assert [step.en for step in pauses] == [
            (
                "clock paused 2026-09-30 18:00 to 2026-10-08 09:00 (补正): 1 working day not "
                "counted: 2026-10-08 (Thu)"
            ),
            "with the pauses, due moves from 2026-10-13 17:30 to 2026-10-14 17:30",
        ]
        assert "暂停计时" in pauses[0].zh
        assert "clock paused" in tracked.explain()

    def test_open_pause_freezes_time_left(self, supervisor):
        """While paused, the working days left stay what they were when the clock stopped."""
        ledger = supervisor.ledger([NATIONAL_DAY, *pause("2026-10-09 10:00")])
        before = {r.id: r for r in ledger.status(at("2026-10-09 10:00"))}[DOCUMENT]
        during = {r.id: r for r in ledger.status(at("2026-10-20 10:00"))}[DOCUMENT]
        assert before.working_days_left == 3  # Sat 10, Mon 12, Tue 13
        assert (during.working_days_left, during.paused) == (3, True)
        assert during.status is Status.OPEN
        assert "paused" in during.describe_left()
        # Before the pause began, nothing had moved.
        early = {r.id: r for r in ledger.status(at("2026-10-08 10:00"))}[DOCUMENT]
        assert (early.due, early.paused) == (at("2026-10-13 17:30"), False)

    def test_pause_after_the_moment_is_ignored(self, supervisor):
        """A pause that begins after the moment has not happened yet."""
        ledger = supervisor.ledger([NATIONAL_DAY, *pause("2026-10-12 10:00", "2026-10-14 10:00")])
        row = {r.id: r for r in ledger.status(at("2026-10-12 09:00"))}[DOCUMENT]
        assert row.due == at("2026-10-13 17:30")
        resumed = {r.id: r for r in ledger.status(at("2026-10-15 09:00"))}[DOCUMENT]
        assert resumed.due == at("2026-10-15 17:30")

    def test_completion_ends_an_open_pause(self, supervisor):
        """Done while paused: the pause ends there, and it is met."""
        events = [
            NATIONAL_DAY,
            *pause("2026-10-12 10:00"),
            Completed(obligation=DOCUMENT, at=at("2026-10-16 10:00")),
        ]
        tracked = supervisor.ledger(events)[DOCUMENT]
        assert tracked.pauses[0].end == at("2026-10-16 10:00")
        row = {r.id: r for r in supervisor.ledger(events).status(at("2026-10-20 09:00"))}
        assert row[DOCUMENT].status is Status.MET

    def test_done_after_the_first_due_but_within_the_paused_one(self, supervisor):
        """Done after the original due instant but before the moved one: met."""
        events = [
            NATIONAL_DAY,
            *pause("2026-10-09 10:00", "2026-10-13 15:00"),
            Completed(obligation=DOCUMENT, at=at("2026-10-15 10:00")),
        ]
        row = {r.id: r for r in supervisor.ledger(events).status(at("2026-10-20 09:00"))}
        assert row[DOCUMENT].status is Status.MET


# Monday 9 June 2025, 10:00: an ordinary document due in 48 hours, Wednesday 10:00.
ORDINARY = DocumentReceived(id="d1", urgency="ordinary", received_at=at("2025-06-09 10:00"))


def hold(start: str, end: str) -> list:
    """A pause and resume of the document's routing."""
    return [
        Paused(obligation="d1/routing", at=at(start)),
        Resumed(obligation="d1/routing", at=at(end)),
    ]


class TestHours:
    """Hour limits add the paused time as their clock runs, and roll again off rest days."""

    @pytest.mark.parametrize(
        ("start", "end", "due"),
        [
            ("2025-06-09 12:00", "2025-06-10 12:00", "2025-06-12 10:00"),
            ("2025-06-10 10:00", "2025-06-12 10:00", "2025-06-13 10:00"),
            ("2025-06-10 10:00", "2025-06-13 10:00", "2025-06-16 17:30"),  # Saturday: rolls
        ],
        ids=["a-day", "two-days", "ends-on-saturday"],
    )
    def test_calendar_hours(self, start, end, due):
        """The calendar clock adds calendar time, then rolls a rest-day end (art. 203)."""
        tracked = ROLLING.ledger([ORDINARY, *hold(start, end)])["d1/routing"]
        assert tracked.due == at(due)
        assert "hours not counted" in tracked.pause_steps[0].en

    @pytest.mark.parametrize(
        ("start", "end", "due"),
        [
            ("2025-06-09 12:00", "2025-06-10 12:00", "2025-06-12 10:00"),
            ("2025-06-10 10:00", "2025-06-13 10:00", "2025-06-16 10:00"),  # the weekend skipped
        ],
        ids=["a-day", "over-a-weekend"],
    )
    def test_default_clock(self, supervisor, start, end, due):
        """The default clock adds back the working-day time of the pause; rest days never run."""
        tracked = supervisor.ledger([ORDINARY, *hold(start, end)])["d1/routing"]
        assert tracked.obligation.due == at("2025-06-11 10:00")
        assert tracked.due == at(due)

    def test_a_pause_never_shortens_a_limit(self):
        """An end rolled off a weekend stays, though the pause moves the unrolled end to Monday."""
        friday = DocumentReceived(id="d1", urgency="ordinary", received_at=at("2025-07-18 08:09"))
        events = [friday, *hold("2025-07-19 10:28", "2025-07-20 02:28")]
        tracked = ROLLING.ledger(events)["d1/routing"]
        assert tracked.obligation.due == at("2025-07-21 17:30")  # Sunday 08:09 rolled
        assert tracked.due == at("2025-07-21 17:30")  # not Monday 00:09

    def test_office_hours_clock(self):
        """Under the office-hours clock, the office time of the pause is added."""
        engine = Engine(conventions=Conventions(hour_clock=HourClock.OFFICE_HOURS))
        tracked = Supervisor(engine).ledger(
            [ORDINARY, *hold("2025-06-09 11:00", "2025-06-10 11:00")]
        )["d1/routing"]
        cal = engine.calendar
        paused = cal.office_time_between(at("2025-06-09 11:00"), at("2025-06-10 11:00"))
        assert paused == dt.timedelta(hours=7)
        assert tracked.due == cal.add_office_time(tracked.obligation.due, paused)

    def test_clock_paused_on_rest_days(self):
        """Under the clock that stops on rest days, only working-day time of the pause counts."""
        engine = Engine(conventions=Conventions(hour_clock=HourClock.PAUSED_ON_REST_DAYS))
        friday = DocumentReceived(id="d1", urgency="ordinary", received_at=at("2025-06-13 10:00"))
        tracked = Supervisor(engine).ledger(
            [friday, *hold("2025-06-13 12:00", "2025-06-16 12:00")]
        )["d1/routing"]
        # 12:00 Friday to 12:00 Monday is 24 working-day hours (the weekend does not run).
        assert tracked.obligation.due == at("2025-06-17 10:00")
        assert tracked.due == at("2025-06-18 10:00")

    @settings(max_examples=40, deadline=None)
    @given(
        start=st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2025, 11, 1)),
        hours=st.integers(min_value=0, max_value=24 * 20),
    )
    def test_working_clock_round_trip(self, start, hours):
        """Adding working-day time then measuring it gives it back."""
        cal = Engine().calendar
        begin = start.replace(tzinfo=CHINA_TZ)
        if not cal.is_workday(begin.date()):
            begin = dt.datetime.combine(cal.add_workdays(begin.date(), 0), dt.time(), CHINA_TZ)
        span = dt.timedelta(hours=hours)
        end = add_working_clock(cal, begin, span)
        assert working_clock_between(cal, begin, end) == span

    @settings(max_examples=60, deadline=None)
    @given(
        start=st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2025, 11, 1)),
        hours=st.integers(min_value=1, max_value=24 * 10),
        paused=st.integers(min_value=1, max_value=24 * 10 * 60),
    )
    @example(start=dt.datetime(2025, 1, 1), hours=48, paused=1)  # due Friday 24:00
    def test_paused_clock_is_working_clock_addition(self, start, hours, paused):
        """The paused hour limit ends where working-clock addition does, and so does a pause.

        N hours under the clock that stops on rest days are N hours of working-clock time after
        the trigger; the working-clock time of a pause (some minutes at least: an empty pause
        adds nothing, and moves nothing) added to that due is the due of a limit longer by
        that time. The case that needs the "at least": a due at 24:00 of a Friday.
        """
        engine = _paused_clock(hours)
        cal = engine.calendar
        trigger = start.replace(tzinfo=CHINA_TZ)
        limit = dt.timedelta(hours=hours)
        result = engine.due("test.hours", trigger, explain=False)
        assert result.due == add_working_clock(cal, trigger, limit)
        extra = dt.timedelta(minutes=paused)
        assert add_working_clock(cal, result.due, extra) == add_working_clock(
            cal, trigger, limit + extra
        )


class TestOtherUnits:
    """Calendar days move by calendar days; fixed instants cannot pause."""

    def test_calendar_days(self, supervisor):
        """A 15-day limit (calendar days) moves by the calendar days paused."""
        meeting = MeetingHeld(
            id="m2",
            kind="executive",
            ended_at=at("2025-06-03 17:00"),
            matters=[{"id": "a", "limit_days": 15}],
        )
        events = [
            meeting,
            Paused(obligation="m2/matter/a", at=at("2025-06-05 10:00")),
            Resumed(obligation="m2/matter/a", at=at("2025-06-08 10:00")),
        ]
        tracked = supervisor.ledger(events)["m2/matter/a"]
        assert tracked.obligation.unit == "calendar_days"
        assert tracked.obligation.due == at("2025-06-18 17:30")
        assert tracked.due == at("2025-06-23 17:30")  # 21 June is a Saturday: rolls to Monday
        assert "3 calendar days not counted" in tracked.pause_steps[0].en

    @pytest.mark.parametrize(
        ("event", "obligation"),
        [
            (
                DocumentReceived(
                    id="d2",
                    urgency="urgent",
                    received_at=at("2025-06-09 10:00"),
                    stated_limit=at("2025-06-09 15:00"),
                ),
                "d2/routing",
            ),
            (
                MeetingHeld(
                    id="m3",
                    kind="executive",
                    ended_at=at("2025-06-03 17:00"),
                    matters=[{"id": "a", "deadline": "2025-06-30"}],
                ),
                "m3/matter/a",
            ),
        ],
        ids=["stated-limit", "fixed-deadline"],
    )
    def test_fixed_instants_cannot_pause(self, supervisor, event, obligation):
        """Pausing an obligation due at a fixed instant is a problem; nothing moves."""
        events = [event, Paused(obligation=obligation, at=event.when)]
        ledger = supervisor.ledger(events)
        assert ledger[obligation].pauses == ()
        assert "ends at a fixed instant" in ledger.problems[0].text()

    def test_paused_due_refuses_fixed_instants(self, supervisor):
        """paused_due says which obligations it can move."""
        instant = Supervisor(Engine(conventions=Conventions(arrival_grace=ArrivalGrace.INSTANT)))
        obligation = instant.ledger(
            [DocumentReceived(id="d2", urgency="urgent", received_at=at("2025-06-09 10:00"))]
        )["d2/routing"].obligation
        pauses = [Pause(start=at("2025-06-09 10:00"), end=at("2025-06-09 11:00"))]
        with pytest.raises(ValueError, match="working days, calendar days or hours"):
            paused_due(instant.engine, obligation, pauses)


class TestPauseProblems:
    """Impossible pauses are reported with their lines and ignored."""

    @pytest.mark.parametrize(
        ("events", "message"),
        [
            (pause("2026-10-14 10:00", "2026-10-15 10:00"), "a clock that has run out"),
            ([Resumed(obligation=DOCUMENT, at=at("2026-10-09 10:00"))], "is not paused"),
            (
                [*pause("2026-10-08 10:00"), *pause("2026-10-09 10:00", "2026-10-12 10:00")],
                "is already paused since 2026-10-08T10:00",
            ),
            (
                [
                    Completed(obligation=DOCUMENT, at=at("2026-10-08 10:00")),
                    *pause("2026-10-09 10:00"),
                ],
                "was done before",
            ),
            (pause("2026-09-29 10:00", "2026-10-08 10:00"), "nothing can happen to it"),
        ],
        ids=[
            "after-due",
            "resume-without-pause",
            "double-pause",
            "after-completion",
            "before-trigger",
        ],
    )
    def test_problem(self, supervisor, events, message):
        """Each impossible pause is a problem naming the obligation."""
        ledger = supervisor.ledger([NATIONAL_DAY, *events])
        assert any(message in p.text() for p in ledger.problems), ledger.problems
