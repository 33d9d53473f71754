"""Combinators: limits made of limits, which flatten themselves (docs/design.md, "Rules are
values")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import Field, field_validator

from deadlines._errors import DeadlinesError, InvalidValueError, MissingParameterError, shown
from deadlines._messages import MESSAGES, Names, Said, say_in
from deadlines._result import Part
from deadlines.rules._constraints import Blackout, Quota, Recurrence
from deadlines.rules._conventions import Conventions, HourClock
from deadlines.rules._days import CalendarDays, WorkingDays
from deadlines.rules._hours import Hours
from deadlines.rules._limit import Limit, Unit, instant
from deadlines.rules._meeting import MeetingSetLimit
from deadlines.rules._same_day import OnArrival, SameDay
from deadlines.rules._trace import said
from deadlines.rules._values import Context, Outcome, Value

_TRUE = {"true", "1", "yes", "是", "y"}
_FALSE = {"false", "0", "no", "否", "n"}
_MAX_DIGITS = 18  # a longer number equals no rule's integer (and int() refuses past 4300)


def _not_a_constraint(limit: Limit) -> Limit:
    """Refuse a blackout or a quota as a part: neither has a due instant to combine."""
    if limit.not_a_deadline is not None:
        raise ValueError(
            f"a {limit.kind} has no due date, so it cannot be part of a combination; "
            "make it a rule of its own"
        )
    return limit


def _first_clock(
    limits: Iterable[Limit], conventions: Conventions, params: Mapping[str, Any] | None
) -> HourClock | None:
    """The clock of the first of `limits` that counts hours."""
    clocks = (limit.hour_clock(conventions, params) for limit in limits)
    return next((clock for clock in clocks if clock is not None), None)


def _joined(
    limits: Iterable[Limit],
    outcomes: list[Outcome],
    chosen: int,
    ctx: Context,
    names: Iterable[str],
    heads: tuple[str, ...] = (),
) -> Outcome:
    """Part `chosen`'s outcome, every part listed, steps under a heading (`heads[i]` or a label)."""
    pick = outcomes[chosen]
    outcome = Outcome(pick.due, pick.last_day, provisional=any(o.provisional for o in outcomes))
    for i, (limit, o, name) in enumerate(zip(limits, outcomes, names, strict=True)):
        label, actor = limit.label or name, limit.actor
        part = Part.model_construct(label=label, due=o.due, due_date=o.last_day, actor=actor)
        outcome.parts.append(part)
        outcome.warnings.extend(o.warnings)
        if ctx.explain and heads:
            outcome.steps += [said("part", heads[i]), *o.steps]
        elif ctx.explain:
            head = "trace.part.actor" if actor else "trace.part"
            outcome.steps += [said("part", head, label=label, actor=actor), *o.steps]
    return outcome


class _Combination(Limit):
    """Several limits from one trigger."""

    _positional: ClassVar[tuple[str, ...]] = ("limits",)
    limits: tuple[AnyLimit, ...] = Field(min_length=1)
    _distinct_parts: ClassVar[bool] = True  # parts that read the same are said once

    # Each subclass repeats this signature: type checkers otherwise synthesise a keyword-only
    # __init__ from the fields and reject AllOf(a, b).
    def __init__(self, *limits: Any, **data: Any) -> None:  # noqa: ANN401
        super().__init__(**data if not limits else {**data, "limits": limits})

    @field_validator("limits", mode="after")
    @classmethod
    def _flat(cls, limits: tuple[Limit, ...]) -> tuple[Limit, ...]:
        flat: list[Limit] = []
        for limit in map(_not_a_constraint, limits):
            # Only unlabelled inner combinations dissolve: a label names a part someone reads.
            dissolves = type(limit) is cls and not limit.label and not limit.actor
            flat.extend(limit.limits if isinstance(limit, _Combination) and dissolves else [limit])
        return tuple(flat)

    def children(self) -> tuple[Limit, ...]:
        return self.limits

    def describe(self, lang: str = "en") -> str:
        parts = [limit.describe(lang) for limit in self.limits]
        if self._distinct_parts:
            parts = list(dict.fromkeys(parts))
        if len(parts) == 1:
            return parts[0]
        return say_in(lang, f"limit.{self.kind}", parts=tuple(parts))

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        return frozenset().union(*(limit.units(params, conventions) for limit in self.limits))

    def hour_clock(
        self, conventions: Conventions, params: Mapping[str, Any] | None = None
    ) -> HourClock | None:
        return _first_clock(self.limits, conventions, params)

    def _combine(self, outcomes: list[Outcome], chosen: int, ctx: Context, verb: str) -> Outcome:
        names = (f"#{i}" for i in range(1, len(outcomes) + 1))
        outcome = _joined(self.limits, outcomes, chosen, ctx, names)
        if ctx.explain:
            label = outcome.parts[chosen].label
            outcome.steps.append(said("choose", verb, at=outcome.due, label=label))
        return outcome


