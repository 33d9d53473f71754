"""The command line: parse, call the library, print. No logic of its own lives here.

Each subcommand is a module `deadlines.cli._<name>` with `register(subparsers)` and
`run(args) -> int`; `COMMANDS` lists them in the order `deadlines --help` shows.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

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
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="deadlines",
        description="Due dates of the 2020 administrative-efficiency opinion over the official "
        "Chinese working-day calendar.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"deadlines.cli._{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    module = importlib.import_module(f"deadlines.cli._{args.command}")
    status: int = module.run(args)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
