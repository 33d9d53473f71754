"""The errors and warnings of `deadlines`.

Every error subclasses `DeadlinesError` and the builtin it refines, so callers can catch either.
Each keeps the offending value as an attribute and says what valid input looks like.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

#: How many characters of a value an error message echoes; a longer value is cut (`cut`).
ECHO_LIMIT = 200


def cut(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text` as an error message echoes it: whole up to `limit` characters, else cut.

    A cut value ends with how long it was, so a 5 MB value gives a short error line that
    still says what came in.

    >>> cut("2026-09-30T17:00")
    '2026-09-30T17:00'
    >>> cut("9" * 1000, 10)
    '9999999999… (1000 characters in all)'
    """
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters in all)"


def cut_repr(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text` quoted (its repr), cut like `cut`: the length stated is the text's own.

    >>> cut_repr("x" * 300, 3)
    "'xxx'… (300 characters in all)"
    """
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text)} characters in all)"


def bounded(message: str, limit: int = ECHO_LIMIT) -> str:
    """`message` with every long value in it cut (see `cut`): quoted, or a run without spaces.

    For messages built from values not cut where they were put in (a path, a value argparse
    quotes), so that no error line grows with its input.

    >>> bounded(f"cannot read '{'x' * 300}'", 10)
    "cannot read 'xxxxxxxxxx… (300 characters in all)"
    """
    if len(message) <= limit:
        return message
    return _VALUE.sub(lambda m: _cut_value(m.group(), limit), message)


def _cut_value(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    if text[0] in "'\"" and text[-1] == text[0]:  # the length of what is inside the quotes
        return f"{text[0]}{text[1 : limit + 1]}… ({len(text) - 2} characters in all)"
    return cut(text, limit)


# A quoted value (as repr quotes it), or else a run without spaces: what `bounded` cuts.
_VALUE = re.compile(r"""'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\S+""")


def shown(value: object) -> str:
    """A value as a message shows it: dates and instants in ISO 8601, anything else as repr.

    Cut to `ECHO_LIMIT` characters (see `cut`).
    """
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


class DeadlinesError(Exception):
    """Base class of every error raised by `deadlines`.

    Attributes:
        input_field: which input of the call the error is about, as its caller named it, or
            ``None`` when it is about no single input. `Engine.due` sets it on what it raises:
            ``rule``, ``at`` or the name of a parameter, so that each face (command line,
            batch, supervision) maps that one name to its own option, column or field.
    """

    input_field: str | None = None


class InvalidArgumentError(DeadlinesError, TypeError):
    """An argument has the wrong type: a string where a date is expected, ``True`` as a count.

    Attributes:
        argument: the parameter's name.
        value: what was passed.
    """

    def __init__(self, argument: str, value: object, expected: str) -> None:
        self.argument = argument
        self.value = value
        self.expected = expected
        super().__init__(
            f"{cut(argument)} must be {expected}; got {type(value).__name__} {cut(_repr(value))}"
        )


class InvalidValueError(DeadlinesError, ValueError):
    """An argument has the right type but a value outside what is allowed.

    Attributes:
        argument: the parameter (or input field) name.
        value: what was passed.
    """

    def __init__(self, argument: str, value: object, expected: str) -> None:
        self.argument = argument
        self.value = value
        self.expected = expected
        super().__init__(f"{cut(argument)} must be {expected}; got {shown(value)}")


class OutOfRangeError(InvalidValueError):
    """A date, given or computed, lies outside the range the calendar covers.

    Attributes:
        argument: the parameter's name.
        value: the date, or the count that would carry a result outside the range.
        first: the first date covered.
        last: the last date covered.
    """

    def __init__(
        self, argument: str, value: object, first: object, last: object, expected: str = ""
    ) -> None:
        self.first = first
        self.last = last
        super().__init__(argument, value, expected or f"a date from {first} through {last}")


class OverrideFileError(DeadlinesError, ValueError):
    """A calendar override file is malformed.

    Attributes:
        path: the file.
        line: the 1-based line of the problem, or ``None`` when it concerns the whole file.
    """

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class OverrideConflictError(OverrideFileError):
    """Two override files give the same year's notice, or the same local day, differently.

    Not a plugin conflict: both are files the user chose. The same file given twice, or two
    files that agree, do not conflict.

    Attributes:
        path: the second file (where the conflict was found).
        other: the first file.
    """

    def __init__(self, path: str, other: str, problem: str) -> None:
        self.other = other
        super().__init__(path, None, problem)


class UnknownRuleError(DeadlinesError, KeyError):
    """No rule has the requested id.

    Attributes:
        rule_id: the id asked for.
        known: the ids that exist.
    """

    def __init__(self, rule_id: str, known: tuple[str, ...]) -> None:
        self.rule_id = rule_id
        self.known = known
        super().__init__(rule_id)

    def __str__(self) -> str:
        return f"unknown rule {shown(self.rule_id)}; known rules: {', '.join(self.known)}"


class MissingParameterError(DeadlinesError, LookupError):
    """A rule needs a parameter the trigger did not give.

    Attributes:
        rule_id: the rule.
        parameter: the missing parameter's name.
    """

    def __init__(self, rule_id: str, parameter: str, example: str) -> None:
        self.rule_id = rule_id
        self.parameter = parameter
        self.example = example
        super().__init__(f"rule {rule_id!r} needs the parameter {parameter!r}, e.g. {example}")


class NotADeadlineError(DeadlinesError, TypeError):
    """The rule is a constraint (a blackout, a quota, a recurrence), which has no single due date.

    Attributes:
        rule_id: the rule.
        kind: what the rule is instead.
    """

    def __init__(self, rule_id: str, kind: str, instead: str) -> None:
        self.rule_id = rule_id
        self.kind = kind
        super().__init__(f"rule {rule_id!r} is a {kind}, not a deadline; {instead}")


class NotInEffectError(DeadlinesError, ValueError):
    """A trigger falls outside every dated version of a rule.

    Attributes:
        rule_id: the rule.
        at: the trigger.
    """

    def __init__(self, rule_id: str, at: object, effective: str) -> None:
        self.rule_id = rule_id
        self.at = at
        super().__init__(f"rule {rule_id!r} is not in effect at {at}; it applies {effective}")


class PluginError(DeadlinesError, RuntimeError):
    """A plugin's hook raised or returned something of the wrong type.

    Attributes:
        plugin: the plugin's name.
        hook: the hook's name.
    """

    def __init__(self, plugin: str, hook: str, problem: str) -> None:
        self.plugin = plugin
        self.hook = hook
        self.problem = problem
        super().__init__(f"plugin {plugin!r}, hook {hook}: {problem}")


class PluginConflictError(DeadlinesError, ValueError):
    """Two plugins change the same thing in different ways.

    Attributes:
        target: what both change.
        plugins: the plugins involved.
    """

    def __init__(self, target: str, plugins: tuple[str, ...], detail: str) -> None:
        self.target = target
        self.plugins = plugins
        super().__init__(
            f"plugins {', '.join(map(repr, plugins))} both change {target}: {detail}; "
            "remove one, or give one of them a higher priority"
        )


class DeadlinesWarning(UserWarning):
    """Base class of the soft problems `deadlines` reports as warnings."""


class ProvisionalDateWarning(DeadlinesWarning):
    """A result relies on a day beyond the officially announced calendar."""


class PartialNoticeWarning(DeadlinesWarning):
    """A notice loaded although it lacks statutory days (``partial = true``, a stored notice)."""


class PointlessOverrideWarning(DeadlinesWarning):
    """A local day changes nothing: a working day made a working day, a rest day made off."""


def describe(value: Any) -> str:  # noqa: ANN401 - any value can be described
    """A short description of a value for error messages."""
    return f"{type(value).__name__} {shown(value)}"
