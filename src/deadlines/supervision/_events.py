"""Events: what happened in the county office, as typed values read from JSON Lines.

An event either creates obligations (a meeting held, a document received or submitted for
signature, a leader's instruction), feeds a check (a meeting scheduled, a field-research day, a
leader to follow), or records what became of an obligation (a quarter's dispatch or report, a
completion, a pause, a resume). Every event is a frozen value with a ``type`` tag; instants are
aware datetimes in China time (naive text means Asia/Shanghai).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, final

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    PositiveInt,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from deadlines._errors import DeadlinesError
from deadlines._json import RefusedJsonError, loads_strict, refused_key
from deadlines._textfile import check_lines
from deadlines._time import CHINA_TZ, parse_date, parse_instant, to_china
from deadlines._value import Value
from deadlines.supervision._errors import EventError, Problem

MeetingKind = Literal["party_group", "executive", "special_topic", "county_wide_work"]
"""The three kinds of county government meeting of art. 7 and 8, whose minutes art. 8 times,
and the county-wide work meeting (全县性工作会议), the main target of art. 6's no-meeting month,
which owes no minutes under art. 8."""

MINUTED_KINDS: frozenset[str] = frozenset({"party_group", "executive", "special_topic"})
"""The meeting kinds whose minutes art. 8 times (rules ``minutes.<kind>``)."""

Urgency = Literal["urgent", "ordinary"]
"""How a received document is routed (art. 11): on arrival, or within 48 hours."""

_ID_PATTERN = r"^[^/\s]+$"


def _bad(message: str) -> PydanticCustomError:
    return PydanticCustomError("deadlines", "{message}", {"message": message})


def _instant(value: Any, handler: Any, info: ValidationInfo) -> dt.datetime:  # noqa: ANN401
    name = info.field_name or "at"
    try:
        if isinstance(value, str):
            return parse_instant(name, value)
        return to_china(name, value)
    except DeadlinesError as error:
        raise _bad(str(error)) from None


def _day(value: Any, handler: Any, info: ValidationInfo) -> dt.date:  # noqa: ANN401
    name = info.field_name or "date"
    if isinstance(value, str):
        try:
            return parse_date(name, value)
        except DeadlinesError as error:
            raise _bad(str(error)) from None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise _bad(f"{name} must be an ISO 8601 date such as 2026-06-12; got {value!r}")


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
        ValueError: the text is not a quarter.

    >>> parse_quarter("2026-q4")
    (2026, 4)
    """
    match = _QUARTER.match(text.strip())
    if match is None:
        raise ValueError(f"quarter must be a year and quarter such as 2026Q3; got {text!r}")
    return int(match[1]), int(match[2])


def _quarter(value: Any) -> Any:  # noqa: ANN401
    if not isinstance(value, str):
        return value
    try:
        year, number = parse_quarter(value)
    except ValueError as error:
        raise _bad(str(error)) from None
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

    @property
    def when(self) -> dt.datetime | None:
        """The instant the event happened, if it has one."""
        return None


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
            raise _bad(
                "a matter takes at most one of limit_days, limit_working_days and deadline, "
                'e.g. {"title": "…", "limit_days": 15} or {"title": "…", "deadline": '
                '"2026-10-31"}'
            )
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

    @property
    def when(self) -> dt.datetime:
        return self.ended_at


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
            raise _bad(
                "stated_limit is for urgent documents only; drop it, or set urgency to urgent"
            )
        return value

    @property
    def when(self) -> dt.datetime:
        return self.received_at


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

    @property
    def when(self) -> dt.datetime:
        return self.submitted_at


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

    @property
    def when(self) -> dt.datetime:
        return self.received_at


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

    @property
    def when(self) -> dt.datetime:
        return self.at


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

    @property
    def when(self) -> dt.datetime:
        return self.at


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

    @property
    def when(self) -> dt.datetime:
        return self.at


class Resumed(Event):
    """An obligation's clock started again.

    Attributes:
        obligation: the obligation's id.
        at: when the clock restarted.
    """

    type: Literal["resumed"] = "resumed"
    obligation: Annotated[str, Field(min_length=1)]
    at: Instant

    @property
    def when(self) -> dt.datetime:
        return self.at


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

