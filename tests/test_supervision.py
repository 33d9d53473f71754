"""Supervision: events, the obligations they create, status at a moment, thresholds, reports."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deadlines import Engine
from deadlines._time import CHINA_TZ
from deadlines.supervision import (
    Completed,
    DocumentReceived,
    DocumentSubmitted,
    EventError,
    EventLog,
    FractionOfLimit,
    InstructionReceived,
    MeetingHeld,
    Status,
    Supervisor,
    Thresholds,
    WorkingDaysBefore,
    derive,
    parse_event,
    read_events,
)


def at(text: str) -> dt.datetime:
    """An aware China-time instant from ``YYYY-MM-DD HH:MM``."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA_TZ)


@pytest.fixture(scope="module")
def engine() -> Engine:
    """One engine for the module (the default calendar, rules and conventions)."""
    return Engine()


@pytest.fixture(scope="module")
def supervisor(engine: Engine) -> Supervisor:
    """A supervisor with the default thresholds."""
    return Supervisor(engine)


# Tuesday 3 June 2025, after the Dragon Boat holiday: minutes due Friday 6 June 17:30, the
# warning window from Thursday 5 June 17:30.
MEETING = MeetingHeld(id="m1", kind="executive", ended_at=at("2025-06-03 17:00"))


class TestEvents:
    """Events are typed values read from JSON Lines."""

    def test_naive_text_is_china_time(self):
        """An instant without an offset is Asia/Shanghai."""
        event = parse_event(
            {
                "type": "meeting_held",
                "id": "m1",
                "kind": "executive",
                "ended_at": "2025-06-03T17:00",
            }
        )
        assert event == MEETING
        assert event.ended_at.utcoffset() == dt.timedelta(hours=8)

    def test_offset_is_converted(self):
        """An instant with another offset is converted to China time."""
        event = parse_event(
            {"type": "instruction_received", "id": "i1", "received_at": "2025-06-03T01:00Z"}
        )
        assert event.received_at == at("2025-06-03 09:00")

    def test_documents_short_form(self):
        """A bare title stands for a decided document."""
        event = parse_event(
            {
                "type": "meeting_held",
                "id": "m1",
                "kind": "executive",
                "ended_at": "2025-06-03T17:00",
                "documents": ["通知", {"id": "b", "title": "方案"}],
            }
        )
        assert [(d.id, d.title) for d in event.documents] == [("", "通知"), ("b", "方案")]

    def test_events_are_frozen_and_hashable(self):
        """Equal events compare and hash equal; fields cannot change."""
        copy = MeetingHeld(id="m1", kind="executive", ended_at=at("2025-06-03 17:00"))
        assert copy == MEETING
        assert hash(copy) == hash(MEETING)
        with pytest.raises(ValueError, match="frozen"):
            copy.id = "m2"  # type: ignore[misc]

    def test_repr_shows_the_kind(self):
        """The repr of an event shows its kind (a rule's repr hides its tag)."""
        assert "kind='executive'" in repr(MEETING)

    @pytest.mark.parametrize(
        ("record", "field", "message"),
        [
            ({"type": "x"}, "type", "must be one of meeting_held,"),
            ({}, "type", "type is required"),
            (
                {"type": "meeting_held", "id": "m1", "kind": "executive"},
                "ended_at",
                'required; e.g. "2026-09-30T17:00"',
            ),
            (
                {"type": "meeting_held", "id": "m1", "kind": "weekly", "ended_at": "2025-06-03T17"},
                "kind",
                (
                    'must be "party_group", "executive", "special_topic" or "county_wide_work"; '
                    'got "weekly"'
                ),
            ),
            (
                {
                    "type": "document_received",
                    "id": "d1",
                    "urgency": "ordinary",
                    "received_at": "2025-06-03",
                },
                "received_at",
                "must be an ISO 8601 date and time",
            ),
            (
                {
                    "type": "document_received",
                    "id": "d/1",
                    "urgency": "ordinary",
                    "received_at": "2025-06-03T09:00",
                },
                "id",
                "must have no slash and no space",
            ),
            (
                {
                    "type": "document_received",
                    "id": "d1",
                    "urgency": "ordinary",
                    "received_at": "2025-06-03T09:00",
                    "stated_limit": "2025-06-03T12:00",
                },
                "stated_limit",
                "is for urgent documents only",
            ),
            (
                {
                    "type": "meeting_held",
                    "id": "m1",
                    "kind": "executive",
                    "ended_at": "2025-06-03T17:00",
                    "matters": [{"title": "x", "limit_days": 3, "deadline": "2025-06-09"}],
                },
                "matters[0]",
                "at most one of limit_days, limit_working_days and deadline",
            ),
            (
                {
                    "type": "meeting_held",
                    "id": "m1",
                    "kind": "executive",
                    "ended_at": "2025-06-03T17:00",
                    "minutes": True,
                },
                "minutes",
                "unknown field; the fields here are type, id, kind,",
            ),
            (
                {"type": "field_day", "leader": "王", "date": "2025-06-03T09:00"},
                "date",
                "must be an ISO 8601 date such as",
            ),
            (
                {"type": "quarter_reported", "quarter": "2025Q5", "at": "2025-06-03T09:00"},
                "quarter",
                "must be a year and quarter such as 2026Q3",
            ),
            (
                {
                    "type": "meeting_held",
                    "id": "m1",
                    "kind": "special_topic",
                    "ended_at": "2025-06-03T17:00",
                    "involves_personnel_money_assets": "maybe",
                },
                "involves_personnel_money_assets",
                'must be true or false; got "maybe"',
            ),
        ],
        ids=[
            "unknown-type",
            "no-type",
            "missing-field",
            "bad-kind",
            "date-for-instant",
            "slash-in-id",
            "stated-limit-ordinary",
            "matter-with-two-limits",
            "unknown-field",
            "instant-for-date",
            "bad-quarter",
            "bad-boolean",
        ],
    )
    def test_bad_events_name_the_field(self, record, field, message):
        """An invalid event is an EventError naming the field and a valid example."""
        with pytest.raises(EventError) as raised:
            parse_event(record, 7)
        assert raised.value.problem.line == 7
        assert raised.value.problem.field == field
        assert message in raised.value.problem.text()
        assert isinstance(raised.value, ValueError)

    @pytest.mark.parametrize("kind", ["executive", "party_group"], ids=["executive", "party"])
    def test_other_meetings_need_no_answer(self, kind):
        """Only special-topic minutes depend on personnel, money or assets."""
        record = {"type": "meeting_held", "id": "m1", "kind": kind, "ended_at": "2025-06-03T17"}
        assert isinstance(parse_event(record), MeetingHeld)

    def test_special_topic_unsaid_in_a_file(self):
        """A special-topic meeting that does not say is read; the report notes it."""
        log = read_events(
            [
                json.dumps({"type": "leader", "leader": "王"}),
                json.dumps(
                    {
                        "type": "meeting_held",
                        "id": "m1",
                        "kind": "special_topic",
                        "ended_at": "2025-06-03T17",
                    }
                ),
            ]
        )
        assert len(log.events) == 2
        assert log.problems == ()

    def test_read_events_reports_lines(self):
        """Bad lines become problems with their line numbers; blank lines still count."""
        log = read_events(
            [
                "\ufeff" + json.dumps({"type": "leader", "leader": "王"}),
                "",
                "{not json",
                "[1, 2]",
                json.dumps({"type": "leader", "leader": "李"}),
            ]
        )
        assert log.lines == (1, 5)
        assert [(p.line, p.field) for p in log.problems] == [(3, None), (4, None)]
        assert "not valid JSON" in log.problems[0].text()
        assert "must be a JSON object" in log.problems[1].text()


