"""The request and answer bodies of the service, as pydantic models: the OpenAPI contract.

Answers are rendered by the routes directly (the same data as the command line's JSON); these
models describe them, and the tests check every answer against its model.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from deadlines._result import DueResult

#: A rule parameter's value: JSON text, number or boolean (each rule parses its own).
ParamValue = str | int | float | bool


class DueRequest(BaseModel):
    """One trigger: the rule, the instant, and the parameters the rule reads."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"rule": "minutes.executive", "at": "2026-09-30T17:00"},
                {
                    "rule": "decisions.time_limited",
                    "at": "2026-09-16T10:00:00+08:00",
                    "params": {"limit_days": 15},
                    "explain": True,
                },
            ]
        },
    )

    rule: str = Field(description="a rule id, e.g. `minutes.executive` (see `GET /v1/rules`)")
    at: str = Field(
        description="the trigger, ISO 8601 such as `2026-09-30T17:00`; without an offset it "
        "is Asia/Shanghai (+08:00)"
    )
    params: dict[str, ParamValue] = Field(
        default_factory=dict,
        description='the parameters the rule reads, e.g. `{"limit_days": 15}`',
    )
    lang: Literal["zh", "en"] = Field(
        default="en", description="the language of error titles: `zh` or `en`"
    )
    explain: bool = Field(default=False, description="fill `trace` with every step of the count")


class CalendarProvenance(BaseModel):
    """Where the calendar's days come from."""

    origin: str = Field(description="where the built-in calendar data comes from")
    last_announced_year: int = Field(description="the last year a State Council notice fixed")
    notices: list[str] = Field(
        description="notice files stored with `deadlines notice add` (system, then user)"
    )
    overrides: list[str] = Field(description="the override files (or plugins) applied, in order")


class RuleSetProvenance(BaseModel):
    """Which rules answered."""

    name: str = Field(description="the rule set's name, e.g. `opinion-2020`")
    rules: int = Field(description="how many rule versions it holds")
    changed_by: list[str] = Field(description="the plugins or policy files that changed rules")


class PluginProvenance(BaseModel):
    """A plugin in effect."""

    name: str
    distribution: str = Field(description="`name version` of its distribution; empty in code")
    module: str


class Provenance(BaseModel):
    """What an answer depends on, so that an audit can reproduce it."""

    deadlines: str = Field(description="the package version")
    calendar: CalendarProvenance
    rule_set: RuleSetProvenance
    plugins: list[PluginProvenance]


class DueAnswer(DueResult):
    """The answer of `POST /v1/due`: the same object as ``deadlines due --json``."""

    provenance: Provenance


class RulesAnswer(BaseModel):
    """Every rule version, as ``deadlines rules --json`` prints them."""

    rules: list[dict[str, Any]] = Field(
        description="each rule version: id, titles, citation, limit (tagged by `kind`), "
        "effective dates; the JSON Schema of a rule is `deadlines schema`"
    )
    provenance: Provenance


class RuleAnswer(BaseModel):
    """One rule id and its versions, oldest first."""

    id: str
    versions: list[dict[str, Any]]
    provenance: Provenance


class CalendarDay(BaseModel):
    """A day that is not an ordinary working day or weekend day."""

    date: str = Field(description="YYYY-MM-DD")
    off: bool = Field(description="true for a day off, false for an adjusted working day")
    name: str = Field(description="the Chinese name, e.g. 国庆节")
    name_en: str
    source: str = Field(
        description="the notice that fixes the day, or how it was estimated; an override file "
        "or plugin that changed it comes first, as `origin: source`"
    )
    provisional: bool = Field(description="whether a notice may still change it")


class CalendarAnswer(BaseModel):
    """A year's holidays and adjusted working days."""

    year: int
    announced: bool = Field(description="whether a State Council notice fixed this year")
    provisional_from: str = Field(description="the first day a notice may still change")
    days: list[CalendarDay]
    provenance: Provenance


class CheckAnswer(BaseModel):
    """The report of ``deadlines check --json``."""

    model_config = ConfigDict(extra="allow")

    at: str
    summary: dict[str, Any]
    obligations: list[dict[str, Any]]
    warnings: list[dict[str, Any]]
    march: list[dict[str, Any]]
    quota: list[dict[str, Any]]
    quarterly: list[dict[str, Any]]
    errors: list[dict[str, Any]] = Field(description="the events and lines not taken into account")
    provenance: Provenance


class VersionAnswer(Provenance):
    """What the service answers with: the provenance of every answer, and the API version."""

    api: str = Field(description="the API version, `v1`")


class Health(BaseModel):
    """The service is up."""

    status: Literal["ok"]
