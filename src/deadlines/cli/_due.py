"""``deadlines due RULE --at DATETIME``: one due date, with its citation and, asked, its trace."""

from __future__ import annotations

import argparse
import warnings
from typing import TYPE_CHECKING, Any

from deadlines._errors import ProvisionalDateWarning
from deadlines.cli._common import EXIT_OK, engine_from, parse_instant_arg, parse_params, print_json

if TYPE_CHECKING:
    from deadlines._messages import Lang
    from deadlines._result import DueResult


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines due`` to the command line (its words: ``cli.due.*`` in the catalogue)."""
    parser = subparsers.add_parser("due")
    parser.add_argument("rule", metavar="RULE")
    parser.add_argument("--at", required=True, metavar="DATETIME")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--explain", action="store_true")
    parser.add_json()
    parser.add_calendar()


def run(args: argparse.Namespace) -> int:
    """Compute and print one due date."""
    at = parse_instant_arg("--at", args.at)
    params = parse_params(args.param)
    engine = engine_from(args)
    # A provisional answer is data here (the "(provisional)" mark, the JSON field), not a
    # Python warning on standard error. An error is `cli.main`'s to word.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        result = engine.due(args.rule, at, explain=args.explain, **params)
    if args.json:
        from deadlines._provenance import provenance

        print_json(result.to_json(provenance(engine)))
    else:
        print(render(result, args.lang, explain=args.explain))
    return EXIT_OK


def render(result: DueResult, lang: Lang = "en", *, explain: bool = False) -> str:
    """A result as text: title, due instant, last day, parts, source; the trace if asked."""
    from deadlines._messages import MESSAGES, Said, say
    from deadlines._result import explanation

    zh = lang == "zh"
    details = [say("result.due_date", lang, day=result.due_date)]
    if len(result.parts) > 1:
        details.append(say("result.parts", lang))
        for part in result.parts:
            message = "result.part.actor" if part.actor else "result.part"
            # A tier's part is named by the engine (committed, statutory), not by the rule.
            named = f"result.part.{part.label}"
            label = Said(named) if named in MESSAGES else part.label
            details.append(say(message, lang, label=label, actor=part.actor, due=part.due))
    return explanation(
        result.rule_id,
        result.title_zh if zh else result.title_en,
        result.due,
        result.citation,
        lang=lang,
        provisional=result.provisional,
        trace=result.trace if explain else (),
        warnings=result.warnings_zh if zh else result.warnings,
        details=details,
    )