class TestDerive:
    """Each event creates the obligations of its rules, through Engine.due."""

    def test_meeting(self, engine):
        """A meeting creates its minutes, its documents and its matters."""
        meeting = MeetingHeld(
            id="m1",
            kind="executive",
            ended_at=at("2026-09-30 17:00"),
            documents=["通知", {"id": "plan", "title": "方案"}],
            matters=[
                {"id": "roads", "title": "县道", "owner": "县交通运输局", "limit_days": 10},
                {"title": "资金", "deadline": "2026-10-31"},
            ],
        )
        made = {o.id: o for o in derive(engine, meeting)}
        assert list(made) == [
            "m1/minutes",
            "m1/document/1",
            "m1/document/plan",
            "m1/matter/roads",
            "m1/matter/2",
        ]
        assert made["m1/minutes"].due == at("2026-10-10 17:30")  # the adjusted Saturday
        assert made["m1/document/plan"].due == at("2026-10-13 17:30")
        assert made["m1/matter/roads"].unit == "calendar_days"  # "10日内"
        assert made["m1/matter/roads"].due == at("2026-10-10 17:30")
        assert made["m1/matter/roads"].responsible == "县交通运输局"
        assert made["m1/matter/2"].unit == "deadline"
        assert made["m1/matter/2"].due == at("2026-11-02 17:30")  # 31 October is a Saturday
        assert made["m1/minutes"].citation.article == 8
        assert made["m1/minutes"].trace[0].action == "trigger"

    def test_special_topic_with_personnel(self, engine):
        """Special-topic minutes on personnel, money or assets carry the county head's part."""
        meeting = MeetingHeld(
            id="m2",
            kind="special_topic",
            ended_at=at("2025-06-03 17:00"),
            involves_personnel_money_assets=True,
        )
        (minutes,) = derive(engine, meeting)
        assert minutes.rule_id == "minutes.special_topic"
        assert [part.label for part in minutes.parts] == ["县长审定", "签发"]
        assert dict(minutes.params) == {"involves_personnel_money_assets": True}

    @pytest.mark.parametrize(
        ("event", "rule", "due"),
        [
            (
                DocumentReceived(id="d1", urgency="ordinary", received_at=at("2025-06-05 10:00")),
                "routing.ordinary",
                at("2025-06-09 10:00"),  # the weekend does not count
            ),
            (
                DocumentReceived(
                    id="d1",
                    urgency="urgent",
                    received_at=at("2025-06-05 10:00"),
                    stated_limit=at("2025-06-05 15:00"),
                ),
                "routing.urgent",
                at("2025-06-05 15:00"),
            ),
            (
                DocumentReceived(id="d1", urgency="urgent", received_at=at("2025-06-05 10:00")),
                "routing.urgent",
                at("2025-06-05 17:30"),  # the same working day
            ),
            (
                DocumentSubmitted(id="d1", submitted_at=at("2025-06-06 18:00")),
                "signing.same_day",
                at("2025-06-09 12:00"),  # after Friday's morning: Monday noon
            ),
            (
                InstructionReceived(id="d1", received_at=at("2025-06-06 09:00")),
                "instructions.plan",
                at("2025-06-11 17:30"),
            ),
        ],
        ids=["ordinary-48h-rolls", "urgent-stated", "urgent-on-arrival", "signing", "instruction"],
    )
    def test_one_obligation_events(self, engine, event, rule, due):
        """Documents and instructions create one obligation each."""
        (made,) = derive(engine, event)
        assert made.rule_id == rule
        assert made.due == due

    def test_checks_and_records_create_nothing(self, engine):
        """A completion creates no obligation."""
        assert derive(engine, Completed(obligation="m1/minutes", at=at("2025-06-04 10:00"))) == ()


