"""Reading events: JSON Lines into typed events, with the problem of each line that is not one.

A well-formed line of the common simple events (a document received, a completion…) is checked
by hand, without pydantic; every other line is validated in full, so a bad line is reported the
same either way.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, final

from pydantic import TypeAdapter, ValidationError

from deadlines._errors import DeadlinesError, shown
from deadlines._json import RefusedJsonError, loads_strict, refused_key
from deadlines._messages import Said
from deadlines._problems import in_words, problems_of
from deadlines._textfile import check_lines
from deadlines._time import CHINA_TZ, parse_date, parse_instant
from deadlines._value import Value
from deadlines.supervision._errors import EventError, Problem
from deadlines.supervision._events import (
    EVENT_TYPES,
    AnyEvent,
    Completed,
    DecidedDocument,
    DecidedMatter,
    DocumentReceived,
    DocumentSubmitted,
    Event,
    FieldDay,
    InstructionReceived,
    Leader,
    MeetingScheduled,
    Paused,
    Resumed,
    _documents,
)

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
    deadlines.supervision._errors.EventError: ended_at: required; e.g. "2026-09-30T17:00"
    """
    if isinstance(record, str):
        record = _record(record, line)
    elif not isinstance(record, dict):
        raise EventError(_not_object(record, line))
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
        try:  # the common case, every item valid: no need to check them one by one
            return _adapter().validate_python(record), ()
        except ValidationError:
            pass
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
                    found = _problem(error, {}, line, model)
                    path = f"{name}[{index}]" + (f".{found.field}" if found.field else "")
                    problems.append(found.moved(field=path))
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


def _problem(
    error: ValidationError,
    record: dict[str, Any],
    line: int | None,
    model: Any = AnyEvent,  # noqa: ANN401 - the model or annotation validated
) -> Problem:
    """The first problem pydantic found in `record`, in the shared words (`problems_of`)."""
    first = error.errors(include_url=False)[0]
    if first["type"] in ("union_tag_invalid", "union_tag_not_found"):
        got = record.get("type")
        if got is None:
            required = "check.event.type_required"
            return Problem.of(required, field="type", line=line, types=EVENT_TYPES)
        message = "check.event.type_unknown"
        return Problem.of(message, field="type", line=line, types=EVENT_TYPES, got=_echo(got))
    problem = problems_of(error, model, "check.hint", line=line, shown=_echo)[0]
    if first["type"] == "string_pattern_mismatch":  # every id: no slash, no space
        return Problem.of(
            "check.event.id_form",
            field=problem.field,
            line=line,
            example=Said("check.hint.id"),
            value=_echo(first["input"]),
        )
    return problem


def _echo(value: object) -> str:
    """A refused value as the events file writes it (JSON), or as Python shows it, cut to
    what `problems_of` echoes (60 characters) with the length it had."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = shown(value)
    if len(text) <= _ECHO:
        return text
    whole = f"… ({len(text)} characters in all)"
    return text[: max(_ECHO - len(whole), 1)] + whole


_ECHO = 60


# The fast path of `read_events`: the common, well-formed shapes of the simple events are
# checked by hand and set up without pydantic; anything else (a meeting held, a value of an
# unexpected type, a bad instant, an unknown field) goes through `parse_event_items`, which
# says what is wrong exactly as before. tests/test_supervision_scale.py holds the two to the
# same events on every kind, and `deadlines check` to the output main wrote before.

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
    return _id(name, value) if value else _BAD


# One global lookup per instant, not a module and two attributes.
_fromisoformat, _combine = dt.datetime.fromisoformat, dt.datetime.combine


def _instant(name: str, value: Any) -> Any:  # noqa: ANN401
    # Naive text the quick way (`parse_instant` gives the same answer for it): a province's
    # ledger reads two million instants, nearly all different.
    if type(value) is not str:
        return _BAD
    if len(value) > len("2026-09-30"):
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
_PLANS: dict[tuple[str, tuple[str, ...]], _Plan] = {}


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
    plan = _PLANS[tag, keys] = (blank, present, 2 * (len(keys) + texts), nullable)
    return plan


def _fast_values(record: dict[str, Any], line: str | None = None) -> dict[str, Any] | None:
    """The fields of the event of a common, well-formed record, every one in order as the
    model would hold them (its ``__dict__``), or ``None`` to validate it in full.

    With `line`, the text `record` was decoded from without the strict decoder's check of
    repeated keys (a line without a backslash): ``None`` too unless the line holds exactly
    the quotes of `record`'s keys and text values, which proves no key was repeated.
    """
    tag = record.get("type")
    if type(tag) is not str or tag not in _SHAPES:
        return None
    keys = tuple(record)
    plan = _PLANS.get((tag, keys)) or _plan(tag, keys)
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
_RAW = frozenset(_FAST_FIELDS) - {"meeting_scheduled"}


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
    line 3, kind: must be "party_group", "executive", "special_topic" or
    "county_wide_work"; got "weekly"
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

#: The same scanner without the check of repeated keys, which costs as much as the rest of
#: the decoding: `_fast_values` proves a line it reads has none, by its quotes.
_scan_plain = json.JSONDecoder(
    parse_constant=loads_strict.__self__.parse_constant,  # type: ignore[attr-defined]
    parse_float=loads_strict.__self__.parse_float,  # type: ignore[attr-defined]
).scan_once


def _record(text: str, line: int | None) -> dict[str, Any]:
    """The JSON object of `text` (without blanks around it), by the scanner of the strict
    decoder straight away when it reads the whole text (its checks around cost as much).

    Raises:
        EventError: the text is not strict JSON, or not an object.
    """
    try:
        if text[:1] == "{":
            try:
                record, end = _scan(text, 0)
            except StopIteration:
                end = -1
            if end == len(text):
                return record  # type: ignore[no-any-return]
        record = loads_strict(text)  # the object, or the error of the text as a whole
    except RefusedJsonError as error:
        key = refused_key(error, text)
        raise EventError(Problem.stated(error, field=key, line=line)) from None
    except json.JSONDecodeError as error:
        where = Said("problem.json_at", {"detail": in_words(error.msg), "column": error.colno})
        raise EventError(Problem.of("problem.not_json", line=line, detail=where)) from None
    except ValueError:  # an integer Python will not read
        raise EventError(Problem.of("problem.huge_number", line=line)) from None
    if not isinstance(record, dict):
        raise EventError(_not_object(record, line))
    return record


def _not_object(record: object, line: int | None) -> Problem:
    return Problem.of("problem.not_object", line=line, example=EXAMPLE_LINE, kind=_echo(record))


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
            not_text = Problem.of("problem.not_text", line=number, kind=type(text).__name__)
            yield number, None, (not_text,)
            continue
        text = text.strip()
        if number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        if not text:
            continue
        # The common line, at half the cost: decoded without the check of repeated keys,
        # which `_fast_values` makes by the quotes of the line (it has no escape). Any other
        # line, and one it does not take, is read again below, exactly as the strict reader.
        values = None
        if fast_path and "\\" not in text and text[:1] == "{":
            try:
                record, end = _scan_plain(text, 0)
            except (StopIteration, ValueError):
                end = -1
            if end == len(text) and type(record) is dict:
                values = _fast_values(record, text)
        if values is None:
            try:
                record = _record(text, number)
            except EventError as error:
                yield number, None, (error.problem,)
                continue
            # A lone surrogate (only an escape such as \uD800 makes one) is not text to
            # pydantic. One search for "\u" spares most lines the two others.
            plain = fast_path and ("\\u" not in text or ("\\ud" not in text and "\\uD" not in text))
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