#: A valid value for each field, quoted in error messages.
_EXAMPLES: dict[str, str] = {
    "id": '"m-2026-041"',
    "kind": '"executive"',
    "ended_at": '"2026-09-30T17:00"',
    "received_at": '"2026-09-30T09:15"',
    "submitted_at": '"2026-09-30T10:00"',
    "urgency": '"ordinary"',
    "date": '"2026-06-12"',
    "leader": '"王副县长"',
    "quarter": '"2026Q3"',
    "at": '"2026-09-30T17:00"',
    "obligation": '"m-2026-041/minutes"',
}

EXAMPLE_LINE = (
    '{"type": "meeting_held", "id": "m-2026-041", "kind": "executive", '
    '"ended_at": "2026-09-30T17:00"}'
)


@functools.cache
def _adapter() -> TypeAdapter[Any]:
    # Built on first use: a command that reads no events does not pay for it.
    return TypeAdapter(AnyEvent)


def parse_event(record: dict[str, Any] | str, line: int | None = None) -> Event:
    """One event from a JSON object (a dict, or its text).

    Raises:
        EventError: the record is not a valid event; its `problem` names the field.

    >>> parse_event({"type": "field_day", "leader": "王副县长", "date": "2026-06-12"})
    FieldDay(leader='王副县长', date=datetime.date(2026, 6, 12))
    >>> parse_event({"type": "meeting_held", "id": "m1", "kind": "executive"})
    Traceback (most recent call last):
    ...
    deadlines.supervision._errors.EventError: event, ended_at: ended_at is required, e.g. ...
    """
    if isinstance(record, str):
        text = record
        try:
            record = loads_strict(text)
        except RefusedJsonError as error:
            raise EventError(Problem(line, refused_key(error, text), error.problem)) from None
        except ValueError as error:
            raise EventError(Problem(line, None, f"not valid JSON: {error}")) from None
    if not isinstance(record, dict):
        raise EventError(
            Problem(line, None, f"must be a JSON object such as {EXAMPLE_LINE}; got {record!r}")
        )
    event, dropped = parse_event_items(record, line)
    if dropped:
        raise EventError(dropped[0])
    return event


#: The lists of a meeting whose items are checked one by one: a bad item drops only itself.
_ITEM_LISTS: dict[str, type[Value]] = {"documents": DecidedDocument, "matters": DecidedMatter}


@functools.cache
def _item_adapter(model: type[Value]) -> TypeAdapter[Any]:
    return TypeAdapter(model)


def parse_event_items(
    record: dict[str, Any], line: int | None = None
) -> tuple[Event, tuple[Problem, ...]]:
    """One event, with the problems of the items (``matters[1]``) it was read without.

    A meeting's documents and matters are checked one by one: a bad one is left out and
    reported with its path (``matters[1].limit_days``); the meeting and its other items stay.
    Items without an id keep their 1-based position as id, so leaving one out renumbers none.

    Raises:
        EventError: the event itself is not valid; its `problem` names the field.
    """
    problems: list[Problem] = []
    if record.get("type") == "meeting_held":
        record = dict(record)
        for name, model in _ITEM_LISTS.items():
            items = record.get(name)
            if not isinstance(items, list):
                continue
            listed = _documents(items) if name == "documents" else items
            kept: list[Any] = []
            for index, item in enumerate(listed):
                try:
                    _item_adapter(model).validate_python(item)
                except ValidationError as error:
                    found = _problem(error, {}, line)
                    path = f"{name}[{index}]" + (f".{found.field}" if found.field else "")
                    problems.append(Problem(line, path, found.message))
                    continue
                if isinstance(item, dict) and not item.get("id") and len(kept) != index:
                    item = {**item, "id": str(index + 1)}  # keep its number past a dropped one
                kept.append(item)
            record[name] = kept
    try:
        event: Event = _adapter().validate_python(record)
    except ValidationError as error:
        raise EventError(_problem(error, record, line)) from None
    return event, tuple(problems)