def statuses(supervisor, events, moment, **kwargs):
    """{obligation id: status row} at `moment`."""
    return {row.id: row for row in supervisor.ledger(events).status(moment, **kwargs)}


class TestStatusTransitions:
    """open → warning → overdue → escalated; met or late once done."""

    @pytest.mark.parametrize(
        ("moment", "status", "days", "escalated"),
        [
            ("2025-06-04 09:00", Status.OPEN, 2, False),
            ("2025-06-05 17:29", Status.OPEN, 1, False),
            ("2025-06-05 17:30", Status.WARNING, 1, False),
            ("2025-06-06 17:30", Status.WARNING, 0, False),
            ("2025-06-06 17:31", Status.OVERDUE, 0, False),
            ("2025-06-09 08:00", Status.OVERDUE, -1, False),
            ("2025-06-12 18:00", Status.OVERDUE, -4, False),
            ("2025-06-13 08:00", Status.OVERDUE, -5, True),
        ],
        ids=[
            "open",
            "just-before-warning",
            "warning-opens",
            "due-instant-not-overdue",
            "overdue",
            "one-working-day-over",
            "four-days-over",
            "escalated-fifth-day",
        ],
    )
    def test_not_done(self, supervisor, moment, status, days, escalated):
        """An obligation not done moves through open, warning, overdue, escalated."""
        row = statuses(supervisor, [MEETING], at(moment))["m1/minutes"]
        assert row.status is status
        assert row.working_days_left == days
        assert row.escalated is escalated
        assert row.hours_left == pytest.approx((row.due - at(moment)).total_seconds() / 3600)

    @pytest.mark.parametrize(
        ("done", "moment", "status", "days"),
        [
            ("2025-06-04 10:00", "2025-06-30 09:00", Status.MET, 2),
            ("2025-06-06 17:30", "2025-06-30 09:00", Status.MET, 0),
            ("2025-06-06 17:31", "2025-06-30 09:00", Status.LATE, 0),
            ("2025-06-10 09:00", "2025-06-30 09:00", Status.LATE, -2),
            ("2025-06-10 09:00", "2025-06-09 09:00", Status.OVERDUE, -1),
        ],
        ids=["early", "at-the-due-instant", "a-minute-late", "two-days-late", "not-yet-done"],
    )
    def test_done(self, supervisor, done, moment, status, days):
        """Done by the due instant is met, after it late; a later completion does not count."""
        events = [MEETING, Completed(obligation="m1/minutes", at=at(done))]
        row = statuses(supervisor, events, at(moment))["m1/minutes"]
        assert row.status is status
        assert row.working_days_left == days
        assert (row.completed_at is not None) is (status in (Status.MET, Status.LATE))

    def test_not_yet_triggered(self, supervisor):
        """An obligation whose trigger is after the moment does not exist yet."""
        assert statuses(supervisor, [MEETING], at("2025-06-03 16:59")) == {}

    def test_midnight_cutoff(self):
        """With a 24:00 cutoff, the due instant is midnight and the last day the day before."""
        from deadlines.rules import Conventions, Cutoff

        supervisor = Supervisor(Engine(conventions=Conventions(cutoff=Cutoff.MIDNIGHT)))
        row = statuses(supervisor, [MEETING], at("2025-06-07 00:00"))["m1/minutes"]
        assert row.due == at("2025-06-07 00:00")
        assert row.due_date == dt.date(2025, 6, 6)
        assert (row.status, row.working_days_left) == (Status.WARNING, 0)


