"""The command line: parse, call the library, print. No logic of its own lives here.

Each subcommand is a module `deadlines.cli._<name>` with `register(subparsers)` and
`run(args) -> int`; `COMMANDS` lists them in the order `deadlines --help` shows.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import os
import sys
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deadlines._messages import Lang

#: Subcommand names; each is implemented by the module deadlines.cli._<name>.
COMMANDS: tuple[str, ...] = (
    "rules", "due", "batch", "calendar", "check", "test", "diff", "schema", "plugins", "notice",
    "serve",
)  # fmt: skip


def _build(only: str | None, lang: Lang) -> tuple[argparse.ArgumentParser, Any]:
    """The parser in `lang` and its subparsers action, with every subcommand registered or
    only `only` (registering imports the module: `deadlines due` should start fast)."""
    from deadlines.cli._common import Parser

    parser = Parser(prog="deadlines", lang=lang)
    parser.add_argument("--version", action=_Version, nargs=0)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        if only is None or name == only:
            importlib.import_module(f"deadlines.cli._{name}").register(subparsers)
    parser.finish()
    return parser, subparsers


def _show_warning(
    command: str,
    lang: Lang,
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: object = None,
    line: str | None = None,
) -> None:
    """A library warning as one line in the shape of our errors; others as Python shows them."""
    from deadlines._errors import DeadlinesWarning
    from deadlines._messages import say

    if isinstance(message, DeadlinesWarning):
        text = say("error.warning", lang, command=command, message=message.render(lang))
        print(text, file=sys.stderr)
    else:
        text = warnings.formatwarning(message, category, filename, lineno, line)
        print(text, file=sys.stderr, end="")


class _Version(argparse.Action):
    """``--version``: computed when asked for (it loads the calendar), then exit."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from deadlines.cli._notice import version_text

        print(version_text(getattr(parser, "lang", "en")))
        parser.exit()


def _command(arguments: list[str]) -> str | None:
    """The subcommand the arguments name: the first word after the top-level options."""
    skip = False
    for arg in arguments:
        if not skip and not arg.startswith("-"):
            return arg if arg in COMMANDS else None
        skip = arg == "--lang"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(arguments)
    except BrokenPipeError:
        # The reader went away (`deadlines ... | head`): stop quietly, and keep Python from
        # failing again when it flushes standard output at exit.
        with contextlib.suppress(OSError, ValueError):  # not a file (a test's StringIO)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _run(arguments: list[str]) -> int:
    """Parse in the chosen language, then run the subcommand."""
    from deadlines._errors import DeadlinesError, cut
    from deadlines._messages import say
    from deadlines.cli._common import (
        EXIT_INTERRUPTED,
        EXIT_USAGE,
        argparse_words,
        chosen_lang,
        explain_error,
    )

    lang = chosen_lang(argv=arguments)
    with argparse_words(lang):
        parser, subparsers = _build(_command(arguments), lang)
        args, extra = parser.parse_known_args(arguments)
        if extra:
            # Reported by the subcommand's own parser, with its usage line: the top-level
            # usage would not say what `deadlines rules` takes.
            subparser = subparsers.choices[args.command]
            extra_text = cut(" ".join(extra))
            subparser.error(say("error.unrecognized", lang, extra=extra_text, prog=subparser.prog))
    args.lang = lang
    module = importlib.import_module(f"deadlines.cli._{args.command}")
    command = f"deadlines {args.command}"
    with warnings.catch_warnings():
        warnings.showwarning = functools.partial(_show_warning, command, lang)
        # An error prints one line shaped as argparse's and exits 2; Ctrl-C exits 130.
        try:
            status: int = module.run(args)
        except DeadlinesError as error:
            text = explain_error(error, args).render(lang)
            print(say("error.line", lang, command=command, text=text), file=sys.stderr)
            status = EXIT_USAGE
        except KeyboardInterrupt:
            print(say("error.interrupted", lang, command=command), file=sys.stderr)
            status = EXIT_INTERRUPTED
    sys.stdout.flush()
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
