"""The errors and warnings of `deadlines`: see docs/design.md, "Errors and warnings"."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from deadlines._messages import Lang, Said, known

#: How many characters of a value an error message echoes; a longer value is cut (`cut`).
ECHO_LIMIT = 200


def cut(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text` whole up to `limit` characters, else cut and followed by its length."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters in all)"


def cut_repr(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text` quoted (its repr), cut like `cut`: the length stated is the text's own."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text)} characters in all)"


def bounded(message: str, limit: int = ECHO_LIMIT) -> str:
    """`message` with every long value in it (quoted, or a run without spaces) cut like `cut`,
    for messages built from values not cut where they came in (a path, a value argparse quotes)."""
    if len(message) <= limit:
        return message
    return _VALUE.sub(lambda m: _cut(m.group(), limit), message)


def _cut(text: str, limit: int) -> str:
    if len(text) > limit and text[0] in "'\"" and text[-1] == text[0]:  # count inside the quotes
        return f"{text[0]}{text[1 : limit + 1]}… ({len(text) - 2} characters in all)"
    return cut(text, limit)


# A quoted value (as repr quotes it), or else a run without spaces: what `bounded` cuts.
_VALUE = re.compile(r"""'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\S+""")


def shown(value: object) -> str:
    """A value as a message shows it, cut: dates and instants in ISO 8601, anything else as repr."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return cut_repr(value) if isinstance(value, str) else cut(_repr(value))


def _repr(value: object) -> str:
    # repr of a huge int is refused past 4300 digits (and slow before): say how big it is.
    if type(value) is int and value.bit_length() > 2000:
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    return repr(value)


def describe(value: Any) -> str:  # noqa: ANN401 - any value can be described
    """A short description of a value for error messages: its type, then `shown`."""
    return f"{type(value).__name__} {shown(value)}"


class Spoken:
    """An exception or warning whose message is a catalogue message (`said`); one built from a
    plain sentence renders that sentence in either language."""

    said: Said | None = None

    def _say(self, message: str, **values: Any) -> None:  # noqa: ANN401 - any value
        self.said = Said(message, values)
        Exception.__init__(self, self.said.render("en"))  # type: ignore[arg-type] # a mixin

    def render(self, lang: Lang) -> str:
        """The message in `lang` (``zh`` or ``en``)."""
        return self.said.render(lang) if self.said is not None else str(self)


class DeadlinesError(Spoken, Exception):
    """Base class of every error raised by `deadlines`.

    Attributes:
        input_field: which input of the call the error is about, as its caller named it, or
            ``None`` when it is about no single input. `Engine.due` sets it on what it raises:
            ``rule``, ``at`` or the name of a parameter, so that each face (command line,
            batch, supervision) maps that one name to its own option, column or field.
    """

    input_field: str | None = None
    #: What `Engine.due` sets `input_field` to when the code that raised the error named no
    #: input and it has no `argument` of the call's: ``rule``, ``at``, the missing parameter.
    _blames: str | None = None


def _english(text: str | Said) -> str:
    return text if isinstance(text, str) else text.render("en")


class _InvalidInputError(DeadlinesError):
    """An argument the caller got wrong: its name, what came, what valid input looks like.

    Attributes:
        argument: the parameter (or input field) name.
        value: what was passed.
        expected: what valid input looks like, in English (a `Said` given is spelled).
    """

    said: Said

    def __init__(self, argument: str, value: object, expected: str | Said) -> None:
        self.argument = argument
        self.value = value
        self.expected = _english(expected)
        # An English phrase the catalogue knows (``known.*``) is said in either language.
        worded = known(expected) if isinstance(expected, str) else expected
        got = (
            f"{type(value).__name__} {cut(_repr(value))}"
            if isinstance(self, TypeError)
            else shown(value)
        )
        self._say("error.named_must_be", argument=cut(argument), expected=worded, value=got)


class InvalidArgumentError(_InvalidInputError, TypeError):
    """An argument has the wrong type: a string where a date is expected, ``True`` as a count."""


class InvalidValueError(_InvalidInputError, ValueError):
    """An argument has the right type but a value outside what is allowed."""


class OutOfRangeError(InvalidValueError):
    """A date, given or computed, lies outside the range the calendar covers.

    Attributes:
        argument: the parameter's name.
        value: the date, or the count that would carry a result outside the range.
        first: the first date covered.
        last: the last date covered.
    """

    _blames = "at"  # the trigger, or the due date a fixed limit leads it to

    def __init__(
        self, argument: str, value: object, first: object, last: object, expected: str | Said = ""
    ) -> None:
        self.first = first
        self.last = last
        covered = Said("error.date_range", {"first": str(first), "last": str(last)})
        super().__init__(argument, value, expected or covered)

    def meaning(self, start: dt.date | None, at: object, parameter: object = None) -> Said:
        """What the error means to whoever gave the trigger `at` (on day `start`), in plain words.

        The trigger itself lies outside the calendar, or the due date would: the library's own
        argument names (``day``, ``n``) mean nothing to a user, so the command line, batch mode
        and the service say it so. `start` is None when the trigger could not be read
        (`deadlines.io._messages.day_of`); `at` is the trigger as the user gave it; `parameter`
        is the value of the parameter the engine blamed (a ``limit_days`` of 40000), echoed.

        >>> later = OutOfRangeError("n", 3, dt.date(2004, 1, 1), dt.date(2100, 12, 31))
        >>> said = later.meaning(dt.date(2100, 12, 30), "2100-12-30T17:00")
        >>> print(said.render("zh"))
        期限将晚于日历的最后一天2100-12-31（日历范围为2004-01-01至2100-12-31）；实际为2100-12-30T17:00
        >>> print(said.render("en"))  # doctest: +NORMALIZE_WHITESPACE
        the due date would fall after 2100-12-31, where the calendar ends
        (it covers 2004-01-01 through 2100-12-31); got 2100-12-30T17:00
        """
        first, last = self.first, self.last
        values = {"first": str(first), "last": str(last)}
        if start is None:
            return Said("error.range.computed", {**values, "value": shown(self.value)})
        values["value"] = cut(at.strip()) if isinstance(at, str) else shown(at)
        if isinstance(first, dt.date) and isinstance(last, dt.date) and not first <= start <= last:
            return Said("error.range.outside", values)
        if parameter is not None:
            values["value"] = cut(parameter) if isinstance(parameter, str) else shown(parameter)
        value = self.value.date() if isinstance(self.value, dt.datetime) else self.value
        # A date is compared with the trigger; a count ran out the way its sign says.
        later = (
            value > start if isinstance(value, dt.date) else not isinstance(value, int) or value > 0
        )
        return Said("error.range.after" if later else "error.range.before", values)


class OverrideFileError(DeadlinesError, ValueError):
    """A calendar override file is malformed.

    Attributes:
        path: the file.
        line: the 1-based line of the problem, or ``None`` when it concerns the whole file.
        problem: what is wrong, in English (a `Said` given is spelled; `render` spells the
            whole message in either language).
    """

    def __init__(self, path: str, line: int | None, problem: str | Said) -> None:
        self.path = path
        self.line = line
        self.problem = _english(problem)
        where = f"{path}:{line}" if line is not None else path
        said = bounded(problem) if isinstance(problem, str) else problem
        self._say("error.override_file", where=bounded(where), problem=said)


class OverrideConflictError(OverrideFileError):
    """Two override files give the same year's notice, or the same local day, differently.

    Not a plugin conflict: both are files the user chose. The same file given twice, or two
    files that agree, do not conflict.

    Attributes:
        path: the second file (where the conflict was found).
        other: the first file.
    """

    def __init__(self, path: str, other: str, problem: str | Said) -> None:
        self.other = other
        super().__init__(path, None, problem)


class UnknownRuleError(DeadlinesError, KeyError):
    """No rule has the requested id.

    Attributes:
        rule_id: the id asked for.
        known: the ids that exist.
    """

    _blames = "rule"

    def __init__(self, rule_id: str, known: tuple[str, ...]) -> None:
        self.rule_id = rule_id
        self.known = known
        self._say("error.unknown_rule", rule=shown(rule_id), hint="", known=tuple(known))

    def __str__(self) -> str:  # KeyError's would quote the message
        return self.render("en")


class MissingParameterError(DeadlinesError, LookupError):
    """A rule needs a parameter the trigger did not give.

    Attributes:
        rule_id: the rule.
        parameter: the missing parameter's name.
        example: how to pass it, in English (a `Said` given is spelled).
    """

    def __init__(self, rule_id: str, parameter: str, example: str | Said) -> None:
        self.rule_id = rule_id
        self.parameter = parameter
        self._blames = parameter
        self.example = _english(example)
        self._say(
            "error.missing_parameter",
            rule=repr(rule_id),
            parameter=repr(parameter),
            example=example,
        )


class NotADeadlineError(DeadlinesError, TypeError):
    """The rule is a constraint (a blackout, a quota, a recurrence), which has no single due date.

    Attributes:
        rule_id: the rule.
        kind: what the rule is instead, in English (a `Said` given is spelled).
    """

    _blames = "rule"

    def __init__(self, rule_id: str, kind: str | Said, instead: str | Said) -> None:
        self.rule_id = rule_id
        self.kind = _english(kind)
        self._say("error.not_a_deadline", rule=repr(rule_id), kind=kind, instead=instead)


class NotInEffectError(DeadlinesError, ValueError):
    """A trigger falls outside every dated version of a rule.

    Attributes:
        rule_id: the rule.
        at: the trigger.
    """

    _blames = "at"

    def __init__(self, rule_id: str, at: object, effective: str | Said | tuple[Said, ...]) -> None:
        self.rule_id = rule_id
        self.at = at
        self._say("error.not_in_effect", rule=repr(rule_id), at=str(at), effective=effective)


class PluginError(DeadlinesError, RuntimeError):
    """A plugin's hook raised or returned something of the wrong type.

    Attributes:
        plugin: the plugin's name.
        hook: the hook's name.
    """

    def __init__(self, plugin: str, hook: str, problem: str | Said) -> None:
        self.plugin = plugin
        self.hook = hook
        self.problem = _english(problem)
        self._say("error.plugin", plugin=repr(plugin), hook=hook, problem=problem)


class PluginConflictError(DeadlinesError, ValueError):
    """Two plugins change the same thing in different ways.

    Attributes:
        target: what both change.
        plugins: the plugins involved.
    """

    def __init__(self, target: str, plugins: tuple[str, ...], detail: str | Said) -> None:
        self.target = target
        self.plugins = plugins
        quoted = tuple(map(repr, plugins))
        self._say("error.plugin_conflict", target=target, plugins=quoted, detail=detail)


class DeadlinesWarning(Spoken, UserWarning):
    """Base class of the soft problems `deadlines` reports as warnings (a sentence, or a
    catalogue message: a `Said`)."""

    def __init__(self, message: str | Said) -> None:
        if isinstance(message, Said):
            self._say(message.message, **dict(message.values))
        else:
            super().__init__(message)


class ProvisionalDateWarning(DeadlinesWarning):
    """A result relies on a day beyond the officially announced calendar.

    >>> import datetime as dt
    >>> warning = ProvisionalDateWarning.of("routing.ordinary", "2027-12-30T10:00",
    ...                                     "2028-01-04T10:00", dt.date(2027, 12, 31))
    >>> print(warning.render("zh"))
    routing.ordinary自2027-12-30T10:00起算：到期时间2028-01-04T10:00所依据的2027-12-31以后的日期，国务院办公厅尚未发布通知
    """

    @classmethod
    def of(cls, rule_id: str, at: str, due: str, settled: dt.date) -> ProvisionalDateWarning:
        """The warning for `rule_id` triggered at `at`, due `due`, past the `settled` day."""
        values = {"rule": rule_id, "at": at, "due": due, "settled": settled.isoformat()}
        return cls(Said("error.provisional", values))


class PartialNoticeWarning(DeadlinesWarning):
    """A notice loaded although it lacks statutory days (``partial = true``, a stored notice)."""


class PointlessOverrideWarning(DeadlinesWarning):
    """A local day changes nothing: a working day made a working day, a rest day made off."""