class TestThresholds:
    """Warning windows in working days or as a fraction of the limit; escalation per rule."""

    @pytest.mark.parametrize(
        ("thresholds", "warning_from"),
        [
            (Thresholds(), "2025-06-05 17:30"),
            (Thresholds(warning=WorkingDaysBefore(2)), "2025-06-04 17:30"),
            (Thresholds(warning=WorkingDaysBefore(0)), "2025-06-06 17:30"),
            (Thresholds(warning=FractionOfLimit(0.8)), "2025-06-05 17:30"),  # 0.6 day → 1
            (Thresholds(warning=FractionOfLimit(0.5)), "2025-06-04 17:30"),  # 1.5 days → 2
            (Thresholds(warning=FractionOfLimit(1)), "2025-06-06 17:30"),
            (Thresholds(warning=WorkingDaysBefore(10)), "2025-06-03 17:00"),  # the trigger
        ],
        ids=[
            "default",
            "two-days",
            "zero",
            "fraction-0.8",
            "fraction-0.5",
            "fraction-1",
            "clamped",
        ],
    )
    def test_working_day_limits(self, engine, thresholds, warning_from):
        """The warning window of a 3-working-day limit."""
        supervisor = Supervisor(engine, thresholds=thresholds)
        row = statuses(supervisor, [MEETING], at("2025-06-04 09:00"))["m1/minutes"]
        assert row.warning_from == at(warning_from)

    def test_fraction_of_an_hour_limit(self, engine):
        """For hours, the fraction is of clock time: 0.75 of 48 hours is 36 hours in."""
        supervisor = Supervisor(engine, thresholds=Thresholds(warning=FractionOfLimit(0.75)))
        document = DocumentReceived(id="d1", urgency="ordinary", received_at=at("2025-06-09 10:00"))
        row = statuses(supervisor, [document], at("2025-06-10 09:00"))["d1/routing"]
        assert row.warning_from == at("2025-06-10 22:00")

    def test_same_day_limit_warns_at_once(self, supervisor):
        """A same-day limit is within a working day of its due from the start: yellow."""
        signing = DocumentSubmitted(id="s1", submitted_at=at("2025-06-09 09:00"))
        row = statuses(supervisor, [signing], at("2025-06-09 09:00"))["s1/signing"]
        assert row.status is Status.WARNING

    def test_per_rule_and_family(self, engine):
        """A rule's own thresholds win over its family's, which win over the default."""
        thresholds = (
            Thresholds()
            .with_rule("minutes", warning=WorkingDaysBefore(2), escalate_after=2)
            .with_rule("minutes.party_group", warning=WorkingDaysBefore(0))
        )
        assert thresholds.for_rule("minutes.executive").warning == WorkingDaysBefore(2)
        assert thresholds.for_rule("minutes.party_group").warning == WorkingDaysBefore(0)
        assert thresholds.for_rule("routing.ordinary").warning == WorkingDaysBefore(1)
        supervisor = Supervisor(engine, thresholds=thresholds)
        row = statuses(supervisor, [MEETING], at("2025-06-10 09:00"))["m1/minutes"]
        assert (row.working_days_left, row.escalated) == (-2, True)

    def test_thresholds_at_query_time(self, supervisor):
        """Other thresholds can be asked for at query time; the ledger caches each."""
        ledger = supervisor.ledger([MEETING])
        moment = at("2025-06-04 18:00")
        assert ledger.status(moment)[0].status is Status.OPEN
        strict = Thresholds(warning=WorkingDaysBefore(2))
        assert ledger.status(moment, thresholds=strict)[0].status is Status.WARNING

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"warning": FractionOfLimit}, "warning"),
            ({"escalate_after": 0}, "escalate_after"),
        ],
        ids=["not-a-value", "zero-escalation"],
    )
    def test_invalid_thresholds(self, kwargs, message):
        """Invalid thresholds are refused, naming the field."""
        with pytest.raises(ValueError, match=message):
            Thresholds(**kwargs)

    @pytest.mark.parametrize("fraction", [0, 1.5, -0.2], ids=["zero", "above-one", "negative"])
    def test_invalid_fraction(self, fraction):
        """A fraction is more than 0 and at most 1."""
        with pytest.raises(ValueError, match="fraction"):
            FractionOfLimit(fraction)

    def test_supervisor_refuses_other_thresholds(self, engine):
        """Thresholds must be a Thresholds value."""
        with pytest.raises(TypeError, match="thresholds must be a Thresholds value"):
            Supervisor(engine, thresholds={"warning": 1})  # type: ignore[arg-type]


