"""The message catalogue: both languages of every message, spelled from ids on demand."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from tests.chinese import english_words

from deadlines import Engine
from deadlines._messages import AREAS, MESSAGES, Names, Said, chinese_number, placeholders, say
from deadlines.cli import main
from deadlines.cli._common import chosen_lang

ENGINE = Engine()

#: ASCII punctuation that a Chinese sentence writes full-width (，；：（）); a colon or a
#: parenthesis between ASCII characters (an instant 17:30, an id) is not Chinese text.
_HALF_WIDTH_IN_CHINESE = re.compile(r"[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]")


class TestCatalogue:
    """Every message has both languages, with the same named placeholders."""

    @pytest.mark.parametrize("message", sorted(MESSAGES), ids=str)
    def test_both_languages(self, message):
        """Chinese and English both present; empty only together (the empty word)."""
        zh, en = MESSAGES[message]
        assert bool(zh) == bool(en)

    @pytest.mark.parametrize("message", sorted(MESSAGES), ids=str)
    def test_same_placeholders(self, message):
        """The two languages of a message need the same values."""
        zh, en = MESSAGES[message]
        assert placeholders(zh) == placeholders(en)

    @pytest.mark.parametrize("message", sorted(MESSAGES), ids=str)
    def test_full_width_punctuation(self, message):
        """Inside Chinese text, punctuation is full-width."""
        assert not _HALF_WIDTH_IN_CHINESE.search(MESSAGES[message].zh)

    def test_one_table_per_id(self):
        """The tables of the surfaces never spell the same id twice (a merge would hide one)."""
        assert sum(len(table) for table in AREAS) == len(MESSAGES)

    def test_unknown_id(self):
        """An id the catalogue does not hold is a KeyError, not a blank."""
        with pytest.raises(KeyError, match=r"trace\.nothing"):
            say("trace.nothing", "zh")


class TestValues:
    """Values shown per language: dates, nested messages, names, numerals."""

    @pytest.mark.parametrize(
        ("n", "words"),
        [(1, "一"), (8, "八"), (10, "十"), (16, "十六"), (100, "一百"), (201, "二百零一")],
        ids=["1", "8", "10", "16", "100", "201"],
    )
    def test_chinese_numerals(self, n, words):
        """Article numbers as 公文 write them."""
        assert chinese_number(n) == words

    def test_nested_message(self):
        """A `Said` inside a value renders in the same language."""
        law = Said("law.art203")
        assert say("trace.last_day_rolled", "zh", day=dt.date(2026, 10, 8), law=law) == (
            "期限最后一日为休息日，顺延至2026-10-08（周四）（《中华人民共和国民法典》第二百零三条）"
        )

    def test_names(self):
        """A name the data spells in both languages shows the one asked."""
        name = Names("国庆节", "National Day")
        assert say("calendar.holiday_in_lieu", "zh", name=name) == "国庆节（补休）"
        english = say("calendar.holiday_in_lieu", "en", name=name)
        assert english == "holiday (National Day, day in lieu)"


class TestTrace:
    """Steps record ids and values; the words are spelled when read."""

    def test_steps_carry_ids(self):
        """Every step of a working-day count names its message."""
        result = ENGINE.due("minutes.executive", "2026-09-30T17:00")
        assert [s.message for s in result.trace[:3]] == [
            "trace.trigger",
            "trace.version",
            "trace.working_days",
        ]

    def test_words_over_national_day(self):
        """The 公文 words of the issue: 起算当日不计入, 补休, 调休放假, the opinion by title."""
        text = ENGINE.due("minutes.executive", "2026-09-30T17:00").explain("zh")
        for words in (
            "依据：《关于进一步提高政府系统运转效率推动工作落实的意见》（上高县，2020年4月21日印发）第八条",
            "（自2020年4月21日起执行），依据第八条",
            "起算当日不计入（《中华人民共和国民法典》第二百零一条）",
            "不计（国庆节假期）：2026-10-04（周日）",
            "不计（国庆节（补休））：2026-10-05（周一）",
            "不计（调休放假（10月10日上班））：2026-10-07（周三）",
        ):
            assert words in text

    def test_fast_step_is_a_valid_step(self):
        """A step built without validation equals, dumps and hashes as a validated one."""
        from deadlines._result import TraceStep
        from deadlines.rules._trace import said

        day = dt.date(2026, 10, 8)
        fast = said("count", "trace.count", date=day, number=1, day=day, extra="")
        checked = TraceStep.model_validate(
            {name: getattr(fast, name) for name in TraceStep.model_fields}
        )
        assert fast == checked
        assert hash(fast) == hash(checked)
        assert fast.model_dump() == checked.model_dump()
        assert fast.model_fields_set == checked.model_fields_set
        assert fast.text("zh") == "第1个工作日：2026-10-08（周四）"

    def test_json_keeps_words_and_id(self):
        """JSON has the id beside both languages, and reads back equal."""
        result = ENGINE.due("minutes.executive", "2026-09-30T17:00")
        step = result.to_json()["trace"][2]
        assert step["message"] == "trace.working_days"
        assert step["zh"].startswith("3个工作日，起算当日不计入")
        assert "values" not in step
        assert type(result).model_validate_json(result.model_dump_json()) == result

    def test_condition_sentence(self):
        """A condition reads as the question a clerk answers."""
        result = ENGINE.due(
            "minutes.special_topic", "2026-06-01T10:00", involves_personnel_money_assets=True
        )
        assert "是否涉及人、财、物等重要事项：是" in result.explain("zh")

    def test_roll_sentence(self):
        """A 48-hour expiry on a rest day names the working day it moves to."""
        from deadlines.rules import HourClock, Hours

        limit = Hours(48, clock=HourClock.CALENDAR_ROLL)
        rule = ENGINE.rule("routing.ordinary", dt.date(2026, 9, 30)).evolve(limit=limit)
        engine = Engine(rules=ENGINE.rules.with_rule(rule))
        text = engine.due("routing.ordinary", "2026-09-30T10:00").explain("zh")
        assert "落在休息日，顺延至下一工作日（2026-10-08（周四））下班时间" in text


class TestLanguageChoice:
    """--lang anywhere, else DEADLINES_LANG, else the locale, else English."""

    @pytest.mark.parametrize(
        ("environ", "lang"),
        [
            ({}, "en"),
            ({"LANG": "zh_CN.UTF-8"}, "zh"),
            ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
            ({"LC_ALL": "zh_TW.UTF-8", "LANG": "C"}, "zh"),
            ({"DEADLINES_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),
            ({"DEADLINES_LANG": "zh"}, "zh"),
        ],
        ids=["nothing", "lang", "lc-messages-first", "lc-all-first", "deadlines-lang", "zh"],
    )
    def test_chosen(self, environ, lang):
        """The environment decides in that order."""
        assert chosen_lang(environ) == lang

    @pytest.mark.parametrize(
        "argv",
        [
            ["--lang", "zh", "due", "minutes.executive", "--at", "2026-09-30T17:00"],
            ["--lang=zh", "due", "minutes.executive", "--at", "2026-09-30T17:00"],
            ["due", "minutes.executive", "--lang", "zh", "--at", "2026-09-30T17:00"],
        ],
        ids=["before", "before-equals", "after"],
    )
    def test_anywhere(self, argv, capsys, monkeypatch):
        """--lang before the subcommand or after it says the same."""
        monkeypatch.setenv("DEADLINES_LANG", "en")
        assert main(argv) == 0
        assert capsys.readouterr().out.startswith("minutes.executive（")

    def test_locale(self, capsys, monkeypatch):
        """A Chinese locale gives Chinese output; the JSON keys do not change."""
        monkeypatch.delenv("DEADLINES_LANG", raising=False)
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.delenv("LC_MESSAGES", raising=False)
        monkeypatch.setenv("LANG", "zh_CN.UTF-8")
        assert main(["due", "minutes.executive", "--at", "2026-09-30T17:00"]) == 0
        assert "到期时间：" in capsys.readouterr().out
        assert main(["due", "minutes.executive", "--at", "2026-09-30T17:00", "--json"]) == 0
        data = capsys.readouterr().out
        assert '"rule_id": "minutes.executive"' in data


class TestCalendarWords:
    """``deadlines calendar`` in the words of the notices."""

    def test_spring_festival_2026(self, capsys):
        """The Sunday before 除夕 belongs to the break; the notice is cited by title and number."""
        assert main(["calendar", "2026-02", "--lang", "zh"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[4] == "  9   10   11   12   13   14+  15*"
        assert "02-15（周日） 放假：春节假期（周末）" in lines
        assert "02-20（周五） 放假：调休放假（2月14日上班）" in lines
        notice = "《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号）"
        assert f"来源：{notice}" in lines
        assert not any("http" in line for line in lines)

    def test_plain_weekend(self, capsys):
        """A weekend away from any holiday stays a weekend."""
        assert main(["calendar", "2026-03", "--lang", "zh"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[3] == "  2    3    4    5    6    7-   8-"
        assert not any("放假：" in line for line in lines)


class TestEnglishWordsHelper:
    """The shared detector of English words in Chinese output finds words and spares ids."""

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("2026-10-08 17:30 逾期未办", []),
            ("minutes.executive m-2025-041/minutes 2025Q3", []),
            ("状态：overdue", ["overdue"]),
            ("逾期3wd／6.0h", ["3wd", "6.0h"]),
            ("按期 in time", ["in", "time"]),
            ("以 JSON 格式输出", []),
        ],
        ids=["date", "ids", "status", "units", "words", "format"],
    )
    def test_detects(self, text, words):
        """Words and units found; identifiers, dates and format names left."""
        assert english_words(text) == words
