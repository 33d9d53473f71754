"""What a computation returns: the due instant, whether it is certain, and how it was reached."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from deadlines._messages import Lang, Names, say, say_values
from deadlines._value import Citation

__all__ = ["DueResult", "Lang", "Part", "StepAction", "TraceStep", "explanation", "trusted"]

StepAction = Literal[
    "trigger",  # the instant the period starts from
    "version",  # which dated version of the rule applied
    "convention",  # an option that decided something
    "count",  # a day counted towards the period
    "skip",  # a non-working day passed over
    "roll",  # the end moved off a non-working day
    "cutoff",  # the instant the last day ends
    "pause",  # the clock stopped (a non-working day, or an obligation put on hold)
    "choose",  # a combinator picked one part
    "condition",  # a condition on the event decided a branch
    "part",  # one limit of a combination, with its due instant
    "plugin",  # a plugin changed the rule or a day relied on
    "provisional",  # a day relied on lies beyond the announced calendar
    "note",  # anything else worth reading
]


#: The message of a step given its words, not an id (``values`` holds ``zh`` and ``en``).
SPELLED = "spelled"


class TraceStep(BaseModel):
    """One step of a computation, in order: a message id and its values, read in zh or en.

    The words are not built while counting: `zh`, `en` and `text` render the message from the
    catalogue (`deadlines._messages`) when they are read.

    Attributes:
        action: what kind of step it is.
        date: the day concerned, if any.
        at: the instant concerned, if any.
        message: the message id in the catalogue, e.g. ``trace.count``.
        values: the message's values (not serialized: `zh` and `en` are).
        origin: who is responsible when it is not the base policy: a plugin or override file.
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    action: StepAction
    date: dt.date | None = None
    at: dt.datetime | None = None
    message: str = SPELLED
    values: tuple[tuple[str, Any], ...] = Field(default=(), exclude=True, repr=False)
    origin: str = ""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def zh(self) -> str:
        """The step in Chinese."""
        return self._body("zh")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def en(self) -> str:
        """The step in English."""
        return self._body("en")

    @model_validator(mode="before")
    @classmethod
    def _read_words(cls, data: Any) -> Any:  # noqa: ANN401 - pydantic's raw input
        """A step read back from JSON has its words but not its values: keep the words."""
        if isinstance(data, dict) and "zh" in data and "values" not in data:
            words = (("zh", data["zh"]), ("en", data.get("en", "")))
            data = {k: v for k, v in data.items() if k not in ("zh", "en")} | {"values": words}
        return data

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TraceStep):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[Any, ...]:
        return (self.action, self.date, self.at, self.origin, self.zh, self.en)

    def _body(self, lang: Lang) -> str:
        if self.message == SPELLED or tuple(k for k, _ in self.values) == ("zh", "en"):
            return str(dict(self.values)[lang])
        # The step's own instant and day are placeholders too: ``{at}``, ``{date}``.
        return say_values(self.message, lang, (("at", self.at), ("date", self.date), *self.values))

    def text(self, lang: Lang = "en") -> str:
        """The step in one language, with its origin."""
        body = self._body(lang)
        if not self.origin:
            return body
        return say("word.from_origin", lang, body=body, origin=self.origin)