class TestLedger:
    """The ledger records completions in any order and reports problems with their lines."""

    def test_completion_before_its_event(self, supervisor):
        """A completion may come before the event that creates its obligation."""
        events = [Completed(obligation="m1/minutes", at=at("2025-06-04 10:00")), MEETING]
        assert statuses(supervisor, events, at("2025-06-30 09:00"))["m1/minutes"].status is (
            Status.MET
        )

    def test_problems(self, supervisor):
        """Duplicates, unknown ids and impossible times are problems, in line order."""
        log = read_events(
            json.dumps(event)
            for event in [
                {
                    "type": "meeting_held",
                    "id": "m1",
                    "kind": "executive",
                    "ended_at": "2025-06-03T17:00",
                },
                {
                    "type": "meeting_held",
                    "id": "m1",
                    "kind": "party_group",
                    "ended_at": "2025-06-04T17:00",
                },
                {"type": "completed", "obligation": "m1/minute", "at": "2025-06-04T10:00"},
                {"type": "completed", "obligation": "m1/minutes", "at": "2025-06-02T10:00"},
                {"type": "completed", "obligation": "m1/minutes", "at": "2025-06-04T10:00"},
                {"type": "completed", "obligation": "m1/minutes", "at": "2025-06-05T10:00"},
                {
                    "type": "meeting_held",
                    "id": "m0",
                    "kind": "executive",
                    "ended_at": "2019-06-03T17:00",
                },
                {
                    "type": "meeting_held",
                    "id": "m2",
                    "kind": "executive",
                    "ended_at": "2025-06-03T17:00",
                    "matters": [{"deadline": "2025-05-01"}],
                },
                {
                    "type": "meeting_held",
                    "id": "m3",
                    "kind": "executive",
                    "ended_at": "2025-06-03T17:00",
                    "documents": [{"id": "a"}, {"id": "a"}],
                },
            ]
        )
        ledger = supervisor.ledger(log)
        found = [(p.line, p.field) for p in ledger.problems]
        assert found == [
            (2, "id"),
            (3, "obligation"),
            (4, "at"),
            (6, "obligation"),
            (7, "ended_at"),
            (8, "matters[0].deadline"),
            (9, "id"),
        ]
        assert "did you mean m1/minutes?" in ledger.problems[1].text()
        assert "the first one counts" in ledger.problems[3].text()
        assert "not in effect" in ledger.problems[4].text()
        assert ledger["m1/minutes"].completed_at == at("2025-06-04 10:00")
        assert "m3/document/a" in ledger

    def test_strict(self, supervisor):
        """With strict, the first problem raises."""
        with pytest.raises(EventError, match="no obligation 'x'"):
            supervisor.ledger([Completed(obligation="x", at=at("2025-06-04 10:00"))], strict=True)

    def test_strict_with_read_problems(self, supervisor):
        """With strict, a line that could not be read raises too."""
        with pytest.raises(EventError, match="line 1"):
            supervisor.ledger(read_events(["nonsense"]), strict=True)

    def test_event_log_of_code_events(self):
        """Events given in code have no line numbers."""
        log = EventLog.of([MEETING])
        assert (len(log), log.lines) == (1, (None,))

    def test_explain_includes_the_rule_trace(self, supervisor):
        """A tracked obligation explains its due instant in both languages."""
        tracked = supervisor.ledger([MEETING])["m1/minutes"]
        assert "m1/minutes: minutes.executive" in tracked.explain()
        assert "working day 3: 2025-06-06 (Fri)" in tracked.explain()
        assert "依据" in tracked.explain("zh")

    @pytest.mark.parametrize(
        ("lang", "colon", "due"),
        [
            ("en", ": ", "due: 2025-06-06T17:30+08:00"),
            ("zh", "：", "到期时间：2025年6月6日（周五）17:30"),
        ],
        ids=["en", "zh"],
    )
    def test_explain_reads_as_the_result(self, supervisor, engine, lang, colon, due):
        """Unpaused, an obligation explains itself as its rule's result does, after its id;
        its due instant reads as the report's sentences do."""
        tracked = supervisor.ledger([MEETING])["m1/minutes"]
        result = engine.due("minutes.executive", MEETING.ended_at).explain(lang).split("\n")
        expected = [f"m1/minutes{colon}{result[0]}", due, *result[2:]]
        assert tracked.explain(lang).split("\n") == expected

    def test_without_explanations(self, engine):
        """explain=False keeps no trace, and the same due instants."""
        quick = Supervisor(engine, explain=False).ledger([MEETING])["m1/minutes"]
        assert quick.trace == ()
        assert quick.due == Supervisor(engine).ledger([MEETING])["m1/minutes"].due

    def test_provisional_is_data(self, supervisor):
        """A due instant on an unsettled day is flagged and listed, not a Python warning."""
        engine = supervisor.engine
        late = engine.calendar.provisional_from + dt.timedelta(days=3)
        meeting = MeetingHeld(
            id="m9", kind="executive", ended_at=dt.datetime.combine(late, dt.time(17), CHINA_TZ)
        )
        ledger = supervisor.ledger([meeting])
        assert ledger["m9/minutes"].obligation.provisional
        report = ledger.report(meeting.ended_at)
        assert [a.level for a in report.alerts] == ["provisional"]


