"""`Problem`, what is wrong at a place of some input, and `problems_of`, the one reader of
pydantic's validation errors (docs/design.md: policy, case, batch and events files)."""

from __future__ import annotations

import dataclasses
import difflib
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from types import UnionType
from typing import TYPE_CHECKING, Any, Union, final

from deadlines._errors import ECHO_LIMIT, Spoken, bounded, cut
from deadlines._messages import MESSAGES, Lang, Names, Said, chinese_marks, known, say

if TYPE_CHECKING:
    from pydantic import ValidationError


def _said_of(error: Spoken) -> Said:
    """What an error of the library says, in either language (`Spoken.render`)."""
    return error.said if error.said is not None else Said("problem.given", {"text": str(error)})


@final
@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong at one place of some input, and what valid input looks like.

    Attributes:
        message: the catalogue id of the sentence (``problem.required``); ``problem.given``
            holds a sentence spelled elsewhere, shown as it is.
        values: the message's values, as (name, value) pairs.
        field: where in the record or file (``at``, ``case[0].expect.due``), or ``None`` when
            the line or file as a whole is at fault.
        line: the 1-based line of the input, or ``None``.
        file: the file, or ``None``.
        id: the record's own id when it could be read, echoed beside the problem.
    """

    message: str
    values: tuple[tuple[str, Any], ...] = ()
    field: str | None = None
    line: int | None = None
    file: str | None = None
    id: Any = None

    def __post_init__(self) -> None:
        # Every problem passes here: the one place where a field or a text echoed from the
        # input is cut, so that no problem line grows with its input (`deadlines._errors.cut`).
        if self.field is not None and len(self.field) > ECHO_LIMIT:
            object.__setattr__(self, "field", cut(self.field))
        if any(type(value) is str and len(value) > ECHO_LIMIT for _, value in self.values):
            values = tuple((k, bounded(v) if type(v) is str else v) for k, v in self.values)
            object.__setattr__(self, "values", values)

    @classmethod
    def of(
        cls,
        message: str,
        /,
        *,
        field: str | None = None,
        line: int | None = None,
        file: str | None = None,
        id: Any = None,  # noqa: A002, ANN401 - the record's id, of any JSON type
        **values: Any,  # noqa: ANN401 - the message's values
    ) -> Problem:
        """The problem `message` with its `values`, at `field` of `line` of `file`."""
        return cls(message, tuple(values.items()), field, line, file, id)

    @classmethod
    def stated(cls, error: Spoken, **where: Any) -> Problem:  # noqa: ANN401 - see `of`
        """The problem an error of the library states, in either language, at `where`."""
        said = _said_of(error)
        return cls(said.message, said.values).moved(**where)

    @property
    def said(self) -> Said:
        """The sentence, not spelled yet."""
        return Said(self.message, dict(self.values))

    def moved(self, **where: Any) -> Problem:  # noqa: ANN401 - field, line, file or id
        """The same problem at another place: ``problem.moved(line=4)``."""
        return dataclasses.replace(self, **where)

    def text(self, lang: Lang = "en") -> str:
        """What is wrong, without where."""
        return self.said.render(lang)

    def render(self, lang: Lang = "en") -> str:
        """Where and what: ``policy.toml: rules[0].limit.n: required``, ``第3行，at：…``."""
        here: str | None = self.field
        if self.line is not None:
            lines = "problem.line_field" if self.field else "problem.line"
            here = say(lines, lang, line=self.line, field=self.field)
        text = self.text(lang)
        for where in (here, self.file):
            if where:
                text = say("problem.where", lang, where=where, text=text)
        return text

    def __str__(self) -> str:
        return self.render("en")

    def to_json(self, lang: Lang = "en") -> dict[str, Any]:
        """``{"line": 3, "field": "at", "message": "..."}`` (``file`` first when there is one).

        The line and field never change with the language; the message is in `lang`.
        """
        data: dict[str, Any] = {"file": self.file} if self.file is not None else {}
        data.update(line=self.line, field=self.field, message=self.text(lang))
        return data


#: An English phrase of the library or of `json` in both languages (``problem.known.*``).
in_words = known


class InvalidInput(ValueError):  # noqa: N818 - a refusal inside pydantic, not raised to users
    """A validator's refusal as a catalogue message, which `problems_of` reads as it is: raise
    it inside a pydantic validator instead of a `ValueError` with English text."""

    def __init__(self, message: str, /, **values: Any) -> None:  # noqa: ANN401 - any values
        self.said = Said(message, values)
        super().__init__(self.said.render("en"))

    @classmethod
    def refusing(cls, error: Spoken) -> InvalidInput:
        """The refusal of a validator whose reading of its field raised `error`, in its words."""
        said = _said_of(error)
        return cls(said.message, **dict(said.values))


# --- reading pydantic's errors ---------------------------------------------------------------

#: What the value must be (``problem.type.*``, in a file's words) → the pydantic error types.
_TYPES = {
    "bool": ("bool_type", "bool_parsing"),
    "int": ("int_type", "int_parsing", "int_from_float"),
    "float": ("float_type", "float_parsing"),
    "string": ("string_type",),
    "table": ("dict_type", "model_type", "model_attributes_type"),
    "array": ("list_type", "tuple_type"),
    "date": ("date_type", "date_parsing", "date_from_datetime_parsing"),
    "date_exact": ("date_from_datetime_inexact",),
    "datetime": (
        "datetime_type",
        "datetime_parsing",
        "datetime_from_date_parsing",
        "datetime_object_invalid",
    ),
    "pattern": ("string_pattern_mismatch",),
}
_MUST_BE = {kind: f"problem.type.{must}" for must, kinds in _TYPES.items() for kind in kinds}

#: Tags a union member is chosen by (a limit's ``kind``, an event's ``type``).
_TAGS = ("kind", "type")


def _bare(annotation: Any) -> Any:  # noqa: ANN401 - any annotation
    if typing.get_origin(annotation) is typing.Annotated:
        return typing.get_args(annotation)[0]
    return annotation


def _is_model(annotation: Any) -> bool:  # noqa: ANN401 - any annotation
    return isinstance(annotation, type) and hasattr(annotation, "model_fields")


def _child(annotation: Any, part: int | str) -> Any:  # noqa: ANN401 - any annotation
    """The type at `part` inside a value of type `annotation`, or ``None`` when unknown."""
    if _is_model(annotation) and isinstance(part, str):
        field = annotation.model_fields.get(part)
        return field and field.annotation
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (tuple, list) and args and isinstance(part, int):
        return args[0]
    return args[1] if origin is dict and len(args) == 2 else None


def _named(member: Any, tag: str) -> bool:  # noqa: ANN401 - any annotation
    """Whether pydantic names union `member` `tag`: its tag field's value, or its type's name."""
    fields = member.model_fields if _is_model(member) else {}
    if any(name in fields and fields[name].default == tag for name in _TAGS):
        return True
    return member is not type(None) and getattr(member, "__name__", None) == tag


def _walk(model: Any, loc: tuple[int | str, ...]) -> tuple[tuple[int | str, ...], Any]:  # noqa: ANN401
    """The location as a person wrote it (``rules[0].limit.n``, not pydantic's
    ``rules[0].limit.hours.n``), and the type it ends in."""
    kept: list[int | str] = []
    annotation: Any = model
    for part in loc:
        annotation = _bare(annotation)
        if isinstance(part, str) and typing.get_origin(annotation) in (Union, UnionType):
            member = next((m for m in typing.get_args(annotation) if _named(m, part)), None)
            if member is not None:
                annotation = member
                continue
        kept.append(part)
        annotation = _child(annotation, part)
    return tuple(kept), annotation


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _choices(text: object) -> Said | str:
    """pydantic's list of choices, ``'a', 'b' or 'c'``, quoted as in a file: ``"a", "b" or "c"``
    (“a”、“b”或“c” in Chinese), enumerated as each language enumerates."""
    *first, last = str(text).replace("'", '"').replace(" or ", ", ").split(", ")
    if not first:
        return last  # spelled in Chinese marks when said in Chinese (`chinese_marks`)
    between = MESSAGES["problem.enumeration"]
    zh = between.zh.join(chinese_marks(item) for item in first)
    items = Names(zh, between.en.join(first))
    return Said("problem.choices", {"first": items, "last": last})


def _said(error: Mapping[str, Any], parent: Any) -> Said:  # noqa: ANN401 - any annotation
    """What pydantic found, as a message: what the value must be, not Python's types."""
    kind = str(error["type"])
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    tag = str(ctx.get("discriminator", "kind")).strip("'")
    if kind == "missing":
        return Said("problem.required")
    if kind == "extra_forbidden":
        if not _is_model(parent):
            return Said("problem.unknown_field")
        fields = tuple(parent.model_fields)
        close = difflib.get_close_matches(str(error["loc"][-1]), fields, n=1)
        if close:
            return Said("problem.unknown_field_close", {"close": close[0], "fields": fields})
        return Said("problem.unknown_field_here", {"fields": fields})
    if isinstance(ctx.get("error"), InvalidInput):
        return typing.cast("InvalidInput", ctx["error"]).said
    if kind in ("value_error", "assertion_error"):
        message = str(error["msg"])
        return Said("problem.given", {"text": message.split(", ", 1)[-1]})
    if kind == "union_tag_not_found":
        return Said("problem.needs_tag", {"tag": tag})
    if kind == "union_tag_invalid":
        got, expected = str(ctx.get("tag")), _choices(ctx.get("expected_tags"))
        return Said("problem.unknown_tag", {"tag": tag, "got": got, "expected": expected})
    if kind == "literal_error":
        return Said("problem.literal", {"expected": _choices(ctx.get("expected"))})
    if kind == "too_short":
        least = int(ctx.get("min_length", 1))
        return Said("problem.too_short_one" if least == 1 else "problem.too_short", {"n": least})
    if kind == "greater_than":
        return Said("problem.greater_than", {"gt": str(ctx.get("gt"))})
    if kind == "string_too_short" and int(ctx.get("min_length", 0)) == 1:
        return Said("problem.empty")
    if kind == "string_too_long":
        return Said("problem.too_long", {"n": int(ctx.get("max_length", 0))})
    if kind in _MUST_BE:
        return Said(_MUST_BE[kind])
    if "message" in ctx:  # a PydanticCustomError of ours: its message is the whole sentence
        return Said("problem.given", {"text": str(error["msg"])})
    return Said("problem.given", {"text": str(error["msg"]).replace("Input should be", "must be")})


