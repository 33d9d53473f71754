"""`Engine`: a calendar, conventions and a rule set, answering "when is this due?"."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, final

from deadlines._discovery import plugins_wanted
from deadlines._errors import (
    DeadlinesError,
    InvalidArgumentError,
    InvalidValueError,
    NotADeadlineError,
    OutOfRangeError,
    ProvisionalDateWarning,
)
from deadlines._messages import Said
from deadlines._result import DueResult, TraceStep, trusted
from deadlines._time import check_date, parse_instant, to_china
from deadlines.calendar import ChinaCalendar
from deadlines.rules import OPINION_2020, Blackout, Conventions, Rule, RuleSet
from deadlines.rules._trace import said
from deadlines.rules._values import Context, Outcome

if TYPE_CHECKING:
    from deadlines._plugins import Configuration, PluginInfo
    from deadlines._thresholds import Thresholds

_RULE_ID_EXPECTED = Said("engine.rule_id")


# Built without validation: all defaults, and the schema is not needed to start up.
_DEFAULTS = Conventions.model_construct()


@final
class Engine:
    """Computes due instants: the face (CLI, batch, supervision) calls this, nothing lower.

    Args:
        calendar: the working-day calendar; the official one by default.
        rules: the rule set; the 2020 opinion by default.
        conventions: the counting options every rule uses unless it pins its own.
        plugins: plugins for this engine only: modules or objects with `deadlines.hookimpl`
            functions, or a mapping of names to them. See `deadlines.hookspecs`.
        discover_plugins: whether to add the plugins installed under the ``deadlines``
            entry-point group (unless ``$DEADLINES_DISABLE_PLUGIN_AUTOLOAD`` is set).

    Attributes:
        rules: the rule set in force, the plugins' changes applied (read-only).
        plugins: the plugins applied, each with what it changes.
        supervision_thresholds: when supervision warns and escalates: those the plugins
            set, else the default.

    Raises:
        InvalidArgumentError: `calendar`, `rules` or `conventions` is not of its type.
        PluginError: a plugin cannot be loaded, or one of its hooks raised or returned the
            wrong type. The engine is not built: nothing is half-applied.
        PluginConflictError: two plugins of the same rank change one thing differently.

    >>> from datetime import datetime
    >>> engine = Engine()
    >>> engine.due("minutes.executive", datetime(2026, 9, 30, 17)).due.isoformat()
    '2026-10-10T17:30:00+08:00'
    """

    __slots__ = ("_rules", "_setup", "_versions", "calendar", "conventions")

    def __init__(
        self,
        calendar: ChinaCalendar | None = None,
        rules: RuleSet | None = None,
        *,
        conventions: Conventions | None = None,
        plugins: Iterable[object] | Mapping[str, object] = (),
        discover_plugins: bool = True,
    ) -> None:
        for name, value, kind in (
            ("calendar", calendar, ChinaCalendar),
            ("rules", rules, RuleSet),
            ("conventions", conventions, Conventions),
        ):
            if value is not None and not isinstance(value, kind):
                raise InvalidArgumentError(name, value, f"a {kind.__name__} or None")
        rules = rules if rules is not None else OPINION_2020
        conventions = conventions if conventions is not None else _DEFAULTS
        # Everything the plugins change is built first and taken whole, or not at all.
        setup = None
        if plugins_wanted(plugins, discover=discover_plugins):
            # Imported only now: the plugin machinery is a large module most runs never need.
            from deadlines._plugins import configure

            setup = configure(
                calendar, rules, conventions, plugins=plugins, discover=discover_plugins
            )
        self._setup: Configuration | None = setup
        if setup is not None:
            calendar = setup.calendar if setup.calendar is not None else calendar
            rules, conventions = setup.rules, setup.conventions
        self.calendar = calendar if calendar is not None else ChinaCalendar()
        self._rules = rules
        self.conventions = conventions
        self._versions = _versions(rules)

    def __repr__(self) -> str:
        names = f", plugins={[p.name for p in self.plugins]!r}" if self.plugins else ""
        return f"Engine({self.calendar!r}, {self.rules!r}, conventions={self.conventions!r}{names})"

    @property
    def rules(self) -> RuleSet:
        """The rule set in force; read-only, since `due` reads an index of it built once."""
        return self._rules

    @property
    def plugins(self) -> tuple[PluginInfo, ...]:
        """The plugins applied, each with what it changes."""
        return self._setup.plugins if self._setup is not None else ()

    @property
    def supervision_thresholds(self) -> Thresholds:
        """When supervision warns of an obligation and escalates it: the plugins' or the default.

        Plugins set them with ``deadlines_supervision_thresholds``. A
        `deadlines.supervision.Supervisor` on this engine uses them unless it is given
        thresholds itself, which win.

        >>> Engine(discover_plugins=False).supervision_thresholds
        Thresholds()
        """
        if self._setup is not None and self._setup.supervision_thresholds is not None:
            return self._setup.supervision_thresholds
        # Imported here: `deadlines due` never needs the thresholds.
        from deadlines._thresholds import Thresholds

        return Thresholds()

    def rule(self, rule_id: str, on: dt.date | None = None) -> Rule:
        """The version of `rule_id` in effect on `on` (the latest when `on` is None)."""
        return self.rules.get(rule_id, on)

    def due(
        self,
        rule_id: str,
        at: dt.datetime | str,
        /,
        *,
        explain: bool = True,
        **params: Any,  # noqa: ANN401 - each rule documents its own parameters
    ) -> DueResult:
        """When the limit of `rule_id` ends for a trigger at `at`.

        Args:
            rule_id: a rule id such as ``minutes.executive``.
            at: the trigger (the end of the meeting, the receipt); a naive datetime or ISO text
                without offset means Asia/Shanghai.
            explain: build the trace (costs time in bulk; the due instant is the same).
            **params: what the rule needs, e.g. ``limit_days=15`` for
                ``decisions.time_limited``.

        Raises:
            UnknownRuleError: no such rule.
            NotInEffectError: the trigger is outside every version's effective dates.
            NotADeadlineError: the rule is a blackout or a quota.
            MissingParameterError: the rule needs a parameter that was not given.
            InvalidValueError: a parameter the rule does not read, or a bad value.
            OutOfRangeError: the trigger, or the due date it leads to, lies outside the
                calendar (also when a count is too large for any date).

            Each error's ``input_field`` names the input at fault: ``rule``, ``at``, or the
            parameter (``limit_days`` when a limit that long runs out of the calendar).

        Warns:
            ProvisionalDateWarning: the result relies on a day no notice has settled yet.
        """
        rule, start, outcome, trace = self._count(
            rule_id, at, params, explain=explain, stacklevel=3
        )
        said = outcome.warnings  # nearly always none: spelled only when there are some
        en, zh = ((), ()) if not said else (tuple(w.render(x) for w in said) for x in ("en", "zh"))
        return trusted(
            DueResult,
            {
                "rule_id": rule_id,
                "title_zh": rule.title_zh,
                "title_en": rule.title_en,
                "at": start,
                "due": outcome.due,
                "due_date": outcome.last_day,
                "provisional": outcome.provisional,
                "citation": rule.citation,
                "effective_from": rule.effective_from,
                "parts": tuple(outcome.parts),
                "warnings": en,
                "warnings_zh": zh,
                "trace": trace,
            },
        )

    def _count(
        self,
        rule_id: str,
        at: dt.datetime | str,
        params: dict[str, Any],
        *,
        explain: bool,
        stacklevel: int = 2,
    ) -> tuple[Rule, dt.datetime, Outcome, tuple[TraceStep, ...]]:
        """`due` without its `DueResult` (supervision counts a million obligations through it):
        the rule version, trigger, outcome and trace; raises and warns (`stacklevel`) as `due`."""
        try:
            if type(rule_id) is not str:
                wrong = InvalidArgumentError("rule_id", rule_id, _RULE_ID_EXPECTED)
                wrong.input_field = "rule"
                raise wrong
            start = parse_instant("at", at) if isinstance(at, str) else to_china("at", at)
            day = start.date()
            # The version in effect, from the engine's index (RuleSet.get is the slow path that
            # also raises the errors: unknown id, not in effect).
            for first, last, found in self._versions.get(rule_id, ()):
                if first <= day and (last is None or day <= last):
                    rule, hint, accepted = found
                    break
            else:
                rule = self.rules.get(rule_id, day)
                hint = rule.limit.not_a_deadline
                accepted = rule.limit.parameters()
            limit = rule.limit
            if hint is not None:
                raise NotADeadlineError(rule_id, *hint)
            if params:
                unknown = set(params) - accepted
                if unknown:
                    name = sorted(unknown)[0]
                    values = {"rule": rule_id, "names": tuple(sorted(accepted))}
                    reads = "engine.parameter" if accepted else "engine.parameter.none"
                    raise InvalidValueError(name, params[name], Said(reads, values))
            ctx = Context(
                self.calendar, self.conventions, explain=explain, params=params, rule_id=rule_id
            )
            outcome = limit.evaluate(start, ctx)
            trace: tuple[TraceStep, ...] = ()
            if explain:
                trace = (*self._preamble(rule, start), *outcome.steps)
        except DeadlinesError as error:
            if error.input_field is None:  # the limit that raised it named no parameter
                argument = getattr(error, "argument", None)
                ours = argument == "at" or argument in params
                error.input_field = argument if ours else error._blames
            raise
        except OverflowError:  # a count too large for a date: the rule's own (a policy file's)
            first, last = self.calendar.first_date, self.calendar.last_date
            span = {"what": Said("engine.what.trigger"), "first": str(first), "last": str(last)}
            overflow = OutOfRangeError("at", at, first, last, Said("engine.within_calendar", span))
            overflow.input_field = "at"
            raise overflow from None
        if outcome.provisional:
            settled = self.calendar.provisional_from - dt.timedelta(days=1)
            if explain:
                trace = (*trace, said("provisional", "trace.provisional", day=settled))
            warning = ProvisionalDateWarning.of(
                rule_id, start.isoformat(), outcome.due.isoformat(), settled
            )
            warnings.warn(warning, stacklevel=stacklevel)
        return rule, start, outcome, trace

    def violates(self, rule_id: str, day: dt.date | dt.datetime) -> bool:
        """Whether `day` falls in the blackout of `rule_id` (e.g. ``meetings.march_freeze``).

        Raises:
            InvalidArgumentError: `day` is neither a date nor a datetime.
            InvalidValueError: the rule is not a blackout.
        """
        if type(rule_id) is not str:
            raise InvalidArgumentError("rule_id", rule_id, _RULE_ID_EXPECTED)
        on = to_china("day", day).date() if isinstance(day, dt.datetime) else check_date("day", day)
        rule = self.rules.get(rule_id, on)
        if not isinstance(rule.limit, Blackout):
            ids = tuple(r.id for r in self.rules.rules if isinstance(r.limit, Blackout))
            expected = (
                Said("engine.blackout_id", {"ids": ids}) if ids else Said("engine.blackout_id.none")
            )
            raise InvalidValueError("rule_id", rule_id, expected)
        return rule.limit.violates(on)

    def _preamble(self, rule: Rule, start: dt.datetime) -> tuple[TraceStep, ...]:
        steps = [
            said("trigger", "trace.trigger", at=start),
            _version_step(rule, self.rules.versions(rule.id), start.date()),
        ]
        if self._setup is not None:  # what plugins changed in this rule, then in every rule
            steps += self._setup.rule_steps.get((rule.id, rule.effective_from), ())
            steps += self._setup.steps
        return tuple(steps)


def _version_step(rule: Rule, versions: tuple[Rule, ...], day: dt.date) -> TraceStep:
    """Which version of the rule applied and, when it has several, why this one."""
    window, article = rule.window_said(), rule.citation.article
    values: dict[str, Any] = {"rule": rule.id, "window": window, "article": article}
    if len(versions) <= 1:
        return said("version", "trace.version", origin=rule.origin, **values)
    first, last = rule.effective_from, rule.effective_until
    why = (
        Said("window.why_open", {"first": first})
        if last is None
        else Said("window.why_closed", {"first": first, "last": last})
    )
    values.update(
        day=day, why=why, others=tuple(v.window_said() for v in versions if v is not rule)
    )
    return said("version", "trace.version.chosen", origin=rule.origin, **values)


_Found = tuple[Rule, "tuple[Said, Said] | None", frozenset[str]]
_Versions = dict[str, tuple[tuple[dt.date, "dt.date | None", _Found], ...]]


def _versions(rules: RuleSet) -> _Versions:
    """Each id's versions with what `Engine.due` checks of them, computed once per engine."""
    return {
        rule_id: tuple(
            (
                rule.effective_from,
                rule.effective_until,
                (rule, rule.limit.not_a_deadline, rule.limit.parameters()),
            )
            for rule in rules.versions(rule_id)
        )
        for rule_id in rules.ids
    }
