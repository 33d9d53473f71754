"""The supervision ledger (督办台账): obligations with their completions and pauses.

`Supervisor` turns events into a `Ledger` once; the ledger then answers, for any moment, the
status of every obligation, the March check, the field-research quota, the quarterly
supervision and the report, without counting any rule again.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, final

from deadlines._errors import (
    DeadlinesError,
    InvalidArgumentError,
    NotInEffectError,
    ProvisionalDateWarning,
    UnknownRuleError,
)
from deadlines._result import TraceStep
from deadlines._thresholds import Thresholds
from deadlines._time import parse_instant, to_china
from deadlines.supervision._errors import EventError, Problem
from deadlines.supervision._events import (
    Event,
    EventLog,
    MeetingHeld,
    MeetingScheduled,
    iter_events,
    parse_quarter,
)
from deadlines.supervision._march import MarchFinding, march_check
from deadlines.supervision._obligations import (
    PAUSABLE,
    Item,
    Obligation,
    count_items,
    derive,
    fast_init,
    plan_values,
)
from deadlines.supervision._pause import Pause, paused_due
from deadlines.supervision._quarterly import (
    QuarterStanding,
    quarter_obligations,
    quarter_standings,
    quarter_start,
    quarters_between,
)
from deadlines.supervision._quota import QuotaStanding, quota_standings
from deadlines.supervision._status import ObligationStatus, compute_status, warning_from
from deadlines.supervision._tracked import Tracked

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines.frame._count import Answer
    from deadlines.supervision._report import Report

#: How many creating events `_Build.settle` counts together (bounds what waits to be counted).
_BATCH = 20_000

#: What a record of `_Build.records` says of its obligation.
_DONE, _PAUSED, _RESUMED = 0, 1, 2

#: The field of each type of event that holds its instant (the obligations' trigger).
_INSTANT_FIELD = {
    "meeting_held": "ended_at",
    "document_received": "received_at",
    "document_submitted": "submitted_at",
    "instruction_received": "received_at",
    "quarter_dispatched": "at",
    "quarter_reported": "at",
    "completed": "at",
    "paused": "at",
    "resumed": "at",
}
#: The events that create obligations (see `plan_values`).
_PLANNED = frozenset({"meeting_held", "document_received", "document_submitted",
                      "instruction_received"})  # fmt: skip
#: The events that are records of an obligation, and what each says of it.
_RECORDS = {"completed": _DONE, "paused": _PAUSED, "resumed": _RESUMED,
            "quarter_dispatched": _DONE, "quarter_reported": _DONE}  # fmt: skip
_QUARTER_TARGET = {"quarter_dispatched": "dispatch", "quarter_reported": "report"}
_new_tracked = fast_init(Tracked)


@final
class Supervisor:
    """Derives obligations from events with an engine, and keeps them in a `Ledger`.

    Args:
        engine: the engine that counts every limit; the default one when ``None``.
        thresholds: when obligations turn yellow and are escalated; when ``None``, the
            engine's `Engine.supervision_thresholds`: those its plugins set, else the
            defaults. Given here, they win over every plugin (and ``Ledger.status(at,
            thresholds=...)`` wins over them, for that one call).
        explain: keep the trace of every obligation (costs time for very many events).
        quarterly: follow the quarterly supervision (art. 13) for every quarter from the
            first event's through the last event's: ``True`` always, ``False`` never, ``None``
            (the default) when the events record any quarter's dispatch or report.

    >>> from datetime import datetime
    >>> from deadlines.supervision import Completed, MeetingHeld
    >>> ledger = Supervisor().ledger([
    ...     MeetingHeld(id="m1", kind="executive", ended_at=datetime(2026, 9, 30, 17)),
    ...     Completed(obligation="m1/minutes", at=datetime(2026, 10, 9, 11)),
    ... ])
    >>> [(row.id, str(row.status)) for row in ledger.status(datetime(2026, 10, 12, 9))]
    [('m1/minutes', 'met')]
    """

    __slots__ = ("engine", "explain", "quarterly", "thresholds")

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        thresholds: Thresholds | None = None,
        explain: bool = True,
        quarterly: bool | None = None,
    ) -> None:
        if engine is None:
            from deadlines._engine import Engine

            engine = Engine()
        if thresholds is not None and not isinstance(thresholds, Thresholds):
            raise InvalidArgumentError(
                "thresholds", thresholds, "a Thresholds value such as Thresholds()"
            )
        self.engine = engine
        self.thresholds = thresholds if thresholds is not None else engine.supervision_thresholds
        self.explain = explain
        self.quarterly = quarterly

    def __repr__(self) -> str:
        return f"Supervisor({self.engine!r}, thresholds={self.thresholds!r})"

    def derive(self, event: Event, line: int | None = None) -> tuple[Obligation, ...]:
        """The obligations `event` creates (see `derive`)."""
        return derive(self.engine, event, explain=self.explain, line=line)

    def ledger(self, events: EventLog | Iterable[Event], *, strict: bool = False) -> Ledger:
        """Derive every obligation, then record completions and pauses.

        Events may come in any order: a completion may precede the event that creates its
        obligation. Quarterly obligations are created as `quarterly` says, for every quarter
        from the first event's through the last event's (and every quarter an event names).

        Args:
            events: an `EventLog` (from `read_events`, with line numbers and the lines that
                could not be read) or events given in code.
            strict: raise on the first problem instead of collecting it.

        A due instant that relies on days no State Council notice has settled yet is data
        here, not a Python warning: the obligation's `provisional` flag says so, and the
        report lists it among its alerts.

        Raises:
            EventError: with `strict`, an event that cannot be taken into account.
        """
        log = events if isinstance(events, EventLog) else EventLog.of(events)
        if strict and log.problems:
            raise EventError(log.problems[0])
        build = _Build(self, strict=strict)
        build.problems.extend(log.problems)
        with _no_collection(), warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            for event, line in zip(log.events, log.lines, strict=True):
                build.add(event, line)
            return build.finish()

    def read(self, lines: Iterable[str]) -> Ledger:
        """Read JSON Lines (as `read_events`) and build the ledger while they are read.

        The same ledger as ``self.ledger(read_events(lines))``, with the same problems, but no
        event is kept once the ledger has taken what it needs from it: a province's million
        obligations fit in memory with their events read from a file.
        """
        # Without explanations and with numpy (the frame extra), the obligations are counted
        # together, a batch of events at a time, as if each had been counted on its line.
        build = _Build(self, strict=False, bulk=not self.explain and _count_rows() is not None)
        take = build.take
        with _no_collection(), warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            # The common events come as their checked fields: no event is made for them.
            for line, event, found in iter_events(lines, raw=True):
                if found:
                    build.problems.extend(found)
                if isinstance(event, dict):
                    take(event["type"], event, line)
                elif event is not None:
                    build.add(event, line)
            return build.finish()


class _Build:
    """The mutable state of one `Supervisor.ledger` call."""

    def __init__(self, supervisor: Supervisor, *, strict: bool, bulk: bool = False) -> None:
        self.supervisor = supervisor
        self.bulk = bulk
        # With `bulk`, what each creating event asks for, counted by `settle` a batch at a time
        # in the order read: (its type, id, line, items). Counting later than reading changes
        # no problem: they are ordered by line, and a line's keep their order.
        self.pending: list[tuple[str, str, int | None, tuple[Item, ...]] | None] = []
        self.shared: dict[int, Any] = {}  # one due instant and last day per value
        self.engine = supervisor.engine
        self.strict = strict
        self.problems: list[Problem] = []
        # Each obligation by id; `track` puts its `Tracked` in its place for the ledger.
        self.obligations: dict[str, Any] = {}
        self.event_lines: dict[str, int | None] = {}
        self.meetings: list[tuple[MeetingScheduled | MeetingHeld, int | None]] = []
        self.field_days: dict[str, list[dt.date]] = {}
        self.field_day_lines: dict[tuple[str, dt.date], int | None] = {}
        # Completions, pauses and resumes as plain tuples, not events: a province has a
        # million of them. (obligation, field naming it, when, what, note or reason, line)
        self.records: list[tuple[str, str, dt.datetime, int, str, int | None]] = []
        self.span: list[dt.date] = []  # the first and last day of the events
        self.named_quarters: set[tuple[int, int]] = set()

    def finish(self) -> Ledger:
        """The ledger of the events added: quarters added, completions and pauses recorded."""
        if self.pending:
            self.settle()
        self.add_quarters()
        self.track()
        return Ledger(
            self.supervisor,
            tuple(self.obligations.values()),
            problems=tuple(sorted(self.problems, key=_problem_order)),
            meetings=tuple(self.meetings),
            field_days={name: tuple(days) for name, days in self.field_days.items()},
        )

    def problem(self, line: int | None, field: str | None, message: str) -> None:
        found = Problem(line, field, message)
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

    def add(self, event: Event, line: int | None) -> None:
        self.take(event.type, event.__dict__, line, event)

    def take(
        self, tag: str, values: dict[str, Any], line: int | None, event: Event | None = None
    ) -> None:
        """Take the event of type `tag` with fields `values` (`event` itself, when one was
        made: the checks that read meetings need it)."""
        instant = _INSTANT_FIELD.get(tag)
        if instant is not None:
            self._span(values[instant].date())
        what = _RECORDS.get(tag)
        if what is not None:
            field, at = "obligation", values["at"]
            if tag.startswith("quarter_"):
                year, number = parse_quarter(values["quarter"])
                self.named_quarters.add((year, number))
                self._span(quarter_start(year, number))
                field, target = "quarter", f"{values['quarter']}/{_QUARTER_TARGET[tag]}"
            else:
                target = values["obligation"]
            text = values.get("note", values.get("reason", ""))
            self.records.append((target, field, at, what, text, line))
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

    def _field_day(self, leader: str, date: dt.date, line: int | None) -> None:
        self._span(date)
        key = (leader, date)
        if key in self.field_day_lines:
            first = self.field_day_lines[key]
            where = f" on line {first}" if first else ""
            self.problem(line, "date", f"{leader} already logged {date}{where}; a day counts once")
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
        if event_id in self.event_lines:
            first = self.event_lines[event_id]
            where = f" by the event on line {first}" if first else ""
            message = f"id {event_id!r} is already used{where}; give each event its own id"
            self.problem(line, "id", message)
            return
        try:
            made, failed = count_items(
                self.engine, event_id, items, answers, explain=self.supervisor.explain, line=line
            )
        except DeadlinesError as error:
            self.problem(line, _field_of(error, tag), str(error))
            return
        for path, failure in failed:  # a bad document or matter drops only itself
            self.problem(line, path, str(failure))
        self.event_lines[event_id] = line
        for obligation in made:
            if obligation.id in self.obligations:
                self.problem(
                    line,
                    "id",
                    f"obligation {obligation.id!r} is made twice; give each document and "
                    "matter of a meeting its own id",
                )
                continue
            self.obligations[obligation.id] = obligation

    def settle(self) -> None:
        """Count the pending obligations together, then take each event as `_derive` would."""
        count = _count_rows()
        assert count is not None  # bulk is chosen only with numpy
        pending = self.pending
        self.pending = []
        rows = [(i.rule_id, i.trigger, i.params) for e in pending if e for i in e[3]]
        answers = count(self.engine, rows, self.shared)
        at = 0
        for index, entry in enumerate(pending):
            assert entry is not None
            pending[index] = None  # freed as it is taken
            tag, event_id, line, items = entry
            self._count(tag, event_id, line, items, answers[at : at + len(items)])
            at += len(items)

    def add_quarters(self) -> None:
        follow = self.supervisor.quarterly
        if follow is None:
            follow = bool(self.named_quarters)
        if not follow or not self.span:
            return
        quarters = set(quarters_between(*self.span)) | self.named_quarters
        for year, number in sorted(quarters):
            try:
                made = quarter_obligations(
                    self.engine, year, number, explain=self.supervisor.explain
                )
            except UnknownRuleError:
                return  # a plugin disabled the quarterly supervision
            except NotInEffectError:
                continue  # before the opinion took effect
            for obligation in made:
                self.obligations.setdefault(obligation.id, obligation)

    def track(self) -> None:
        """Put in place of each obligation its `Tracked`: its completion and pauses."""
        completions: dict[str, tuple[dt.datetime, int | None, str]] = {}
        clock: dict[str, list[tuple[dt.datetime, int, int, str, int | None]]] = {}
        for order, (target, field, at, what, text, line) in enumerate(self.records):
            obligation = self.obligations.get(target)
            if obligation is None:
                self.problem(line, field, self._unknown(target, field))
                continue
            if at < obligation.trigger:
                self.problem(
                    line,
                    "at",
                    f"{target} began at {obligation.trigger.isoformat(timespec='minutes')}; "
                    f"nothing can happen to it at {at.isoformat(timespec='minutes')}, before",
                )
                continue
            if what != _DONE:
                clock.setdefault(target, []).append((at, order, what, text, line))
            elif target in completions:
                first = completions[target][1]
                where = f" on line {first}" if first else ""
                self.problem(
                    line, field, f"{target} is already completed{where}; the first one counts"
                )
            else:
                completions[target] = (at, line, text)
        explain = self.supervisor.explain
        obligations = self.obligations
        for key, obligation in obligations.items():
            done = completions.get(key)
            items = clock.get(key)
            if items is None:  # most obligations: no pause, nothing to add to the due
                obligations[key] = _new_tracked(
                    obligation,
                    obligation.due,
                    obligation.due_date,
                    *((None, "") if done is None else (done[0], done[2])),
                    (),
                    (),
                )
                continue
            pauses = self._pauses(obligation, items, done)
            ended = [p for p in pauses if p.end is not None]
            due, due_date = obligation.due, obligation.due_date
            steps: tuple[TraceStep, ...] = ()
            if ended:
                due, due_date, steps = paused_due(self.engine, obligation, ended, explain=explain)
            finished = (None, "") if done is None else (done[0], done[2])
            obligations[key] = _new_tracked(obligation, due, due_date, *finished, pauses, steps)

    def _unknown(self, target: str, field: str) -> str:
        if field == "quarter":
            return (
                f"no quarterly obligation {target!r}: the rule supervision.quarterly is not in "
                "effect then, or not in the engine's rule set"
            )
        close = difflib.get_close_matches(target, list(self.obligations), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        return (
            f"no obligation {target!r}{hint}; ids look like m-2026-041/minutes, "
            "d-0913/routing, 2026Q3/report"
        )

    def _pauses(
        self,
        obligation: Obligation,
        items: list[tuple[dt.datetime, int, int, str, int | None]],
        done: tuple[dt.datetime, int | None, str] | None,
    ) -> tuple[Pause, ...]:
        if not items:
            return ()
        if obligation.unit not in PAUSABLE:
            for _, _, _, _, line in items:
                self.problem(
                    line,
                    "obligation",
                    f"{obligation.id} ({obligation.rule_id}) ends at a fixed instant; only "
                    "limits in working days, calendar days or hours can be paused",
                )
            return ()
        items.sort(key=lambda item: (item[0], item[1]))
        pauses: list[Pause] = []
        started: tuple[dt.datetime, str, int | None] | None = None
        due = obligation.due
        for at, _, what, reason, line in items:
            stamp = at.isoformat(timespec="minutes")
            if what == _PAUSED:
                if started is not None:
                    where = f" (line {started[2]})" if started[2] else ""
                    self.problem(
                        line,
                        "at",
                        f"{obligation.id} is already paused since "
                        f"{started[0].isoformat(timespec='minutes')}{where}; resume it first",
                    )
                elif done is not None and at >= done[0]:
                    self.problem(
                        line, "at", f"{obligation.id} was done before {stamp}; it cannot pause"
                    )
                elif at > due:
                    self.problem(
                        line,
                        "at",
                        f"{obligation.id} was due at {due.isoformat(timespec='minutes')}; a "
                        f"clock that has run out cannot be paused at {stamp}",
                    )
                else:
                    started = (at, reason, line)
            elif started is None:
                self.problem(
                    line, "obligation", f"{obligation.id} is not paused at {stamp}; pause it first"
                )
            else:
                pauses.append(Pause.model_construct(start=started[0], end=at, reason=started[1]))
                started = None
                due = paused_due(self.engine, obligation, pauses, explain=False)[0]
        if started is not None:
            pauses.append(Pause.model_construct(start=started[0], end=None, reason=started[1]))
        if done is not None:
            # A clock stopped when the work was done stops there.
            pauses = [p.clipped(done[0]) for p in pauses]
        return tuple(pauses)


@contextmanager
def _no_collection() -> Iterator[None]:
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


def _count_rows() -> Callable[..., list[Any]] | None:
    """`deadlines.frame._count.count_rows`, or None without numpy."""
    try:
        from deadlines.frame._count import count_rows
    except ImportError:
        return None
    return count_rows


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
        return _INSTANT_FIELD.get(tag)
    return named


@final
class Ledger:
    """Obligations with their completions and pauses, and what the checks need.

    Build it with `Supervisor.ledger`. It answers for any moment; it never counts a rule again
    except to add a pause still open at that moment.

    Attributes:
        supervisor: the supervisor (and through it the engine) that built it.
        tracked: every obligation with its completion and pauses, in the order derived.
        problems: the events and lines that were not taken into account.
        meetings: the meetings scheduled or held, for the March check.
        field_days: the field-research days each leader logged.
    """

    __slots__ = (
        "_by_id",
        "_warnings",
        "field_days",
        "meetings",
        "problems",
        "supervisor",
        "tracked",
    )

    def __init__(
        self,
        supervisor: Supervisor,
        tracked: tuple[Tracked, ...],
        *,
        problems: tuple[Problem, ...] = (),
        meetings: tuple[tuple[MeetingScheduled | MeetingHeld, int | None], ...] = (),
        field_days: dict[str, tuple[dt.date, ...]] | None = None,
    ) -> None:
        self.supervisor = supervisor
        self.tracked = tracked
        self.problems = problems
        self.meetings = meetings
        self.field_days = field_days or {}
        self._by_id: dict[str, Tracked] | None = None  # made when first asked for
        self._warnings: dict[Thresholds, list[dt.datetime]] = {}

    def __repr__(self) -> str:
        return f"<Ledger: {len(self.tracked)} obligations, {len(self.problems)} problems>"

    def __len__(self) -> int:
        return len(self.tracked)

    def __iter__(self) -> Iterator[Tracked]:
        return iter(self.tracked)

    def __getitem__(self, obligation_id: str) -> Tracked:
        return self._index()[obligation_id]

    def __contains__(self, obligation_id: object) -> bool:
        return obligation_id in self._index()

    def _index(self) -> dict[str, Tracked]:
        if self._by_id is None:
            self._by_id = {t.obligation.id: t for t in self.tracked}
        return self._by_id

    @property
    def engine(self) -> Engine:
        """The engine every obligation was counted with."""
        return self.supervisor.engine

    def _warning_instants(self, thresholds: Thresholds) -> list[dt.datetime]:
        cached = self._warnings.get(thresholds)
        if cached is None:
            cal = self.engine.calendar
            by_rule: dict[str, Thresholds] = {}
            cached = []
            seen: dict[dt.datetime, dt.datetime] = {}  # one object per instant: many share one
            for t in self.tracked:
                rule_id = t.obligation.rule_id
                own = by_rule.get(rule_id)
                if own is None:
                    own = by_rule[rule_id] = thresholds.for_rule(rule_id)
                warn = warning_from(cal, t.obligation, t.due, t.due_date, own)
                cached.append(seen.setdefault(warn, warn))
            self._warnings[thresholds] = cached
        return cached

    def status(
        self, at: dt.datetime | str, *, thresholds: Thresholds | None = None
    ) -> tuple[ObligationStatus, ...]:
        """The status of every obligation that exists at `at` (its trigger is not later).

        Completions and pauses after `at` have not happened yet; a pause still running at `at`
        is counted up to `at`, and the obligation shows as paused.

        Args:
            at: the moment (naive means Asia/Shanghai).
            thresholds: other thresholds than the supervisor's.
        """
        at = parse_instant("at", at) if isinstance(at, str) else to_china("at", at)
        with _no_collection():
            return self._status(at, thresholds)

    def _status(
        self, at: dt.datetime, thresholds: Thresholds | None
    ) -> tuple[ObligationStatus, ...]:
        policy = thresholds if thresholds is not None else self.supervisor.thresholds
        warns = self._warning_instants(policy)
        cal = self.engine.calendar
        escalate: dict[str, int] = {}
        rows: list[ObligationStatus] = []
        append = rows.append
        for t, warn in zip(self.tracked, warns, strict=True):
            ob = t.obligation
            if ob.trigger > at:
                continue
            after = escalate.get(ob.rule_id)
            if after is None:
                after = escalate[ob.rule_id] = policy.for_rule(ob.rule_id).escalate_after
            if t.pauses and _unsettled(t.pauses, at):
                append(self._paused_status(t, at, policy, after))
            else:
                append(compute_status(cal, t, at, t.due, t.due_date, warn, after))
        return tuple(rows)

    def _paused_status(
        self, t: Tracked, at: dt.datetime, policy: Thresholds, escalate_after: int
    ) -> ObligationStatus:
        seen = [p.clipped(at) for p in t.pauses if p.start <= at]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            due, due_date, _ = paused_due(self.engine, t.obligation, seen, explain=False)
        cal = self.engine.calendar
        warn = warning_from(cal, t.obligation, due, due_date, policy.for_rule(t.rule_id))
        running = any(p.start <= at and (p.end is None or p.end > at) for p in t.pauses)
        return compute_status(cal, t, at, due, due_date, warn, escalate_after, paused=running)

    def march(self, at: dt.datetime | str | None = None) -> tuple[MarchFinding, ...]:
        """Meetings in the no-meeting month: violations and exemptions (see `march_check`)."""
        moment = None if at is None else _instant(at)
        return march_check(self.engine, self.meetings, moment)

    def quota(self, at: dt.datetime | str) -> tuple[QuotaStanding, ...]:
        """Each leader's field-research standing at `at` (see `quota_standings`)."""
        return quota_standings(self.engine, self.field_days, _instant(at))

    def quarterly(
        self, at: dt.datetime | str, *, thresholds: Thresholds | None = None
    ) -> tuple[QuarterStanding, ...]:
        """Each quarter begun by `at`: its dispatch and report, due and done."""
        return quarter_standings(self.status(at, thresholds=thresholds))

    def report(self, at: dt.datetime | str, *, thresholds: Thresholds | None = None) -> Report:
        """Everything at `at`: statuses, summaries, warnings, March, quota, quarters."""
        from deadlines.supervision._report import build_report

        with _no_collection():
            return build_report(self, _instant(at), thresholds=thresholds)


def _instant(at: dt.datetime | str) -> dt.datetime:
    return parse_instant("at", at) if isinstance(at, str) else to_china("at", at)


def _unsettled(pauses: tuple[Pause, ...], at: dt.datetime) -> bool:
    """Whether the pauses seen at `at` differ from all of them ended (the precomputed due)."""
    return any(p.end is None or p.end > at for p in pauses)
