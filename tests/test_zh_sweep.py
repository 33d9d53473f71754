"""Issue 10's leftovers: what the engine, batch mode and `deadlines check` said in English
inside Chinese output, now said from the catalogue (machine fields stay English)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from tests.chinese import english_words

from deadlines import Citation, Engine, ProvisionalDateWarning
from deadlines._errors import DeadlinesError, InvalidValueError, OutOfRangeError
from deadlines._messages import MESSAGES
from deadlines._time import CHINA_TZ
from deadlines.calendar import ChinaCalendar
from deadlines.cli import main
from deadlines.cli._due import render
from deadlines.io import run_batch
from deadlines.io._batch import problem_of
from deadlines.io._records import Trigger
from deadlines.rules import OPINION_2020, Recurrence, Rule, RuleSet, Tiered, WorkingDays
from deadlines.supervision._pause import Pause, _end
from deadlines.supervision._quarterly import _check_quarters

ROOT = Path(__file__).resolve().parent.parent
TRIGGER = dt.datetime(2026, 9, 30, 17, 0, tzinfo=CHINA_TZ)
#: What a clerk types (a command, a parameter, a path, an obligation id) and JSON literals.
WORDS = frozenset({"deadlines", "due", "check", "deadline", "true", "false", "examples", "nope"})


def _tiered_engine() -> Engine:
    """An engine whose one rule commits to more than the statutory limit allows."""
    limit = Tiered(committed=WorkingDays(6), statutory=WorkingDays(5))
    rule = Rule(
        id="test.tiered",
        title_zh="测试",
        title_en="test",
        citation=Citation(article=99, text="测试"),
        limit=limit,
    )
    return Engine(ChinaCalendar(), RuleSet(rules=(rule,)), discover_plugins=False)


def _zh(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    main([*arguments, "--lang", "zh"])
    captured = capsys.readouterr()
    return captured.out + captured.err


class TestWarnings:
    """A result's warnings: English in the machine field, Chinese where a person reads."""

    def test_both_languages(self):
        """`warnings` keeps its English; `warnings_zh` says the same in Chinese."""
        result = _tiered_engine().due("test.tiered", TRIGGER)
        english = (
            "the committed limit (2026-10-14T17:30:00+08:00) ends after the statutory one "
            "(2026-10-13T17:30:00+08:00)"
        )
        assert result.warnings == (english,)
        assert result.warnings_zh == (
            "承诺时限（2026-10-14T17:30:00+08:00）晚于法定时限（2026-10-13T17:30:00+08:00）届满",
        )

    def test_due_text_in_chinese(self):
        """`deadlines due --lang zh`'s text and `DueResult.explain("zh")` show the Chinese."""
        result = _tiered_engine().due("test.tiered", TRIGGER)
        for text in (render(result, "zh"), result.explain("zh")):
            assert "  ! 承诺时限" in text
            assert english_words(text, WORDS) == []
        assert "  ! the committed limit" in render(result, "en")

    def test_json_labels(self):
        """The JSON holds both, and reads back equal."""
        result = _tiered_engine().due("test.tiered", TRIGGER)
        data = result.to_json()
        assert data["warnings"] == list(result.warnings)
        assert data["warnings_zh"] == list(result.warnings_zh)
        assert type(result).model_validate(data) == result

    def test_batch(self):
        """A Chinese batch adds ``warnings_zh`` to a JSON line and says the CSV column in
        Chinese; an English batch is as before."""
        record = ['{"rule": "test.tiered", "at": "2026-09-30T17:00"}']
        zh = json.loads(next(iter(run_batch(record, _tiered_engine(), lang="zh"))))
        en = json.loads(next(iter(run_batch(record, _tiered_engine()))))
        assert zh["warnings"] == en["warnings"]
        assert zh["warnings_zh"][0].startswith("承诺时限")
        assert "warnings_zh" not in en
        csv = "".join(run_batch(["rule,at", "test.tiered,2026-09-30T17:00"], _tiered_engine(),
                                "csv", lang="zh"))  # fmt: skip
        assert "承诺时限" in csv.splitlines()[1]

    def test_provisional_warning(self):
        """The engine warns with the catalogue's ProvisionalDateWarning, said in either
        language, its English unchanged."""
        with pytest.warns(ProvisionalDateWarning) as caught:
            Engine(discover_plugins=False).due("routing.ordinary", "2027-12-30T10:00")
        warning = caught[0].message
        assert isinstance(warning, ProvisionalDateWarning)
        assert str(warning) == (
            "routing.ordinary at 2027-12-30T10:00:00+08:00: due 2028-01-04T10:00:00+08:00 relies "
            "on days after 2026-12-24, which no State Council notice has settled yet"
        )
        assert english_words(warning.render("zh"), WORDS) == []