def _problem(error: ValidationError, record: dict[str, Any], line: int | None) -> Problem:
    first = error.errors(include_url=False)[0]
    loc = list(first["loc"])
    kind = first["type"]
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        got = record.get("type")
        known = ", ".join(EVENT_TYPES)
        message = (
            f"type is required: one of {known}"
            if got is None
            else f"type must be one of {known}; got {got!r}"
        )
        return Problem(line, "type", message)
    if loc and loc[0] == record.get("type"):
        loc = loc[1:]  # the union's tag, already known from the record
    field = _field_path(loc)
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else field
    if kind == "missing":
        example = _EXAMPLES.get(name, "…")
        message = f"{name} is required, e.g. {example}"
    elif kind == "extra_forbidden":
        model = _model_of(record.get("type"))
        known = ", ".join(f for f in model.model_fields if f != "type") if model else ""
        message = f"{name} is not a field of {record.get('type')}; its fields are: {known}"
    elif kind == "deadlines":
        message = first["msg"]
    elif kind == "string_pattern_mismatch":
        example = _EXAMPLES.get(name, '"m-2026-041"')
        message = f"{name} must have no slash and no space, e.g. {example}; got {first['input']!r}"
    elif kind in ("bool_parsing", "bool_type"):
        message = f"{name} must be true or false; got {first['input']!r}"
    elif kind == "literal_error":
        expected = (first.get("ctx") or {}).get("expected", "")
        message = f"{name or 'value'} must be {expected}; got {first['input']!r}"
    else:
        message = f"{name or 'value'}: {first['msg'].lower()}; got {first['input']!r}"
    return Problem(line, field or None, message)