@pytest.fixture(scope="module")
def report(supervisor):
    """Four obligations in four states at 10 June 2025 09:00."""
    events = [
        MEETING,  # overdue since 6 June
        DocumentReceived(id="d1", urgency="ordinary", received_at=at("2025-06-09 08:00")),
        InstructionReceived(id="i1", received_at=at("2025-06-09 10:00")),
        DocumentSubmitted(id="s1", submitted_at=at("2025-06-09 09:00")),
        Completed(obligation="s1/signing", at=at("2025-06-09 11:00")),
    ]
    return supervisor.ledger(events).report("2025-06-10T09:00")


class TestReport:
    """The report counts by rule and status and lists what to act on."""

    def test_counts(self, report):
        """Counts by status and by rule add up to the total."""
        assert report.total == 4
        assert {str(s): n for s, n in report.by_status.items()} == {
            "overdue": 1,
            "warning": 1,
            "open": 1,
            "late": 0,
            "met": 1,
        }
        assert sum(sum(c.values()) for c in report.by_rule.values()) == report.total
        assert list(report.by_rule) == sorted(report.by_rule)

    def test_rows_by_due(self, report):
        """Rows come in order of due instant."""
        dues = [row.due for row in report.rows]
        assert dues == sorted(dues)

    def test_alerts(self, report):
        """Red before yellow, each naming the obligation, in both languages."""
        assert [(a.level, a.subject) for a in report.alerts] == [
            ("overdue", "m1/minutes"),
            ("warning", "d1/routing"),
        ]
        assert report.alerts[0].en == (
            "m1/minutes (Minutes of the executive meeting signed): overdue since "
            "2025-06-06 17:30, 2 wd / 87.5 h"
        )
        assert "已逾期2个工作日" in report.alerts[0].zh

    def test_json(self, report):
        """The JSON report holds the summary, every obligation and the warnings."""
        data = json.loads(json.dumps(report.to_json(), ensure_ascii=False))
        assert data["at"] == "2025-06-10T09:00:00+08:00"
        assert data["summary"]["total"] == 4
        assert data["summary"]["by_status"]["overdue"] == 1
        row = next(r for r in data["obligations"] if r["id"] == "m1/minutes")
        assert row["status"] == "overdue"
        assert row["due"] == "2025-06-06T17:30:00+08:00"
        assert row["working_days_left"] == -2
        assert row["article"] == 8
        assert data["errors"] == []

    def test_describe_left(self, report):
        """Time left or over, in working days and hours, in both languages."""
        rows = {row.id: row for row in report.rows}
        assert rows["m1/minutes"].describe_left() == "2 wd / 87.5 h overdue"
        assert rows["m1/minutes"].describe_left("zh") == "逾期2个工作日"
        assert rows["s1/signing"].describe_left("zh") == "提前6.5小时办结"
        assert rows["s1/signing"].describe_left() == "0 wd / 6.5 h early"
        assert rows["i1/plan"].describe_left() == "2 wd / 56.5 h left"  # Wed and Thu


