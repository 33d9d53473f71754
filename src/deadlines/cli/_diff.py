"""``deadlines diff BASE NEW``: what a policy change changes, trigger by trigger."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from deadlines.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    calendar_from,
    out,
    print_json,
)

if TYPE_CHECKING:
    import datetime as dt

    from deadlines._messages import Lang
    from deadlines.rules import RuleSet

_RANGE_EXAMPLE = "--from 2027-01-01 --to 2027-03-31"


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines diff`` to the command line (its words: ``cli.diff.*``)."""
    parser = subparsers.add_parser("diff")
    parser.add_argument("base", metavar="BASE")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument("--cases", action="append", default=[], metavar="PATH")
    parser.add_argument("--from", dest="first", metavar="DATE")
    parser.add_argument("--to", dest="last", metavar="DATE")
    parser.add_argument("--rule", action="append", default=[], metavar="ID")
    parser.add_argument("--summary", action="store_true")
    parser.add_json()
    parser.add_calendar(plugins=False)


def _policy(argument: str, source: str, lang: Lang) -> RuleSet:
    from deadlines.policy import PolicyFileError, load_policy

    try:
        return load_policy(source)
    except PolicyFileError as error:
        raise UsageError(argument, error.render(lang)) from None


def run(args: argparse.Namespace) -> int:
    """Compare the two policies and print the changes."""
    from deadlines._messages import Said, say
    from deadlines.policy import CaseFileError, case_triggers, diff_policies, range_triggers

    lang: Lang = args.lang
    if args.cases and (args.first or args.last):
        raise UsageError("--cases", say("policy.usage.both", lang, example=_RANGE_EXAMPLE))
    if not args.cases and not (args.first and args.last):
        missing = "--to" if args.first else "--from"
        raise UsageError(
            missing if (args.first or args.last) else "--cases",
            say("policy.usage.no_triggers", lang, example=_RANGE_EXAMPLE),
        )
    base, new = _policy("BASE", args.base, lang), _policy("NEW", args.new, lang)
    calendar = calendar_from(args)
    known = tuple(dict.fromkeys([*base.ids, *new.ids]))
    for rule_id in args.rule:
        if rule_id not in known:
            problem = say("problem.unknown_rule", lang, rule=repr(rule_id), known=known)
            raise UsageError("--rule", problem)
    base, new = _only(base, args.rule), _only(new, args.rule)
    source: Said
    if args.cases:
        try:
            triggers = case_triggers(args.cases, only=args.rule)
        except CaseFileError as error:
            raise UsageError("--cases", error.render(lang)) from None
        source = Said("policy.diff.from_cases", {"paths": tuple(args.cases)})
    else:
        first, last = _date("--from", args.first, lang), _date("--to", args.last, lang)
        if last < first:
            problem = say("policy.usage.to_before_from", lang, first=str(first), last=str(last))
            raise UsageError("--to", problem)
        span = {"first": str(calendar.first_date), "last": str(calendar.last_date)}
        for argument, day in (("--from", first), ("--to", last)):
            if not calendar.first_date <= day <= calendar.last_date:
                problem = say("policy.usage.in_calendar", lang, **span, value=str(day))
                raise UsageError(argument, problem)
        triggers = range_triggers([base, new], calendar, first, last)
        source = Said("policy.diff.from_range", {"first": str(first), "last": str(last)})
    diff = diff_policies(base, new, triggers, calendar=calendar, source=source)
    if args.json:
        print_json(diff.to_json())
    else:
        print(diff.render(lang, summary=args.summary), file=out())
    return EXIT_FAILED if diff else EXIT_OK


def _only(rules: RuleSet, ids: list[str]) -> RuleSet:
    """The rules of `ids` only (all when `ids` is empty), to choose the range's triggers."""
    if not ids:
        return rules
    return type(rules)(name=rules.name, rules=tuple(r for r in rules.rules if r.id in ids))


def _date(argument: str, text: str, lang: Lang) -> dt.date:
    from deadlines._errors import InvalidValueError
    from deadlines._messages import say
    from deadlines._problems import in_words
    from deadlines._time import parse_date

    try:
        return parse_date(argument, text)
    except InvalidValueError as error:
        expected = in_words(error.expected)
        raise UsageError(
            argument, say("policy.usage.date", lang, expected=expected, value=repr(text))
        ) from None
