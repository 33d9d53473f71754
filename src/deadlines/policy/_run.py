"""Running cases: each trigger put to an engine with its policy, and compared with what it expects.

`outcome` (one trigger's result as data) serves `deadlines diff` too.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deadlines import _errors as errors
from deadlines._engine import Engine
from deadlines._messages import Said
from deadlines.calendar import ChinaCalendar
from deadlines.policy._cases import Actual, CaseResult, Mismatch, _show, find_case_files, load_cases
from deadlines.policy._errors import CaseFileError
from deadlines.policy._files import BUILTIN_POLICIES, load_policy
from deadlines.policy._toml import inline
from deadlines.rules import RuleSet

if TYPE_CHECKING:
    from deadlines.policy._cases import Case, CaseFile, CaseStatus, Expectation


class CaseRunner:
    """Runs cases, keeping one engine per policy and one calendar per set of overrides.

    Args:
        calendar: the calendar for case files without overrides; the official one by default.
    """

    def __init__(self, calendar: ChinaCalendar | None = None) -> None:
        self._calendars: dict[tuple[Path, ...], ChinaCalendar] = {}
        if calendar is not None:
            self._calendars[()] = calendar
        self._engines: dict[tuple[str, tuple[Path, ...]], Engine] = {}
        self._policies: dict[str, RuleSet] = {}

    def calendar(self, overrides: tuple[Path, ...] = ()) -> ChinaCalendar:
        """The calendar with these override files."""
        if overrides not in self._calendars:
            self._calendars[overrides] = ChinaCalendar(overrides)
        return self._calendars[overrides]

    def policy(self, source: str, relative_to: Path) -> RuleSet:
        """The rule set of a built-in name or a policy file relative to a folder (cached)."""
        key = source if source in BUILTIN_POLICIES else str((relative_to / source).resolve())
        if key not in self._policies:
            self._policies[key] = load_policy(key)
        return self._policies[key]

    def engine(self, rules: RuleSet, overrides: tuple[Path, ...] = ()) -> Engine:
        """An engine with a policy and calendar overrides (cached by the policy's identity)."""
        key = (f"{id(rules)}", overrides)
        if key not in self._engines:
            # Hermetic: a case tests the policy it names, whatever plugins this machine has.
            self._engines[key] = Engine(self.calendar(overrides), rules, discover_plugins=False)
        return self._engines[key]

    def run_file(self, path: str | Path) -> list[CaseResult]:
        """Run every case of a file; a file that cannot be loaded is one failed result."""
        file = Path(path)
        try:
            cases = load_cases(file)
        except CaseFileError as error:
            return [CaseResult.failed(file, 0, None, error)]
        return [self.run_one(file, cases, index) for index in range(1, len(cases.case) + 1)]

    def run_one(self, path: str | Path, cases: CaseFile, index: int) -> CaseResult:
        """Run the `index`-th (1-based) case of a case file already loaded from `path`.

        A policy or calendar override that cannot be loaded fails the case with its message.
        """
        file = Path(path)
        case = cases.case[index - 1]
        source = case.policy or cases.policy or "opinion-2020"
        try:
            overrides = tuple((file.parent / o).resolve() for o in cases.overrides)
            rules = self.policy(source, file.parent)
            engine = self.engine(rules, overrides)
        except errors.DeadlinesError as error:
            return CaseResult.failed(file, index, case, error)
        result = run_case(case, engine)
        return result.model_copy(update={"path": str(file), "index": index})

    def run(self, paths: Iterable[str | Path]) -> Iterator[CaseResult]:
        """Run the case files named and under the folders named, in order."""
        for file in find_case_files(paths):
            yield from self.run_file(file)


def run_cases(
    paths: Iterable[str | Path], *, calendar: ChinaCalendar | None = None
) -> list[CaseResult]:
    """Run case files (and the ``*.deadlines.toml`` under folders) and return every result.

    Raises:
        CaseFileError: a path does not exist. Malformed files are failed results instead.
    """
    return list(CaseRunner(calendar).run(paths))


def outcome(
    engine: Engine,
    rule_id: str,
    at: dt.datetime | dt.date,
    params: dict[str, Any],
    *,
    explain: bool = True,
    lenient: bool = False,
) -> Actual:
    """What the engine gives for one trigger (a date for a blackout) as data, errors included.

    `explain` keeps the trace and the warnings (slower). `lenient` drops the parameters the
    rule does not read, so one event can be put to two policies whose rules read different ones.
    """
    day = at.date() if isinstance(at, dt.datetime) else at
    try:
        rule = engine.rule(rule_id, day)
    except errors.UnknownRuleError as error:
        return _failed(error, "unknown_rule")
    except errors.NotInEffectError as error:
        return _failed(error, "not_in_effect")
    violates = getattr(rule.limit, "violates", None)
    if violates is not None:  # a limit that answers for a day (a blackout) has no due date
        status: CaseStatus = "violates" if violates(day) else "allowed"
        return Actual(status=status, effective_from=rule.effective_from)
    if lenient:
        reads = rule.limit.parameters()
        params = {k: v for k, v in params.items() if k in reads}
    with warnings.catch_warnings(record=True) if explain else nullcontext() as caught:
        if explain:
            warnings.simplefilter("always", errors.ProvisionalDateWarning)
        try:
            result = engine.due(rule_id, at, explain=explain, **params)  # type: ignore[arg-type]
        except errors.DeadlinesError as error:
            status = next((s for kind, s in _STATUSES if isinstance(error, kind)), "error")
            return _failed(error, status, effective_from=rule.effective_from)
        except Exception as error:  # a bug: one case must not stop the others
            bug = Said("policy.bug", {"kind": type(error).__name__, "detail": str(error)})
            return Actual(
                status="error",
                effective_from=rule.effective_from,
                message=bug.render("en"),
                message_zh=bug.render("zh"),
            )
    return Actual.model_construct(
        status="due",
        due=result.due,
        due_date=result.due_date,
        provisional=result.provisional,
        effective_from=result.effective_from,
        message="",
        trace_en=result.explain("en") if explain else "",
        trace_zh=result.explain("zh") if explain else "",
        warnings=tuple(str(w.message) for w in caught or ()),
    )


#: The status of each kind of error a due date may meet; any other is ``error``.
_STATUSES: tuple[tuple[type[Exception] | tuple[type[Exception], ...], CaseStatus], ...] = (
    (errors.NotADeadlineError, "not_a_deadline"),
    (errors.MissingParameterError, "missing_parameter"),
    ((errors.InvalidValueError, errors.InvalidArgumentError), "invalid_value"),
)


def _failed(error: errors.DeadlinesError, status: CaseStatus, **fields: Any) -> Actual:  # noqa: ANN401
    return Actual(status=status, message=str(error), message_zh=error.render("zh"), **fields)


def run_case(case: Case, engine: Engine) -> CaseResult:
    """Run one case against an engine and compare what came out with what it expects."""
    actual = outcome(engine, case.rule, case.at, case.params)
    return CaseResult(
        path="<string>",
        index=1,
        case=case,
        policy=engine.rules.name,
        actual=actual,
        mismatches=tuple(compare(case.expect, actual)),
    )


def compare(expect: Expectation, actual: Actual) -> Iterator[Mismatch]:
    """The expectations `actual` does not meet."""
    implied = "due" if expect.due is not None or expect.due_date is not None else None
    status = expect.status or implied
    if status is not None and status != actual.status:
        detail = f"{actual.status}: {actual.message}" if actual.message else actual.status
        yield Mismatch(field="status", expected=status, actual=detail)
    checks: list[tuple[str, object, object]] = [
        ("due", expect.due, actual.due),
        ("due_date", expect.due_date, actual.due_date),
        ("provisional", expect.provisional, actual.provisional),
        ("effective_from", expect.effective_from, actual.effective_from),
    ]
    for field, wanted, got in checks:
        if wanted is not None and wanted != got:
            yield Mismatch(field=field, expected=_show(wanted), actual=_show(got))
    missing = Said("policy.case.not_in_trace" if actual.trace_en else "policy.case.no_trace")
    for text in expect.trace_contains:
        if text not in actual.trace_en and text not in actual.trace_zh:
            yield Mismatch(
                field="trace_contains",
                expected=inline(text),
                actual=missing.render("en"),
                said=missing,
            )
    wanted = expect.message_contains
    if wanted is not None and wanted not in actual.message and wanted not in actual.message_zh:
        said = None if actual.message else Said("policy.case.no_error")
        yield Mismatch(
            field="message_contains",
            expected=inline(expect.message_contains),
            actual=inline(actual.message) if said is None else said.render("en"),
            said=said,
        )
