"""The hooks a plugin implements to change what applies locally, without forking the library.

A plugin is a module (or any object) whose functions named ``deadlines_*`` are marked with
`deadlines.hookimpl`. It is found through the entry-point group ``deadlines`` of an installed
distribution, or passed to one engine in code: ``Engine(plugins=[module])``.

Every hook is called once, while an `Engine` is being built, never while it computes a due
date. It receives the *base* configuration (what the engine was given, before any plugin) and
returns what it changes, or ``None``. Every plugin's answer is merged: where two change one
thing differently, ``@hookimpl(tryfirst=True)`` wins over a plain implementation, which wins
over ``trylast=True``, and two of the same rank are a `PluginConflictError` naming both.
Wrappers are refused: a change must be a value the engine can compare and report. A hook that
raises, returns the wrong type, contradicts the plugin's other hooks or returns an answer that
raises while it is read fails the engine's construction with a `PluginError` naming the plugin
and the hook; the engine never half-applies a plugin.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from pluggy import HookimplMarker, HookspecMarker

if TYPE_CHECKING:
    from deadlines._thresholds import Thresholds
    from deadlines.calendar import CalendarOverride, OfficeHours
    from deadlines.rules import Conventions, Rule, RuleSet

__all__ = [
    "deadlines_calendar",
    "deadlines_conventions",
    "deadlines_disable_rules",
    "deadlines_labels",
    "deadlines_office_hours",
    "deadlines_rules",
    "deadlines_supervision_thresholds",
    "hookimpl",
]

#: Marks a hook specification of this module.
hookspec = HookspecMarker("deadlines")

#: Marks a plugin's hook implementation: ``@hookimpl`` or ``@hookimpl(tryfirst=True)``.
hookimpl = HookimplMarker("deadlines")


@hookspec
def deadlines_calendar() -> CalendarOverride | None:
    """Days off and make-up working days to lay over the official calendar.

    Called once per engine, before its calendar is built. All plugins' results are collected
    (not ``firstresult``). The days become the calendar's local days and notices, applied after
    any override file the engine's calendar already has. Each `Day` the engine then reports
    names this plugin as its ``origin``, and so does every trace step that counts or skips it.

    Returns:
        A `CalendarOverride` whose ``local`` days (single days set off or on) and ``notices``
        (whole years) the plugin adds, or ``None``. Its ``origin`` is replaced by the plugin's
        name. A day one plugin sets off and another sets on, or a year's notice from two
        plugins, is a conflict unless one of them ranks higher.

    .. versionadded:: 0.1.0
    """


@hookspec
def deadlines_office_hours(office_hours: OfficeHours) -> OfficeHours | None:
    """The office hours to use instead of the base ones, e.g. with a summer schedule.

    Called once per engine, before its calendar is built. All results are collected (not
    ``firstresult``); a result equal to `office_hours` changes nothing. Two plugins returning
    different office hours are a conflict unless one of them ranks higher.

    :param office_hours: the office hours of the engine's calendar, before any plugin.

    Returns:
        The whole new `OfficeHours` (sessions and seasons), or ``None``.

    .. versionadded:: 0.1.0
    """


@hookspec
def deadlines_conventions(conventions: Conventions) -> Mapping[str, object] | None:
    """New defaults for counting conventions, e.g. ``{"cutoff": Cutoff.MIDNIGHT}``.

    Called once per engine. All results are collected (not ``firstresult``) and merged field
    by field, so one plugin may change the cutoff and another the hour clock. The values are
    validated as `Conventions` fields (an enum member or its value). A rule that pins its own
    option keeps it.

    :param conventions: the engine's conventions, before any plugin.

    Returns:
        A mapping of `Conventions` field names to new values, or ``None``.

    .. versionadded:: 0.1.0
    """


@hookspec
def deadlines_rules(rules: RuleSet) -> Iterable[Rule] | None:
    """Rules to change, replace or add, each with its own citation where it is new.

    Called once per engine. All results are collected (not ``firstresult``). A returned rule
    with the id and ``effective_from`` of a version in `rules` changes that version: only the
    fields that differ from it count as the plugin's changes, so two plugins changing
    different fields of one rule both apply. Any other rule is added (a new rule, or a new
    dated version; end the old version with ``effective_until`` so they do not overlap). The
    engine sets each changed or added rule's ``origin`` to the plugin's name; the ``version``
    step of a trace shows it.

    :param rules: the engine's rule set, before any plugin.

    Returns:
        An iterable of `Rule` values, e.g.
        ``[rules.get("routing.ordinary").evolve(limit=Hours(24))]``, or ``None``.

    .. versionadded:: 0.1.0
    """


@hookspec
def deadlines_disable_rules(rules: RuleSet) -> Iterable[str] | None:
    """Ids of rules that do not apply locally; every version of each is removed.

    Called once per engine. All results are collected (not ``firstresult``). A rule one plugin
    disables and another changes is a conflict unless one of them ranks higher.

    :param rules: the engine's rule set, before any plugin.

    Returns:
        An iterable of rule ids present in `rules`, or ``None``.

    .. versionadded:: 0.1.0
    """


@hookspec
def deadlines_labels(rules: RuleSet) -> Mapping[str, Mapping[str, str]] | None:
    """Local titles and translations of rules, without changing what they require.

    Called once per engine, after the rules of every plugin are known. All results are
    collected (not ``firstresult``). A label applies to every version of the rule, and it is
    a change of that field like any other: it conflicts with another plugin setting the same
    field differently, unless one of them ranks higher.

    :param rules: the engine's rule set, before any plugin.

    Returns:
        ``{rule_id: {field: text}}`` where each field is one of ``title_zh``, ``title_en``,
        ``actor_zh``, ``actor_en``; or ``None``.

    .. versionadded:: 0.1.0
    """


@hookspec
def deadlines_supervision_thresholds(
    thresholds: Thresholds,
) -> Thresholds | Mapping[str, Thresholds] | None:
    """When supervision warns of an obligation, and when it escalates an overdue one.

    Called once per engine, after its rules are known; never while a ledger is built or a
    status is asked for. All results are collected (not ``firstresult``) and merged field by
    field (``warning``, ``escalate_after``), for the default thresholds and for each rule or
    family apart: one plugin may open the warning window earlier, another escalate the
    ``minutes`` family sooner. Only the fields that differ from `thresholds` count as a
    plugin's changes; a field a rule's or family's thresholds leave alone follows the merged
    default. Two plugins setting one field of the same rule, family or default differently are
    a conflict unless one of them ranks higher.

    The merged thresholds are `Engine.supervision_thresholds`. A `Supervisor` uses them unless
    it is given thresholds itself: ``Supervisor(thresholds=...)``, ``Ledger.status(at,
    thresholds=...)`` and the options of ``deadlines check`` (``--warn-days``,
    ``--warn-fraction``, ``--escalate-after``) win over every plugin.

    :param thresholds: the library's default thresholds, ``Thresholds()``, before any plugin.

    Returns:
        A `Thresholds` that replaces the default (its ``per_rule`` entries included, e.g.
        ``Thresholds(warning=WorkingDaysBefore(2))``); or a mapping of rule ids
        (``minutes.executive``) or families (``minutes``, for every ``minutes.*`` rule, as
        `Thresholds.for_rule` looks them up) to the `Thresholds` of that rule or family alone,
        e.g. ``{"minutes": Thresholds(escalate_after=3)}``; or ``None``.

    .. versionadded:: 0.1.0
    """