class _OneOf(_Combination):
    """Parts counted from one trigger, the whole due when the latest part is (the earliest)."""

    _earliest: ClassVar[bool] = False
    _verb: ClassVar[str] = ""  # the message of the step that says which part applies

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        outcomes = [limit.evaluate(start, ctx) for limit in self.limits]
        choose = min if self._earliest else max
        chosen = choose(range(len(outcomes)), key=lambda i: outcomes[i].due)
        return self._combine(outcomes, chosen, ctx, self._verb)


class AllOf(_OneOf):
    """Every part must be met; the whole is due when the last part is."""

    kind: Literal["all_of"] = "all_of"
    _verb = "trace.choose.all_of"

    def __init__(self, *limits: Any, **data: Any) -> None:  # noqa: ANN401 - (see _Combination)
        super().__init__(*limits, **data)


class EarliestOf(_OneOf):
    """Due when the first of its parts is ("…or …, whichever is sooner")."""

    kind: Literal["earliest_of"] = "earliest_of"
    _verb = "trace.choose.earliest"
    _earliest = True

    def __init__(self, *limits: Any, **data: Any) -> None:  # noqa: ANN401 - (see _Combination)
        super().__init__(*limits, **data)


class LatestOf(_OneOf):
    """Due when the last of its parts is ("…or …, whichever is later")."""

    kind: Literal["latest_of"] = "latest_of"
    _verb = "trace.choose.latest"

    def __init__(self, *limits: Any, **data: Any) -> None:  # noqa: ANN401 - (see _Combination)
        super().__init__(*limits, **data)


class Sequence(_Combination):
    """Steps one after another: each starts when the previous is due, or done.

    Pass the parameter ``done`` as {label: instant} to start a step from the instant the step
    before it was actually completed. With `within`, the steps share one period counted from
    the sequence's trigger: each step is due by its own limit or the end of that period,
    whichever is sooner (the county head's approval before the signature, both within the same
    3 working days).
    """

    kind: Literal["sequence"] = "sequence"
    within: AnyLimit | None = None
    _distinct_parts = False  # a sequence of equal steps is longer than one step

    def __init__(self, *limits: Any, **data: Any) -> None:  # noqa: ANN401 - (see _Combination)
        super().__init__(*limits, **data)

    def parameters(self) -> frozenset[str]:
        return super().parameters() | {"done"}

    def children(self) -> tuple[Limit, ...]:
        return self.limits if self.within is None else (*self.limits, self.within)

    def describe(self, lang: str = "en") -> str:
        # Steps that share one period take as long as that period.
        return super().describe(lang) if self.within is None else self.within.describe(lang)

    def _done(self, given: object, start: dt.datetime) -> dict[str, dt.datetime]:
        """The ``done`` parameter checked: labels of this sequence → instants after `start`."""
        if given is None:
            return {}
        labels = [limit.label for limit in self.limits if limit.label]
        if not isinstance(given, Mapping):
            example = f'{{"{labels[0] if labels else "step"}": "2026-10-08T09:00"}}'
            raise InvalidValueError("done", given, Said("engine.done", {"example": example}))
        done: dict[str, dt.datetime] = {}
        for label, value in given.items():
            if label not in labels:
                steps = Said("engine.step_label", {"labels": tuple(labels)})
                none = Said("engine.step_label.none")
                raise InvalidValueError("done", label, steps if labels else none)
            done[label] = instant(f"done.{label}", value)
            if done[label] < start:
                what = {"what": Said("engine.what.trigger"), "at": shown(start)}
                raise InvalidValueError(f"done.{label}", value, Said("engine.after", what))
        return done

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        try:
            done = self._done(ctx.params.get("done"), start)
        except DeadlinesError as error:  # "done.review" is a part of the parameter done
            error.input_field = "done"
            raise
        bound = None if self.within is None else self.within.evaluate(start, ctx)
        outcomes: list[Outcome] = []
        at = start
        for limit in self.limits:
            outcome = limit.evaluate(at, ctx)
            if bound is not None and bound.due < outcome.due:  # cut short by the shared period
                provisional = bound.provisional or outcome.provisional
                outcome = Outcome(bound.due, bound.last_day, provisional=provisional)
                if ctx.explain:
                    outcome.steps.append(said("convention", "trace.within", at=bound.due, start=at))
            outcomes.append(outcome)
            at = done.get(limit.label, outcome.due)
        return self._combine(outcomes, len(outcomes) - 1, ctx, "trace.choose.sequence")