class TestRefusals:
    """What `deadlines due` refuses, in Chinese: the example and the hint are catalogue words."""

    @pytest.mark.parametrize(
        "arguments",
        [
            ("decisions.time_limited", "--at", "2026-09-30T17:00"),
            ("meetings.march_freeze", "--at", "2026-03-02T09:00"),
            ("research.field_days", "--at", "2026-03-02T09:00"),
            ("minutes.executive", "--at", "2019-09-30T17:00"),
            ("minutes.executive", "--at", "2026-09-30T17:00", "--param", "limit_days=3"),
            ("minutes.executive", "--at", "2026-09-30T17:00+15:00"),
            (
                "decisions.time_limited", "--at", "2026-09-30T17:00",
                "--param", "deadline=2026-09-01",
            ),
            (
                "decisions.time_limited", "--at", "2026-09-30T17:00",
                "--param", "deadline=2026-10-31", "--param", "limit_days=3",
            ),
        ],
        ids=["missing", "blackout", "quota", "not-in-effect", "unread", "offset", "before",
             "two-limits"],
    )  # fmt: skip
    def test_no_english_word(self, capsys, arguments):
        """The error line holds no English word."""
        text = _zh(capsys, "due", *arguments)
        assert "错误" in text
        assert english_words(text, WORDS) == []

    def test_english_unchanged(self):
        """The English of the refusals is what it was."""
        engine = Engine(discover_plugins=False)
        with pytest.raises(DeadlinesError) as missing:
            engine.due("decisions.time_limited", TRIGGER)
        assert str(missing.value).endswith(
            "e.g. deadline=2026-10-31 or limit_days=15 (X日内, calendar days) or "
            "limit_working_days=5 (X个工作日内)"
        )
        with pytest.raises(DeadlinesError) as blackout:
            engine.due("meetings.march_freeze", TRIGGER)
        assert str(blackout.value) == (
            "rule 'meetings.march_freeze' is a blackout, not a deadline; ask "
            "Engine.violates(rule_id, date) whether a date falls in it"
        )


class TestBatchProblems:
    """A batch's problem is the error's own message: a range error says it as the command line
    does (`OutOfRangeError.meaning`)."""

    def test_range_said_once(self):
        """The command line and batch give the same words for a trigger past the calendar."""
        error = OutOfRangeError("n", 3, dt.date(2004, 1, 1), dt.date(2100, 12, 31))
        record = Trigger(line=1, rule="minutes.executive", at="2100-12-30T17:00", params={})
        problem = problem_of(error, record)
        meaning = error.meaning(dt.date(2100, 12, 30), "2100-12-30T17:00")
        for lang in ("zh", "en"):
            assert problem.text(lang) == meaning.render(lang)

    def test_value_as_written(self):
        """A refused value is echoed as the line wrote it (JSON), not as Python's repr."""
        line = '{"rule": "minutes.special_topic", "at": "2026-09-30T17:00", '
        line += '"involves_personnel_money_assets": [1]}'
        (out,) = run_batch([line], Engine(discover_plugins=False), lang="zh")
        assert json.loads(out)["error"]["message"] == (
            "involves_personnel_money_assets应为true或false；实际为[1]"
        )

    def test_instant_as_a_number(self):
        """A number where a parameter's instant belongs (an urgent document's stated limit) is
        told of the text it should be, in Chinese words, not of Python's datetime type."""
        line = json.dumps({"rule": "routing.urgent", "at": "2026-09-30T17:00", "stated_limit": -3})
        engine = Engine(discover_plugins=False)
        (zh,) = run_batch([line], engine, lang="zh")
        (en,) = run_batch([line], engine, lang="en")
        said = json.loads(zh)["error"]["message"]
        assert said.startswith("stated_limit应为ISO 8601 格式的日期时间，例如 2026-09-30T17:00")
        assert english_words(said, {"stated_limit"}) == []
        assert "such as 2026-09-30T17:00" in json.loads(en)["error"]["message"]


