"""The message catalogue: every sentence of a trace and a limit's description, in zh and en.

Computing code records a message id and its values (`Said`); the text is spelled here, in the
language asked, only when someone reads it. Placeholders are named (``{n}``, ``{day}``), and
both languages of a message use the same ones (``tests/test_messages.py`` checks it).

How a value is shown depends on its type and the placeholder's spec:

- a date: ``{day}`` is ``2026-10-10（周六）`` / ``2026-10-10 (Sat)``; ``{day:long}`` is
  ``2020年4月21日`` / ``21 April 2020``; ``{day:md}`` is ``2月14日`` / ``14 Feb``;
  ``{day:month}`` is ``3月`` / ``Mar``;
- a datetime: ``2026-10-10 17:30``; ``{at:long}`` is ``2026年10月10日（周六）17:30`` /
  ``10 October 2026 (Sat) 17:30``; ``{at:iso}`` is ``2026-10-10T17:30+08:00``;
- a `Said`: that message, rendered in the same language;
- a bool: 是 / 否, yes / no;
- a tuple: its items, joined by ``；`` / ``; `` (with spec ``comma``: ``，`` / ``, ``; with
  spec ``list``: ``、`` / ``, ``);
- an int with spec ``cn``: Chinese numerals in zh (``第{article:cn}条`` → ``第八条``);
- anything else: ``str(value)``; in Chinese, text quoted as Python quotes it (``'2026-09-30'``,
  what the errors echo) is quoted with Chinese marks (``“2026-09-30”``).

>>> say("trace.count", "zh", number=1, day=dt.date(2026, 10, 9), extra="")
'第1个工作日：2026-10-09（周五）'
>>> say("calendar.adjusted_rest", "zh", worked=dt.date(2026, 2, 14))
'调休放假（2月14日上班）'
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Mapping
from typing import Any, Final, Literal, NamedTuple

from deadlines._messages import (
    _board,
    _calendar,
    _cli,
    _errors,
    _plugins,
    _policy,
    _rules,
    _supervision,
)
from deadlines._messages._message import CIVIL_CODE_ZH, OPINION_ZH, WEEKDAYS_ZH, Message

__all__ = [
    "CIVIL_CODE_ZH",
    "MESSAGES",
    "OPINION_ZH",
    "WEEKDAYS_ZH",
    "Message",
    "Names",
    "Said",
    "known",
    "say",
    "say_in",
    "show",
]

Lang = Literal["zh", "en"]


class Names(NamedTuple):
    """A name the data spells in both languages (a holiday's), shown in the one asked."""

    zh: str
    en: str

    def render(self, lang: Lang) -> str:
        """The name in `lang`."""
        return self.zh if lang == "zh" else self.en


class Said:
    """A message id and its values: a sentence not spelled yet. Equal and hashed by both."""

    __slots__ = ("_shown", "message", "values")

    def __init__(self, message: str, values: Mapping[str, Any] | None = None) -> None:
        self.message = message
        self.values: tuple[tuple[str, Any], ...] = tuple(values.items()) if values else ()
        # Its words once spelled, by language: the same article or day words recur in every
        # trace (shared values), so each is spelled once per language.
        self._shown: dict[str, str] = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Said) and (self.message, self.values) == (
            other.message,
            other.values,
        )

    def __hash__(self) -> int:
        return hash((self.message, self.values))

    def __repr__(self) -> str:
        return f"Said({self.message!r}, {dict(self.values)!r})"

    @classmethod
    def spelled(cls, message: str, zh: str, en: str) -> Said:
        """A sentence another process spelled: its words, not its values (``deadlines check
        --jobs``, whose warnings cost a tenth of a millisecond each to send whole).

        >>> said = Said.spelled("check.alert.escalated", "已超期", "overdue")
        >>> said.render("zh"), said == Said.spelled("check.alert.escalated", "已超期", "overdue")
        ('已超期', True)
        """
        said = cls(message, {"zh": zh, "en": en})
        said._shown.update(zh=zh, en=en)
        return said

    def render(self, lang: Lang) -> str:
        """The sentence in `lang`."""
        shown = self._shown.get(lang)
        if shown is None:
            shown = self._shown[lang] = say_values(self.message, lang, self.values)
        return shown


