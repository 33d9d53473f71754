"""Building a ledger: events taken one at a time, their obligations counted, then tracked.

`Supervisor.ledger` and `Supervisor.read` fill a `Building`; `Building.finish` gives what the
`Ledger` holds.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from deadlines._errors import DeadlinesError, NotInEffectError, UnknownRuleError, cut_repr
from deadlines._messages import Said
from deadlines._result import TraceStep
from deadlines.supervision._errors import EventError, Problem
from deadlines.supervision._events import (
    INSTANT_FIELDS,
    Event,
    MeetingHeld,
    MeetingScheduled,
    parse_quarter,
)
from deadlines.supervision._obligations import (
    Item,
    Obligation,
    _new_obligation,
    count_items,
    fast_init,
    known_unit,
    plan_values,
    sharing,
)
from deadlines.supervision._pause import clock_pauses, first_line, minutes_of, paused_due
from deadlines.supervision._quarterly import quarter_obligations, quarter_start, quarters_between
from deadlines.supervision._reading import iter_events
from deadlines.supervision._tracked import Tracked

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines.frame._count import Answer

#: How many creating events `Building.settle` counts together (bounds what waits to be counted).
_BATCH = 20_000

#: What a record of `Building.records` says of its obligation.
_DONE, _PAUSED, _RESUMED = 0, 1, 2

#: The events that create obligations (see `plan_values`).
_PLANNED = frozenset({"meeting_held", "document_received", "document_submitted",
                      "instruction_received"})  # fmt: skip
#: The events read as fields that ask for obligations of their own, and their instants (a
#: meeting held is read as an event: the checks of meetings need it).
_PLANNED_INSTANTS = {tag: INSTANT_FIELDS[tag] for tag in _PLANNED - {"meeting_held"}}
#: The events that record what became of an obligation named by its id, and what each says.
_OBLIGATION_RECORDS = {"completed": _DONE, "paused": _PAUSED, "resumed": _RESUMED}
#: The events that record a quarter's part (named by the quarter), and which part.
_QUARTER_TARGET = {"quarter_dispatched": "dispatch", "quarter_reported": "report"}
#: Every event that is a record of an obligation, and what it says of it.
_RECORDS = {**_OBLIGATION_RECORDS, **dict.fromkeys(_QUARTER_TARGET, _DONE)}
_new_tracked = fast_init(Tracked)


class _Records(NamedTuple):
    """Completions, pauses and resumes in columns, not as events or tuples: a province has
    a million of them. Row i of each column is the i-th record read."""

    target: list[str]  # the obligation's id
    field: list[str]  # the field of the event that names it: obligation or quarter
    at: list[dt.datetime]  # when
    what: list[int]  # _DONE, _PAUSED or _RESUMED
    text: list[str]  # the note or the reason
    line: list[int | None]  # the event's line


class Building:
    """A ledger while it is built: the mutable state of one `Supervisor.ledger` call."""

    def __init__(
        self,
        engine: Engine,
        *,
        explain: bool,
        quarterly: bool | None,
        strict: bool,
        bulk: bool = False,
    ) -> None:
        self.explain = explain
        self.quarterly = quarterly
        self.bulk = bulk
        # With `bulk`, what each creating event asks for, counted by `settle` a batch at a time
        # in the order read: (its type, id, line, items). Counting later than reading changes
        # no problem: they are ordered by line, and a line's keep their order.
        self.pending: list[tuple[str, str, int | None, tuple[Item, ...]]] = []
        self.shared: dict[int, Any] = {}  # one due instant and last day per value
        self.engine = engine
        self.strict = strict
        self.problems: list[Problem] = []
        # Each obligation by id; `track` puts its `Tracked` in its place for the ledger.
        self.obligations: dict[str, Any] = {}
        self.event_lines: dict[str, int | None] = {}
        self.meetings: list[tuple[MeetingScheduled | MeetingHeld, int | None]] = []
        self.field_days: dict[str, list[dt.date]] = {}
        self.field_day_lines: dict[tuple[str, dt.date], int | None] = {}
        self.records = _Records([], [], [], [], [], [])
        self.span: list[dt.date] = []  # the first and last day of the events
        self.named_quarters: set[tuple[int, int]] = set()
        # Each record naming no obligation, by line: with `suggest` off (a shard of the
        # ledger, `_shards`), the closest id is found among every shard's, later.
        self.suggest = True
        self.unknown: dict[int | None, str] = {}

    def read(self, lines: Iterable[str], line_numbers: Iterable[int] | None = None) -> None:
        """Take every event of JSON Lines (see `Supervisor.read`), numbered by
        `line_numbers` when they are some of a file's lines."""
        take, records = self.take, self.records
        target, field, at = records.target.append, records.field.append, records.at.append
        what_, text, number = records.what.append, records.text.append, records.line.append
        # With `bulk`, the events that ask for obligations of their own wait in `pending`.
        planned = _PLANNED_INSTANTS if self.bulk else {}
        pending, triggers = self.pending, []
        # The common events come as their checked fields: no event is made for them.
        for line, event, found in iter_events(lines, raw=True, line_numbers=line_numbers):
            if found:
                self.problems.extend(found)
            if isinstance(event, dict):
                tag = event["type"]
                what = _OBLIGATION_RECORDS.get(tag)
                if what is None:  # a quarter's record, or no record
                    instant = planned.get(tag)
                    if instant is None:
                        take(tag, event, line)
                        continue
                    # `take` and `_derive`, inline; their instants are spanned together below.
                    triggers.append(event[instant])
                    pending.append((tag, event["id"], line, plan_values(tag, event)))
                    if len(pending) >= _BATCH:
                        self.settle()
                        self._span_all(triggers)
                        triggers.clear()
                    continue
                # `record`, inline; their instants are spanned together below.
                target(event["obligation"])
                field("obligation")
                at(event["at"])
                what_(what)
                text(event.get("note") or event.get("reason") or "")
                number(line)
            elif event is not None:
                self.add(event, line)
        self._span_all(records.at)  # those `take` spanned too
        self._span_all(triggers)

    def finish(self) -> tuple[Any, ...]:
        """What the ledger of the events taken holds (`Ledger`'s arguments after the
        supervisor): quarters added, completions and pauses recorded."""
        if self.pending:
            self.settle()
        self.add_quarters()
        self.track()
        return (
            tuple(self.obligations.values()),
            tuple(sorted(self.problems, key=_problem_order)),
            tuple(self.meetings),
            {name: tuple(days) for name, days in self.field_days.items()},
        )

    def problem(
        self,
        line: int | None,
        field: str | None,
        message: str,
        **values: Any,  # noqa: ANN401 - the message's values
    ) -> None:
        """Record the problem `message` (``check.*``) at `field` of `line`, or raise it."""
        self.found(Problem.of(message, field=field, line=line, **values))

    def found(self, found: Problem) -> None:
        if self.strict:
            raise EventError(found)
        self.problems.append(found)

    def _span(self, day: dt.date) -> None:
        span = self.span
        if not span:
            span += (day, day)
        elif day < span[0]:
            span[0] = day
        elif day > span[1]:
            span[1] = day

    def _span_all(self, instants: list[dt.datetime]) -> None:
        if instants:
            self._span(min(instants).date())
            self._span(max(instants).date())

    def add(self, event: Event, line: int | None) -> None:
        self.take(event.type, event.__dict__, line, event)

    def take(
        self, tag: str, values: dict[str, Any], line: int | None, event: Event | None = None
    ) -> None:
        """Take the event of type `tag` with fields `values` (`event` itself, when one was
        made: the checks that read meetings need it)."""
        instant = INSTANT_FIELDS.get(tag)
        if instant is not None:
            self._span(values[instant].date())
        what = _RECORDS.get(tag)
        if what is not None:
            field, at = "obligation", values["at"]
            if tag in _QUARTER_TARGET:
                year, number = parse_quarter(values["quarter"])
                self.named_quarters.add((year, number))
                self._span(quarter_start(year, number))
                field, target = "quarter", f"{values['quarter']}/{_QUARTER_TARGET[tag]}"
            else:
                target = values["obligation"]
            text = values.get("note", values.get("reason", ""))
            self.record(target, field, at, what, text, line)
        elif tag in _PLANNED:
            self._derive(tag, values, line)
            if tag == "meeting_held":
                self.meetings.append((event, line))  # type: ignore[arg-type]
        elif tag == "meeting_scheduled":
            self.meetings.append((event, line))  # type: ignore[arg-type]
            self._span(values["date"])
        elif tag == "field_day":
            self._field_day(values["leader"], values["date"], line)
        elif tag == "leader":
            self.field_days.setdefault(values["leader"], [])

    def record(
        self, target: str, field: str, at: dt.datetime, what: int, text: str, line: int | None
    ) -> None:
        """Record a completion, pause or resume of `target` (named by `field` of `line`)."""
        records = self.records
        records.target.append(target)
        records.field.append(field)
        records.at.append(at)
        records.what.append(what)
        records.text.append(text)
        records.line.append(line)

    def _field_day(self, leader: str, date: dt.date, line: int | None) -> None:
        self._span(date)
        key = (leader, date)
        if key in self.field_day_lines:
            where = first_line("check.on_line", self.field_day_lines[key])
            day = date.isoformat()
            self.problem(line, "date", "check.day_twice", leader=leader, date=day, where=where)
            return
        self.field_day_lines[key] = line
        self.field_days.setdefault(leader, []).append(date)

    def _derive(self, tag: str, values: dict[str, Any], line: int | None) -> None:
        items = plan_values(tag, values)
        if self.bulk:
            self.pending.append((tag, values["id"], line, items))
            if len(self.pending) >= _BATCH:
                self.settle()
            return
        self._count(tag, values["id"], line, items, None)

    def _count(
        self,
        tag: str,
        event_id: str,
        line: int | None,
        items: tuple[Item, ...],
        answers: list[Answer | None] | None,
    ) -> None:
        event_lines = self.event_lines
        if event_id in event_lines:
            where = first_line("check.by_line", event_lines[event_id])
            self.problem(line, "id", "check.id_twice", name=cut_repr(event_id), where=where)
            return
        try:
            made, failed = count_items(
                self.engine, event_id, items, answers, explain=self.explain, line=line
            )
        except DeadlinesError as error:
            self.found(Problem.stated(error, field=_field_of(error, tag), line=line))
            return
        for path, failure in failed:  # a bad document or matter drops only itself
            self.found(Problem.stated(failure, field=path, line=line))
        event_lines[event_id] = line
        obligations = self.obligations
        for obligation in made:
            key = obligation.id
            if key in obligations:
                self.problem(line, "id", "check.obligation_twice", name=cut_repr(key))
                continue
            obligations[key] = obligation

    def settle(self) -> None:
        """Count the pending obligations together, then take each event as `_derive` would.

        The common event asks for one obligation without parameters, which the kernels
        counted: it is taken here in a few lines (a province has a million); any other goes
        through `_count`, as it would without numpy.
        """
        count = count_rows()
        assert count is not None  # bulk is chosen only with numpy
        pending = self.pending.copy()
        self.pending.clear()  # in place: `read` appends to it
        rows = [(i.rule_id, i.trigger, i.params) for entry in pending for i in entry[3]]
        answers = count(self.engine, rows, self.shared)
        event_lines, obligations = self.event_lines, self.obligations
        conventions, share, make = self.engine.conventions, sharing(), _new_obligation
        at = 0
        for tag, event_id, line, items in pending:
            if len(items) == 1 and event_id not in event_lines:
                answer, item = answers[at], items[0]
                if answer is not None and not item.params:
                    rule, start, due, last, provisional = answer
                    unit = known_unit(rule, conventions)
                    key = f"{event_id}/{item.what}"
                    if unit is not None and key not in obligations:
                        who = item.responsible
                        obligations[key] = make(
                            key, rule.id, rule.title_zh, rule.title_en, event_id, item.subject,
                            share(who, who), start, due, last, unit, rule.citation, provisional,
                            (), (), (), line,
                        )  # fmt: skip
                        event_lines[event_id] = line
                        at += 1
                        continue
            end = at + len(items)
            self._count(tag, event_id, line, items, answers[at:end])
            at = end

    def add_quarters(self) -> None:
        follow = self.quarterly
        if follow is None:
            follow = bool(self.named_quarters)
        if not follow or not self.span:
            return
        quarters = set(quarters_between(*self.span)) | self.named_quarters
        for year, number in sorted(quarters):
            try:
                made = quarter_obligations(self.engine, year, number, explain=self.explain)
            except UnknownRuleError:
                return  # a plugin disabled the quarterly supervision
            except NotInEffectError:
                continue  # before the opinion took effect
            for obligation in made:
                self.obligations.setdefault(obligation.id, obligation)

    def track(self) -> None:
        """Put in place of each obligation its `Tracked`: its completion and pauses.

        A completed obligation's `Tracked` is made as its completion is read, while the
        obligation is at hand (a province has a million); one with pauses is remade last.
        """
        records, self.records = self.records, _Records([], [], [], [], [], [])
        ats, texts, lines = records.at, records.text, records.line
        obligations, make = self.obligations, _new_tracked
        done: dict[str, int] | None = None  # each completion's record, once one is asked for
        clock: dict[str, list[int]] = {}  # the records of each obligation's pauses and resumes
        rows = zip(records.target, ats, records.what, strict=True)
        for order, (target, at, what) in enumerate(rows):
            obligation = obligations.get(target)
            if obligation is None:
                self.found(self._unknown(target, records.field[order], lines[order]))
                continue
            completed = type(obligation) is Tracked
            if completed:
                obligation = obligation.obligation
            if at < obligation.trigger:
                began, at_ = minutes_of(obligation.trigger), minutes_of(at)
                before = "check.before_trigger"
                self.problem(lines[order], "at", before, name=target, trigger=began, at=at_)
            elif what != _DONE:
                clock.setdefault(target, []).append(order)
            elif completed:
                if done is None:
                    done = self._completions(records, order)
                where = first_line("check.on_line", lines[done[target]])
                twice = "check.completed_twice"
                self.problem(lines[order], records.field[order], twice, name=target, where=where)
            else:
                if done is not None:
                    done[target] = order
                obligations[target] = make(
                    obligation, obligation.due, obligation.due_date, at, texts[order], (), ()
                )
        for key, value in obligations.items():
            if key in clock:
                obligations[key] = self._paused(value, records, clock[key])
            elif type(value) is not Tracked:  # most obligations: never done, never paused
                obligations[key] = make(value, value.due, value.due_date, None, "", (), ())

    def _completions(self, records: _Records, until: int) -> dict[str, int]:
        """The record of each completion `track` took before the record `until`: asked for
        only when an obligation is completed twice (a million would otherwise be kept)."""
        done: dict[str, int] = {}
        for order in range(until):
            target = records.target[order]
            if records.what[order] != _DONE or target in done:
                continue
            value = self.obligations.get(target)
            if value is None:
                continue
            obligation = value.obligation if type(value) is Tracked else value
            if records.at[order] >= obligation.trigger:
                done[target] = order
        return done

    def _paused(self, value: Obligation | Tracked, records: _Records, orders: list[int]) -> Tracked:
        """The `Tracked` of an obligation (or of its completion, `value`) with the pauses
        and resumes of the records at `orders`."""
        at, what, text, line = records.at, records.what, records.text, records.line
        items = [(at[i], i, what[i] == _PAUSED, text[i], line[i]) for i in orders]
        if isinstance(value, Tracked):
            obligation, done, note = value.obligation, value.completed_at, value.note
        else:
            obligation, done, note = value, None, ""
        pauses = clock_pauses(self.engine, obligation, items, done, self.problem)
        ended = [p for p in pauses if p.end is not None]
        due, due_date = obligation.due, obligation.due_date
        steps: tuple[TraceStep, ...] = ()
        if ended:
            explain = self.explain
            due, due_date, steps = paused_due(self.engine, obligation, ended, explain=explain)
        tracked: Tracked = _new_tracked(obligation, due, due_date, done, note, pauses, steps)
        return tracked

    def _unknown(self, target: str, field: str, line: int | None) -> Problem:
        named = cut_repr(target)
        if field == "quarter":
            return Problem.of("check.no_quarter", field=field, line=line, name=named)
        self.unknown[line] = target
        close = (
            difflib.get_close_matches(target, list(self.obligations), n=1) if self.suggest else []
        )
        return no_obligation(field, line, target, close[0] if close else None)


