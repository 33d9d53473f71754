"""Building trace steps: the days a count passed, in both languages."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from deadlines._result import StepAction, TraceStep

if TYPE_CHECKING:
    from deadlines.calendar._days import Day
    from deadlines.rules._values import Calendar

#: Monday to Sunday in Chinese (周一 … 周日): the one table of weekday names.
WEEKDAYS_ZH = "一二三四五六日"


def step(
    action: StepAction,
    zh: str,
    en: str,
    *,
    date: dt.date | None = None,
    at: dt.datetime | None = None,
    origin: str = "",
) -> TraceStep:
    """A trace step (built without validation: every caller passes well-typed values)."""
    return TraceStep.model_construct(action=action, date=date, at=at, zh=zh, en=en, origin=origin)


def day_label(day: dt.date, lang: str) -> str:
    """``2026-10-10（周六）`` or ``2026-10-10 (Sat)``."""
    if lang == "zh":
        return f"{day.isoformat()}（周{WEEKDAYS_ZH[day.weekday()]}）"
    return f"{day.isoformat()} ({day:%a})"


def instant_label(at: dt.datetime) -> str:
    """``2026-10-10 17:30``."""
    return at.strftime("%Y-%m-%d %H:%M")


def _origin(day: Day) -> str:
    from deadlines.calendar._days import BUILT_IN

    return "" if day.origin == BUILT_IN else str(day.origin)


def count_days(
    calendar: Calendar,
    after: dt.date,
    through: dt.date,
    *,
    first_number: int = 1,
) -> list[TraceStep]:
    """Steps for each day in (after, through]: working days counted, others skipped with why."""
    steps: list[TraceStep] = []
    number = first_number - 1
    for day in calendar.days(after + dt.timedelta(days=1), through):
        if day.is_workday:
            number += 1
            extra_zh = f"，{day.name_zh}" if day.kind.name == "ADJUSTED_WORKDAY" else ""
            extra_en = " (an adjusted working weekend day)" if extra_zh else ""
            steps.append(
                step(
                    "count",
                    f"第{number}个工作日：{day_label(day.date, 'zh')}{extra_zh}",
                    f"working day {number}: {day_label(day.date, 'en')}{extra_en}",
                    date=day.date,
                    origin=_origin(day),
                )
            )
        else:
            steps.append(skip(day))
    return steps


def skip(day: Day) -> TraceStep:
    """A non-working day passed over, with its kind and name."""
    return step(
        "skip",
        f"跳过 {day_label(day.date, 'zh')}：{day.describe('zh')}",
        f"skip {day_label(day.date, 'en')}: {day.describe('en')}",
        date=day.date,
        origin=_origin(day),
    )
