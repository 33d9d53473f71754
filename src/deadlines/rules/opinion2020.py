"""The catalog: every time limit of the 2020 opinion (full text in `opinion-2020.txt`), each
with the sentence it encodes and a stable id; built unvalidated (docs/design.md, "Start-up")."""

from __future__ import annotations

from typing import Any

from deadlines.rules._combinators import AllOf, Condition, Sequence, When
from deadlines.rules._constraints import Blackout, Quota, Recurrence
from deadlines.rules._days import WorkingDays
from deadlines.rules._hours import Hours
from deadlines.rules._limit import Limit
from deadlines.rules._meeting import MeetingSetLimit
from deadlines.rules._ruleset import Rule, RuleSet
from deadlines.rules._same_day import OnArrival, SameDay
from deadlines.rules._values import Citation

__all__ = ["OPINION_2020"]

_ART8_MINUTES = (
    "县政府党组会议、常务会议纪要原则上在会议结束后3个工作日内经县政府办主任审核后，由县长签发"
)
_ART8_SPECIAL = (
    "县政府专题会议纪要，原则上在会议结束后3个工作日由主持召开会议的县政府领导同志签发，"
    "如涉及人、财、物等重要事项的须报县长审定"
)
_ART11_SIGNING = "县政府领导同志要率先垂范，及时签批公文，不积压公文，确保“文不过夜、事不隔日”"
_ART16_TASKS = (
    "对上级交办的工作任务、群众反映的合理诉求、企业反馈的困难等问题，"
    "县政府组成部门要强化协调配合、不得推诿扯皮、立行立办、及时反馈"
)

#: Who acts, in Chinese and in English.
_SIGNED = (
    "县政府办主任审核，县长签发",
    "reviewed by the office director, signed by the county head",
)
_PRESIDING = ("主持会议的县政府领导同志", "the county leader who presided")
_OFFICE = ("县政府办公室", "the county government office")
_LEADERS = ("县政府领导同志", "county government leaders")
_HEADS = ("县政府部门、乡镇（场、街道）主要负责同志", "the head of the department or township")


def _rule(
    rule_id: str,
    titles: tuple[str, str],
    source: tuple[int, str],
    limit: Limit,
    actors: tuple[str, str],
) -> Rule:
    """A rule of the opinion: its id, titles, article and sentence, limit and who acts."""
    return Rule.model_construct(
        id=rule_id,
        title_zh=titles[0],
        title_en=titles[1],
        citation=Citation.model_construct(article=source[0], text=source[1]),
        limit=limit,
        actor_zh=actors[0],
        actor_en=actors[1],
    )


def _days(n: int, **fields: Any) -> WorkingDays:  # noqa: ANN401
    return WorkingDays.model_construct(n=n, **fields)


OPINION_2020 = RuleSet.model_construct(
    name="opinion-2020",
    rules=(
        _rule(
            "minutes.party_group",
            ("县政府党组会议纪要签发", "Minutes of the party group meeting signed"),
            (8, _ART8_MINUTES),
            _days(3),
            _SIGNED,
        ),
        _rule(
            "minutes.executive",
            ("县政府常务会议纪要签发", "Minutes of the executive meeting signed"),
            (8, _ART8_MINUTES),
            _days(3),
            _SIGNED,
        ),
        _rule(
            "minutes.special_topic",
            ("县政府专题会议纪要签发", "Minutes of a special-topic meeting signed"),
            (8, _ART8_SPECIAL),
            # The county head's approval has no time of its own: it comes before the
            # signature, both within the same three working days. Whether it is needed changes
            # no due instant, so the parameter is asked for only by supervision's warning.
            When.model_construct(
                condition=Condition.model_construct(parameter="involves_personnel_money_assets"),
                then=Sequence.model_construct(
                    limits=(
                        _days(3, label="县长审定", actor="县长"),
                        _days(3, label="签发", actor=_PRESIDING[0]),
                    ),
                    within=_days(3),
                ),
                otherwise=_days(3, label="签发", actor=_PRESIDING[0]),
                note_zh="如涉及人、财、物等重要事项，须报县长审定（先审定，后签发）",
                note_en="where personnel, money or assets are involved, the county head "
                "approves the minutes first (审定), within the same 3 working days",
            ),
            _PRESIDING,
        ),
        _rule(
            "documents.issue",
            ("会议决定文件按时印发", "Documents the meeting decided to issue, issued"),
            (8, "会议通过决定印发的文件，原则上须在会议结束后5个工作日内印发"),
            _days(5),
            _OFFICE,
        ),
        _rule(
            "signing.same_day",
            (
                "及时签批公文（文不过夜）",
                "Documents signed without being left overnight (文不过夜)",
            ),
            (11, _ART11_SIGNING),
            SameDay.model_construct(),
            _LEADERS,
        ),
        _rule(
            "matters.same_day",
            ("公务事项不隔日", "Matters not left to the next day (事不隔日)"),
            (11, _ART11_SIGNING),
            SameDay.model_construct(),
            _LEADERS,
        ),
        _rule(
            "routing.urgent",
            ("急件随到随办", "Urgent documents handled on arrival"),
            (11, "急件随到随办、尽早完成送签"),
            OnArrival.model_construct(),
            _OFFICE,
        ),
        _rule(
            "routing.ordinary",
            ("普通件运转不超过48小时", "Ordinary documents routed within 48 hours"),
            (11, "普通件运转完成时间不超过48小时"),
            Hours.model_construct(n=48),
            _OFFICE,
        ),
        _rule(
            "instructions.plan",
            ("领导批示件制定落实意见", "Implementation plan for a leader's instruction"),
            (14, "原则上接到批示件后3个工作日必须进行研究制定落实意见，并及时反馈办理结果"),
            _days(3),
            _HEADS,
        ),
        _rule(
            "decisions.time_limited",
            (
                "会议议定事项限时办结",
                "Matters decided at a meeting finished by the deadline it sets",
            ),
            (12, "确保议定事项按照会议要求限时办结"),
            MeetingSetLimit.model_construct(),
            _HEADS,
        ),
        _rule(
            "meetings.march_freeze",
            ("每年3月份“无会月”", "March, the no-meeting month"),
            (6, "严格执行每年3月份为全县政府系统“无会月”制度"),
            Blackout.model_construct(months=(3,)),
            ("全县政府系统", "the whole county government system"),
        ),
        _rule(
            "research.field_days",
            (
                "县政府领导每年调研不少于60天",
                "County leaders do at least 60 days of field research a year",
            ),
            (4, "县政府领导同志要经常深入基层调研，注重解决实际问题，每年开展调研不少于60天"),
            Quota.model_construct(days=60),
            ("县政府领导同志", "each county government leader"),
        ),
        _rule(
            "supervision.quarterly",
            (
                "重大决策部署每季度调度、通报",
                "Major decisions dispatched and reported every quarter",
            ),
            (13, "并坚持每季度调度一次、通报一次"),
            AllOf.model_construct(
                limits=(
                    Recurrence.model_construct(months=3, label="调度", actor=_OFFICE[0]),
                    Recurrence.model_construct(months=3, label="通报", actor=_OFFICE[0]),
                ),
            ),
            _OFFICE,
        ),
        _rule(
            "tasks.immediate",
            ("交办任务立行立办", "Assigned tasks and reasonable requests acted on at once"),
            (16, _ART16_TASKS),
            OnArrival.model_construct(phrase="at_once"),
            ("县政府组成部门", "the county government's departments"),
        ),
    ),
)
"""The 2020 opinion as a rule set."""
