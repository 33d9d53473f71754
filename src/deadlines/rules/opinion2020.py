"""The catalog: every time limit of the 2020 opinion, each with the sentence it encodes.

This module is the one place where the policy text becomes rules. The ids are stable:
integrators and acceptance checks depend on them. The full text is `opinion-2020.txt` beside
this file; a test checks that every quoted sentence is a verbatim part of it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from deadlines.rules._combinators import AllOf, Condition, Sequence, When
from deadlines.rules._constraints import Blackout, Quota, Recurrence
from deadlines.rules._days import WorkingDays
from deadlines.rules._hours import Hours
from deadlines.rules._meeting import MeetingSetLimit
from deadlines.rules._ruleset import Rule, RuleSet
from deadlines.rules._same_day import OnArrival, SameDay
from deadlines.rules._values import Citation, Value

_V = TypeVar("_V", bound=Value)

__all__ = ["OPINION_2020"]

_ART8_MINUTES = (
    "县政府党组会议、常务会议纪要原则上在会议结束后3个工作日内经县政府办主任审核后，由县长签发"
)
_ART8_SPECIAL = (
    "县政府专题会议纪要，原则上在会议结束后3个工作日由主持召开会议的县政府领导同志签发，"
    "如涉及人、财、物等重要事项的须报县长审定"
)
_ART11_SIGNING = "县政府领导同志要率先垂范，及时签批公文，不积压公文，确保“文不过夜、事不隔日”"


def _trusted(cls: type[_V], **fields: Any) -> _V:  # noqa: ANN401
    """Build a value without validation.

    Validating the catalog at import would build the schema of every rule class, about 12 ms of
    a one-shot command's start. The catalog is fixed code: tests/test_catalog.py validates every
    rule of it instead.
    """
    return cls.model_construct(**fields)


_PRESIDING_ZH, _PRESIDING_EN = "主持会议的县政府领导同志", "the county leader who presided"

OPINION_2020 = _trusted(
    RuleSet,
    name="opinion-2020",
    rules=(
        _trusted(
            Rule,
            id="minutes.party_group",
            title_zh="县政府党组会议纪要签发",
            title_en="Minutes of the party group meeting signed",
            citation=_trusted(Citation, article=8, text=_ART8_MINUTES),
            limit=_trusted(WorkingDays, n=3),
            actor_zh="县政府办主任审核，县长签发",
            actor_en="reviewed by the office director, signed by the county head",
        ),
        _trusted(
            Rule,
            id="minutes.executive",
            title_zh="县政府常务会议纪要签发",
            title_en="Minutes of the executive meeting signed",
            citation=_trusted(Citation, article=8, text=_ART8_MINUTES),
            limit=_trusted(WorkingDays, n=3),
            actor_zh="县政府办主任审核，县长签发",
            actor_en="reviewed by the office director, signed by the county head",
        ),
        _trusted(
            Rule,
            id="minutes.special_topic",
            title_zh="县政府专题会议纪要签发",
            title_en="Minutes of a special-topic meeting signed",
            citation=_trusted(Citation, article=8, text=_ART8_SPECIAL),
            # The county head's approval has no time of its own: it comes before the
            # signature, both within the same three working days. Whether it is needed changes
            # no due instant, so the parameter is asked for only by supervision's warning.
            limit=_trusted(
                When,
                condition=_trusted(Condition, parameter="involves_personnel_money_assets"),
                then=_trusted(
                    Sequence,
                    limits=(
                        _trusted(WorkingDays, n=3, label="县长审定", actor="县长"),
                        _trusted(WorkingDays, n=3, label="签发", actor=_PRESIDING_ZH),
                    ),
                    within=_trusted(WorkingDays, n=3),
                ),
                otherwise=_trusted(WorkingDays, n=3, label="签发", actor=_PRESIDING_ZH),
                note_zh="如涉及人、财、物等重要事项，须报县长审定（先审定，后签发）",
                note_en="where personnel, money or assets are involved, the county head "
                "approves the minutes first (审定), within the same 3 working days",
            ),
            actor_zh=_PRESIDING_ZH,
            actor_en=_PRESIDING_EN,
        ),
        _trusted(
            Rule,
            id="documents.issue",
            title_zh="会议决定文件按时印发",
            title_en="Documents the meeting decided to issue, issued",
            citation=_trusted(
                Citation,
                article=8,
                text="会议通过决定印发的文件，原则上须在会议结束后5个工作日内印发",
            ),
            limit=_trusted(WorkingDays, n=5),
            actor_zh="县政府办公室",
            actor_en="the county government office",
        ),
        _trusted(
            Rule,
            id="signing.same_day",
            title_zh="及时签批公文（文不过夜）",
            title_en="Documents signed without being left overnight (文不过夜)",
            citation=_trusted(Citation, article=11, text=_ART11_SIGNING),
            limit=_trusted(SameDay),
            actor_zh="县政府领导同志",
            actor_en="county government leaders",
        ),
        _trusted(
            Rule,
            id="matters.same_day",
            title_zh="公务事项不隔日",
            title_en="Matters not left to the next day (事不隔日)",
            citation=_trusted(Citation, article=11, text=_ART11_SIGNING),
            limit=_trusted(SameDay),
            actor_zh="县政府领导同志",
            actor_en="county government leaders",
        ),
        _trusted(
            Rule,
            id="routing.urgent",
            title_zh="急件随到随办",
            title_en="Urgent documents handled on arrival",
            citation=_trusted(Citation, article=11, text="急件随到随办、尽早完成送签"),
            limit=_trusted(OnArrival),
            actor_zh="县政府办公室",
            actor_en="the county government office",
        ),
        _trusted(
            Rule,
            id="routing.ordinary",
            title_zh="普通件运转不超过48小时",
            title_en="Ordinary documents routed within 48 hours",
            citation=_trusted(Citation, article=11, text="普通件运转完成时间不超过48小时"),
            limit=_trusted(Hours, n=48),
            actor_zh="县政府办公室",
            actor_en="the county government office",
        ),
        _trusted(
            Rule,
            id="instructions.plan",
            title_zh="领导批示件制定落实意见",
            title_en="Implementation plan for a leader's instruction",
            citation=_trusted(
                Citation,
                article=14,
                text="原则上接到批示件后3个工作日必须进行研究制定落实意见，并及时反馈办理结果",
            ),
            limit=_trusted(WorkingDays, n=3),
            actor_zh="县政府部门、乡镇（场、街道）主要负责同志",
            actor_en="the head of the department or township",
        ),
        _trusted(
            Rule,
            id="decisions.time_limited",
            title_zh="会议议定事项限时办结",
            title_en="Matters decided at a meeting finished by the deadline it sets",
            citation=_trusted(Citation, article=12, text="确保议定事项按照会议要求限时办结"),
            limit=_trusted(MeetingSetLimit),
            actor_zh="县政府部门、乡镇（场、街道）主要负责同志",
            actor_en="the head of the department or township",
        ),
        _trusted(
            Rule,
            id="meetings.march_freeze",
            title_zh="每年3月份“无会月”",
            title_en="March, the no-meeting month",
            citation=_trusted(
                Citation, article=6, text="严格执行每年3月份为全县政府系统“无会月”制度"
            ),
            limit=_trusted(Blackout, months=(3,)),
            actor_zh="全县政府系统",
            actor_en="the whole county government system",
        ),
        _trusted(
            Rule,
            id="research.field_days",
            title_zh="县政府领导每年调研不少于60天",
            title_en="County leaders do at least 60 days of field research a year",
            citation=_trusted(
                Citation,
                article=4,
                text="县政府领导同志要经常深入基层调研，注重解决实际问题，每年开展调研不少于60天",
            ),
            limit=_trusted(Quota, days=60),
            actor_zh="县政府领导同志",
            actor_en="each county government leader",
        ),
        _trusted(
            Rule,
            id="supervision.quarterly",
            title_zh="重大决策部署每季度调度、通报",
            title_en="Major decisions dispatched and reported every quarter",
            citation=_trusted(Citation, article=13, text="并坚持每季度调度一次、通报一次"),
            limit=_trusted(
                AllOf,
                limits=(
                    _trusted(Recurrence, months=3, label="调度", actor="县政府办公室"),
                    _trusted(Recurrence, months=3, label="通报", actor="县政府办公室"),
                ),
            ),
            actor_zh="县政府办公室",
            actor_en="the county government office",
        ),
        _trusted(
            Rule,
            id="tasks.immediate",
            title_zh="交办任务立行立办",
            title_en="Assigned tasks and reasonable requests acted on at once",
            citation=_trusted(
                Citation,
                article=16,
                text="对上级交办的工作任务、群众反映的合理诉求、企业反馈的困难等问题，"
                "县政府组成部门要强化协调配合、不得推诿扯皮、立行立办、及时反馈",
            ),
            limit=_trusted(OnArrival, phrase="at_once"),
            actor_zh="县政府组成部门",
            actor_en="the county government's departments",
        ),
    ),
)
"""The 2020 opinion as a rule set."""
