"""Case files: declarative checks of a policy, one trigger and its expected result per case.

A case file (``*.deadlines.toml``) holds ``[[case]]`` tables::

    policy = "policy.toml"          # optional: a policy file beside this one, or a built-in name

    [[case]]
    name = "24 hours from 2027"
    rule = "routing.ordinary"
    at = 2027-01-05T10:00:00        # a TOML local date-time means Asia/Shanghai
    expect = {due = 2027-01-06T10:00:00, provisional = true}

Each case is run against an `Engine` with that policy. What may be expected: the `status`
(``due``; ``violates`` or ``allowed`` for a blackout; or the error a trigger gets, such as
``not_in_effect``), the `due` instant, the `due_date`, the `provisional` flag, the
`effective_from` of the version applied, text the trace must contain and text the error
message must contain. A provisional result is data here, never a warning that stops the run.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from deadlines._engine import Engine
from deadlines._errors import (
    DeadlinesError,
    InvalidArgumentError,
    InvalidValueError,
    MissingParameterError,
    NotADeadlineError,
    NotInEffectError,
    ProvisionalDateWarning,
    UnknownRuleError,
)
from deadlines._messages import Said, say
from deadlines._problems import InvalidInput, problems_of
from deadlines._result import Lang
from deadlines._time import CHINA_TZ
from deadlines.calendar import ChinaCalendar
from deadlines.policy._errors import (
    CaseFileError,
    PolicyFileError,
    check_path,
    read_file,
    schema_of,
)
from deadlines.policy._files import BUILTIN_POLICIES, load_policy
from deadlines.policy._toml import TOMLDecodeError, inline, loads_toml
from deadlines.rules import Blackout, RuleSet

__all__ = [
    "CASE_FILE_SUFFIX",
    "Actual",
    "Case",
    "CaseFile",
    "CaseResult",
    "CaseRunner",
    "CaseStatus",
    "Expectation",
    "Mismatch",
    "case_schema",
    "find_case_files",
    "load_cases",
    "outcome",
    "parse_cases",
    "run_case",
    "run_cases",
]

#: Case files are found (by `deadlines test DIR` and the pytest plugin) by this ending.
CASE_FILE_SUFFIX = ".deadlines.toml"

CaseStatus = Literal[
    "due",  # a due instant was computed
    "violates",  # the day falls in a blackout
    "allowed",  # the day does not fall in the blackout
    "not_in_effect",  # no version of the rule applies on the trigger's day
    "unknown_rule",  # the policy has no rule with this id
    "not_a_deadline",  # the rule is a quota (or another constraint without a due date)
    "missing_parameter",  # the rule needs a parameter the case did not give
    "invalid_value",  # a parameter or the trigger has a bad value
    "error",  # any other error of the library
]


class Expectation(BaseModel):
    """What a case expects; only the fields given are checked.

    Attributes:
        status: the kind of outcome; ``due`` is implied by `due` or `due_date`.
        due: the due instant (a naive one is Asia/Shanghai).
        due_date: the last day of the period.
        provisional: whether the result relies on days no notice has settled.
        effective_from: the first day of the rule version that applied.
        trace_contains: text the trace (English or Chinese) must contain, each item.
        message_contains: text the error message must contain.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    status: CaseStatus | None = None
    due: dt.datetime | None = None
    due_date: dt.date | None = None
    provisional: bool | None = None
    effective_from: dt.date | None = None
    trace_contains: tuple[str, ...] = ()
    message_contains: str | None = None

    @field_validator("due", mode="before")
    @classmethod
    def _instant(cls, value: object) -> object:
        # A TOML date would become midnight; a due instant is rarely midnight, so ask.
        day = _day_text(value)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            day = value.isoformat()
        if day is not None:
            raise InvalidInput("policy.due_is_date", day=day)
        if not isinstance(value, (str, dt.datetime)):
            raise InvalidInput("policy.due_not_instant", value=inline(value))
        return value

    @field_validator("due_date", "effective_from", mode="before")
    @classmethod
    def _day(cls, value: object, info: ValidationInfo) -> object:
        # pydantic would take midnight as its date, and an integer as a Unix time.
        name = str(info.field_name)
        if isinstance(value, dt.datetime):
            day = value.date().isoformat()
            if name == "due_date":
                raise InvalidInput("policy.due_date_not_instant", day=day, value=inline(value))
            raise InvalidInput("policy.day_not_instant", name=name, day=day)
        if not isinstance(value, (str, dt.date)):
            example = "2027-01-06" if name == "due_date" else "2027-01-01"
            raise InvalidInput("policy.day_not_date", example=example, value=inline(value))
        return value

    @model_validator(mode="after")
    def _something(self) -> Expectation:
        if self == Expectation.model_construct():
            raise InvalidInput("policy.expect_nothing")
        return self

    @property
    def implied_status(self) -> CaseStatus | None:
        """The status given, or ``due`` when a due instant or date is expected."""
        if self.status is not None:
            return self.status
        if self.due is not None or self.due_date is not None:
            return "due"
        return None


