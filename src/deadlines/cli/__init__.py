"""The command line: parse, call the library, print. No logic of its own lives here.

Each subcommand is a module `deadlines.cli._<name>` with `register(subparsers)` and
`run(args) -> int`; `COMMANDS` lists them in the order `deadlines --help` shows.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import os
import sys
import warnings
from collections.abc import Sequence
from typing import Any

#: Subcommand names; each is implemented by the module deadlines.cli._<name>.
COMMANDS: tuple[str, ...] = (
    "rules",
    "due",
    "batch",
    "calendar",
    "check",
    "test",
    "diff",
    "schema",
    "plugins",
    "notice",
    "serve",
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered, or only the one named `only`.

    Registering a subcommand imports its module; a command line that names its subcommand
    needs no other (each costs start-up time, and `deadlines due` should start fast).
    """
    return _build(only)[0]


def _build(only: str | None) -> tuple[argparse.ArgumentParser, Any]:
    """The parser, and its subparsers action (whose ``choices`` are the subcommands' parsers)."""
    from deadlines.cli._common import Parser

    parser = Parser(
        prog="deadlines",
        description="Due dates of the 2020 administrative-efficiency opinion over the official "
        "Chinese working-day calendar.",
    )
    parser.add_argument(
        "--version",
        action=_Version,
        nargs=0,
        help="print the version, the calendar data and the notice files in effect, and exit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        if only is None or name == only:
            importlib.import_module(f"deadlines.cli._{name}").register(subparsers)
    return parser, subparsers


def _show_warning(
    command: str,
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: object = None,
    line: str | None = None,
) -> None:
    """A library warning as one line in the shape of our errors; others as Python shows them."""
    from deadlines._errors import DeadlinesWarning

    if issubclass(category, DeadlinesWarning):
        print(f"deadlines {command}: warning: {message}", file=sys.stderr)
    else:
        text = warnings.formatwarning(message, category, filename, lineno, line)
        print(text, file=sys.stderr, end="")


class _Version(argparse.Action):
    """``--version``: computed when asked for (it loads the calendar), then exit."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from deadlines.cli._notice import version_text

        print(version_text())
        parser.exit()


def _leading_lang(arguments: list[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` (or ``--lang=X``) given before the subcommand, and the arguments without it.

    The subcommand's own ``--lang`` then defaults to it, so ``deadlines --lang zh due ...``
    and ``deadlines due ... --lang zh`` say the same.
    """
    lang: str | None = None
    rest: list[str] = []
    i = 0
    while i < len(arguments):
        arg = arguments[i]
        if arg in COMMANDS:
            return lang, rest + arguments[i:]
        if arg == "--lang" and i + 1 < len(arguments):
            lang, i = arguments[i + 1], i + 2
            continue
        if arg.startswith("--lang="):
            lang, i = arg.removeprefix("--lang="), i + 1
            continue
        rest.append(arg)
        i += 1
    return lang, rest


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    from deadlines.cli._common import chosen_lang

    lang, arguments = _leading_lang(list(sys.argv[1:] if argv is None else argv))
    named = arguments[0] if arguments and arguments[0] in COMMANDS else None
    parser, subparsers = _build(named)
    if lang is not None and lang not in ("zh", "en"):
        parser.error(f"argument --lang: invalid choice: {lang!r} (choose from 'zh', 'en')")
    args, extra = parser.parse_known_args(arguments)
    if getattr(args, "lang", "") is None:  # the subcommand takes --lang and was not given it
        args.lang = lang or chosen_lang()
    if extra:
        # Reported by the subcommand's own parser, with its usage line: the top-level usage
        # would not say what `deadlines rules` takes.
        subparser = subparsers.choices[args.command]
        from deadlines._errors import cut

        subparser.error(
            f"unrecognized arguments: {cut(' '.join(extra))} (see {subparser.prog} --help)"
        )
    module = importlib.import_module(f"deadlines.cli._{args.command}")
    try:
        with warnings.catch_warnings():
            warnings.showwarning = functools.partial(_show_warning, args.command)
            status: int = module.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`deadlines ... | head`): stop quietly, and keep Python from
        # failing again when it flushes standard output at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
