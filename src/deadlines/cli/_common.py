"""What every subcommand shares: common options, usage errors, and printing.

The API is small on purpose:

- `EXIT_OK` (0), `EXIT_FAILED` (1: some input failed), `EXIT_USAGE` (2),
  `EXIT_INTERRUPTED` (130): the exit statuses.
- `UsageError`: raise it for a bad argument; `guarded` turns it into exit status 2.
- `guarded`: decorate a subcommand's ``run(args)`` with it, so no user error ends in a
  traceback. Library errors (`DeadlinesError`) that escape are usage errors too, worded by
  `explain_error` (which maps the library's argument names to the options: ``at`` is
  ``--at``, a rule parameter the user gave is ``--param NAME``, a date outside the calendar
  is about ``--at``; a broken plugin's error says how to do without it, `plugin_hint`).
- `add_lang`, `add_json`, `add_calendar`: the options several subcommands take.
- `calendar_from`, `engine_from`: the calendar and engine the options ask for.
- `parse_instant_arg`, `parse_params`: argument values the library cannot parse itself.
- `out`, `print_json`: printing to the current standard output (tests capture it).

Heavy modules (the engine, the calendar table) are imported inside the functions that need
them, so a subcommand that does not use them does not pay for them.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from deadlines._errors import (
    DeadlinesError,
    InvalidArgumentError,
    InvalidValueError,
    MissingParameterError,
    OutOfRangeError,
    OverrideFileError,
    PluginConflictError,
    PluginError,
    UnknownRuleError,
    bounded,
    cut,
    cut_repr,
)
from deadlines._messages import Lang

if TYPE_CHECKING:
    import datetime as dt

    from deadlines._engine import Engine
    from deadlines.calendar import ChinaCalendar

#: Exit statuses: success, some input failed (batch), a usage error, and Ctrl-C (128 + SIGINT).
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

AT_EXAMPLE = "2026-09-30T17:00"


def plugin_hint(command: str, *, option: bool = True) -> str:
    """What to do about a broken plugin, said after its error by `command`.

    >>> plugin_hint("due")
    'add --no-plugins to compute without plugins, or uninstall the plugin'

    Args:
        command: the subcommand; ``plugins`` itself points to the other commands.
        option: whether the command has ``--no-plugins``; without it, the environment
            variable that does the same is named.
    """
    if command == "plugins":
        return "uninstall the plugin, or add --no-plugins to other commands to compute without it"
    skip = "add --no-plugins" if option else "set DEADLINES_DISABLE_PLUGIN_AUTOLOAD=1"
    return f"{skip} to compute without plugins, or uninstall the plugin"


class UsageError(DeadlinesError, ValueError):
    """A command-line argument is wrong; the command exits with status 2.

    Attributes:
        argument: the argument as the user typed it, e.g. ``--at`` or ``RULE``.
        problem: what is wrong and what a valid value looks like.
    """

    def __init__(self, argument: str, problem: str) -> None:
        self.argument = bounded(argument)
        self.problem = bounded(problem)
        super().__init__(f"argument {self.argument}: {self.problem}")


class Parser(argparse.ArgumentParser):
    """argparse's parser, whose own usage errors echo a value cut to 200 characters.

    argparse quotes the value it refuses (``invalid choice: 'xxx…'``) whole; a pasted
    megabyte would fill the terminal.
    """

    def error(self, message: str) -> NoReturn:
        """Print the usage and `message` (its long values cut), and exit with status 2."""
        super().error(bounded(message))


def out() -> Any:  # noqa: ANN401 - a text stream; typing.TextIO is too narrow for test doubles
    """The current standard output (looked up at call time so tests can capture it)."""
    return sys.stdout


def print_json(value: object) -> None:
    """Print `value` as indented JSON, non-ASCII characters kept as they are."""
    print(json.dumps(value, ensure_ascii=False, indent=2), file=out())


def explain_error(
    error: DeadlinesError,
    rule_argument: str = "RULE",
    *,
    params: Mapping[str, object] | None = None,
    at: object = None,
    command: str = "",
    no_plugins_option: bool = True,
) -> UsageError:
    """The usage error a library error stands for on the command line.

    The engine names the input an error is about (`DeadlinesError.input_field`): ``rule`` is
    the rule argument, ``at`` is ``--at``, a name in `params` is ``--param NAME``. A
    calendar-range error (the calendar covers 2004-2100) says whether the trigger or the due
    date lies outside, and which option took it there: ``--at``, or a parameter such as
    ``--param limit_days``. Values read as typed, not as Python reprs, cut to 200 characters.

    Args:
        error: what the library raised.
        rule_argument: how the command names the rule argument.
        params: the ``--param`` values the user gave, by name.
        at: the ``--at`` text the user typed, if the command has one.
        command: the subcommand, and `no_plugins_option` whether it has ``--no-plugins``:
            what a plugin error suggests (see `plugin_hint`).

    >>> import datetime as dt
    >>> from deadlines._errors import OutOfRangeError
    >>> error = OutOfRangeError("day", dt.date(2101, 1, 1), dt.date(2004, 1, 1),
    ...                         dt.date(2100, 12, 31))
    >>> error.input_field = "at"  # as Engine.due sets it
    >>> print(explain_error(error, at="2101-01-01T10:00"))
    argument --at: the calendar covers 2004-01-01 through 2100-12-31; got 2101-01-01T10:00
    """
    from deadlines.io._messages import range_problem, shown

    if isinstance(error, UsageError):
        return error
    if isinstance(error, (PluginError, PluginConflictError)):
        return UsageError("", f"{error}; {plugin_hint(command, option=no_plugins_option)}")
    if isinstance(error, OverrideFileError):
        return UsageError("--calendar", str(error))
    # The engine names the input at fault (`DeadlinesError.input_field`): map that one name.
    field = error.input_field
    given = params or {}
    option = (
        rule_argument
        if field == "rule"
        else "--at"
        if field == "at"
        else f"--param {cut(field)}"
        if field is not None and field in given
        else ""
    )
    if isinstance(error, UnknownRuleError):
        import difflib

        close = difflib.get_close_matches(cut(error.rule_id), error.known, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        return UsageError(
            option or rule_argument,
            f"unknown rule {shown(error.rule_id)}{hint}; known rules: {', '.join(error.known)}",
        )
    if isinstance(error, MissingParameterError):
        return UsageError(
            "--param", f"{error}; pass it as --param {error.example.split(' ')[0]}"
        )
    if isinstance(error, OutOfRangeError):
        value = given[field] if option.startswith("--param") and field is not None else None
        # Outside the engine (a report at --at) a range error is about the command's instant.
        option = option or ("--at" if at is not None else "")
        return UsageError(option, range_problem(error, at, value))
    if isinstance(error, (InvalidValueError, InvalidArgumentError)):
        problem = f"must be {error.expected}; got {shown(error.value)}"
        if option and error.argument == field:
            return UsageError(option, problem)
        # A part of the input (done.review), or an argument of the library's own (a rule asked
        # the calendar something odd): name it without pretending the user passed it.
        return UsageError(option, f"{cut(error.argument)} {problem}")
    return UsageError(option, str(error))


def guarded(
    run: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """Decorate a subcommand's ``run``: a usage or library error prints one line, exits 2.

    The line reads ``deadlines COMMAND: error: argument ARG: PROBLEM`` on standard error, the
    shape argparse uses for its own errors. Ctrl-C prints one line too and exits 130.
    """

    @functools.wraps(run)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except DeadlinesError as error:
            usage = explain_error(
                error,
                at=getattr(args, "at", None),
                command=args.command,
                no_plugins_option=hasattr(args, "no_plugins"),
            )
            where = f"argument {usage.argument}: " if usage.argument else ""
            print(f"deadlines {args.command}: error: {where}{usage.problem}", file=sys.stderr)
            return EXIT_USAGE
        except KeyboardInterrupt:
            print(f"deadlines {args.command}: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED

    return wrapper


def add_lang(parser: argparse.ArgumentParser) -> None:
    """``--lang zh|en``: the language of titles and explanations (see `chosen_lang`)."""
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="language of titles and explanations: zh (中文) or en; by default DEADLINES_LANG, "
        "else the locale (LC_ALL, LC_MESSAGES, LANG: zh_* is Chinese), else en",
    )


def chosen_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language when no ``--lang`` says: ``DEADLINES_LANG``, else the locale, else English.

    The locale is read as POSIX reads it for messages: the first of ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` that is set; a value starting ``zh`` (``zh_CN.UTF-8``) is Chinese.

    >>> chosen_lang({"LANG": "zh_CN.UTF-8"}), chosen_lang({"LC_ALL": "C", "LANG": "zh_CN"})
    ('zh', 'en')
    >>> chosen_lang({"DEADLINES_LANG": "zh", "LC_ALL": "en_US.UTF-8"}), chosen_lang({})
    ('zh', 'en')
    """
    env = os.environ if environ is None else environ
    for name in ("DEADLINES_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def add_json(parser: argparse.ArgumentParser) -> None:
    """``--json``: print machine-readable JSON instead of text."""
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def add_calendar(parser: argparse.ArgumentParser, *, plugins: bool = True) -> None:
    """The options that choose the calendar and the configuration.

    ``--calendar FILE`` (repeatable): calendar override TOML files, applied in order.
    ``--no-plugins``: ignore the installed plugins (the entry-point group ``deadlines``); not
    offered where plugins never apply (`plugins` false: policy testing is hermetic).
    """
    parser.add_argument(
        "--calendar",
        action="append",
        default=[],
        metavar="FILE",
        help="a calendar override file (TOML: a new year's notice or local days); repeatable, "
        "applied in order",
    )
    if not plugins:
        return
    parser.add_argument(
        "--no-plugins",
        action="store_true",
        help="ignore installed plugins: compute with the opinion and the official calendar only",
    )


def calendar_from(args: argparse.Namespace) -> ChinaCalendar:
    """The calendar with the ``--calendar`` files of `args` applied.

    Raises:
        UsageError: a file is missing or malformed (naming it and the line).
    """
    from deadlines.calendar import ChinaCalendar

    files: Sequence[str] = getattr(args, "calendar", None) or ()
    try:
        return ChinaCalendar(overrides=list(files))
    except OverrideFileError as error:
        raise UsageError("--calendar", str(error)) from None


def engine_from(args: argparse.Namespace) -> Engine:
    """The engine over `calendar_from(args)`, with the installed plugins unless --no-plugins."""
    from deadlines._engine import Engine

    return Engine(calendar_from(args), discover_plugins=not getattr(args, "no_plugins", False))


def parse_instant_arg(argument: str, text: str) -> dt.datetime:
    """Parse an ISO 8601 instant given on the command line; naive means Asia/Shanghai.

    Raises:
        UsageError: naming `argument` and showing ``2026-09-30T17:00``.
    """
    from deadlines._time import parse_instant

    try:
        return parse_instant(argument, text)
    except InvalidValueError as error:
        raise UsageError(argument, f"must be {error.expected}; got {cut_repr(text)}") from None


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    """``NAME=VALUE`` strings as a dict; the values stay text, and each rule parses its own.

    >>> parse_params(["limit_days=15", "involves_personnel_money_assets=true"])
    {'limit_days': '15', 'involves_personnel_money_assets': 'true'}

    Raises:
        UsageError: a pair without ``=``, an empty name, or a name given twice.
    """
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name.isidentifier():
            raise UsageError(
                "--param", f"must be NAME=VALUE such as limit_days=15; got {cut_repr(pair)}"
            )
        if name in params:
            raise UsageError("--param", f"{cut(name)} is given twice; give each parameter once")
        params[name] = value
    return params
