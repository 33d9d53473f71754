"""The fast path of reading events: the common, well-formed shapes of the simple events are
checked by hand and set up without pydantic.

Anything else (a value of an unexpected type, a bad instant, an unknown field) is left to the
full validation of `_reading`, which says what is wrong exactly as before.
tests/test_supervision_scale.py holds the two to the same events on every kind, and
`deadlines check` to the output main wrote before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from deadlines._errors import DeadlinesError
from deadlines._time import CHINA_TZ, parse_date, parse_instant
from deadlines.supervision._events import (
    Completed,
    DocumentReceived,
    DocumentSubmitted,
    Event,
    FieldDay,
    InstructionReceived,
    Leader,
    MeetingScheduled,
    Paused,
    Resumed,
)

_BAD: Any = object()  # what a check returns for a value the fast path leaves to pydantic


def _str(name: str, value: Any) -> Any:  # noqa: ANN401 - a JSON value
    return value if type(value) is str else _BAD


def _nonempty(name: str, value: Any) -> Any:  # noqa: ANN401
    return value if type(value) is str and value else _BAD


def _id(name: str, value: Any) -> Any:  # noqa: ANN401
    # No slash, no whitespace (the printable test refuses every space but " ").
    if type(value) is not str or len(value) > 200 or "/" in value or " " in value:
        return _BAD
    return value if value.isprintable() else _BAD


def _required_id(name: str, value: Any) -> Any:  # noqa: ANN401
    # `_id`, and not empty: written out, as it checks most lines.
    if not value or type(value) is not str or len(value) > 200 or "/" in value or " " in value:
        return _BAD
    return value if value.isprintable() else _BAD


# One global lookup per instant, not a module and two attributes (nor a call of len()).
_fromisoformat, _combine = dt.datetime.fromisoformat, dt.datetime.combine
_DATE = len("2026-09-30")


def _instant(name: str, value: Any) -> Any:  # noqa: ANN401
    # Naive text the quick way (`parse_instant` gives the same answer for it): a province's
    # ledger reads two million instants, nearly all different.
    if type(value) is not str:
        return _BAD
    if len(value) > _DATE:
        try:
            at = _fromisoformat(value)
        except ValueError:
            return _BAD
        if at.tzinfo is None:
            # 3x faster than replace(); the datetime serves as its own date.
            return _combine(at, at.time(), CHINA_TZ)
    try:
        return parse_instant(name, value)
    except DeadlinesError:
        return _BAD


def _instant_or_none(name: str, value: Any) -> Any:  # noqa: ANN401
    return None if value is None else _instant(name, value)


def _day(name: str, value: Any) -> Any:  # noqa: ANN401
    if type(value) is not str:
        return _BAD
    try:
        return parse_date(name, value)
    except DeadlinesError:
        return _BAD


def _bool(name: str, value: Any) -> Any:  # noqa: ANN401
    return value if type(value) is bool else _BAD


def _one_of(*words: str) -> Any:  # noqa: ANN401
    allowed = frozenset(words)
    return lambda name, value: value if type(value) is str and value in allowed else _BAD


_FAST_FIELDS: dict[str, tuple[type[Event], dict[str, Any]]] = {
    "document_received": (
        DocumentReceived,
        {
            "id": _required_id,
            "urgency": _one_of("urgent", "ordinary"),
            "received_at": _instant,
            "stated_limit": _instant_or_none,
            "title": _str,
        },
    ),
    "document_submitted": (
        DocumentSubmitted,
        {
            "id": _required_id,
            "submitted_at": _instant,
            "leader": _str,
            "document": _str,
            "title": _str,
        },
    ),
    "instruction_received": (
        InstructionReceived,
        {"id": _required_id, "received_at": _instant, "leader": _str, "unit": _str, "title": _str},
    ),
    "meeting_scheduled": (
        MeetingScheduled,
        {
            "date": _day,
            "kind": _one_of(
                "party_group", "executive", "special_topic", "county_wide_work", "other"
            ),
            "id": _id,
            "emergency_exemption": _bool,
            "reason": _str,
            "scheduled_at": _instant_or_none,
            "title": _str,
        },
    ),
    "field_day": (FieldDay, {"leader": _nonempty, "date": _day, "place": _str}),
    "leader": (Leader, {"leader": _nonempty}),
    "completed": (Completed, {"obligation": _nonempty, "at": _instant, "note": _str}),
    "paused": (Paused, {"obligation": _nonempty, "at": _instant, "reason": _str}),
    "resumed": (Resumed, {"obligation": _nonempty, "at": _instant}),
}
"""The common events the fast path reads, with the check of each field it takes by hand."""


def _shape(tag: str) -> tuple[frozenset[str], frozenset[str], dict[str, Any], dict[str, Any]]:
    """The fields `tag` may have, those it must have, the defaults (every field in order,
    ``None`` for a required one, as an event's ``__dict__``) and the check of each field."""
    model, checks = _FAST_FIELDS[tag]
    infos = model.model_fields
    blank = {
        name: None if info.is_required() else info.get_default(call_default_factory=True)
        for name, info in infos.items()
    }
    blank["type"] = tag
    required = frozenset(name for name, info in infos.items() if info.is_required())
    return frozenset({"type", *checks}), required, blank, checks


_SHAPES = {tag: _shape(tag) for tag in _FAST_FIELDS}

#: The checks that take a value other than text: a field of theirs may hold no quotes.
_NOT_TEXT = {_bool: "always", _instant_or_none: "when null"}

_Plan = tuple[dict[str, Any], tuple[tuple[str, Any], ...], int, tuple[str, ...]]

#: The plan of each well-formed shape seen, by its type and its keys in order: a province's
#: file has a handful of shapes, so the keys are checked once per shape, not once per line.
#: Only the orders of the allowed keys are kept, so the table stays small whatever the file.
_PLANS: dict[str, dict[tuple[str, ...], _Plan]] = {tag: {} for tag in _FAST_FIELDS}


def _plan(tag: str, keys: tuple[str, ...]) -> _Plan | None:
    """How to read a record of `tag` with `keys`: the defaults, the check of each key it has,
    the quotes its line has when every key is there once, and its keys that may be null;
    ``None`` if a key is missing or not the type's."""
    allowed, required, blank, checks = _SHAPES[tag]
    if not (required <= set(keys) <= allowed):
        return None
    present = tuple((name, checks[name]) for name in checks if name in keys)
    # Each key and each text value is a pair of quotes; a flag is never text.
    texts = len(keys) - sum(_NOT_TEXT.get(check) == "always" for _, check in present)
    nullable = tuple(name for name, check in present if _NOT_TEXT.get(check) == "when null")
    plan = _PLANS[tag][keys] = (blank, present, 2 * (len(keys) + texts), nullable)
    return plan


def fast_values(record: dict[str, Any], line: str | None = None) -> dict[str, Any] | None:
    """The fields of the event of a common, well-formed record, every one in order as the
    model would hold them (its ``__dict__``), or ``None`` to validate it in full.

    With `line`, the text `record` was decoded from without the strict decoder's check of
    repeated keys (a line without a backslash): ``None`` too unless the line holds exactly
    the quotes of `record`'s keys and text values, which proves no key was repeated.
    """
    tag = record.get("type")
    if type(tag) is not str:
        return None
    plans = _PLANS.get(tag)
    if plans is None:
        return None
    keys = tuple(record)
    plan = plans.get(keys) or _plan(tag, keys)
    if plan is None:
        return None
    blank, checks, quotes, nullable = plan
    values = blank.copy()
    for name, check in checks:  # a field left out keeps its default
        value = values[name] = check(name, record[name])
        if value is _BAD:
            return None
    if line is not None:
        # Without a backslash every quote opens or closes a string, and a flat record's
        # strings are its keys and its text values: a repeated key leaves quotes over.
        for name in nullable:
            if record[name] is None:
                quotes -= 2
        if line.count('"') != quotes:
            return None
    if tag == "document_received" and values["stated_limit"] is not None:
        return values if values["urgency"] == "urgent" else None  # as the model's validator
    return values


def fast_event(record: dict[str, Any], values: dict[str, Any]) -> Event:
    """The event of `record` whose fields `fast_values` checked, made without validation."""
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
RAW = frozenset(_FAST_FIELDS) - {"meeting_scheduled"}