class TestStatusProperties:
    """Status only moves forward in time, and agrees with the instants it reports."""

    @settings(max_examples=60, deadline=None)
    @given(
        trigger=st.datetimes(min_value=dt.datetime(2021, 1, 1), max_value=dt.datetime(2025, 11, 1)),
        rule=st.sampled_from(["executive", "party_group", "special_topic"]),
        done_after=st.one_of(st.none(), st.integers(min_value=0, max_value=60 * 24 * 20)),
        offsets=st.lists(st.integers(min_value=0, max_value=60 * 24 * 30), min_size=2, max_size=6),
    )
    def test_forward_only(self, supervisor, trigger, rule, done_after, offsets):
        """open → warning → overdue, and met or late once done; never backwards."""
        start = trigger.replace(second=0, microsecond=0, tzinfo=CHINA_TZ)
        events: list = [
            MeetingHeld(id="m1", kind=rule, ended_at=start, involves_personnel_money_assets=False)
        ]
        if done_after is not None:
            events.append(
                Completed(obligation="m1/minutes", at=start + dt.timedelta(minutes=done_after))
            )
        ledger = supervisor.ledger(events)
        rank = {Status.OPEN: 0, Status.WARNING: 1, Status.OVERDUE: 2}
        previous = None
        for minutes in sorted(offsets):
            (row,) = ledger.status(start + dt.timedelta(minutes=minutes))
            if row.status in (Status.MET, Status.LATE):
                assert row.completed_at is not None
                assert (row.status is Status.MET) is (row.completed_at <= row.due)
            else:
                assert (row.status is Status.OVERDUE) is (row.at > row.due)
                assert (row.status is Status.WARNING) is (row.warning_from <= row.at <= row.due)
                if previous in rank:
                    assert rank[row.status] >= rank[previous]
            if previous in (Status.MET, Status.LATE):
                assert row.status is previous
            previous = row.status


