"""What every subcommand shares: the parser in a language, errors, common options, printing.

`Parser` is argparse's parser in the chosen language (`chosen_lang`). A ``register()`` names
options and metavars; `Parser.finish` takes their words from the catalogue (``_messages/_cli.py``)
by name: ``cli.summary.COMMAND``, ``cli.description.COMMAND``, ``cli.COMMAND.OPTION`` (the long
option without dashes, or a positional's name), else ``cli.option.OPTION``, and
``cli.metavar.METAVAR``. `cli.main` (around every ``run``) turns a bad argument or a library
error into one line and exit status 2, naming the option at fault (`explain_error`).

Heavy modules (the engine, the calendar table) are imported inside the functions that need
them, so a subcommand that does not use them does not pay for them.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import json
import os
import re
import sys
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from deadlines._errors import (
    DeadlinesError,
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
from deadlines._messages import MESSAGES, Lang, Names, Said, say
from deadlines._messages._cli import ARGPARSE

if TYPE_CHECKING:
    from deadlines._engine import Engine
    from deadlines.calendar import ChinaCalendar

#: Exit statuses: success, some input failed (batch), a usage error, and Ctrl-C (128 + SIGINT).
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

LANGS: tuple[Lang, ...] = ("zh", "en")


class UsageError(DeadlinesError, ValueError):
    """The command-line `argument` (as typed; a metavar said in the chosen language; empty when
    no single one is at fault) is wrong, as `problem` says: exit status 2."""

    def __init__(self, argument: str, problem: str | Said) -> None:
        self.argument = bounded(argument)
        self.problem = bounded(problem) if isinstance(problem, str) else problem
        if not argument:
            self._say("error.line.bare", problem=self.problem)
            return
        metavar = f"cli.metavar.{self.argument}"
        shown = Said(metavar) if metavar in MESSAGES else self.argument
        said = Said("error.usage", {"argument": shown, "problem": ""})
        if isinstance(problem, Said) and problem.message in _NAMED and argument[:1] != "-":
            self._say("error.usage.named", head=Names("", said.render("en")), problem=problem)
            return
        self._say("error.usage", argument=shown, problem=self.problem)


#: Problems that name their culprit (规则“x”, the file), so Chinese needs no 参数 RULE： before.
_NAMED = frozenset(
    {"error.unknown_rule", "error.not_a_deadline", "error.not_in_effect", "error.cannot_read"}
)


class Parser(argparse.ArgumentParser):
    """argparse's parser in `lang`, whose usage errors echo a value cut to 200 characters
    (argparse quotes a refused value whole: a pasted megabyte would fill the terminal)."""

    def __init__(self, *args: Any, lang: Lang = "en", **kwargs: Any) -> None:  # noqa: ANN401
        self.lang = lang
        kwargs["formatter_class"] = _Wrapped if lang == "zh" else argparse.HelpFormatter
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", functools.partial(_Subparsers, lang=lang))

    def error(self, message: str) -> NoReturn:
        """Print the usage and `message` (its long values cut), and exit with status 2."""
        super().error(bounded(message))

    def _check_value(self, action: argparse.Action, value: Any) -> None:  # noqa: ANN401
        """argparse's check of a choice, its refusal in Chinese listed as Chinese lists are
        (``rules、due``: argparse joins the choices itself, with quotes and ASCII commas)."""
        choices = action.choices
        if self.lang != "zh" or choices is None or value in choices:
            super()._check_value(action, value)
            return
        said = say("cli.invalid_choice", "zh", value=cut(str(value)), choices=tuple(choices))
        raise argparse.ArgumentError(action, said)

    def add_json(self) -> None:
        """``--json``: print machine-readable JSON instead of text."""
        self.add_argument("--json", action="store_true")

    def add_calendar(self, *, plugins: bool = True) -> None:
        """``--calendar FILE`` (repeatable, applied in order) and, unless `plugins` is false
        (policy testing is hermetic), ``--no-plugins``."""
        self.add_argument("--calendar", action="append", default=[], metavar="FILE")
        if plugins:
            self.add_argument("--no-plugins", action="store_true")

    def format_help(self) -> str:
        """The help; in Chinese, section titles end with a full-width colon (argparse adds ':')."""
        text = super().format_help()
        return text.replace(":\n", "：\n") if self.lang == "zh" else text

    def finish(self) -> None:
        """Give this parser and its subcommands ``--lang`` (last: `chosen_lang` reads it
        wherever it stands) and their words in `lang` (see the module)."""
        self.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
        key = ".".join(self.prog.split()[1:])
        self.description = self._text("cli.description" + (f".{key}" if key else ""), None)
        for action in self._actions:
            if isinstance(action, _Subparsers):
                for choice in action._choices_actions:
                    choice.help = self._text(f"cli.summary.{key}.{choice.dest}".replace("..", "."))
                for parser in action.choices.values():
                    parser.finish()
            name = (action.option_strings or [action.dest])[-1].lstrip("-").replace("-", "_")
            own = f"cli.{key}.{name}"
            action.help = self._text(own if own in MESSAGES else f"cli.option.{name}", action.help)
            if isinstance(action.metavar, str):
                action.metavar = self._text(f"cli.metavar.{action.metavar}", action.metavar)

    def _text(self, message: str, default: str | None = "") -> str | None:
        return say(message, self.lang) if message in MESSAGES else default


class _Wrapped(argparse.HelpFormatter):
    """Help wrapped by columns: Chinese has no spaces and takes two columns a character; a
    run of Latin letters (a path, an option) stays whole."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        lines, line = [], ""
        for chunk in _CHUNK.findall(" ".join(text.split())):
            if line and width_of(line + chunk.rstrip()) > width and chunk[0] not in _CLOSING:
                lines.append(line.rstrip())
                line = chunk.lstrip()
            else:
                line += chunk
        return [*lines, line.rstrip()]

    def _format_action(self, action: argparse.Action) -> str:
        # argparse pads the option column by characters: take back a column per CJK one.
        # A header then too wide for its column puts the help on the next line, as argparse does.
        text = super()._format_action(action)
        header = self._format_action_invocation(action)
        extra = width_of(header) - len(header)
        found = re.search(re.escape(header) + "( +)(?=\\S)", text)
        if not extra or found is None:
            return text
        spaces = len(found[1]) - extra
        column = min(self._action_max_length + 2, self._max_help_position)
        gap = " " * spaces if spaces >= 2 else "\n" + " " * column
        return text[: found.start(1)] + gap + text[found.end(1) :]

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))


