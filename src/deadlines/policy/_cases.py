"""Case files (``*.deadlines.toml``): one trigger and what it should give per case.

Their keys and what a case may expect are docs/policy-testing.md's section 3.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from deadlines._errors import DeadlinesError
from deadlines._messages import Names, Said, say
from deadlines._problems import InvalidInput
from deadlines._result import Lang
from deadlines._time import CHINA_TZ
from deadlines.policy._errors import (
    CaseFileError,
    PolicyFileError,
    check_path,
    read_file,
    schema_of,
)
from deadlines.policy._toml import inline, read_model

#: Case files are found (by `deadlines test DIR` and the pytest plugin) by this ending.
CASE_FILE_SUFFIX = ".deadlines.toml"


def _china(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=CHINA_TZ) if at.tzinfo is None else at.astimezone(CHINA_TZ)


#: An instant a case expects or a diff puts: a naive one is China time, as everywhere.
ChinaInstant = Annotated[dt.datetime, AfterValidator(_china)]

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
    due: ChinaInstant | None = None
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
        # Text without a time is a date (a blackout's day), not midnight. When each member of
        # the union refuses a value (a ValidationError is a ValueError), one message says all.
        day = _day_text(value)
        try:
            return dt.date.fromisoformat(day) if day is not None else handler(value)
        except ValueError:
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
        message: the error message, for an error status, in English (a machine field).
        message_zh: the same message in Chinese (for the report's text; JSON keeps `message`).
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
    message_zh: str = Field(default="", exclude=True)
    trace_en: str = ""
    trace_zh: str = ""
    warnings: tuple[str, ...] = ()

    def said(self) -> Names:
        """The error message in both languages, for a message's values."""
        return Names(self.message_zh or self.message, self.message)


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
        more = Said("policy.case.params", {"params": params}) if params else ""
        at, policy = _show(case.at), self.policy
        lines = [
            say("policy.case.head", lang, path=self.path, index=self.index, title=case.title),
            "  "
            + say("policy.case.trigger", lang, rule=case.rule, at=at, policy=policy, params=more),
        ]
        # The expectation's key as the case file writes it (due), or in Chinese (到期时间).
        fields = [say(f"policy.field.{m.field}", lang) for m in self.mismatches]
        width = max(map(columns, fields))
        for mismatch, field in zip(self.mismatches, fields, strict=True):
            expected: str | Said = mismatch.expected
            got: str | Said = mismatch.said or mismatch.actual
            if mismatch.field == "status":
                expected = Said(f"policy.status.{expected}")
                got = _status(actual)
            pad = " " * (width - columns(field))
            lines.append(f"  {field}{pad}  " + say("policy.case.expected", lang, value=expected))
            lines.append(f"  {' ' * width}  " + say("policy.case.actual", lang, value=got))
        if actual.status == "due":
            lines.append("  " + say("policy.case.trace", lang))
            trace: str = getattr(actual, f"trace_{lang}")
            lines.extend(f"    {line}" for line in trace.splitlines())
        elif actual.message and all(m.field != "status" for m in self.mismatches):
            lines.append("  " + _status(actual).render(lang))
        return "\n".join(lines)


def columns(text: str) -> int:
    """How many columns `text` takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _status(actual: Actual) -> Said:
    """What came out as a person reads it: the status, and the error's message if any."""
    status = Said(f"policy.status.{actual.status}")
    if not actual.message:
        return status
    return Said("policy.case.error", {"status": status, "message": actual.said()})


def _day_text(value: object) -> str | None:
    """The text of a date written as text without a time (``"2027-01-05"``), else ``None``."""
    if isinstance(value, str) and len(value.strip()) == len("2027-01-05"):
        return value.strip()
    return None


def _show(value: object) -> str:
    """A value of a case's result as a report shows it: instants to the minute."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return "—" if value is None else inline(value)


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
    return read_model(text, "toml", path, CaseFile, CaseFileError)


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