@contextmanager
def no_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while many long-lived objects are made.

    Building a ledger makes a few objects per obligation and frees almost none; each of
    the collector's passes would walk all of them again (40% of the time at a million
    obligations). Nothing made here forms a cycle to collect.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def count_rows() -> Callable[..., list[Any]] | None:
    """`deadlines.frame._count.count_rows`, or None without numpy."""
    try:
        from deadlines.frame._count import count_rows
    except ImportError:
        return None
    return count_rows


def no_obligation(field: str | None, line: int | None, target: str, close: str | None) -> Problem:
    """The problem of a record naming no obligation (`target`), with the `close` one."""
    hint = "" if close is None else Said("check.did_you_mean", {"close": close})
    named = cut_repr(target)
    return Problem.of("check.no_obligation", field=field, line=line, name=named, close=hint)


def _problem_order(problem: Problem) -> tuple[bool, int]:
    return problem.line is None, problem.line or 0


def _field_of(error: DeadlinesError, tag: str) -> str | None:
    field = getattr(error, "event_field", None)
    if field is not None:
        return str(field)
    # The engine names its input at fault: the trigger ("at") is the event's instant, and
    # a parameter is the event's field of the same name.
    named = error.input_field
    if named is None or named in ("at", "rule"):
        return INSTANT_FIELDS.get(tag)
    return named