class Condition(Value):
    """A test on a parameter of the event, e.g. ``involves_personnel_money_assets == True``.

    The parameter is required: nothing is guessed when the event does not say.
    """

    parameter: str
    equals: bool | int | str = True

    def question(self) -> Said:
        """The condition as a clerk reads it: 是否涉及人、财、物等重要事项 (the parameter's name
        when the catalogue has no words for it)."""
        message = f"param.{self.parameter}"
        if message in MESSAGES:
            return Said(message)
        return Said("param.unnamed", {"name": self.parameter})

    def holds(self, params: dict[str, Any], rule_hint: str) -> bool:
        """Whether the event's parameter equals `equals`."""
        if self.parameter not in params:
            example = Said("engine.example.bool", {"name": self.parameter})
            raise MissingParameterError(rule_hint, self.parameter, example)
        value = params[self.parameter]
        # Command lines and CSV files pass text: read it as the type `equals` has, and refuse
        # what does not read as that type, rather than compare unlike values as unequal.
        if isinstance(self.equals, bool):
            if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
                value = value.strip().lower() in _TRUE
            if not isinstance(value, bool):
                raise InvalidValueError(self.parameter, value, "true or false")
        elif isinstance(self.equals, int):
            text = value.strip() if isinstance(value, str) else ""
            if text.removeprefix("-").isdecimal() and len(text) <= _MAX_DIGITS:
                value = int(text)
            if isinstance(value, bool) or not isinstance(value, int):
                such = Said("engine.integer", {"example": str(self.equals)})
                raise InvalidValueError(self.parameter, value, such)
        elif not isinstance(value, str):
            such = Said("engine.text", {"example": repr(self.equals)})
            raise InvalidValueError(self.parameter, value, such)
        return bool(value == self.equals)


