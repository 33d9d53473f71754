"""``deadlines schema [policy|cases]``: the JSON Schema of policy files or case files."""

from __future__ import annotations

import argparse
from typing import Any

from deadlines.cli._common import EXIT_OK, guarded, print_json


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines schema`` to the command line."""
    parser = subparsers.add_parser(
        "schema",
        help="the JSON Schema of policy files or case files",
        description="Print the JSON Schema of policy files (the default) or of case files "
        "(*.deadlines.toml), so other systems can validate them. A TOML file is checked "
        "against it as the JSON its tables make.",
    )
    parser.add_argument(
        "which",
        nargs="?",
        choices=("policy", "cases"),
        default="policy",
        metavar="SCHEMA",
        help="policy (the default) or cases",
    )


@guarded
def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    from deadlines.policy import case_schema, policy_schema

    print_json(policy_schema() if args.which == "policy" else case_schema())
    return EXIT_OK
