"""The supervision ledger (督办台账): obligations with their completions and pauses.

`Supervisor` turns events into a `Ledger` once; the ledger then answers, for any moment, the
status of every obligation, the March check, the field-research quota, the quarterly
supervision and the report, without counting any rule again.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, final

from deadlines._errors import (
    InvalidArgumentError,
    ProvisionalDateWarning,
)
from deadlines._thresholds import Thresholds, WorkingDaysBefore
from deadlines._time import parse_instant, to_china
from deadlines.supervision._building import Building, count_rows, no_collection
from deadlines.supervision._errors import EventError, Problem
from deadlines.supervision._events import Event, MeetingHeld, MeetingScheduled
from deadlines.supervision._march import MarchFinding, march_check
from deadlines.supervision._obligations import (
    Obligation,
    derive,
)
from deadlines.supervision._pause import Pause, paused_due
from deadlines.supervision._quarterly import (
    QuarterStanding,
    quarter_standings,
)
from deadlines.supervision._quota import QuotaStanding, quota_standings
from deadlines.supervision._reading import EventLog
from deadlines.supervision._status import (
    ObligationStatus,
    StatusAt,
    warning_from,
    workdays_before,
)
from deadlines.supervision._tracked import Tracked

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines.supervision._report import Report


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
        build = Building(self.engine, explain=self.explain, quarterly=self.quarterly, strict=strict)
        build.problems.extend(log.problems)
        with no_collection(), warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            for event, line in zip(log.events, log.lines, strict=True):
                build.add(event, line)
            return Ledger(self, *build.finish())

    def read(self, lines: Iterable[str]) -> Ledger:
        """Read JSON Lines (as `read_events`) and build the ledger while they are read.

        The same ledger as ``self.ledger(read_events(lines))``, with the same problems, but no
        event is kept once the ledger has taken what it needs from it: a province's million
        obligations fit in memory with their events read from a file.
        """
        # Without explanations and with numpy (the frame extra), the obligations are counted
        # together, a batch of events at a time, as if each had been counted on its line.
        bulk = not self.explain and count_rows() is not None
        build = Building(
            self.engine, explain=self.explain, quarterly=self.quarterly, strict=False, bulk=bulk
        )
        with no_collection(), warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            build.read(lines)
            return Ledger(self, *build.finish())


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

    def as_at(self, obligation_id: str, at: dt.datetime | str) -> Tracked:
        """The obligation as it stands at `at`, for `Tracked.explain` (the status's due).

        Completions and pauses after `at` have not happened yet; a pause running at `at` is
        counted up to `at` and stays open, as `status` counts it.

        Raises:
            KeyError: no obligation has that id.
        """
        t = self[obligation_id]
        at = _instant(at)
        completed = t.completed_at if t.completed_at is not None and t.completed_at <= at else None
        if not (t.pauses and _unsettled(t.pauses, at)):
            return replace(t, completed_at=completed, note=t.note if completed else "")
        seen = [p for p in t.pauses if p.start <= at]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            due, due_date, steps = paused_due(
                self.engine, t.obligation, [p.clipped(at) for p in seen]
            )
        running = [
            p
            if p.end is None or p.end <= at
            else Pause.model_construct(start=p.start, reason=p.reason)
            for p in seen
        ]
        return replace(
            t,
            due=due,
            due_date=due_date,
            completed_at=completed,
            note=t.note if completed else "",
            pauses=tuple(running),
            pause_steps=steps,
        )

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
            cached = self._warnings[thresholds] = self._warn(thresholds)
        return cached

    def _warn(self, thresholds: Thresholds) -> list[dt.datetime]:
        """When each obligation's warning window opens under `thresholds`, in order."""
        cal = self.engine.calendar
        # Per rule, its working days before the due instant and the window's start by due
        # instant (most rules: many obligations share one), else its own thresholds.
        by_rule: dict[str, tuple[int, dict[dt.datetime, dt.datetime]] | Thresholds] = {}
        shared: dict[int, dict[dt.datetime, dt.datetime]] = {}
        seen: dict[dt.datetime, dt.datetime] = {}  # one object per instant: many share one
        warns: list[dt.datetime] = []
        append = warns.append
        for t in self.tracked:
            ob = t.obligation
            own = by_rule.get(ob.rule_id)
            if own is None:
                own = thresholds.for_rule(ob.rule_id)
                if isinstance(own.warning, WorkingDaysBefore):
                    n = own.warning.n
                    own = (n, shared.setdefault(n, {}))
                by_rule[ob.rule_id] = own
            if isinstance(own, tuple):
                n, starts = own
                start = starts.get(t.due)
                if start is None:
                    start = starts[t.due] = workdays_before(cal, t.due, n)
                append(start if start >= ob.trigger else ob.trigger)
            else:
                warn = warning_from(cal, ob, t.due, t.due_date, own)
                append(seen.setdefault(warn, warn))
        return warns

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
        with no_collection():
            return self._status(at, thresholds)

    def _status(
        self, at: dt.datetime, thresholds: Thresholds | None
    ) -> tuple[ObligationStatus, ...]:
        policy = thresholds if thresholds is not None else self.supervisor.thresholds
        warns = self._warning_instants(policy)
        status = StatusAt(self.engine.calendar, at)
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
                append(self._paused_status(t, status, policy, after))
            else:
                append(status(t, t.due, t.due_date, warn, after))
        return tuple(rows)

    def _paused_status(
        self, t: Tracked, status: StatusAt, policy: Thresholds, escalate_after: int
    ) -> ObligationStatus:
        at = status.at
        seen = [p.clipped(at) for p in t.pauses if p.start <= at]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            due, due_date, _ = paused_due(self.engine, t.obligation, seen, explain=False)
        cal = self.engine.calendar
        warn = warning_from(cal, t.obligation, due, due_date, policy.for_rule(t.rule_id))
        running = any(p.start <= at and (p.end is None or p.end > at) for p in t.pauses)
        return status(t, due, due_date, warn, escalate_after, paused=running)

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

        with no_collection():
            return build_report(self, _instant(at), thresholds=thresholds)


def _instant(at: dt.datetime | str) -> dt.datetime:
    return parse_instant("at", at) if isinstance(at, str) else to_china("at", at)


def _unsettled(pauses: tuple[Pause, ...], at: dt.datetime) -> bool:
    """Whether the pauses seen at `at` differ from all of them ended (the precomputed due)."""
    return any(p.end is None or p.end > at for p in pauses)
