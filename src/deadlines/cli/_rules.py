"""``deadlines rules``: the catalog, one line per rule (or every field with ``--json``)."""

from __future__ import annotations

import argparse
import unicodedata
from typing import Any

from deadlines.cli._common import (
    EXIT_OK,
    add_calendar,
    add_json,
    add_lang,
    engine_from,
    guarded,
    out,
    print_json,
)

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines rules`` to the command line."""
    parser = subparsers.add_parser(
        "rules",
        help="list the rules: id, article, limit, title",
        description="List the rules of the opinion: stable id, article, limit and title. "
        "--json prints every field of every version, the limit as a tagged structure.",
    )
    add_json(parser)
    add_lang(parser)
    add_calendar(parser)


@guarded
def run(args: argparse.Namespace) -> int:
    """Print the catalog."""
    rules = engine_from(args).rules
    if args.json:
        print_json([rule.model_dump(mode="json") for rule in rules.rules])
        return EXIT_OK
    several = {rule_id for rule_id in rules.ids if len(rules.versions(rule_id)) > 1}
    zh = args.lang == "zh"
    header = ("ID", "条" if zh else "ART.", "时限" if zh else "LIMIT", "名称" if zh else "TITLE")
    rows = [header]
    for rule in rules.rules:
        title = rule.title_zh if zh else rule.title_en
        if rule.id in several:
            title += f" [{rule.window()}]"
        rows.append((rule.id, str(rule.citation.article), summary(rule.limit, args.lang), title))
    widths = [max(_width(row[i]) for row in rows) for i in range(3)]
    stream = out()
    for row in rows:
        cells = [_pad(row[0], widths[0]), _pad(row[1], widths[1], right=True)]
        cells += [_pad(row[2], widths[2]), row[3]]
        print("  ".join(cells).rstrip(), file=stream)
    return EXIT_OK


def summary(limit: Any, lang: str = "en") -> str:  # noqa: ANN401 - any limit value
    """A limit in a few words: ``3 working days``, ``48 hours``, ``blackout: Mar``.

    Parts that say the same thing are said once, so the special-topic minutes (two parts of 3
    working days, the second only when personnel, money or assets are involved) read
    ``3 working days``.

    >>> from deadlines.rules import AllOf, Hours, WorkingDays
    >>> summary(AllOf(WorkingDays(3), Hours(48)))
    'all of: 3 working days, 48 hours'
    """
    zh = lang == "zh"
    kind = getattr(limit, "kind", "")
    if kind == "working_days":
        return f"{limit.n}个工作日" if zh else f"{limit.n} working days"
    if kind == "calendar_days":
        return f"{limit.n}个自然日" if zh else f"{limit.n} calendar days"
    if kind == "hours":
        return f"{limit.n}小时" if zh else f"{limit.n} hours"
    if kind == "same_day":
        return "当日办结" if zh else "same working day"
    if kind == "on_arrival":
        return "随到随办" if zh else "on arrival"
    if kind == "meeting_set":
        return "会议确定" if zh else "set by the meeting"
    if kind == "blackout":
        months = ", ".join(f"{m}月" if zh else _MONTHS_EN[m - 1] for m in limit.months)
        return f"禁止：{months}" if zh else f"blackout: {months}"
    if kind == "quota":
        return f"每年不少于{limit.days}天" if zh else f"at least {limit.days} days a year"
    if kind == "recurrence":
        return f"每{limit.months}个月一次" if zh else f"once every {limit.months} months"
    if kind == "when":
        then, otherwise = summary(limit.then, lang), summary(limit.otherwise, lang)
        if then == otherwise:
            return then
        p = limit.condition.parameter
        return f"{p}时{then}，否则{otherwise}" if zh else f"{then} if {p}, else {otherwise}"
    if kind == "tiered":
        committed, statutory = summary(limit.committed, lang), summary(limit.statutory, lang)
        return f"承诺{committed}（法定{statutory}）" if zh else f"{committed} (by law {statutory})"
    if hasattr(limit, "limits"):
        parts = [summary(part, lang) for part in limit.limits]
        if kind != "sequence":  # a sequence of equal steps is longer than one step
            parts = list(dict.fromkeys(parts))
        if len(parts) == 1:
            return parts[0]
        joiner = {
            "all_of": ("全部：", "all of: "),
            "earliest_of": ("取早：", "earliest of: "),
            "latest_of": ("取晚：", "latest of: "),
            "sequence": ("依次：", "in order: "),
        }.get(kind, ("", ""))
        return joiner[0] + "，".join(parts) if zh else joiner[1] + ", ".join(parts)
    return repr(limit)


def _width(text: str) -> int:
    """Columns `text` takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill
