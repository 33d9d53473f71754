"""Obligations: what an event requires, when, under which article, and how that was counted.

Every obligation is computed once, through `Engine.due`, when it is derived; its status at any
moment is then arithmetic on its due instant (see `deadlines.supervision._status`).

Obligation ids are ``EVENT/WHAT``: ``m-041/minutes``, ``m-041/document/2``,
``m-041/matter/roads``, ``d-0913/routing``, ``s-0913/signing``, ``i-077/plan``, and
``2026Q3/dispatch`` and ``2026Q3/report`` for the quarterly supervision. A completion, a pause
or a resume names the obligation by this id.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, final

from deadlines._errors import DeadlinesError
from deadlines._result import Lang, Part, TraceStep
from deadlines._value import Citation
from deadlines.rules import HourClock, Limit
from deadlines.rules._limit import Unit as Unit  # re-exported: supervision names it
from deadlines.supervision._events import MINUTED_KINDS, Event

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines.frame._count import Answer
    from deadlines.rules import Conventions, Rule

PAUSABLE: frozenset[str] = frozenset({"working_days", "calendar_days", "hours", "same_day"})
"""The units whose clock a pause can stop."""


@final
@dataclass(frozen=True, slots=True, kw_only=True)
class Obligation:
    """Something an event requires by a due instant, with the rule, citation and trace.

    A frozen record with slots, made without validation from what `Engine` counted: a
    province's ledger holds a million of them.

    Attributes:
        id: ``EVENT/WHAT``, e.g. ``m-041/minutes``; completions name it.
        rule_id: the catalog rule, e.g. ``minutes.executive``.
        title_zh: the rule's Chinese title.
        title_en: the rule's English title.
        event_id: the event that created it (a quarter such as ``2026Q3`` for the quarterly
            supervision).
        subject: what it is about: a document's or matter's title.
        responsible: who must act, when the event says (a unit, a leader, a matter's owner).
        trigger: the instant the limit starts from.
        due: the instant it ends.
        due_date: the last day of the period.
        unit: how the limit counts (see `Unit`).
        citation: the article and sentence of the opinion.
        provisional: whether the due instant relies on a day no State Council notice has
            settled yet.
        params: the parameters the rule was given, e.g. ``(("limit_days", 15),)``.
        parts: the parts of a combined limit (the county head's approval of special-topic
            minutes), each with its due instant.
        trace: how the due instant was counted (empty when derived without explanations).
        line: the line of the events file the event came from.
    """

    id: str
    rule_id: str
    title_zh: str
    title_en: str
    event_id: str
    subject: str = ""
    responsible: str = ""
    trigger: dt.datetime
    due: dt.datetime
    due_date: dt.date
    unit: Unit
    citation: Citation
    provisional: bool = False
    params: tuple[tuple[str, Any], ...] = ()
    parts: tuple[Part, ...] = ()
    trace: tuple[TraceStep, ...] = ()
    line: int | None = None

    def title(self, lang: Lang = "en") -> str:
        """The rule's title in `lang`."""
        return self.title_zh if lang == "zh" else self.title_en


def unit_of(limit: Limit, params: dict[str, Any], conventions: Conventions) -> Unit:
    """How `limit` counts for an event with `params` (see `Unit`).

    >>> from deadlines.rules import Conventions, MeetingSetLimit
    >>> unit_of(MeetingSetLimit(), {"limit_days": 5}, Conventions())  # "5日内"
    'calendar_days'
    >>> unit_of(MeetingSetLimit(), {"limit_working_days": 5}, Conventions())  # "5个工作日内"
    'working_days'
    """
    units = limit.units(params, conventions)
    return next(iter(units)) if len(units) == 1 else "mixed"


def hour_clock_of(limit: Limit, conventions: Conventions) -> HourClock:
    """The clock of the first limit in hours inside `limit` (the conventions' when it has none)."""
    clock = limit.hour_clock(conventions)
    return conventions.hour_clock if clock is None else clock


def oblige(
    engine: Engine,
    rule_id: str,
    trigger: dt.datetime,
    *,
    id: str,  # noqa: A002 - the obligation's id, as everywhere else
    event_id: str,
    subject: str = "",
    responsible: str = "",
    params: dict[str, Any] | None = None,
    explain: bool = True,
    line: int | None = None,
) -> Obligation:
    """The obligation of `rule_id` for a trigger at `trigger`, through `engine.due`.

    Raises:
        DeadlinesError: whatever `Engine.due` raises (no such rule, not in effect, a bad
            parameter, a date outside the calendar).

    Warns:
        ProvisionalDateWarning: the due instant relies on a day no notice has settled yet.
    """
    item = Item(rule_id, trigger, "", subject, responsible, params)
    return count_items(engine, event_id, (item,), explain=explain, line=line, obligation_id=id)[0][
        0
    ]


def derive(
    engine: Engine, event: Event, *, explain: bool = True, line: int | None = None
) -> tuple[Obligation, ...]:
    """Every obligation `event` creates (none for an event that only records or checks).

    - a meeting held: its minutes (``minutes.<kind>``, for the kinds art. 8 times), each
      document it decided to issue (``documents.issue``), each matter it decided with a limit
      (``decisions.time_limited``; a matter without one owes nothing, art. 12);
    - a document received: its routing (``routing.urgent`` or ``routing.ordinary``);
    - a document submitted for signature: the signature (``signing.same_day``);
    - a leader's instruction: the implementation plan (``instructions.plan``).

    Raises:
        DeadlinesError: as `oblige`, for the first item that cannot be counted (a ledger
            leaves out only a document or matter whose limit cannot be counted).

    >>> from datetime import datetime
    >>> from deadlines import Engine
    >>> from deadlines.supervision import MeetingHeld
    >>> meeting = MeetingHeld(id="m1", kind="executive", ended_at=datetime(2026, 9, 30, 17),
    ...                       documents=["关于秋粮收购的通知"])
    >>> [(o.id, o.rule_id, o.due.isoformat()) for o in derive(Engine(), meeting)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('m1/minutes', 'minutes.executive', '2026-10-10T17:30:00+08:00'),
     ('m1/document/1', 'documents.issue', '2026-10-13T17:30:00+08:00')]
    """
    items = plan_values(event.type, event.__dict__)
    if not items:
        return ()
    event_id: str = event.__dict__["id"]  # every event that asks for an obligation has an id
    made, failed = count_items(engine, event_id, items, explain=explain, line=line)
    if failed:
        raise failed[0][1]
    return tuple(made)


class Item(NamedTuple):
    """One obligation an event asks for, before it is counted (see `plan_values`)."""

    rule_id: str
    trigger: dt.datetime
    what: str
    subject: str = ""
    responsible: str = ""
    params: dict[str, Any] | None = None
    matter: int = 0
    """The matter's number (from 1) for a matter of a meeting, whose failure drops only itself;
    0 for an item whose failure is the event's."""


def plan_values(tag: str, values: dict[str, Any]) -> tuple[Item, ...]:
    """The obligations the event of type `tag` asks for, in order, not yet counted (none for
    other events); `values` are its fields (an event's ``__dict__``, or the checked fields of
    a line that `Supervisor.read` takes without making the event)."""
    # The common events' one item each, made as a whole tuple: NamedTuple's own constructor
    # is a Python function, twice as slow (a province reads a million of them).
    if tag == "document_received":
        limit = values["stated_limit"]
        stated = {} if limit is None else {"stated_limit": limit}
        urgency, title = values["urgency"], values["title"]
        routing = f"routing.{urgency}"
        return (_item((routing, values["received_at"], "routing", title, "", stated, 0)),)
    if tag == "document_submitted":
        title, leader = values["title"], values["leader"]
        return (
            _item(("signing.same_day", values["submitted_at"], "signing", title, leader, None, 0)),
        )
    if tag == "instruction_received":
        title, unit = values["title"], values["unit"]
        return (_item(("instructions.plan", values["received_at"], "plan", title, unit, None, 0)),)
    if tag != "meeting_held":
        return ()
    kind, ended = values["kind"], values["ended_at"]
    items: list[Item] = []
    if kind in MINUTED_KINDS:
        minutes: dict[str, Any] = {}
        involves = values["involves_personnel_money_assets"]
        if kind == "special_topic" and involves is not None:
            minutes["involves_personnel_money_assets"] = involves
        items.append(Item(f"minutes.{kind}", ended, "minutes", values["title"], "", minutes))
    for number, document in enumerate(values["documents"], 1):
        what = f"document/{document.id or number}"
        items.append(Item("documents.issue", ended, what, document.title))
    for number, matter in enumerate(values["matters"], 1):
        limits = matter.limits()
        if limits:  # art. 12: a matter without a specific requirement owes nothing
            what = f"matter/{matter.id or number}"
            items.append(
                Item(
                    "decisions.time_limited",
                    ended,
                    what,
                    matter.title,
                    matter.owner,
                    limits,
                    number,
                )
            )
    return tuple(items)


_item = functools.partial(tuple.__new__, Item)  # every field given, in order


def count_items(
    engine: Engine,
    event_id: str,
    items: Iterable[Item],
    answers: Iterable[Answer | None] | None = None,
    *,
    explain: bool = True,
    line: int | None = None,
    obligation_id: str | None = None,
) -> tuple[list[Obligation], list[tuple[str, DeadlinesError]]]:
    """The obligations of an event's items (`plan_values`), each counted by `engine` or taken
    from its answer in `answers` where one is given (`deadlines.frame._count.count_rows`
    counted it with others beforehand), and each matter that could not be counted, by its
    path (``matters[1].deadline``) and error: it drops only itself. Each is called
    ``EVENT/WHAT``, or `obligation_id` (`oblige`'s one item).

    One loop with nothing called per item but what it needs: a province's ledger makes a
    million obligations here.

    Raises:
        DeadlinesError: as `oblige`, for an item of the event itself.
    """
    made: list[Obligation] = []
    failed: list[tuple[str, DeadlinesError]] = []
    conventions = engine.conventions
    share = sharing()
    given = _NO_ANSWERS if answers is None else answers
    for item, answer in zip(items, given, strict=False):  # _NO_ANSWERS never ends
        params = item.params
        try:
            if answer is None:
                # stacklevel: the caller of `derive` or `oblige`, past this and `Engine._count`
                rule, start, outcome, trace = engine._count(
                    item.rule_id, item.trigger, params or {}, explain=explain, stacklevel=4
                )
                due, last, provisional = outcome.due, outcome.last_day, outcome.provisional
                parts: tuple[Part, ...] = tuple(outcome.parts)
            else:
                rule, start, due, last, provisional = answer
                parts = trace = ()
            if params:
                unit = unit_of(rule.limit, params, conventions)
                kept = tuple(sorted(params.items()))
                kept = share(kept, kept)
            else:
                unit = known_unit(rule, conventions) or _unit(rule, conventions)
                kept = ()
        except DeadlinesError as error:
            if not item.matter:
                raise
            # Say which matter: the engine only knows its input's name (input_field).
            limits, named = params or {}, error.input_field
            field = named if named in limits else next(iter(limits))
            path = "ended_at" if named == "at" else f"matters[{item.matter - 1}].{field}"
            error.event_field = path  # type: ignore[attr-defined]
            failed.append((path, error))
            continue
        responsible = item.responsible
        obligation = _new_obligation(
            f"{event_id}/{item.what}" if obligation_id is None else obligation_id,
            rule.id, rule.title_zh, rule.title_en, event_id, item.subject,
            share(responsible, responsible), start, due, last, unit, rule.citation,
            provisional, kept, parts, trace, line,
        )  # fmt: skip
        made.append(obligation)
    return made, failed


#: No answer for any item: each is counted by the engine.
_NO_ANSWERS = itertools.repeat(None)


def _unit(rule: Rule, conventions: Conventions) -> Unit:
    """`unit_of` the rule's limit without parameters, remembered per rule version."""
    unit = unit_of(rule.limit, {}, conventions)
    _UNITS[id(rule)] = (rule, conventions, unit)  # holds the rule: its id stays its own
    return unit


_UNITS: dict[int, tuple[Rule, Conventions, Unit]] = {}


def known_unit(rule: Rule, conventions: Conventions) -> Unit | None:
    """The unit of `rule` without parameters, if `count_items` has told it already."""
    known = _UNITS.get(id(rule))
    if known is not None and known[0] is rule and known[1] is conventions:
        return known[2]
    return None


def sharing() -> Callable[[_T, _T], _T]:
    """``share(value, value)``: one copy of a value many obligations hold (a unit's name, a
    matter's limit), as a province's ledger would otherwise keep a million copies of a few
    hundred values. Called once per event or batch (the copies kept are few, not bounded)."""
    if len(_SHARED) >= _SHARED_MAX:
        _SHARED.clear()
    return _SHARED.setdefault


_T = TypeVar("_T")
_SHARED: dict[Any, Any] = {}
_SHARED_MAX = 100_000


def fast_init(cls: type[Any]) -> Callable[..., Any]:
    """A constructor of the frozen slotted dataclass `cls` taking every field by position,
    three times as fast as its ``__init__`` (which sets each field through
    ``object.__setattr__``): a ledger makes a million obligations.

    It fills an object of a plain twin class with the same slots, which Python sets
    directly, then makes it a `cls`: the layouts are the same, so Python allows the change
    of class (and would refuse it at once, here, if they ever differed).
    """
    names = [field.name for field in dataclasses.fields(cls)]
    twin = type(f"_{cls.__name__}", (), {"__slots__": tuple(cls.__slots__)})
    scope: dict[str, Any] = {"new": object.__new__, "twin": twin, "cls": cls}
    body = "".join(f"    made.{name} = {name}\n" for name in names)
    exec(  # our own field names, checked by dataclasses
        f"def make({', '.join(names)}):\n    made = new(twin)\n{body}"
        "    made.__class__ = cls\n    return made\n",
        scope,
    )
    make: Callable[..., Any] = scope["make"]
    make(*[None] * len(names))  # the change of class tried now, not on a ledger's first
    return make


_new_obligation = fast_init(Obligation)