def problems_of(
    error: ValidationError,
    model: Any,  # noqa: ANN401 - a model class, or an annotation validated by a TypeAdapter
    hints: str = "",
    *,
    line: int | None = None,
    file: str | None = None,
    shown: Any = None,  # noqa: ANN401 - Callable[[object], str]: how a value is echoed
) -> list[Problem]:
    """Every problem pydantic found in what `model` validated, one per field as a person wrote
    it (one even when every member of a union refused), a collection's "too short" left out
    when its items have problems; each with the example ``{hints}.{field}`` of the innermost
    field that has one, at `line` of `file`, echoing a refused value with `shown` (``; got 3``)."""
    found: dict[tuple[int | str, ...], Problem] = {}
    details = error.errors(include_url=False)
    walked = [_walk(model, tuple(item["loc"])) for item in details]
    for item, (loc, _) in zip(details, walked, strict=True):
        raw = tuple(item["loc"])
        if loc in found:  # another member of the same union: one problem per place is enough
            continue
        if item["type"] == "too_short" and any(
            other[: len(loc)] == loc and len(other) > len(loc) for other, _ in walked
        ):
            continue
        said = _said(item, _walk(model, raw[:-1])[1] if raw else None)
        values = dict(said.values)
        if said.message == "error.named_must_be" and raw and values["argument"] == raw[-1]:
            del values["argument"]  # the field is named before the colon: once is enough
            said = Said("error.must_be", values)
        kind = item["type"]
        # A validator of ours says what it got and what would do; pydantic's messages do not.
        quiet = {"missing", "union_tag_not_found", "value_error"}
        if shown is not None and "input" in item and kind not in quiet:
            echoed = shown(item["input"])
            if len(echoed) <= 60:
                said = Said("problem.got", {"problem": said, "value": echoed})
        if hints and kind not in {"extra_forbidden", "value_error", "literal_error"}:
            said = _with_hint(said, loc, hints)
        found[loc] = Problem(said.message, said.values, _location(loc) or None, line, file)
    return list(found.values())


def _with_hint(said: Said, loc: tuple[int | str, ...], hints: str) -> Said:
    """`said` with the example of the innermost named field that has one."""
    for name in reversed([part for part in loc if isinstance(part, str)]):
        if f"{hints}.{name}" in MESSAGES:
            example = Said(f"{hints}.{name}")
            zh = example.render("zh")  # an example in a file's quotes: in Chinese marks
            marked = chinese_marks(zh)
            shown = example if marked == zh else Names(marked, example.render("en"))
            return Said("problem.example", {"problem": said, "example": shown})
    return said
