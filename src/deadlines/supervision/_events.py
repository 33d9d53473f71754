"""Events: what happened in the county office, as typed values read from JSON Lines.

An event either creates obligations (a meeting held, a document received or submitted for
signature, a leader's instruction), feeds a check (a meeting scheduled, a field-research day, a
leader to follow), or records what became of an obligation (a quarter's dispatch or report, a
completion, a pause, a resume). Every event is a frozen value with a ``type`` tag; instants are
aware datetimes in China time (naive text means Asia/Shanghai).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, ClassVar, Literal, Union, get_args

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    PositiveInt,
    ValidationInfo,
    WrapValidator,
    field_validator,
    model_validator,
)

from deadlines._errors import DeadlinesError, InvalidValueError
from deadlines._problems import InvalidInput
from deadlines._time import INSTANT_EXPECTED, parse_date, parse_instant, to_china
from deadlines._value import Value

MeetingKind = Literal["party_group", "executive", "special_topic", "county_wide_work"]
"""The three kinds of county government meeting of art. 7 and 8, whose minutes art. 8 times,
and the county-wide work meeting (全县性工作会议), the main target of art. 6's no-meeting month,
which owes no minutes under art. 8."""

MINUTED_KINDS: frozenset[str] = frozenset({"party_group", "executive", "special_topic"})
"""The meeting kinds whose minutes art. 8 times (rules ``minutes.<kind>``)."""

Urgency = Literal["urgent", "ordinary"]
"""How a received document is routed (art. 11): on arrival, or within 48 hours."""

_ID_PATTERN = r"^[^/\s]+$"


def _instant(value: Any, handler: Any, info: ValidationInfo) -> dt.datetime:  # noqa: ANN401
    name = info.field_name or "at"
    try:
        if isinstance(value, str):
            return parse_instant(name, value)
        if not isinstance(value, dt.datetime):  # a number or a list in an events file
            raise InvalidValueError(name, value, INSTANT_EXPECTED)
        return to_china(name, value)
    except DeadlinesError as error:
        raise InvalidInput.refusing(error) from None


def _day(value: Any, handler: Any, info: ValidationInfo) -> dt.date:  # noqa: ANN401
    name = info.field_name or "date"
    if isinstance(value, str):
        try:
            return parse_date(name, value)
        except DeadlinesError as error:
            raise InvalidInput.refusing(error) from None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    expected = "an ISO 8601 date such as 2026-09-30"
    raise InvalidInput.refusing(InvalidValueError(name, value, expected))


def _deadline(value: Any, handler: Any, info: ValidationInfo) -> dt.date | dt.datetime | None:  # noqa: ANN401
    # A date ends at its cutoff (close of business by default); an instant is taken as given.
    if value is None:
        return None
    if isinstance(value, dt.datetime) or (isinstance(value, str) and len(value) > 10):
        return _instant(value, handler, info)
    return _day(value, handler, info)


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


Instant = Annotated[dt.datetime, WrapValidator(_instant), PlainSerializer(_iso, return_type=str)]
"""An aware datetime in China time; ISO 8601 text without an offset means Asia/Shanghai."""

Day = Annotated[dt.date, WrapValidator(_day), PlainSerializer(_iso, return_type=str)]
"""A calendar day, ISO 8601 text such as ``2026-06-12``."""

Id = Annotated[str, Field(min_length=1, max_length=200, pattern=_ID_PATTERN)]
"""An identifier without slashes or spaces: obligation ids are built as ``EVENT/WHAT``."""

_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")


def parse_quarter(text: str) -> tuple[int, int]:
    """``2026Q3`` (or ``2026-Q3``) as ``(2026, 3)``.

    Raises:
        ValueError: the text is not a quarter (a `deadlines._problems.InvalidInput`).

    >>> parse_quarter("2026-q4")
    (2026, 4)
    """
    match = _QUARTER.match(text.strip())
    if match is None:
        raise InvalidInput("check.event.quarter", value=repr(text))
    return int(match[1]), int(match[2])


def _quarter(value: Any) -> Any:  # noqa: ANN401
    if not isinstance(value, str):
        return value
    year, number = parse_quarter(value)  # its InvalidInput is the field's problem
    return f"{year}Q{number}"


QuarterLabel = Annotated[str, BeforeValidator(_quarter)]
"""A calendar quarter, ``2026Q3``."""


class Event(Value):
    """Base of every event: a frozen value with a ``type`` tag."""

    type: str

    def __repr__(self) -> str:
        # Value's repr hides a field named `kind` (a rule's tag); an event's kind is data.
        shown = [
            f"{name}={getattr(self, name)!r}"
            for name, info in type(self).model_fields.items()
            if name != "type" and (info.is_required() or getattr(self, name) != info.get_default())
        ]
        return f"{type(self).__name__}({', '.join(shown)})"

    __str__ = __repr__

    instant_field: ClassVar[str | None] = None
    """The field that holds the instant the event happened, if it has one."""

    @property
    def when(self) -> dt.datetime | None:
        """The instant the event happened, if it has one."""
        name = self.instant_field
        return None if name is None else getattr(self, name)


class DecidedDocument(Value):
    """A document a meeting decided to issue (印发, art. 8: within 5 working days).

    Attributes:
        title: what it is called.
        id: a short id, unique within the meeting; its 1-based position when empty.
    """

    title: str = ""
    id: Annotated[str, Field(pattern=r"^[^/\s]*$")] = ""


class DecidedMatter(Value):
    """A matter a meeting decided, with the time limit it set (art. 12: 限时办结).

    Give at most one limit, in the words of the minutes: `limit_days` ("X日内", calendar
    days), `limit_working_days` ("X个工作日内") or `deadline` (a date, which ends at its
    cutoff, or an instant). A matter with none is art. 12's exception
    ("会议未提出具体办理要求的事项"): it owes nothing, and the report lists it as such.

    Attributes:
        title: what is to be done.
        id: a short id, unique within the meeting; its 1-based position when empty.
        owner: the unit responsible (主责单位).
        deadline: the deadline the meeting set.
        limit_days: the limit the meeting set, in calendar days.
        limit_working_days: the limit the meeting set, in working days.
    """

    title: str = ""
    id: Annotated[str, Field(pattern=r"^[^/\s]*$")] = ""
    owner: str = ""
    deadline: Annotated[
        dt.date | dt.datetime | None, WrapValidator(_deadline), PlainSerializer(_iso)
    ] = None
    limit_days: PositiveInt | None = None
    limit_working_days: PositiveInt | None = None

    @model_validator(mode="after")
    def _one_limit(self) -> DecidedMatter:
        if len(self.limits()) > 1:
            raise InvalidInput("check.event.one_limit")
        return self

    def limits(self) -> dict[str, object]:
        """The limit the matter gives, as the parameter of ``decisions.time_limited``."""
        given = {
            "limit_days": self.limit_days,
            "limit_working_days": self.limit_working_days,
            "deadline": self.deadline,
        }
        return {name: value for name, value in given.items() if value is not None}


def _documents(value: Any) -> Any:  # noqa: ANN401
    # A bare title is the short form of {"title": ...}.
    if isinstance(value, (list, tuple)):
        return [{"title": item} if isinstance(item, str) else item for item in value]
    return value


class MeetingHeld(Event):
    """A county government meeting ended (art. 8, 12): minutes, documents and matters follow.

    Attributes:
        id: the meeting's id.
        kind: ``party_group`` (党组会议), ``executive`` (常务会议), ``special_topic`` (专题会议)
            or ``county_wide_work`` (全县性工作会议, which owes no minutes under art. 8).
        ended_at: when the meeting ended.
        involves_personnel_money_assets: whether it decided on personnel, money or assets
            (人、财、物), so that special-topic minutes need the county head's approval first.
            The due instant does not depend on it; a special-topic meeting that does not say
            gets a note on its minutes, never a rejected line.
        documents: the documents it decided to issue.
        matters: the matters it decided, each with its time limit (or none: art. 12's
            exception).
        title: what the meeting was about.
        emergency_exemption: held in a blackout month (March) as an emergency exemption.
        keynote_speakers: the leaders who gave a keynote speech (art. 6: 一般安排一名).
    """

    type: Literal["meeting_held"] = "meeting_held"
    id: Id
    kind: MeetingKind
    ended_at: Instant
    involves_personnel_money_assets: bool | None = None
    documents: Annotated[tuple[DecidedDocument, ...], BeforeValidator(_documents)] = ()
    matters: tuple[DecidedMatter, ...] = ()
    title: str = ""
    emergency_exemption: bool = False
    keynote_speakers: tuple[Annotated[str, Field(min_length=1)], ...] = ()

    instant_field: ClassVar[str | None] = "ended_at"


class DocumentReceived(Event):
    """A document reached the county government office (art. 11: routed on arrival or in 48 h).

    Attributes:
        id: the document's id (e.g. its registration number).
        urgency: ``urgent`` (急件) or ``ordinary`` (普通件).
        received_at: when it was signed for.
        stated_limit: the handling limit an urgent document states (党政机关公文处理工作条例
            art. 24); only for urgent documents.
        title: the document's title.
    """

    type: Literal["document_received"] = "document_received"
    id: Id
    urgency: Urgency
    received_at: Instant
    stated_limit: Instant | None = None
    title: str = ""

    @field_validator("stated_limit", mode="after")
    @classmethod
    def _stated_only_if_urgent(
        cls, value: dt.datetime | None, info: ValidationInfo
    ) -> dt.datetime | None:
        if value is not None and info.data.get("urgency") != "urgent":
            raise InvalidInput("check.event.urgent_only")
        return value

    instant_field: ClassVar[str | None] = "received_at"


class DocumentSubmitted(Event):
    """A document was submitted to a county leader for signature (送签; art. 11: 文不过夜).

    Attributes:
        id: the submission's id.
        submitted_at: when it reached the leader.
        leader: who signs.
        document: the id of the received document it concerns, if any.
        title: the document's title.
    """

    type: Literal["document_submitted"] = "document_submitted"
    id: Id
    submitted_at: Instant
    leader: str = ""
    document: str = ""
    title: str = ""

    instant_field: ClassVar[str | None] = "submitted_at"


class InstructionReceived(Event):
    """A county leader's written instruction (批示件) reached the unit responsible (art. 14).

    Attributes:
        id: the instruction's id.
        received_at: when the unit received it.
        leader: who wrote it.
        unit: the unit responsible (主责单位).
        title: what it concerns.
    """

    type: Literal["instruction_received"] = "instruction_received"
    id: Id
    received_at: Instant
    leader: str = ""
    unit: str = ""
    title: str = ""

    instant_field: ClassVar[str | None] = "received_at"


class MeetingScheduled(Event):
    """A meeting was put on the calendar (art. 6: none in the no-meeting month of March).

    Attributes:
        date: the day it is to be held.
        kind: the kind of meeting; ``other`` for any meeting of the government system.
        id: the meeting's id; a `MeetingHeld` with the same id is the same meeting.
        emergency_exemption: scheduled in a blackout month as an emergency exemption.
        reason: why the exemption was granted.
        scheduled_at: when it was scheduled; the check counts it from then (from the start,
            when unknown).
        title: what the meeting is about.
    """

    type: Literal["meeting_scheduled"] = "meeting_scheduled"
    date: Day
    kind: Literal["party_group", "executive", "special_topic", "county_wide_work", "other"] = (
        "other"
    )
    id: Annotated[str, Field(pattern=r"^[^/\s]*$")] = ""
    emergency_exemption: bool = False
    reason: str = ""
    scheduled_at: Instant | None = None
    title: str = ""


class FieldDay(Event):
    """A day of field research (调研) a county leader logged (art. 4: at least 60 a year).

    Attributes:
        leader: who did it.
        date: the day.
        place: where.
    """

    type: Literal["field_day"] = "field_day"
    leader: Annotated[str, Field(min_length=1)]
    date: Day
    place: str = ""


class Leader(Event):
    """A county leader whose field-research quota is followed, even before a day is logged.

    Attributes:
        leader: the leader's name.
    """

    type: Literal["leader"] = "leader"
    leader: Annotated[str, Field(min_length=1)]


class _QuarterEvent(Event):
    """What a quarter's dispatch and its report have in common.

    Attributes:
        quarter: the quarter, ``2026Q3``.
        at: when.
    """

    quarter: QuarterLabel
    at: Instant

    instant_field: ClassVar[str | None] = "at"


class QuarterDispatched(_QuarterEvent):
    """The quarter's dispatch (调度) of major decisions took place (art. 13)."""

    type: Literal["quarter_dispatched"] = "quarter_dispatched"