#: The catalogue: one table per surface, merged; ids are dotted, the surface first (``trace``,
#: ``limit``, ``calendar``), so no two tables hold the same id (tests/test_messages.py checks).
AREAS: Final = (
    _rules.MESSAGES,
    _calendar.MESSAGES,
    _supervision.MESSAGES,
    _cli.MESSAGES,
    _errors.MESSAGES,
    _policy.MESSAGES,
    _board.MESSAGES,
    _plugins.MESSAGES,
)
MESSAGES: Final[Mapping[str, Message]] = {
    message: text for table in AREAS for message, text in table.items()
}


@functools.cache
def _known() -> dict[str, str]:
    return {m.en: key for key, m in MESSAGES.items() if key.startswith("problem.known.")}


def known(text: str) -> Said | str:
    """An English phrase of the library or of `json` as the catalogue spells it in both
    languages (``problem.known.*``), or the text as it is when the catalogue does not know it.

    >>> known("Expecting value").render("zh"), known("something else")
    ('此处应为一个值', 'something else')
    """
    key = _known().get(text)
    return text if key is None else Said(key)


#: How a tuple's items are joined, by the placeholder's spec: ``{parts}``, ``{parts:comma}``,
#: ``{fields:list}`` (an enumeration: 中文标题、英文标题).
_JOINERS: Final = {"": ("；", "; "), "comma": ("，", ", "), "list": ("、", ", ")}


def _show(value: Any, spec: str, lang: Lang) -> str:  # noqa: ANN401 - any value
    """One value shown in `lang` under the placeholder's `spec` (see the module's docstring)."""
    zh = lang == "zh"
    if isinstance(value, Said | Names):
        return value.render(lang)
    if isinstance(value, tuple):  # a list: each item shown, joined as the language joins
        joiner = _JOINERS.get(spec, _JOINERS[""])[0 if zh else 1]
        return joiner.join(_show(v, "", lang) for v in value)
    if isinstance(value, bool):
        return MESSAGES["word.yes" if value else "word.no"][0 if zh else 1]
    if isinstance(value, dt.datetime):
        return _instant(value, spec, zh=zh)
    if isinstance(value, dt.date):
        return _date(value, spec, zh=zh)
    if spec == "cn" and isinstance(value, int):
        return chinese_number(value) if zh else str(value)
    return format(value, spec)


def show(value: Any, lang: str, spec: str = "") -> str:  # noqa: ANN401 - any value
    """A value as a message shows it, in Chinese when `lang` is ``zh``, else in English.

    >>> show(dt.date(2026, 10, 10), "zh"), show(True, "en")
    ('2026-10-10（周六）', 'yes')
    """
    return _show(value, spec, "zh" if lang == "zh" else "en")


class _In:
    """A value on its way into `str.format`, which asks it to show itself in `lang`.

    `str.format` is C; a `string.Formatter` doing the same in Python cost three times as much.
    """

    __slots__ = ("lang", "value")

    def __init__(self, value: Any, lang: Lang) -> None:  # noqa: ANN401 - any value
        self.value = value
        self.lang = lang

    def __format__(self, spec: str) -> str:
        return _show(self.value, spec, self.lang)


