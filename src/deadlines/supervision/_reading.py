"""Reading events: JSON Lines into typed events, with the problem of each line that is not one.

A well-formed line of the common simple events (a document received, a completion…) is checked
by hand, without pydantic; every other line is validated in full, so a bad line is reported the
same either way.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, final

from pydantic import TypeAdapter, ValidationError

from deadlines._errors import shown
from deadlines._json import RefusedJsonError, loads_strict, refused_key
from deadlines._messages import Said
from deadlines._problems import in_words, problems_of
from deadlines._textfile import check_lines
from deadlines._value import Value
from deadlines.supervision._errors import EventError, Problem
from deadlines.supervision._events import (
    EVENT_TYPES,
    AnyEvent,
    DecidedDocument,
    DecidedMatter,
    Event,
    MeetingHeld,
    _documents,
)
from deadlines.supervision._fast import RAW, fast_event, fast_values

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
def _model_adapter(model: type[Value]) -> TypeAdapter[Any]:
    # One model's adapter (an item's, a meeting's), built on first use as `_adapter`.
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
            # Its own model straight away: the union would first find it by its type.
            return _model_adapter(MeetingHeld).validate_python(record), ()
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
                    _model_adapter(model).validate_python(item)
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
#: the decoding: `fast_values` proves a line it reads has none, by its quotes.
_scan_plain = json.JSONDecoder(
    parse_constant=loads_strict.__self__.parse_constant,  # type: ignore[attr-defined]
    parse_float=loads_strict.__self__.parse_float,  # type: ignore[attr-defined]
).scan_once

#: The most lines decoded together: a run of common lines is read as one JSON array, whose
#: keys the decoder makes once (a line alone makes its own). Past a few hundred, no faster.
_BATCH = 512


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
            if end != len(text):
                record = loads_strict(text)  # the error of the text as a whole
        else:
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
    if "\\u" in text:  # only an escape makes a lone surrogate in text read as UTF-8
        field = _lone_surrogate(record)
        if field is not None:  # named with its escapes: it may be the key at fault
            named = field.encode("utf-8", "backslashreplace").decode()
            raise EventError(Problem.of("check.lone_surrogate", field=named, line=line))
    return record


def _lone_surrogate(value: object, key: str | None = None) -> str | None:
    """The key whose text holds a surrogate no other completes (``"\\ud800"``): JSON allows
    the escape, but it is no character, and no UTF-8 report could write it."""
    if type(value) is str:
        try:
            value.encode()
        except UnicodeEncodeError:
            return key or "?"
    elif type(value) is dict:
        for name, item in value.items():
            found = _lone_surrogate(name, name) or _lone_surrogate(item, key or name)
            if found is not None:
                return found
    elif type(value) is list:
        for item in value:
            found = _lone_surrogate(item, key)
            if found is not None:
                return found
    return None


def _not_object(record: object, line: int | None) -> Problem:
    return Problem.of("problem.not_object", line=line, example=EXAMPLE_LINE, kind=_echo(record))


def iter_events(
    lines: Iterable[str],
    *,
    fast_path: bool = True,
    raw: bool = False,
    line_numbers: Iterable[int] | None = None,
) -> Iterator[tuple[int, Event | dict[str, Any] | None, tuple[Problem, ...]]]:
    """What `read_events` reads, one line at a time: its number, its event (``None`` for a
    line that is not one) and its problems (the bad items of a meeting, or why it is not an
    event). Blank lines yield nothing.

    `Supervisor.read` takes it to build a ledger while the file is read, holding no more
    events than the ledger needs; with `raw`, the fast path's common events come as the dict
    of their checked fields (an event's ``__dict__``, ``type`` first) rather than as events.
    `line_numbers` are the lines' own numbers, when `lines` are some of a file's (``deadlines
    check --jobs``); else they count from 1.

    Raises:
        InvalidArgumentError: `lines` is text, bytes, or not iterable.
    """
    numbers: list[int] = []  # the run of common lines not read yet
    texts: list[str] = []
    checked = check_lines("lines", lines)
    numbered = (
        enumerate(checked, 1) if line_numbers is None else zip(line_numbers, checked, strict=True)
    )
    for number, text in numbered:
        if type(text) is not str:
            if texts:
                yield from _run(numbers, texts, raw=raw)
                numbers, texts = [], []
            not_text = Problem.of("problem.not_text", line=number, kind=type(text).__name__)
            yield number, None, (not_text,)
            continue
        text = text.strip()
        if number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        if not text:
            continue
        # A common line: an object, no escape, no list (a meeting held has its lists).
        if fast_path and text[:1] == "{" and "\\" not in text and "[" not in text:
            numbers.append(number)
            texts.append(text)
            if len(texts) == _BATCH:
                yield from _run(numbers, texts, raw=raw)
                numbers, texts = [], []
            continue
        if texts:
            yield from _run(numbers, texts, raw=raw)
            numbers, texts = [], []
        yield _line(number, text, fast_path=fast_path, raw=raw)
    if texts:
        yield from _run(numbers, texts, raw=raw)


def _run(
    numbers: list[int], texts: list[str], *, raw: bool
) -> list[tuple[int, Event | dict[str, Any] | None, tuple[Problem, ...]]]:
    """What `iter_events` yields for a run of common lines, decoded as one JSON array.

    The array is trusted only if it holds as many objects as there are lines; then each line
    is one object and no more. No line holds a "[", so the array is the only list: a line's
    first "{", after a comma and a line feed (never inside a JSON string), can only open one
    of its objects (in an object, a key would follow the comma). So each line begins an
    object; as many lines as objects, each object begins at a line and ends where the line
    does (lines are stripped, and two commas would not parse). A run not trusted is read
    line by line, as is any line `fast_values` does not take: exactly as the strict reader.
    """
    joined = "[" + ",\n".join(texts) + "]"
    try:
        records, end = _scan_plain(joined, 0)
    except (StopIteration, ValueError):  # a bad line, or NaN, 1e999, a huge integer
        end = -1
    if end != len(joined) or len(records) != len(texts):
        return _each(numbers, texts, raw=raw)
    read: list[tuple[int, Event | dict[str, Any] | None, tuple[Problem, ...]]] = []
    for number, text, record in zip(numbers, texts, records, strict=True):
        values = fast_values(record, text)
        if values is None:
            read.append(_line(number, text, fast_path=True, raw=raw))
        elif raw and values["type"] in RAW:
            read.append((number, values, ()))
        else:
            read.append((number, fast_event(record, values), ()))
    return read


def _each(
    numbers: list[int], texts: list[str], *, raw: bool
) -> list[tuple[int, Event | dict[str, Any] | None, tuple[Problem, ...]]]:
    """What `iter_events` yields for lines read one by one."""
    return [_line(n, text, fast_path=True, raw=raw) for n, text in zip(numbers, texts, strict=True)]


def _line(
    number: int, text: str, *, fast_path: bool, raw: bool
) -> tuple[int, Event | dict[str, Any] | None, tuple[Problem, ...]]:
    """What `iter_events` yields for one line (not blank), read by the strict decoder."""
    try:
        record = _record(text, number)
    except EventError as error:
        return number, None, (error.problem,)
    # A lone surrogate (only an escape such as \uD800 makes one) is not text to pydantic.
    # Most lines have no escape at all: one search for "\u" spares them the two others.
    plain = fast_path and ("\\u" not in text or ("\\ud" not in text and "\\uD" not in text))
    values = fast_values(record) if plain else None
    if values is not None:
        raw_ok = raw and values["type"] in RAW
        return number, values if raw_ok else fast_event(record, values), ()
    try:
        event, dropped = parse_event_items(record, number)
    except EventError as error:
        return number, None, (error.problem,)
    return number, event, dropped
