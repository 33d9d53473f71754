"""A realistic year of events for one county, generated from a seed: the supervision fixture.

About 200 meetings (party group and executive twice a month, special-topic meetings most
weeks, none in March but for a few emergency exemptions and one violation), 1,200 documents
received (15 % urgent), 600 submitted for signature, 250 leaders' instructions, seven leaders'
field days, the quarterly dispatch and report, and the completions: most on time, some late,
a few never, and a few clocks paused for material (补正). Every line is a valid event.

    python examples/supervision/county_year.py --year 2025 --seed 7 > county-2025.jsonl
    deadlines check county-2025.jsonl --at 2025-12-31T18:00

`scale` multiplies the counts (the benchmark uses it for 100,000 obligations).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import warnings
from collections.abc import Iterator
from typing import Any

from deadlines import Engine, ProvisionalDateWarning

LEADERS = ("张县长", "王副县长", "李副县长", "刘副县长", "陈副县长", "杨副县长", "赵副县长")
UNITS = (
    "县发改委",
    "县财政局",
    "县交通运输局",
    "县农业农村局",
    "县应急管理局",
    "县教体局",
    "县卫健委",
)
MATTER_DAYS = (3, 5, 7, 10, 15, 20, 30)


def _stamp(at: dt.datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M")


class _Year:
    """Random instants of one year, on working days unless asked otherwise."""

    def __init__(self, engine: Engine, year: int, rng: random.Random) -> None:
        self.rng = rng
        first = dt.date(year, 1, 1)
        days = [first + dt.timedelta(days=i) for i in range((dt.date(year + 1, 1, 1) - first).days)]
        self.days = days
        self.workdays = [d for d in days if engine.calendar.is_workday(d)]
        self.outside_march = [d for d in self.workdays if d.month != 3]

    def instant(self, day: dt.date, first_hour: int = 8, last_hour: int = 18) -> dt.datetime:
        minute = self.rng.randrange(first_hour * 60, last_hour * 60)
        return dt.datetime.combine(day, dt.time(minute // 60, minute % 60))

    def working_instant(self, *, march: bool = True) -> dt.datetime:
        pool = self.workdays if march else self.outside_march
        return self.instant(self.rng.choice(pool))


def generate(year: int = 2025, seed: int = 2025, scale: float = 1.0) -> list[dict[str, Any]]:
    """The events of one county's year, as JSON-ready dicts, in time order.

    Args:
        year: the year (choose an announced one, so no due date is provisional).
        seed: the random seed; the same seed gives the same events.
        scale: multiplies every count.
    """
    rng = random.Random(seed)
    engine = Engine()
    when = _Year(engine, year, rng)
    events: list[tuple[dt.datetime, int, dict[str, Any]]] = []
    order = iter(range(10**9))

    def emit(at: dt.datetime, event: dict[str, Any]) -> None:
        events.append((at, next(order), event))

    def n(count: float) -> int:
        return max(1, round(count * scale))

    def settle(obligation: str, rule: str, trigger: dt.datetime, **params: object) -> None:
        """Complete (or not) one obligation: mostly on time, some late, a few never."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            due = engine.due(rule, trigger, explain=False, **params).due.replace(tzinfo=None)
        span = max(due - trigger, dt.timedelta(minutes=30))
        roll = rng.random()
        if roll < 0.04:
            return  # never done: overdue (or still open at the year's end)
        pause = None
        if rule in PAUSABLE_RULES and rng.random() < 0.03:
            start = trigger + span * rng.uniform(0.1, 0.6)
            pause = (start, start + dt.timedelta(hours=rng.randrange(4, 24 * 6)))
            emit(
                pause[0],
                {
                    "type": "paused",
                    "obligation": obligation,
                    "at": _stamp(pause[0]),
                    "reason": "补正：等待材料",
                },
            )
            emit(pause[1], {"type": "resumed", "obligation": obligation, "at": _stamp(pause[1])})
        fraction = rng.uniform(0.15, 0.95) if roll < 0.82 else rng.uniform(1.05, 2.5)
        done = trigger + span * fraction + dt.timedelta(minutes=1)
        if pause is not None:
            done = max(done, pause[1]) + (pause[1] - pause[0])
        emit(done, {"type": "completed", "obligation": obligation, "at": _stamp(done)})

    # Meetings: party group and executive twice a month, special topics most weeks.
    plan = [("party_group", n(24)), ("executive", n(24)), ("special_topic", n(150))]
    number = 0
    for kind, count in plan:
        for _ in range(count):
            number += 1
            meeting_id = f"m-{year}-{number:04d}"
            ended = when.working_instant(march=False)
            ended = ended.replace(hour=rng.randrange(10, 19))
            scheduled = ended - dt.timedelta(days=rng.randrange(2, 15))
            emit(
                scheduled,
                {
                    "type": "meeting_scheduled",
                    "id": meeting_id,
                    "kind": kind,
                    "date": ended.date().isoformat(),
                    "scheduled_at": _stamp(scheduled),
                },
            )
            event: dict[str, Any] = {
                "type": "meeting_held",
                "id": meeting_id,
                "kind": kind,
                "ended_at": _stamp(ended),
                "title": f"{kind} {number}",
            }
            params: dict[str, Any] = {}
            if kind == "special_topic":
                event["involves_personnel_money_assets"] = rng.random() < 0.3
                params["involves_personnel_money_assets"] = event["involves_personnel_money_assets"]
            documents = rng.randrange(1, 4) if kind != "special_topic" else rng.randrange(0, 2)
            event["documents"] = [f"文件{number}-{i}" for i in range(1, documents + 1)]
            matters = []
            for i in range(
                1, (rng.randrange(2, 7) if kind != "special_topic" else rng.randrange(1, 4)) + 1
            ):
                matter: dict[str, Any] = {
                    "id": f"x{i}",
                    "title": f"事项{number}-{i}",
                    "owner": rng.choice(UNITS),
                }
                if rng.random() < 0.7:
                    matter["limit_days"] = rng.choice(MATTER_DAYS)
                else:
                    matter["deadline"] = (
                        ended.date() + dt.timedelta(days=rng.randrange(5, 60))
                    ).isoformat()
                matters.append(matter)
            event["matters"] = matters
            emit(ended, event)
            settle(f"{meeting_id}/minutes", f"minutes.{kind}", ended, **params)
            for i in range(1, documents + 1):
                settle(f"{meeting_id}/document/{i}", "documents.issue", ended)
            for matter in matters:
                limit = {k: matter[k] for k in ("limit_days", "deadline") if k in matter}
                settle(
                    f"{meeting_id}/matter/{matter['id']}", "decisions.time_limited", ended, **limit
                )

    # The no-meeting month: a few emergency exemptions, and one violation.
    for i in range(1, n(3) + 1):
        day = rng.choice([d for d in when.workdays if d.month == 3])
        emit(
            when.instant(day),
            {
                "type": "meeting_scheduled",
                "id": f"m-{year}-e{i}",
                "kind": "special_topic",
                "date": day.isoformat(),
                "emergency_exemption": True,
                "reason": rng.choice(("春季防汛", "森林防火", "安全生产事故处置")),
            },
        )
    day = rng.choice([d for d in when.workdays if d.month == 3])
    emit(
        when.instant(day),
        {
            "type": "meeting_scheduled",
            "id": f"m-{year}-v1",
            "kind": "executive",
            "date": day.isoformat(),
        },
    )

    # Documents received, and submitted for signature.
    for i in range(1, n(1200) + 1):
        at = (
            when.working_instant()
            if rng.random() < 0.9
            else when.instant(rng.choice(when.days), 7, 22)
        )
        doc_id = f"d-{year}-{i:05d}"
        event = {
            "type": "document_received",
            "id": doc_id,
            "received_at": _stamp(at),
            "urgency": "urgent" if rng.random() < 0.15 else "ordinary",
            "title": f"来文{i}",
        }
        params = {}
        if event["urgency"] == "urgent" and rng.random() < 0.8:
            limit = at + dt.timedelta(hours=rng.randrange(2, 9))
            event["stated_limit"] = _stamp(limit)
            params["stated_limit"] = limit
        emit(at, event)
        settle(f"{doc_id}/routing", f"routing.{event['urgency']}", at, **params)
    for i in range(1, n(600) + 1):
        at = when.instant(rng.choice(when.workdays), 8, 20)
        sub_id = f"s-{year}-{i:05d}"
        emit(
            at,
            {
                "type": "document_submitted",
                "id": sub_id,
                "submitted_at": _stamp(at),
                "leader": rng.choice(LEADERS),
            },
        )
        settle(f"{sub_id}/signing", "signing.same_day", at)

    # Leaders' instructions.
    for i in range(1, n(250) + 1):
        at = when.working_instant()
        ins_id = f"i-{year}-{i:04d}"
        emit(
            at,
            {
                "type": "instruction_received",
                "id": ins_id,
                "received_at": _stamp(at),
                "leader": rng.choice(LEADERS),
                "unit": rng.choice(UNITS),
            },
        )
        settle(f"{ins_id}/plan", "instructions.plan", at)

    # Field research: each leader has a habit, some above the quota, some below.
    for leader in LEADERS:
        emit(dt.datetime(year, 1, 1), {"type": "leader", "leader": leader})
        target = rng.randrange(35, 80)
        for day in rng.sample(when.days, target):
            emit(
                dt.datetime.combine(day, dt.time(18)),
                {"type": "field_day", "leader": leader, "date": day.isoformat()},
            )

    # Quarterly dispatch and report: usually in the quarter's last weeks; one report late,
    # one dispatch forgotten.
    for quarter in range(1, 5):
        end = dt.date(year, 3 * quarter, 1) + dt.timedelta(days=31)
        end = end.replace(day=1) - dt.timedelta(days=1)
        label = f"{year}Q{quarter}"
        if quarter != 2:
            at = when.instant(end - dt.timedelta(days=rng.randrange(5, 25)))
            emit(at, {"type": "quarter_dispatched", "quarter": label, "at": _stamp(at)})
        late = quarter == 3
        at = when.instant(
            end + dt.timedelta(days=rng.randrange(3, 9))
            if late
            else end - dt.timedelta(days=rng.randrange(1, 4))
        )
        emit(at, {"type": "quarter_reported", "quarter": label, "at": _stamp(at)})

    events.sort(key=lambda item: (item[0], item[1]))
    return [event for _, _, event in events]


#: Rules whose clock a pause can stop (working days and hours).
PAUSABLE_RULES = frozenset(
    {
        "minutes.party_group",
        "minutes.executive",
        "minutes.special_topic",
        "documents.issue",
        "routing.ordinary",
        "instructions.plan",
    }
)


def lines(events: list[dict[str, Any]]) -> Iterator[str]:
    """The events as JSON Lines."""
    for event in events:
        yield json.dumps(event, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    """Write a year of events as JSON Lines to standard output."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    for line in lines(generate(args.year, args.seed, args.scale)):
        sys.stdout.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