#: ASCII punctuation → the full-width forms Chinese text uses.
_FULL_WIDTH: Final = str.maketrans(
    {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？"}
)


def full_width(text: str) -> str:
    """Chinese text with its punctuation full-width, as the printed document has it.

    >>> full_width("审核后,由县长签发;(6)")
    '审核后，由县长签发；（6）'
    """
    return text.translate(_FULL_WIDTH)


_DIGITS: Final = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """``8`` → ``八``, ``201`` → ``二百零一``, ``12`` → ``十二``: article numbers in 公文.

    >>> [chinese_number(n) for n in (8, 10, 12, 20, 105, 201, 210)]
    ['八', '十', '十二', '二十', '一百零五', '二百零一', '二百一十']
    """
    if not 0 < n < 1000:
        return str(n)
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    if ones:
        out += _DIGITS[ones]
    return out


def _instant(at: dt.datetime, spec: str, *, zh: bool) -> str:
    if spec == "iso":  # RFC 3339 to the minute, as the English heading has always shown it
        return at.isoformat(timespec="minutes")
    if spec == "long":
        day, gap = at.date(), "" if zh else " "
        return f"{_date(day, 'long', zh=zh)}{_date(day, 'weekday', zh=zh)}{gap}{at:%H:%M}"
    return at.strftime("%Y-%m-%d %H:%M")


def _date(day: dt.date, spec: str, *, zh: bool) -> str:
    if spec == "long":
        return f"{day.year}年{day.month}月{day.day}日" if zh else f"{day.day} {day:%B %Y}"
    if spec == "mdw":
        if zh:
            return f"{day:%m-%d}（周{WEEKDAYS_ZH[day.weekday()]}）"
        return f"{day:%m-%d} ({day:%a})"
    if spec == "iso":
        return day.isoformat()
    if spec == "month":
        return f"{day.month}月" if zh else f"{day:%b}"
    if spec == "md":
        return f"{day.month}月{day.day}日" if zh else f"{day.day} {day:%b}"
    if spec == "weekday":
        return f"（周{WEEKDAYS_ZH[day.weekday()]}）" if zh else f" ({day:%a})"
    if zh:
        return f"{day.isoformat()}（周{WEEKDAYS_ZH[day.weekday()]}）"
    return f"{day.isoformat()} ({day:%a})"


def say(message: str, lang: Lang, /, **values: Any) -> str:  # noqa: ANN401 - any value
    """Message `message` in `lang` with its `values`.

    Raises:
        KeyError: no such message, or a placeholder without a value.
    """
    return say_values(message, lang, values)


class _Values(dict[str, Any]):
    """A message's values, each wrapped to show itself in `lang` only when the template asks."""

    __slots__ = ("lang",)

    def __init__(self, values: Any, lang: Lang) -> None:  # noqa: ANN401 - a mapping or pairs
        super().__init__(values)
        self.lang = lang

    def __getitem__(self, key: str) -> Any:  # noqa: ANN401 - any value
        value = super().__getitem__(key)
        if type(value) is not str:
            return _In(value, self.lang)
        return chinese_marks(value) if self.lang == "zh" else value


def chinese_marks(text: str) -> str:
    """A value wholly in straight quotes, as Python (``'x'``) or a file (``"x"``) quotes it, in
    Chinese marks (“x”); any other text as it is.

    >>> chinese_marks("'slow'"), chinese_marks('"slow"'), chinese_marks('{"rule": "x"}')
    ('“slow”', '“slow”', '{"rule": "x"}')
    """
    if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"" and text[0] not in text[1:-1]:
        return f"“{text[1:-1]}”"
    return text


def say_in(lang: str, message: str, /, **values: Any) -> str:  # noqa: ANN401 - any value
    """`say` in Chinese when `lang` is ``zh``, else in English (for a language given as text)."""
    return say(message, "zh" if lang == "zh" else "en", **values)


def say_values(message: str, lang: Lang, values: Any) -> str:  # noqa: ANN401 - pairs
    """`say` with the values as a mapping or (name, value) pairs, as a trace step holds them."""
    template = MESSAGES[message]
    return (template.zh if lang == "zh" else template.en).format_map(_Values(values, lang))


def placeholders(template: str) -> frozenset[str]:
    """The names a template needs: ``{n}个工作日`` needs ``n``."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)
