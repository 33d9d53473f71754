"""One Problem type and one reader of pydantic's errors, shared by policy files and batch input."""

from __future__ import annotations

from typing import Annotated, Literal, Union

import pytest
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator
from tests.chinese import english_words

from deadlines._problems import InvalidInput, Problem, in_words, problems_of


class _Hours(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["hours"] = "hours"
    n: int


class _Days(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["days"] = "days"
    n: int


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    limit: Annotated[Union[_Hours, _Days], Field(discriminator="kind")]  # noqa: UP007 - as rules write it
    items: tuple[int, ...] = Field(default=(), min_length=1)

    @field_validator("id")
    @classmethod
    def _no_space(cls, value: str) -> str:
        if " " in value:
            raise InvalidInput("problem.type.pattern")
        return value


def _problems(data: object) -> list[Problem]:
    with pytest.raises(ValidationError) as caught:
        _Rule.model_validate(data)
    return problems_of(caught.value, _Rule, "policy.hint")


class TestProblem:
    """A problem names where and says what, in either language; its machine fields do not move."""

    @pytest.mark.parametrize(
        ("problem", "en", "zh"),
        [
            (
                Problem.of("problem.required", field="at", line=3),
                "line 3, at: required",
                "第3行，at：必须填写",
            ),
            (
                Problem.of("problem.required", field="rules[0].id", file="p.toml"),
                "p.toml: rules[0].id: required",
                "p.toml：rules[0].id：必须填写",
            ),
            (Problem.of("problem.header_empty"), "has an empty column name", "有空列名"),
        ],
        ids=["line-field", "file-field", "nowhere"],
    )
    def test_render(self, problem, en, zh):
        """Where comes first (file, line, field), then what."""
        assert (str(problem), problem.render("zh")) == (en, zh)

    def test_json(self):
        """The JSON form keeps line and field; only the message follows the language."""
        problem = Problem.of("problem.required", field="at", line=3, id="a1")
        assert problem.to_json() == {"line": 3, "field": "at", "message": "required"}
        assert problem.to_json("zh") == {"line": 3, "field": "at", "message": "必须填写"}

    def test_long_field_cut(self):
        """A field echoed from the input is cut, so no problem line grows with its input."""
        assert len(Problem.of("problem.given", text="x", field="k" * 5000).field or "") < 300

    def test_frozen_and_equal(self):
        """A value: equal by its fields, not writable."""
        problem = Problem.of("problem.required", field="at")
        assert problem == Problem.of("problem.required", field="at")
        with pytest.raises(AttributeError):
            problem.line = 2  # type: ignore[misc]


class TestReader:
    """pydantic's errors read in the words of the file, one problem per place."""

    def test_union_member_left_out(self):
        """``limit.n``, not ``limit.hours.n``; the hint of the innermost named field."""
        (problem,) = _problems({"id": "a", "limit": {"kind": "hours", "n": "x"}, "items": [1]})
        assert problem.field == "limit.n"
        assert problem.text() == "must be a whole number; e.g. n = 3"
        assert problem.text("zh") == "应为整数；示例：n = 3"

    def test_unknown_field_guess(self):
        """An unknown field suggests the closest known one."""
        (problem,) = _problems({"id": "a", "limit": {"kind": "days", "n": 1}, "itmes": [1]})
        assert problem.field == "itmes"
        assert problem.text().startswith("unknown field; did you mean items?")

    def test_validator_message_kept(self):
        """A validator raising InvalidInput gives its own catalogue message, in both languages."""
        (problem,) = _problems({"id": "a b", "limit": {"kind": "days", "n": 1}, "items": [1]})
        assert (problem.field, problem.message) == ("id", "problem.type.pattern")

    def test_hints_from_the_catalogue(self):
        """Examples are catalogue messages: the Chinese problem has no English word in it."""
        (problem,) = _problems({"id": "a", "limit": {"n": 1}, "items": [1]})
        assert problem.field == "limit"
        assert (
            problem.text()
            == 'needs a kind, the type of limit; e.g. limit = {kind = "hours", n = 48}'
        )
        assert english_words(problem.text("zh"), {"kind", "hours", "limit", "n"}) == []

    def test_type_adapter_and_line(self):
        """A TypeAdapter's annotation is followed too, and every problem gets the line."""
        limit = Annotated[Union[_Hours, _Days], Field(discriminator="kind")]  # noqa: UP007
        with pytest.raises(ValidationError) as caught:
            TypeAdapter(limit).validate_python({"kind": "days"})
        (problem,) = problems_of(caught.value, limit, line=7)
        assert (problem.line, problem.field, problem.text()) == (7, "n", "required")


class TestKnownPhrases:
    """The library's English phrases the catalogue spells in Chinese are the library's own."""

    def test_instant_expected(self):
        """The expectation of an instant is found by the text the library raises with."""
        from deadlines._time import INSTANT_EXPECTED

        said = in_words(INSTANT_EXPECTED)
        assert not isinstance(said, str)
        assert said.render("en") == INSTANT_EXPECTED
        assert english_words(said.render("zh")) == []

    def test_unknown_phrase(self):
        """A phrase the catalogue does not know is shown as it is."""
        assert in_words("a table of step label → instant") == "a table of step label → instant"
