"""Immutable values with a compact repr, and the citation every rule and result carries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from deadlines._messages._message import OPINION_ZH

#: Double quotation marks → single: a quotation inside a quotation.
_INNER_QUOTES = str.maketrans({"“": "‘", "”": "’"})


def _kind_required(schema: dict[str, Any]) -> None:
    """Mark the `kind` tag required in JSON Schema: a default lets code write ``WorkingDays(3)``,
    but a file must say which kind of limit each table is."""
    properties = schema.get("properties", {})
    required = schema.setdefault("required", [])
    if "kind" in properties and "kind" not in required:
        required.insert(0, "kind")


class Value(BaseModel):
    """An immutable value: equal and hashable by content, with a compact repr.

    The repr shows only fields that differ from their defaults, the `kind` tag never, and the
    fields named in `_positional` without their names (``WorkingDays(3)``).
    """

    # Schemas are built on first use, not at import: a one-shot command line pays only for the
    # classes it touches.
    model_config = ConfigDict(
        frozen=True, extra="forbid", defer_build=True, json_schema_extra=_kind_required
    )
    _positional: ClassVar[tuple[str, ...]] = ()

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        for name in self._positional:
            value = getattr(self, name)
            yield from ((None, item) for item in (value if isinstance(value, tuple) else (value,)))
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            if name in self._positional or name == "kind":
                continue
            if info.is_required() or value != info.get_default(call_default_factory=True):
                yield name, value

    def __str__(self) -> str:
        return repr(self)


class Citation(Value):
    """Where a rule comes from: the document, the article, and the sentence it encodes.

    Attributes:
        document: the policy's short name.
        article: the article number.
        text: the sentence quoted, in the original Chinese.
    """

    document: str = OPINION_ZH
    article: int
    text: str

    def render(self, lang: str = "en") -> str:
        """The source as 公文 cite it: the opinion by its title and date, the article in words.

        >>> print(Citation(article=8, text="…").render("zh"))
        《关于进一步提高政府系统运转效率推动工作落实的意见》（上高县，2020年4月21日印发）第八条：“…”
        """
        from deadlines._messages import full_width, say_in

        # The quoted sentence is Chinese: its punctuation full-width, as printed, and a quotation
        # inside it (“文不过夜、事不隔日”) in single marks, since the citation quotes the sentence.
        text = full_width(self.text).translate(_INNER_QUOTES)
        if self.document != type(self).model_fields["document"].default:  # a local document
            return say_in(
                lang, "source.document", document=self.document, article=self.article, text=text
            )
        return say_in(lang, "source.opinion", article=self.article, text=text)