class Case(BaseModel):
    """One trigger and what it should give.

    Attributes:
        name: what the case checks, for people; ``RULE at AT`` when empty.
        rule: the rule id.
        at: the trigger; a date alone is enough for a blackout (the day of a meeting).
        params: the parameters the rule reads, e.g. ``{limit_days = 15}``.
        policy: the policy for this case (overrides the file's).
        expect: what should come out.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = ""
    rule: str
    at: dt.datetime | dt.date
    params: dict[str, Any] = Field(default_factory=dict)
    policy: str | None = None
    expect: Expectation

    @field_validator("at", mode="wrap")
    @classmethod
    def _trigger(cls, value: object, handler: ValidatorFunctionWrapHandler) -> object:
        problem = InvalidInput("policy.at_format", value=inline(value))
        if not isinstance(value, (str, dt.date)):  # not an integer as a Unix time
            raise problem
        day = _day_text(value)
        if day is not None:  # text without a time is a date (a blackout's day), not midnight
            try:
                return dt.date.fromisoformat(day)
            except ValueError:
                raise problem from None
        try:
            return handler(value)
        except ValidationError:  # each member of the union refused it; one message says all
            raise problem from None

    @property
    def title(self) -> str:
        """The name, or ``RULE at AT``."""
        return self.name or f"{self.rule} at {self.at.isoformat()}"


class CaseFile(BaseModel):
    """A case file: a default policy, calendar overrides, and the cases.

    Attributes:
        description: what the file checks.
        policy: the policy of every case that names none (``opinion-2020`` by default).
        overrides: calendar override files (a new year's notice), relative to the case file.
        case: the cases, in order.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str = ""
    policy: str | None = None
    overrides: tuple[str, ...] = ()
    case: tuple[Case, ...] = Field(min_length=1)


class Actual(BaseModel):
    """What a case's trigger gave.

    Attributes:
        status: the kind of outcome.
        due: the due instant, for ``due``.
        due_date: the last day of the period, for ``due``.
        provisional: whether it relies on unsettled days, for ``due``.
        effective_from: the first day of the version applied, when a version applied.
        message: the error message, for an error status.
        trace_en: the result explained in English, for ``due``.
        trace_zh: the result explained in Chinese, for ``due``.
        warnings: warnings the computation gave (e.g. the provisional one), as text.
    """

    model_config = ConfigDict(frozen=True)

    status: CaseStatus
    due: dt.datetime | None = None
    due_date: dt.date | None = None
    provisional: bool | None = None
    effective_from: dt.date | None = None
    message: str = ""
    trace_en: str = ""
    trace_zh: str = ""
    warnings: tuple[str, ...] = ()


class Mismatch(BaseModel):
    """One expectation not met: the field, what was expected, what came out.

    `said` is what came out as a catalogue message (``no trace``), when it is words rather
    than a value.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    field: str
    expected: str
    actual: str
    said: Said | None = Field(default=None, exclude=True)


class CaseResult(BaseModel):
    """A case and its outcome.

    Attributes:
        path: the case file.
        index: the case's 1-based position in its file.
        case: the case.
        policy: the name of the policy it ran against.
        actual: what came out.
        mismatches: the expectations not met; empty when the case passed.
        error: a problem loading the file or its policy (then nothing ran).
    """

    model_config = ConfigDict(frozen=True)

    path: str
    index: int
    case: Case | None = None
    policy: str = ""
    actual: Actual | None = None
    mismatches: tuple[Mismatch, ...] = ()
    error: str = ""

    _failure: DeadlinesError | None = PrivateAttr(default=None)

    @classmethod
    def failed(cls, path: Path, index: int, case: Case | None, error: DeadlinesError) -> CaseResult:
        """The result of a case (or file) that could not run: its file or policy is bad."""
        result = cls(path=str(path), index=index, case=case, error=str(error))
        result._failure = error
        return result

    @property
    def passed(self) -> bool:
        """Whether every expectation was met."""
        return not self.error and not self.mismatches

    @property
    def title(self) -> str:
        """The case's name, or the file when the file could not be read."""
        return self.case.title if self.case is not None else self.path

    def report(self, lang: Lang = "en") -> str:
        """Why the case failed: each expectation with what came out, then the trace.

        Args:
            lang: the language of the report and the trace, ``en`` or ``zh``.

        Returns:
            the text, or an empty string when the case passed.
        """
        if self.passed:
            return ""
        case, actual = self.case, self.actual
        if self.error or case is None or actual is None:  # only a load error leaves them out
            failure = self._failure
            return failure.render(lang) if isinstance(failure, PolicyFileError) else self.error
        params = tuple(f"{k}={inline(v)}" for k, v in case.params.items())
        at = _show(case.at)
        lines = [
            say("policy.case.head", lang, path=self.path, index=self.index, title=case.title),
            "  "
            + say(
                "policy.case.trigger",
                lang,
                rule=case.rule,
                at=at,
                policy=self.policy,
                params=Said("policy.case.params", {"params": params}) if params else "",
            ),
        ]
        width = max(len(m.field) for m in self.mismatches)
        for mismatch in self.mismatches:
            expected: str | Said = mismatch.expected
            got: str | Said = mismatch.said or mismatch.actual
            if mismatch.field == "status":
                expected = Said(f"policy.status.{expected}")
                got = _status(actual)
            lines.append(
                f"  {mismatch.field:<{width}}  " + say("policy.case.expected", lang, value=expected)
            )
            lines.append(f"  {'':<{width}}  " + say("policy.case.actual", lang, value=got))
        if actual.status == "due":
            lines.append("  " + say("policy.case.trace", lang))
            trace: str = getattr(actual, f"trace_{lang}")
            lines.extend(f"    {line}" for line in trace.splitlines())
        elif actual.message and all(m.field != "status" for m in self.mismatches):
            lines.append("  " + _status(actual).render(lang))
        return "\n".join(lines)


def _status(actual: Actual) -> Said:
    """What came out as a person reads it: the status, and the error's message if any."""
    status = Said(f"policy.status.{actual.status}")
    if not actual.message:
        return status
    return Said("policy.case.error", {"status": status, "message": actual.message})


def _day_text(value: object) -> str | None:
    """The text of a date written as text without a time (``"2027-01-05"``), else ``None``."""
    if isinstance(value, str) and len(value.strip()) == len("2027-01-05"):
        return value.strip()
    return None


def _show(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _aware(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=CHINA_TZ) if at.tzinfo is None else at.astimezone(CHINA_TZ)


def case_schema() -> dict[str, Any]:
    """The JSON Schema of case files.

    >>> sorted(case_schema()["properties"])
    ['case', 'description', 'overrides', 'policy']
    """
    return schema_of(CaseFile, "deadlines case file")


# --- reading ---------------------------------------------------------------------------------


def parse_cases(text: str, *, path: str = "<string>") -> CaseFile:
    """Parse and validate case-file text.

    Raises:
        CaseFileError: naming the file and field, for bad TOML or a bad value.
    """
    try:
        data = loads_toml(text)
    except TOMLDecodeError as error:
        raise CaseFileError.one(
            path, "policy.not_valid", format="TOML", detail=str(error)
        ) from None
    try:
        return CaseFile.model_validate(data)
    except ValidationError as error:
        raise CaseFileError(
            path, problems_of(error, CaseFile, "policy.hint", shown=inline)
        ) from None


def load_cases(path: str | Path) -> CaseFile:
    """Read and validate a case file.

    Raises:
        CaseFileError: the file cannot be read or is malformed.
        InvalidArgumentError: `path` is neither text nor a path.
    """
    file = Path(check_path("path", path))
    return parse_cases(read_file(file, CaseFileError, "policy.cannot_read"), path=str(file))


def find_case_files(paths: Iterable[str | Path]) -> list[Path]:
    """The case files named, and every ``*.deadlines.toml`` under the folders named, sorted.

    Raises:
        CaseFileError: a path does not exist.
    """
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as error:  # a name too long for the file system, a folder not readable
            raise CaseFileError.one(
                str(path), "policy.cannot_read", reason=str(error.strerror)
            ) from None
        if is_dir:
            found.extend(sorted(path.rglob(f"*{CASE_FILE_SUFFIX}")))
        elif is_file:
            found.append(path)
        else:
            raise CaseFileError.one(str(path), "policy.no_such_path", suffix=CASE_FILE_SUFFIX)
    return found


# --- running ---------------------------------------------------------------------------------


class CaseRunner:
    """Runs cases, keeping one engine per policy and one calendar per set of overrides.

    Args:
        calendar: the calendar for case files without overrides; the official one by default.
    """

    def __init__(self, calendar: ChinaCalendar | None = None) -> None:
        self._calendar = calendar
        self._calendars: dict[tuple[Path, ...], ChinaCalendar] = {}
        self._engines: dict[tuple[str, tuple[Path, ...]], Engine] = {}
        self._policies: dict[str, RuleSet] = {}

    def calendar(self, overrides: tuple[Path, ...] = ()) -> ChinaCalendar:
        """The calendar with these override files."""
        if overrides not in self._calendars:
            if not overrides and self._calendar is not None:
                self._calendars[()] = self._calendar
            else:
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
        except DeadlinesError as error:
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
    """What the engine gives for one trigger, errors and warnings included, as data.

    An error of the library is a status (``invalid_value`` …) with its message; any other
    exception is a bug, reported as the status ``error`` rather than raised, so one case
    cannot stop a run of many.

    Args:
        engine: the engine with the policy.
        rule_id: the rule.
        at: the trigger (a date is enough for a blackout).
        params: the rule's parameters.
        explain: keep the trace and the warnings (slower); without it, warnings are left to
            the caller's filters.
        lenient: drop parameters the rule does not read instead of failing, so one event
            can be put to two policies whose rules read different parameters.
    """
    day = at.date() if isinstance(at, dt.datetime) else at
    try:
        rule = engine.rule(rule_id, day)
    except UnknownRuleError as error:
        return Actual(status="unknown_rule", message=str(error))
    except NotInEffectError as error:
        return Actual(status="not_in_effect", message=str(error))
    if isinstance(rule.limit, Blackout):
        return Actual(
            status="violates" if rule.limit.violates(day) else "allowed",
            effective_from=rule.effective_from,
        )
    if lenient:
        reads = rule.limit.parameters()
        params = {k: v for k, v in params.items() if k in reads}
    with warnings.catch_warnings(record=True) if explain else nullcontext() as caught:
        if explain:
            warnings.simplefilter("always", ProvisionalDateWarning)
        try:
            result = engine.due(rule_id, at, explain=explain, **params)  # type: ignore[arg-type]
        except DeadlinesError as error:
            return Actual(
                status=_error_status(error),
                effective_from=rule.effective_from,
                message=str(error),
            )
        except Exception as error:  # a bug: one case must not stop the others
            return Actual(
                status="error",
                effective_from=rule.effective_from,
                message=f"internal error, a bug in deadlines (please report it): "
                f"{type(error).__name__}: {error}",
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


def _error_status(error: DeadlinesError) -> CaseStatus:
    if isinstance(error, NotADeadlineError):
        return "not_a_deadline"
    if isinstance(error, MissingParameterError):
        return "missing_parameter"
    if isinstance(error, (InvalidValueError, InvalidArgumentError)):
        return "invalid_value"
    return "error"


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
    status = expect.implied_status
    if status is not None and status != actual.status:
        detail = f"{actual.status}: {actual.message}" if actual.message else actual.status
        yield Mismatch(field="status", expected=status, actual=detail)
    if expect.due is not None:
        due = _aware(expect.due)
        if actual.due != due:
            yield Mismatch(field="due", expected=_show(due), actual=_show(actual.due))
    checks: list[tuple[str, object, object]] = [
        ("due_date", expect.due_date, actual.due_date),
        ("provisional", expect.provisional, actual.provisional),
        ("effective_from", expect.effective_from, actual.effective_from),
    ]
    for field, wanted, got in checks:
        if wanted is not None and wanted != got:
            yield Mismatch(field=field, expected=_show(wanted), actual=_show(got))
    for text in expect.trace_contains:
        if text not in actual.trace_en and text not in actual.trace_zh:
            missing = Said(
                "policy.case.not_in_trace" if actual.trace_en else "policy.case.no_trace"
            )
            yield Mismatch(
                field="trace_contains",
                expected=inline(text),
                actual=missing.render("en"),
                said=missing,
            )
    if expect.message_contains is not None and expect.message_contains not in actual.message:
        said = None if actual.message else Said("policy.case.no_error")
        yield Mismatch(
            field="message_contains",
            expected=inline(expect.message_contains),
            actual=inline(actual.message) if said is None else said.render("en"),
            said=said,
        )
