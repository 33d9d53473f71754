"""``deadlines rules``: the catalog, one line per rule (or every field with ``--json``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from deadlines.cli._common import EXIT_OK, engine_from, print_json, table


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines rules`` to the command line (its words: ``cli.rules.*``)."""
    parser = subparsers.add_parser("rules")
    parser.add_json()
    parser.add_calendar()


def run(args: argparse.Namespace) -> int:
    """Print the catalog."""
    rules = engine_from(args).rules
    if args.json:
        print_json([rule.model_dump(mode="json") for rule in rules.rules])
        return EXIT_OK
    several = {rule_id for rule_id in rules.ids if len(rules.versions(rule_id)) > 1}
    from deadlines._messages import say

    zh = args.lang == "zh"
    rows = [tuple(say("cli.rules.header", args.lang).split("|"))]
    for rule in rules.rules:
        title = rule.title_zh if zh else rule.title_en
        if rule.id in several:
            title += f" [{rule.window()}]"
        limit = rule.limit.describe(args.lang)
        article = say("cli.rules.article", args.lang, n=rule.citation.article)
        rows.append((rule.id, article, limit, title))
    # An article number reads right-aligned (8, 11); 第八条 reads from the left.
    for line in table(rows, right=() if zh else (1,)):
        print(line, file=sys.stdout)
    return EXIT_OK