class Part(BaseModel):
    """One limit inside a combination (all of, earliest of, tiers) and when it falls due.

    Attributes:
        label: the part's name in the rule, e.g. ``签发`` or ``statutory``.
        due: the instant it ends.
        due_date: the last day of the period.
        actor: who acts, if the rule says.
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    label: str
    due: dt.datetime
    due_date: dt.date
    actor: str = ""


class DueResult(BaseModel):
    """When a rule's limit ends for one trigger.

    Attributes:
        rule_id: the rule, e.g. ``minutes.executive``.
        title_zh: the rule's Chinese title.
        title_en: the rule's English title.
        at: the trigger, an aware datetime (Asia/Shanghai).
        due: the instant the limit ends, aware.
        due_date: the last day of the period (for a 24:00 cutoff, the day before `due`'s date).
        provisional: whether any day the computation relied on lies beyond the announced
            calendar, so a later notice could change the answer.
        citation: the article and sentence of the policy the rule encodes.
        effective_from: the first day of the rule version that applied.
        parts: the parts of a combination, each with its own due instant.
        warnings: soft problems, e.g. a committed limit beyond the statutory one, in English
            (the machine field: it never changes with the language).
        warnings_zh: the same warnings in Chinese, one for one.
        trace: each step in order.
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    rule_id: str
    title_zh: str
    title_en: str
    at: dt.datetime
    due: dt.datetime
    due_date: dt.date
    provisional: bool
    citation: Citation
    effective_from: dt.date
    parts: tuple[Part, ...] = ()
    warnings: tuple[str, ...] = ()
    warnings_zh: tuple[str, ...] = ()
    trace: tuple[TraceStep, ...] = ()

    def to_json(self, provenance: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The result as JSON-ready data, with its `provenance` when given (see `provenance`).

        Instants are RFC 3339 with seconds and their offset, which Java's ``Instant.parse``
        and ``OffsetDateTime.parse`` accept; dates are ``YYYY-MM-DD``.

        >>> from deadlines import Engine
        >>> data = Engine().due("minutes.executive", "2026-09-30T17:00", explain=False).to_json()
        >>> data["at"], data["due"], data["due_date"]
        ('2026-09-30T17:00:00+08:00', '2026-10-10T17:30:00+08:00', '2026-10-10')
        """
        data = self.model_dump(mode="json")
        if provenance is not None:
            data["provenance"] = dict(provenance)
        return data

    def explain(self, lang: Lang = "en") -> str:
        """The result and its trace as numbered lines of text.

        Args:
            lang: ``zh`` or ``en``.
        """
        return explanation(
            self.rule_id,
            Names(self.title_zh, self.title_en).render(lang),
            self.due,
            self.citation,
            lang=lang,
            provisional=self.provisional,
            trace=self.trace,
            warnings=self.warnings_zh if lang == "zh" else self.warnings,
        )


def explanation(
    rule_id: str,
    title: str,
    due: dt.datetime,
    citation: Citation,
    *,
    lang: Lang = "en",
    provisional: bool = False,
    trace: Iterable[TraceStep] = (),
    warnings: Iterable[str] = (),
    label: str = "",
    details: Iterable[str] = (),
) -> str:
    """A due instant as text: rule and title, due, `details`, source, numbered steps, warnings.

    The one rendering of `DueResult.explain`, ``deadlines due`` and an obligation's ``explain``:
    `label` (an obligation's id) leads; `details` (due date, parts) precede the source.
    """
    first = say("result.title", lang, rule=rule_id, title=title)
    if label:
        first = say("result.labelled", lang, label=label, first=first)
    mark = say("word.provisional", lang) if provisional else ""
    lines = [first, say("result.due", lang, due=due, mark=mark), *details]
    lines.append(say("result.source", lang, source=citation.render(lang)))
    lines.extend(f"  {i}. {step.text(lang)}" for i, step in enumerate(trace, 1))
    lines.extend(f"  ! {warning}" for warning in warnings)
    return "\n".join(lines)


_M = TypeVar("_M", bound=BaseModel)
_FIELDS: dict[type[BaseModel], int] = {}
_new = object.__new__
_setattr = object.__setattr__


def trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """`cls.model_construct(**values)` at a third of its cost, when `values` give every field.

    The instance is set up directly, as model_construct itself does in the end; any other case
    goes through model_construct. tests/test_engine.py and tests/test_messages.py hold the
    engine's results and the trace steps so built to `model_validate`'s.
    """
    fields = _FIELDS.get(cls)
    if fields is None:  # looked up once a class: model_fields is slow to ask
        fields = _FIELDS[cls] = -1 if cls.__pydantic_post_init__ else len(cls.model_fields)
    if len(values) != fields:
        return cls.model_construct(**values)
    result = _new(cls)
    _setattr(result, "__dict__", values)
    _setattr(result, "__pydantic_fields_set__", set(values))
    _setattr(result, "__pydantic_extra__", None)
    _setattr(result, "__pydantic_private__", None)
    return result