class TestCheckUsage:
    """`deadlines check`'s usage errors, in Chinese."""

    @pytest.mark.parametrize(
        "arguments",
        [
            ("examples/supervision/county-week.jsonl", "--warn-days", "-1"),
            ("examples/supervision/county-week.jsonl", "--warn-fraction", "2"),
            ("examples/supervision/county-week.jsonl", "--escalate-after", "0"),
            ("examples/supervision/county-week.jsonl", "--explain", "nope"),
            ("examples/no-such-file.jsonl",),
            ("examples",),
        ],
        ids=["warn-days", "warn-fraction", "escalate-after", "explain", "no-file", "folder"],
    )
    def test_no_english_word(self, capsys, monkeypatch, arguments):
        """The error line holds no English word."""
        monkeypatch.chdir(ROOT)
        text = _zh(capsys, "check", *arguments, "--at", "2025-10-15T09:00")
        assert "错误" in text
        assert english_words(text, WORDS) == []

    def test_not_utf8_line(self, capsys, tmp_path):
        """A line that is not UTF-8 says so in Chinese, with its line."""
        events = tmp_path / "events.jsonl"
        events.write_bytes(b"\xff\xfe\n")
        text = _zh(capsys, "check", str(events), "--at", "2025-10-15T09:00")
        assert "第1行：不是UTF-8文本（第1列字节0xff）；请将事件文件另存为UTF-8" in text


class TestSupervisionRefusals:
    """A pause without an end and a quarterly rule of other periods are refused in Chinese."""

    def test_pause_without_end(self):
        """A pause must end before it moves a due."""
        with pytest.raises(InvalidValueError) as refused:
            _end(Pause(start=TRIGGER))
        assert english_words(refused.value.render("zh"), {"Pause", "pause"}) == []

    def test_quarters_only(self):
        """Supervision follows quarters; a monthly recurrence is refused."""
        monthly = OPINION_2020.get("supervision.quarterly").evolve(limit=Recurrence(months=1))
        engine = Engine(rules=OPINION_2020.with_rule(monthly), discover_plugins=False)
        with pytest.raises(InvalidValueError) as refused:
            _check_quarters(engine, dt.date(2026, 7, 1))
        assert str(refused.value).startswith("supervision.quarterly must be a recurrence every 3")
        assert english_words(refused.value.render("zh")) == []


class TestCatalogue:
    """The catalogue holds no message nobody says."""

    def test_no_rules_header(self):
        """The rules table's header is the command line's (``cli.rules.header``) alone."""
        assert "rules.header" not in MESSAGES
        assert "cli.rules.header" in MESSAGES


class TestImpossibleDay:
    """A day that does not exist is said in the language asked, in each language's own words."""

    @pytest.mark.parametrize(
        ("at", "zh"),
        [
            ("2026-02-30T10:00", "存在的日期：2026年2月没有30日（该月只有28天）"),
            ("2026-13-01T10:00", "01至12之间的月份"),
        ],
        ids=["february-30", "month-13"],
    )
    def test_due(self, capsys, at, zh):
        """deadlines due --lang zh names the month and the day in Chinese, with no English word."""
        assert main(["due", "minutes.executive", "--at", at, "--lang", "zh"]) == 2
        err = capsys.readouterr().err
        assert zh in err
        assert english_words(err, {"deadlines", "due"}) == []