# What a line may break after: a run of visible ASCII with its space, or any one character;
# and the punctuation no Chinese line starts with.
_CHUNK = re.compile(r"[!-~]+ ?|.")
_CLOSING = "，。、；：？！）》”"


def width_of(text: str) -> int:
    """Columns `text` takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(rows: Sequence[Sequence[str]], right: Collection[int] = ()) -> list[str]:
    """Each row's cells padded to their column's width in a terminal (to the right in the
    columns `right`), two spaces apart, with no trailing space."""
    widths = [max(map(width_of, column)) for column in zip(*rows, strict=True)]
    lines = []
    for row in rows:
        padded = [(c, " " * (w - width_of(c))) for c, w in zip(row, widths, strict=True)]
        cells = [f + c if i in right else c + f for i, (c, f) in enumerate(padded)]
        lines.append("  ".join(cells).rstrip())
    return lines


class _Subparsers(argparse._SubParsersAction):  # type: ignore[type-arg] # argparse's own
    """The subcommands of a `Parser`: each a `Parser` in its language, listed in its help."""

    def __init__(self, *args: Any, lang: Lang, **kwargs: Any) -> None:  # noqa: ANN401
        self.lang = lang
        super().__init__(*args, **kwargs)

    def add_parser(self, name: str, **kwargs: Any) -> Parser:  # noqa: ANN401 - argparse's
        """A subcommand `name` (its words filled by `Parser.finish`)."""
        kwargs.setdefault("help", "")  # listed in the parent's help (finish fills it)
        parser: Parser = super().add_parser(name, lang=self.lang, **kwargs)
        return parser


@contextlib.contextmanager
def argparse_words(lang: Lang) -> Iterator[None]:
    """argparse says its own words (``usage:``, ``invalid choice``) in `lang`: its module's
    gettext ``_`` and ``ngettext`` (read at call time, no hook per parser) are swapped meanwhile."""
    if lang == "en":
        yield
        return
    namespace = vars(argparse)
    saved = namespace["_"], namespace["ngettext"]
    namespace["_"] = lambda text: ARGPARSE.get(text, text) if text else text
    namespace["ngettext"] = lambda one, many, n: ARGPARSE.get(one if n == 1 else many, many)
    try:
        yield
    finally:
        namespace["_"], namespace["ngettext"] = saved


def chosen_lang(environ: Mapping[str, str] | None = None, argv: Sequence[str] = ()) -> Lang:
    """The language: the last ``--lang`` in `argv`, else ``DEADLINES_LANG``, else the locale
    as POSIX reads it for messages (the first set of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``;
    ``zh…`` is Chinese), else English. A ``--lang`` neither ``zh`` nor ``en`` is the parser's."""
    given: Lang | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.partition("=")[2]
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGS:
            given = "zh" if value == "zh" else "en"
    if given is not None:
        return given
    env = os.environ if environ is None else environ
    for name in ("DEADLINES_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name, ""):
            return "zh" if env[name].lower().startswith("zh") else "en"
    return "en"


def out() -> Any:  # noqa: ANN401 - a text stream; typing.TextIO is too narrow for test doubles
    """The current standard output (looked up at call time, as tests capture it)."""
    return sys.stdout


def print_json(value: object) -> None:
    """Print `value` as indented JSON, non-ASCII characters kept as they are."""
    print(json.dumps(value, ensure_ascii=False, indent=2), file=out())


def plugin_problem(error: DeadlinesError, command: str, *, option: bool = True) -> Said:
    """A broken plugin's error and what to do: ``--no-plugins``, or for ``plugins`` the other
    commands, or (`option` false) the environment variable."""
    hint = "plugins" if command == "plugins" else "" if option else "env"
    return Said("error.plugin_hint" + (f".{hint}" if hint else ""), {"problem": error.said})


def explain_error(error: DeadlinesError, args: argparse.Namespace) -> UsageError:
    """The usage error a library error stands for on the command line `args`: the engine's
    ``input_field`` ``rule`` is RULE, ``at`` is ``--at``, a parameter is ``--param NAME``."""
    from deadlines.io._messages import as_given, shown

    at: str | None = getattr(args, "at", None)
    pairs = (pair.partition("=") for pair in getattr(args, "param", ()))
    given = {name.strip(): value for name, _, value in pairs}
    field = error.input_field or ""
    option = {"rule": "RULE", "at": "--at"}.get(
        field, f"--param {cut(field)}" if field in given else ""
    )
    values: dict[str, object]
    if isinstance(error, UsageError):
        return error
    if isinstance(error, PluginError | PluginConflictError):
        problem = plugin_problem(error, args.command, option=hasattr(args, "no_plugins"))
        return UsageError("", problem)
    if isinstance(error, OverrideFileError):
        return UsageError("--calendar", error.said or str(error))
    if isinstance(error, UnknownRuleError):
        import difflib

        close = difflib.get_close_matches(cut(error.rule_id), error.known, n=1)
        hint = Said("error.did_you_mean", {"rule": close[0]}) if close else ""
        values = {"rule": shown(error.rule_id), "hint": hint, "known": tuple(error.known)}
        return UsageError(option or "RULE", Said("error.unknown_rule", values))
    if isinstance(error, MissingParameterError):
        values = {"problem": error.said, "example": error.example.split()[0]}
        return UsageError("--param", Said("error.param.pass", values))
    said = as_given(error, at, given)
    if said is None:
        return UsageError(option, error.said or str(error))
    if isinstance(error, OutOfRangeError):
        return UsageError(option or ("--at" if at else ""), said)
    if option and getattr(error, "argument", None) == field:  # the option names it: say it once
        values = dict(said.values)
        del values["argument"]
        return UsageError(option, Said("error.must_be", values))
    # A part of the input (done.review), or an argument of the library's own (a rule asked
    # the calendar something odd): named without pretending the user passed it.
    return UsageError(option, said)


def calendar_from(args: argparse.Namespace) -> ChinaCalendar:
    """The calendar with the ``--calendar`` files of `args` applied."""
    from deadlines.calendar import ChinaCalendar

    return ChinaCalendar(overrides=list(getattr(args, "calendar", None) or ()))


def engine_from(args: argparse.Namespace) -> Engine:
    """The engine over `calendar_from(args)`, with the installed plugins unless --no-plugins."""
    from deadlines._engine import Engine

    return Engine(calendar_from(args), discover_plugins=not getattr(args, "no_plugins", False))


def cores() -> int:
    """The cores this process may use (``--jobs 0``)."""
    sched: Any = getattr(os, "sched_getaffinity", None)
    return len(sched(0)) if sched is not None else os.cpu_count() or 1


def jobs_count(lang: Lang, text: str) -> int:
    """The value of ``--jobs``: a whole number from 0 (one per core) to 4 processes per core
    (more only wait for the cores, each holding a 30 MB calendar, and a mistyped 10000 would
    start them all)."""
    most = 4 * cores()
    if not (text.isascii() and text.isdigit()) or int(text) > most:
        raise argparse.ArgumentTypeError(say("error.jobs", lang, most=most, value=cut_repr(text)))
    return int(text)


def parse_instant_arg(argument: str, text: str) -> dt.datetime:
    """An ISO 8601 instant given as `argument` (naive means Asia/Shanghai), or a
    `UsageError` showing ``2026-09-30T17:00``."""
    from deadlines._time import INSTANT_EXPECTED, parse_instant

    try:
        return parse_instant(argument, text)
    except InvalidValueError as error:
        common = error.expected == INSTANT_EXPECTED
        expected = Said("error.instant") if common else dict(error.said.values)["expected"]
        values = {"expected": expected, "value": cut_repr(text)}
        raise UsageError(argument, Said("error.must_be", values)) from None


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    """``NAME=VALUE`` strings as a dict of text (each rule parses its own); a pair without
    ``=`` or a name, or a name given twice, is a `UsageError`."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name.isidentifier():
            raise UsageError("--param", Said("error.param.pair", {"value": cut_repr(pair)}))
        if name in params:
            raise UsageError("--param", Said("error.param.twice", {"name": cut(name)}))
        params[name] = value
    return params