class When(Limit):
    """One limit or another, by a condition on the event.

    A condition the event does not state is asked for only when the answer depends on it:
    when both branches end at the same instant, the answer is given, and the trace shows the
    `then` branch as conditional (`note_zh`, `note_en`). Otherwise the error names the
    parameter and shows the due instant of each value.
    """

    kind: Literal["when"] = "when"
    condition: Condition
    then: AnyLimit
    otherwise: AnyLimit
    note_zh: str = ""
    """What the `then` branch adds, in words, e.g. ``如涉及人、财、物等重要事项，须报县长审定``."""
    note_en: str = ""

    _parts = field_validator("then", "otherwise")(_not_a_constraint)

    def parameters(self) -> frozenset[str]:
        return super().parameters() | {self.condition.parameter}

    def children(self) -> tuple[Limit, ...]:
        return (self.then, self.otherwise)

    def describe(self, lang: str = "en") -> str:
        then, otherwise = self.then.describe(lang), self.otherwise.describe(lang)
        if then == otherwise:
            return then
        question = self.condition.question()
        return say_in(lang, "limit.when", question=question, then=then, otherwise=otherwise)

    def _branch(self, params: Mapping[str, Any] | None) -> AnyLimit | None:
        """The branch an event with `params` takes; ``None`` when its condition is unstated."""
        try:
            holds = self.condition.holds(dict(params or {}), "")
        except (LookupError, ValueError):
            return None
        return self.then if holds else self.otherwise

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        branch = self._branch(params)
        if branch is None:
            return self.then.units(params, conventions) | self.otherwise.units(params, conventions)
        return branch.units(params, conventions)

    def hour_clock(
        self, conventions: Conventions, params: Mapping[str, Any] | None = None
    ) -> HourClock | None:
        # The branch taken; unstated, both end together and the due is `otherwise`'s.
        branch = self._branch(params)
        if branch is not None:
            return branch.hour_clock(conventions, params)
        return _first_clock((self.otherwise, self.then), conventions, None)

    def sample_values(self) -> dict[str, tuple[Any, ...]]:
        equals = self.condition.equals
        other: Any = f"not {equals}"
        if isinstance(equals, bool | int):
            other = not equals if isinstance(equals, bool) else equals + 1
        return {self.condition.parameter: (equals, other)}

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        p, equals = self.condition.parameter, self.condition.equals
        if p not in ctx.params:
            return self._unstated(start, ctx)
        holds = self.condition.holds(ctx.params, ctx.rule_id)
        outcome = (self.then if holds else self.otherwise).evaluate(start, ctx)
        if ctx.explain:
            # A yes-or-no condition says the answer (是/否), whatever text the event gave.
            value = (holds == equals) if isinstance(equals, bool) else ctx.params[p]
            question = self.condition.question()
            outcome.steps.insert(
                0, said("condition", "trace.condition", question=question, value=value)
            )
        return outcome

    def _unstated(self, start: dt.datetime, ctx: Context) -> Outcome:
        """The answer without the condition, or the error when the answer depends on it."""
        p = self.condition.parameter
        then, outcome = self.then.evaluate(start, ctx), self.otherwise.evaluate(start, ctx)
        if then.due != outcome.due:
            values = {"name": p, "then": shown(then.due), "otherwise": shown(outcome.due)}
            raise MissingParameterError(ctx.rule_id, p, Said("engine.example.either", values))
        outcome.provisional = then.provisional or outcome.provisional
        outcome.warnings.extend(then.warnings)
        if ctx.explain:
            question = self.condition.question()
            more = Said("trace.condition.more", {"question": question})
            note = Names(self.note_zh, self.note_en or self.note_zh) if self.note_zh else more
            step = said(
                "condition", "trace.condition.unstated", at=then.due, question=question, note=note
            )
            outcome.steps.insert(0, step)
        return outcome


class Tiered(Limit):
    """A committed limit inside a statutory one (承诺时限 within 法定时限).

    Due at the committed limit; a committed limit that ends after the statutory one is reported
    in the result's warnings.
    """

    kind: Literal["tiered"] = "tiered"
    committed: AnyLimit
    statutory: AnyLimit

    _parts = field_validator("committed", "statutory")(_not_a_constraint)

    def children(self) -> tuple[Limit, ...]:
        return (self.committed, self.statutory)

    def describe(self, lang: str = "en") -> str:
        committed, statutory = self.committed.describe(lang), self.statutory.describe(lang)
        return say_in(lang, "limit.tiered", committed=committed, statutory=statutory)

    def units(self, params: Mapping[str, Any], conventions: Conventions) -> frozenset[Unit]:
        return self.committed.units(params, conventions)

    def hour_clock(
        self, conventions: Conventions, params: Mapping[str, Any] | None = None
    ) -> HourClock | None:
        # The due is the committed limit's, so a pause moves it on the committed limit's clock.
        return _first_clock(self.children(), conventions, params)

    def evaluate(self, start: dt.datetime, ctx: Context) -> Outcome:
        inner = self.committed.evaluate(start, ctx)
        outer = self.statutory.evaluate(start, ctx)
        names = ("committed", "statutory")
        heads = ("trace.part.committed", "trace.part.statutory")
        outcome = _joined(self.children(), [inner, outer], 0, ctx, names, heads)
        if inner.due > outer.due:
            values = {"committed": inner.due.isoformat(), "statutory": outer.due.isoformat()}
            outcome.warnings.append(Said("engine.warning.tiered", values))
        return outcome


AnyLimit = Annotated[
    Union[  # noqa: UP007 - a discriminated union needs the Union form under defer_build
        WorkingDays,
        CalendarDays,
        Hours,
        SameDay,
        OnArrival,
        MeetingSetLimit,
        AllOf,
        EarliestOf,
        LatestOf,
        Sequence,
        When,
        Tiered,
        Blackout,
        Quota,
        Recurrence,
    ],
    Field(discriminator="kind"),
]
"""Any limit, tagged by its `kind` in files."""