def _field_path(loc: list[Any]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _model_of(tag: object) -> type[Event] | None:
    for model in Event.__subclasses__():
        if model.model_fields["type"].default == tag:
            return model
    return None


# The fast path of `read_events`: the common, well-formed shapes of the simple events are
# checked by hand and set up without pydantic; anything else (a meeting held, a value of an
# unexpected type, a bad instant, an unknown field) goes through `parse_event_items`, which
# says what is wrong exactly as before. tests/test_supervision_scale.py holds the two to the
# same events on every kind, and `deadlines check` to the output main wrote before.

#: How a field is checked on the fast path.
_STR, _ID, _ID0, _NONEMPTY, _INSTANT, _INSTANT0, _DAY, _BOOL = (
    "str",
    "id",
    "id0",
    "nonempty",
    "instant",
    "instant0",
    "day",
    "bool",
)

_FAST_FIELDS: dict[str, tuple[type[Event], dict[str, str | frozenset[str]]]] = {
    "document_received": (
        DocumentReceived,
        {
            "id": _ID,
            "urgency": frozenset({"urgent", "ordinary"}),
            "received_at": _INSTANT,
            "stated_limit": _INSTANT0,
            "title": _STR,
        },
    ),
    "document_submitted": (
        DocumentSubmitted,
        {"id": _ID, "submitted_at": _INSTANT, "leader": _STR, "document": _STR, "title": _STR},
    ),
    "instruction_received": (
        InstructionReceived,
        {"id": _ID, "received_at": _INSTANT, "leader": _STR, "unit": _STR, "title": _STR},
    ),
    "meeting_scheduled": (
        MeetingScheduled,
        {
            "date": _DAY,
            "kind": frozenset(
                {"party_group", "executive", "special_topic", "county_wide_work", "other"}
            ),
            "id": _ID0,
            "emergency_exemption": _BOOL,
            "reason": _STR,
            "scheduled_at": _INSTANT0,
            "title": _STR,
        },
    ),
    "field_day": (FieldDay, {"leader": _NONEMPTY, "date": _DAY, "place": _STR}),
    "leader": (Leader, {"leader": _NONEMPTY}),
    "completed": (Completed, {"obligation": _NONEMPTY, "at": _INSTANT, "note": _STR}),
    "paused": (Paused, {"obligation": _NONEMPTY, "at": _INSTANT, "reason": _STR}),
    "resumed": (Resumed, {"obligation": _NONEMPTY, "at": _INSTANT}),
}


@functools.cache
def _shape(
    tag: str,
) -> tuple[type[Event], dict[str, str | frozenset[str]], frozenset[str], dict[str, Any]]:
    """The model of `tag`, how each field is checked, its required fields, and the defaults
    (every field in order, ``None`` for a required one)."""
    model, fields = _FAST_FIELDS[tag]
    infos = model.model_fields
    blank = {
        name: None if info.is_required() else info.get_default(call_default_factory=True)
        for name, info in infos.items()
    }
    blank["type"] = tag
    required = frozenset(name for name, info in infos.items() if info.is_required())
    return model, fields, required, blank


def _fast_values(record: dict[str, Any]) -> dict[str, Any] | None:
    """The fields of the event of a common, well-formed record, every one in order as the
    model would hold them (its ``__dict__``), or ``None`` to validate it in full."""
    tag = record.get("type")
    if type(tag) is not str or tag not in _FAST_FIELDS:
        return None
    _, fields, required, blank = _shape(tag)
    values = blank.copy()
    given = 0
    for name, value in record.items():
        kind = fields.get(name)
        if kind is None:
            if name == "type":
                continue
            return None
        if kind is _STR:
            if type(value) is not str:
                return None
        elif kind is _INSTANT or kind is _INSTANT0:
            if value is None and kind is _INSTANT0:
                continue
            if type(value) is not str:
                return None
            value = _parse_instant(name, value)
            if value is None:
                return None
        elif isinstance(kind, frozenset):
            if type(value) is not str or value not in kind:
                return None
        elif kind is _NONEMPTY:
            if type(value) is not str or not value:
                return None
        elif kind is _ID or kind is _ID0:
            # No slash, no whitespace (the printable test refuses every space but " ").
            if (
                type(value) is not str
                or len(value) > 200
                or (kind is _ID and not value)
                or "/" in value
                or " " in value
                or not value.isprintable()
            ):
                return None
        elif kind is _DAY:
            if type(value) is not str:
                return None
            try:
                value = parse_date(name, value)
            except DeadlinesError:
                return None
        elif type(value) is not bool:  # _BOOL
            return None
        if name in required:
            given += 1
        values[name] = value
    if given != len(required):
        return None
    if tag == "document_received" and values["stated_limit"] is not None:
        return None  # its checks (urgent only, after the arrival) are the model's
    return values


def _parse_instant(name: str, text: str) -> dt.datetime | None:
    """`parse_instant` of `text`, or ``None`` where it would raise; naive text the quick way."""
    if len(text) > len("2026-09-30"):
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            return None
        if value.tzinfo is None:  # parse_instant's answer for naive text, without its checks
            return value.replace(tzinfo=CHINA_TZ)
    try:
        return parse_instant(name, text)
    except DeadlinesError:
        return None


def _fast_event(record: dict[str, Any], values: dict[str, Any]) -> Event:
    """The event of `record` whose fields `_fast_values` checked, made without validation."""
    model = _FAST_FIELDS[values["type"]][0]
    event = model.__new__(model)
    _setattr(event, "__dict__", values)
    _setattr(event, "__pydantic_fields_set__", set(record))
    _setattr(event, "__pydantic_extra__", None)
    _setattr(event, "__pydantic_private__", None)
    return event


_setattr = object.__setattr__

#: The types whose checked fields `iter_events(raw=True)` yields as they are, without an event:
#: `Supervisor.read` needs nothing else of them.
_RAW = frozenset(
    {"document_received", "document_submitted", "instruction_received", "field_day", "leader",
     "completed", "paused", "resumed"}
)  # fmt: skip


@final
@dataclass(frozen=True, slots=True)
class EventLog:
    """Events read from a file, with the line of each, and the lines that could not be read.

    Attributes:
        events: the valid events, in file order.
        lines: the 1-based line of each event (``None`` for one given in code).
        problems: the lines that are not valid events.
    """

    events: tuple[Event, ...]
    lines: tuple[int | None, ...]
    problems: tuple[Problem, ...] = ()

    @classmethod
    def of(cls, events: Iterable[Event]) -> EventLog:
        """A log of events given in code (no line numbers)."""
        items = tuple(events)
        return cls(items, (None,) * len(items))

    def __len__(self) -> int:
        return len(self.events)


def read_events(lines: Iterable[str], *, fast_path: bool = True) -> EventLog:
    """Read JSON Lines: one event per line; bad lines become problems, never an exception.

    Line numbers count every line, blank ones too, so they match an editor's. Blank lines are
    skipped; a byte order mark on the first line is ignored.

    With `fast_path` (the default), the common shapes of the simple events are checked by
    hand, without pydantic; every other line is validated in full, so a bad line is reported
    exactly as without it. The events are the same either way.

    >>> log = read_events([
    ...     '{"type": "leader", "leader": "王副县长"}',
    ...     '',
    ...     '{"type": "meeting_held", "id": "m1", "kind": "weekly", "ended_at": "2026-09-30T17"}',
    ... ])
    >>> log.events, log.lines
    ((Leader(leader='王副县长'),), (1,))
    >>> print(log.problems[0])  # doctest: +NORMALIZE_WHITESPACE
    line 3, kind: kind must be 'party_group', 'executive', 'special_topic' or
    'county_wide_work'; got 'weekly'
    """
    events: list[Event] = []
    numbers: list[int | None] = []
    problems: list[Problem] = []
    for number, event, found in iter_events(lines, fast_path=fast_path):
        problems.extend(found)
        if isinstance(event, Event):  # never fields: not raw
            events.append(event)
            numbers.append(number)
    return EventLog(tuple(events), tuple(numbers), tuple(problems))


#: The scanner of the strict decoder: what ``loads_strict`` calls once it has skipped blanks.
_scan = loads_strict.__self__.scan_once  # type: ignore[attr-defined]


def _decode(text: str) -> Any:  # noqa: ANN401 - any JSON value
    """``loads_strict(text)`` for text without blanks around it, the scanner straight away
    when the text is one object (the decoder's checks around it cost as much as the scan)."""
    if text[0] == "{":
        try:
            record, end = _scan(text, 0)
        except StopIteration:
            end = -1
        if end == len(text):
            return record
    return loads_strict(text)  # the answer, or the error of the text as a whole


def iter_events(
    lines: Iterable[str], *, fast_path: bool = True, raw: bool = False
) -> Iterator[tuple[int, Event | dict[str, Any] | None, tuple[Problem, ...]]]:
    """What `read_events` reads, one line at a time: its number, its event (``None`` for a
    line that is not one) and its problems (the bad items of a meeting, or why it is not an
    event). Blank lines yield nothing.

    `Supervisor.read` takes it to build a ledger while the file is read, holding no more
    events than the ledger needs; with `raw`, the fast path's common events come as the dict
    of their checked fields (an event's ``__dict__``, ``type`` first) rather than as events.

    Raises:
        InvalidArgumentError: `lines` is text, bytes, or not iterable.
    """
    for number, text in enumerate(check_lines("lines", lines), 1):
        if type(text) is not str:
            message = f"must be text; got {type(text).__name__}"
            yield number, None, (Problem(number, None, message),)
            continue
        text = text.strip()
        if number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        if not text:
            continue
        try:
            record = _decode(text)
        except RefusedJsonError as error:
            yield number, None, (Problem(number, refused_key(error, text), error.problem),)
            continue
        except ValueError as error:
            yield number, None, (Problem(number, None, f"not valid JSON: {error}"),)
            continue
        if not isinstance(record, dict):
            message = f"must be a JSON object such as {EXAMPLE_LINE}; got {record!r}"
            yield number, None, (Problem(number, None, message),)
            continue
        # A lone surrogate (only an escape such as \uD800 makes one) is not text to pydantic.
        plain = fast_path and "\\ud" not in text and "\\uD" not in text
        values = _fast_values(record) if plain else None
        if values is not None:
            raw_ok = raw and values["type"] in _RAW
            yield number, values if raw_ok else _fast_event(record, values), ()
            continue
        try:
            event, dropped = parse_event_items(record, number)
        except EventError as error:
            yield number, None, (error.problem,)
            continue
        yield number, event, dropped