class QuarterReported(_QuarterEvent):
    """The quarter's report (通报) on major decisions was issued (art. 13)."""

    type: Literal["quarter_reported"] = "quarter_reported"


class Completed(Event):
    """An obligation was met: the minutes signed, the document issued, the plan made.

    Attributes:
        obligation: the obligation's id, e.g. ``m-041/minutes``.
        at: when.
        note: anything worth keeping.
    """

    type: Literal["completed"] = "completed"
    obligation: Annotated[str, Field(min_length=1)]
    at: Instant
    note: str = ""

    instant_field: ClassVar[str | None] = "at"


class Paused(Event):
    """An obligation's clock stopped, e.g. waiting for material to be completed (补正).

    Attributes:
        obligation: the obligation's id.
        at: when the clock stopped.
        reason: why.
    """

    type: Literal["paused"] = "paused"
    obligation: Annotated[str, Field(min_length=1)]
    at: Instant
    reason: str = ""

    instant_field: ClassVar[str | None] = "at"


class Resumed(Event):
    """An obligation's clock started again.

    Attributes:
        obligation: the obligation's id.
        at: when the clock restarted.
    """

    type: Literal["resumed"] = "resumed"
    obligation: Annotated[str, Field(min_length=1)]
    at: Instant

    instant_field: ClassVar[str | None] = "at"


AnyEvent = Annotated[
    Union[  # noqa: UP007 - a discriminated union reads better spelled out
        MeetingHeld,
        DocumentReceived,
        DocumentSubmitted,
        InstructionReceived,
        MeetingScheduled,
        FieldDay,
        Leader,
        QuarterDispatched,
        QuarterReported,
        Completed,
        Paused,
        Resumed,
    ],
    Field(discriminator="type"),
]
"""Any event, chosen by its ``type``."""

EVENT_TYPES: tuple[str, ...] = (
    "meeting_held",
    "document_received",
    "document_submitted",
    "instruction_received",
    "meeting_scheduled",
    "field_day",
    "leader",
    "quarter_dispatched",
    "quarter_reported",
    "completed",
    "paused",
    "resumed",
)
"""The ``type`` of every event, in the order the docs list them."""

#: The field of each type of event that holds its instant (`Event.instant_field`).
INSTANT_FIELDS: dict[str, str] = {
    model.model_fields["type"].default: model.instant_field
    for model in get_args(get_args(AnyEvent)[0])
    if model.instant_field is not None
}
