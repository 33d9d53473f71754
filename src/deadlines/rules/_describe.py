"""Limits in a few words, in Chinese or English: for listings, traces and plugin reports."""

from __future__ import annotations

from typing import Any

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def describe_limit(limit: Any, lang: str = "en") -> str:  # noqa: ANN401 - any limit value
    """A limit in a few words: ``3 working days``, ``48 hours``, ``blackout: Mar``.

    Parts that say the same thing are said once, and steps that share one period read as that
    period, so the special-topic minutes (3 working days, with the county head's approval
    first when personnel, money or assets are involved) read ``3 working days``.

    >>> from deadlines.rules import AllOf, Hours, WorkingDays
    >>> describe_limit(AllOf(WorkingDays(3), Hours(48)))
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
        then, otherwise = describe_limit(limit.then, lang), describe_limit(limit.otherwise, lang)
        if then == otherwise:
            return then
        p = limit.condition.parameter
        return f"{p}时{then}，否则{otherwise}" if zh else f"{then} if {p}, else {otherwise}"
    if kind == "tiered":
        committed = describe_limit(limit.committed, lang)
        statutory = describe_limit(limit.statutory, lang)
        return f"承诺{committed}（法定{statutory}）" if zh else f"{committed} (by law {statutory})"
    if kind == "sequence" and getattr(limit, "within", None) is not None:
        # Steps that share one period take as long as that period.
        return describe_limit(limit.within, lang)
    if hasattr(limit, "limits"):
        parts = [describe_limit(part, lang) for part in limit.limits]
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