class TestMeetingItems:
    """A meeting's documents and matters are read and counted one by one (issue 9, case 5)."""

    def test_a_bad_item_drops_only_itself(self):
        """matters[1] is refused with its path; matters[0] and matters[2] keep their numbers."""
        record = {
            "type": "meeting_held",
            "id": "m1",
            "kind": "executive",
            "ended_at": "2026-09-30T16:00",
            "matters": [{"limit_days": 10}, {"limit_days": 0}, {"limit_working_days": 5}],
        }
        log = read_events([json.dumps(record)])
        (meeting,) = log.events
        assert [(p.line, p.field) for p in log.problems] == [(1, "matters[1].limit_days")]
        assert [o.id for o in derive(Engine(), meeting)] == [
            "m1/minutes",
            "m1/matter/1",
            "m1/matter/3",
        ]

    def test_strict_parse_still_raises(self):
        """parse_event, the one-event API, raises on a bad item rather than drop it."""
        record = {
            "type": "meeting_held",
            "id": "m1",
            "kind": "executive",
            "ended_at": "2026-09-30T16:00",
            "documents": [{"title": "x", "id": "a b"}],
        }
        with pytest.raises(EventError) as raised:
            parse_event(record, 3)
        assert raised.value.problem.field == "documents[0].id"

    @pytest.mark.parametrize(
        ("matter", "unit", "due"),
        [
            ({"limit_days": 10}, "calendar_days", "2026-10-10 17:30"),
            ({"limit_days": 11}, "calendar_days", "2026-10-12 17:30"),
            ({"limit_working_days": 10}, "working_days", "2026-10-20 17:30"),
        ],
        ids=["10-days", "11-days", "10-working-days"],
    )
    def test_unit_is_the_minutes_words(self, matter, unit, due):
        """limit_days are calendar days, limit_working_days working days (issue 9, case 4)."""
        meeting = MeetingHeld(
            id="m1", kind="executive", ended_at=at("2026-09-30 16:00"), matters=[matter]
        )
        made = {o.id: o for o in derive(Engine(), meeting)}
        assert (made["m1/matter/1"].unit, made["m1/matter/1"].due) == (unit, at(due))

    def test_no_limit_no_obligation(self):
        """A matter without a limit is art. 12's exception: no obligation, no error."""
        meeting = MeetingHeld(
            id="m1", kind="executive", ended_at=at("2026-09-30 16:00"), matters=[{"title": "研究"}]
        )
        assert [o.id for o in derive(Engine(), meeting)] == ["m1/minutes"]

    def test_special_topic_flag_is_optional(self):
        """Without the flag the minutes are derived, due as with it."""
        meeting = MeetingHeld(id="m1", kind="special_topic", ended_at=at("2026-06-10 10:00"))
        (minutes,) = derive(Engine(), meeting)
        assert minutes.due == at("2026-06-15 17:30")
        assert minutes.params == ()
