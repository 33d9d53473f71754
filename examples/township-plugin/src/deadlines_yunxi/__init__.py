"""Yunxi Township (云溪乡, imaginary): the county's 2020 opinion with the township's own rules.

Each function marked ``@hookimpl`` answers one hook of `deadlines.hookspecs`: it receives the
county's configuration and returns what the township changes. The entry point ``yunxi`` in
``pyproject.toml`` makes every `deadlines.Engine` find this module once it is installed.
"""

from __future__ import annotations

import datetime as dt

from deadlines import CalendarOverride, DayChange, OfficeHours, Season, hookimpl
from deadlines.rules import Citation, Hours, Rule, RuleSet

#: The township's notice on document routing (imaginary), and the day it took effect.
ROUTING_NOTICE = "云溪乡人民政府《关于加快公文运转的通知》（云政发〔2026〕3号）"
ROUTING_FROM = dt.date(2026, 3, 2)

#: The Yunxi Song Festival, a local day off (imaginary).
SONG_FESTIVAL = DayChange(
    date=dt.date(2026, 7, 6),
    off=True,
    name="云溪歌节",
    name_en="Yunxi Song Festival",
    source="云政发〔2026〕1号",
)

#: 1 July to 30 September: 08:00–12:00 and 15:00–18:00.
SUMMER = Season(
    "summer",
    (7, 1),
    (9, 30),
    ((dt.time(8), dt.time(12)), (dt.time(15), dt.time(18))),
)

_OFFICE_ZH, _OFFICE_EN = "乡党政综合办公室", "the township's general office"


@hookimpl
def deadlines_rules(rules: RuleSet) -> list[Rule]:
    """From the township's notice on, ordinary documents are routed within 24 hours."""
    county = rules.get("routing.ordinary", ROUTING_FROM)
    return [
        # Documents received before the notice keep the county's 48 hours.
        county.evolve(effective_until=ROUTING_FROM - dt.timedelta(days=1)),
        county.evolve(
            effective_from=ROUTING_FROM,
            limit=Hours(24),
            title_zh="普通件运转不超过24小时",
            title_en="Ordinary documents routed within 24 hours",
            citation=Citation(
                document=ROUTING_NOTICE, article=2, text="普通件运转完成时间不超过24小时"
            ),
        ),
    ]


@hookimpl
def deadlines_calendar() -> CalendarOverride:
    """The song festival is a day off in the township."""
    # The origin is replaced by the plugin's name (``yunxi``), which traces show.
    return CalendarOverride(origin="yunxi", local=(SONG_FESTIVAL,))


@hookimpl
def deadlines_office_hours(office_hours: OfficeHours) -> OfficeHours:
    """The county's sessions, with a summer schedule."""
    return OfficeHours(office_hours.sessions, seasons=(SUMMER,))


@hookimpl
def deadlines_labels() -> dict[str, dict[str, str]]:
    """Documents are routed by the township's general office."""
    office = {"actor_zh": _OFFICE_ZH, "actor_en": _OFFICE_EN}
    return {"routing.urgent": office, "routing.ordinary": office}
