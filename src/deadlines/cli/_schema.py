"""``deadlines schema [policy|cases]``: the JSON Schema of policy files or case files."""

from __future__ import annotations

import argparse
from typing import Any

from deadlines.cli._common import EXIT_OK, print_json


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines schema`` to the command line (its words: ``cli.schema.*``)."""
    parser = subparsers.add_parser("schema")
    choices = ("policy", "cases")
    parser.add_argument("which", nargs="?", choices=choices, default="policy", metavar="SCHEMA")


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    from deadlines.policy import case_schema, policy_schema

    print_json(policy_schema() if args.which == "policy" else case_schema())
    return EXIT_OK
