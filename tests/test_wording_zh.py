"""The wording a county clerk and a 公文 editor asked for (issue 10's review of Chinese output).

Traces without double colons, the provisional note that says why, headings with the date in
words, quotes inside quotes, the opinion quoted with its own punctuation, one wording per error,
values and lists in Chinese marks, and `deadlines test` / `deadlines diff` in a clerk's words.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest

from deadlines import Engine
from deadlines._messages import OPINION_ZH, say
from deadlines.cli import main
from deadlines.io import run_batch
from deadlines.policy import load_cases, load_policy
from deadlines.rules import OPINION_2020

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "policy-change"
POLICY = "examples/policy-change/policy.toml"
AT = "2026-09-30T17:00"


def _cli(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    main(list(arguments))
    captured = capsys.readouterr()
    return captured.out + captured.err


def _explain(rule_id: str, at: str = AT, engine: Engine | None = None) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return (engine or Engine()).due(rule_id, at).explain("zh")


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run from the repository's root, as the examples' paths assume."""
    monkeypatch.chdir(ROOT)


class TestTraceSteps:
    """Trace steps read as one sentence: no double colon, no translated phrasing."""

    @pytest.mark.parametrize(
        ("rule_id", "line"),
        [
            ("routing.urgent", "随到随办，当日办结（2026-09-30 17:30前）"),
            ("tasks.immediate", "立行立办，当日办结（2026-09-30 17:30前）"),
            ("supervision.quarterly", "各环节均须办结，以到期最晚者为准（调度，2026-09-30 17:30）"),
            ("routing.ordinary", "自2026-09-30 17:00起计时，休息日、节假日不计入，期限相应顺延"),
        ],
        ids=["on-arrival", "at-once", "all-of", "hours"],
    )
    def test_line(self, rule_id: str, line: str) -> None:
        """The step says it in one sentence."""
        assert line in _explain(rule_id)

    @pytest.mark.parametrize("rule_id", ["routing.urgent", "tasks.immediate", "routing.ordinary"])
    def test_no_double_colon(self, rule_id: str) -> None:
        """No step has two colons, nor the old 非工作日不计入（节假日顺延）."""
        steps = _explain(rule_id).splitlines()[4:]
        assert [line for line in steps if line.count("：") > 1] == []
        assert "节假日顺延）" not in "\n".join(steps)

    def test_within(self) -> None:
        """A shared period: the whole, from its start, ends at the instant."""
        start, end = dt.datetime(2026, 9, 30, 17), dt.datetime(2026, 10, 9, 17, 30)
        text = say("trace.within", "zh", start=start, at=end)
        assert text == "各环节须在自2026-09-30 17:00起算的总时限内办结，即2026-10-09 17:30前"

    def test_version_chosen(self) -> None:
        """The version line says the trigger's day first, then which version applies."""
        engine = Engine(rules=load_policy(str(ROOT / POLICY)), discover_plugins=False)
        text = _explain("routing.ordinary", "2027-06-08T09:00", engine)
        assert (
            "起算日2027-06-08（周二）不早于2027年1月1日，适用规则routing.ordinary自2027年1月1日起"
            "执行的版本（另有自2020年4月21日起至2026年12月31日止执行的版本），依据第二条"
        ) in text
        assert "当日或之后" not in text


class TestProvisionalNote:
    """The provisional note says why the last days of the announced year are not settled."""

    def test_why(self) -> None:
        """It names the day in words and the reason: next year's notice may change the last days."""
        text = _explain("routing.ordinary", "2026-12-30T10:00")
        step = next(line for line in text.splitlines() if "暂定：" in line)
        assert "计算用到了2026年12月24日以后的日期" in step
        assert "下一年度的放假安排尚未印发" in step
        assert "2018年12月29日调为工作日" in step
        assert "晚于2026-12-24" not in step

    def test_english_unchanged(self) -> None:
        """English keeps its sentence."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = Engine().due("routing.ordinary", "2026-12-30T10:00").explain("en")
        assert "provisional: it relies on days after 2026-12-24" in text


class TestHeading:
    """The due instant of a heading in words; JSON keeps RFC 3339."""

    def test_due(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``deadlines due`` in Chinese: 到期时间 with the date in words and the weekday."""
        text = _cli(capsys, "due", "minutes.executive", "--at", AT, "--lang", "zh")
        assert text.splitlines()[1] == "到期时间：2026年10月10日（周六）17:30"

    def test_parts(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each part (办理环节) the same way."""
        text = _cli(capsys, "due", "supervision.quarterly", "--at", AT, "--lang", "zh")
        assert "  调度（县政府办公室）：2026年9月30日（周三）17:30" in text.splitlines()

    def test_english_and_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """English keeps the ISO instant; JSON keeps RFC 3339 with seconds."""
        assert "due: 2026-10-10T17:30+08:00" in _cli(capsys, "due", "minutes.executive", "--at", AT)
        data = json.loads(_cli(capsys, "due", "minutes.executive", "--at", AT, "--json"))
        assert data["due"] == "2026-10-10T17:30:00+08:00"


class TestCitation:
    """The opinion cited by title and date, quoted with its punctuation, quotes inside single."""

    def test_inner_quotes(self) -> None:
        """A quotation inside the quoted sentence takes single marks."""
        text = _explain("signing.same_day")
        assert "确保‘文不过夜、事不隔日’”" in text
        assert "””" not in text

    @pytest.mark.parametrize("rule", OPINION_2020.rules, ids=lambda rule: rule.id)
    def test_full_width(self, rule) -> None:
        """The data quotes the opinion with full-width punctuation, as it was printed."""
        assert not set(rule.citation.text) & set(",;:()"), rule.citation.text

    def test_json_document(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`due --json` and `rules --json` cite the opinion by title and date."""
        due = json.loads(_cli(capsys, "due", "minutes.executive", "--at", AT, "--json"))
        assert due["citation"]["document"] == OPINION_ZH
        assert "审核后，由县长签发" in due["citation"]["text"]
        rules = json.loads(_cli(capsys, "rules", "--json"))
        assert {rule["citation"]["document"] for rule in rules} == {OPINION_ZH}


class TestErrors:
    """Values in Chinese quotation marks, lists with 、, one wording per error."""

    def test_unknown_rule(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`due` and `batch` say an unknown rule the same way, the list joined with 、."""
        due = _cli(capsys, "due", "minutes.executiv", "--at", AT, "--lang", "zh")
        batch = _batch('{"rule": "minutes.executiv", "at": "2026-09-30T17:00"}')
        for text in (due, batch):
            assert "没有规则“minutes.executiv”" in text
            assert "现有规则：minutes.party_group、minutes.executive、" in text
            assert "'" not in text

    def test_instant(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`due` and `batch` describe an instant in the same words, the value in “…”."""
        said = "ISO 8601 格式的日期时间，例如 2026-09-30T17:00（可带 +08:00）；实际为“2026-09-30”"
        due = _cli(capsys, "due", "minutes.executive", "--at", "2026-09-30", "--lang", "zh")
        batch = _batch('{"rule": "minutes.executive", "at": "2026-09-30"}')
        assert said in due
        assert said in batch

    def test_fields(self, capsys: pytest.CaptureFixture[str], at_root: None) -> None:
        """A case file's unknown field lists the fields with 、."""
        text = _cli(capsys, "test", "examples/policy-change/mistaken-case.toml", "--lang", "zh")
        assert "此处可用字段：status、due、due_date、" in text

    def test_english_unchanged(self, capsys: pytest.CaptureFixture[str]) -> None:
        """English keeps Python's quotes and its commas."""
        text = _cli(capsys, "due", "minutes.executiv", "--at", AT)
        assert "unknown rule 'minutes.executiv'" in text
        assert "minutes.party_group, minutes.executive, " in text


def _batch(line: str) -> str:
    """The Chinese message of a batch line's error."""
    (answer,) = run_batch([line], Engine(), lang="zh")
    return json.loads(answer)["error"]["message"]


@pytest.mark.usefixtures("at_root")
class TestPolicyCommands:
    """`deadlines test` and `deadlines diff` in a clerk's words."""

    def test_failure_report(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A failed expectation is named in Chinese, its lines aligned by columns."""
        text = _cli(capsys, "test", "examples/policy-change/failing-case.toml", "--lang", "zh")
        assert "          到期时间  预期：2027-06-09T09:00+08:00" in text.splitlines()
        assert "                    实际：2027-06-10T09:00+08:00" in text.splitlines()
        assert text.splitlines()[1] == "  未通过  漏算了端午节（暂定）"

    def test_all_passed(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every case passed: the total, and that all passed."""
        text = _cli(capsys, "test", "examples/policy-change", "--lang", "zh")
        assert text.splitlines()[-1] == "共15个案例，全部通过"
        assert text.splitlines()[1] == "  通过    2027年2月开会，违反新增的2月无会月规定"

    def test_diff(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The provisional mark is （暂定）, a shift says calendar days and working days."""
        text = _cli(
            capsys, "diff", "opinion-2020", POLICY, "--from", "2027-06-01", "--to", "2027-06-03",
            "--rule", "routing.ordinary", "--summary", "--lang", "zh",
        )  # fmt: skip
        assert "2027-06-01至2027-06-03每个工作日的每个办公小时" in text
        assert (
            "2027-06-03 09:00：2027-06-07 09:00（暂定） → 2027-06-04 09:00（暂定）"
            "（提前3个自然日、1个工作日）"
        ) in text
        assert "?" not in text
        assert text.splitlines()[-1].startswith("注：标“暂定”的到期时间")

    def test_diff_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """English keeps its ``?`` and gives the working days too."""
        text = _cli(
            capsys, "diff", "opinion-2020", POLICY, "--from", "2027-06-03", "--to", "2027-06-03",
            "--rule", "routing.ordinary", "--summary",
        )  # fmt: skip
        assert "2027-06-07 09:00? → 2027-06-04 09:00?  (3 d, 1 wd earlier)" in text


class TestExamples:
    """The example cases are written in Chinese, as a county's policy staff write them."""

    @pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.deadlines.toml")), ids=str)
    def test_chinese_names(self, path: Path) -> None:
        """Every description and case name is Chinese."""
        cases = load_cases(path)
        for text in [cases.description, *(case.name for case in cases.case)]:
            assert text
            assert not any("a" <= c.lower() <= "z" for c in text if c.isascii()), text

    @pytest.mark.usefixtures("at_root")
    def test_message_contains_chinese(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`message_contains` finds the Chinese message as well as the English one."""
        cases = load_cases(EXAMPLES / "meetings.deadlines.toml")
        assert cases.case[1].expect.message_contains == "自2027年1月1日起执行"
        text = _cli(capsys, "test", "examples/policy-change/meetings.deadlines.toml")
        assert text.splitlines()[-1] == "5 passed"


class TestRuleVersion:
    """A version of a rule in Chinese text is 规则（日期版本）, not rule@date."""

    def test_plugin_changes(self) -> None:
        """A township plugin's change of one version of a rule names the version in words."""
        from tests.test_chinese_rules import _township

        engine = Engine(plugins={"yunxi": _township()}, discover_plugins=False)
        changes = [change for plugin in engine.plugins for change in plugin.changes]
        ended = next(c for c in changes if c.field == "effective_until")
        assert ended.text("zh").startswith("routing.ordinary（2020年4月21日版本）：")
        assert ended.text("en").startswith("routing.ordinary@2020-04-21: ")
        assert ended.target == "routing.ordinary@2020-04-21"  # data keeps the machine form
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = engine.due("routing.ordinary", dt.datetime(2026, 7, 3, 10)).explain("zh")
        assert "本地调整：routing.ordinary（2026年3月2日版本）：改办理主体" in text
        assert "@" not in text


class TestTraceRestDays:
    """Rest days in a trace named as the calendar names them; a deadline's own day moved once."""

    @pytest.mark.parametrize(
        ("at", "line"),
        [
            ("2026-09-30T10:00", "不计（国庆节假期）：2026-10-04（周日）"),
            ("2026-02-12T10:00", "不计（春节假期）：2026-02-15（周日）"),
            ("2026-02-12T10:00", "不计（春节假期）：2026-02-22（周日）"),
        ],
        ids=["national-day", "spring-festival-first", "spring-festival-last"],
    )
    def test_break_weekend(self, at: str, line: str) -> None:
        """A weekend day inside a 放假 period bears the break's name, not 周末."""
        text = _explain("instructions.plan", at)
        assert line in text
        assert "不计（周末）" not in text

    def test_plain_weekend(self) -> None:
        """A weekend outside any break stays 周末; English keeps "weekend" for both."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = Engine().due("instructions.plan", "2026-10-09T10:00")
        assert "不计（周末）：2026-10-11（周日）" in result.explain("zh")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            english = Engine().due("instructions.plan", "2026-09-30T10:00").explain("en")
        assert "skip 2026-10-04 (Sun): weekend" in english

    def test_deadline_on_rest_day(self) -> None:
        """A meeting's deadline on a Saturday: one line moves it, no 不计 of the day itself."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = Engine().due(
                "decisions.time_limited", "2026-10-20T10:00", deadline="2026-10-31"
            )
        text = result.explain("zh")
        assert "会议确定的办结期限：2026-10-31（周六）" in text
        assert "该日为休息日，顺延至2026-11-02（周一）" in text
        assert "不计" not in text


class TestOneColon:
    """A step says its subject once: no second colon, nothing that reads as "the latest 调度"."""

    @pytest.mark.parametrize(
        ("rule_id", "at", "line"),
        [
            (
                "supervision.quarterly",
                AT,
                "各环节均须办结，以到期最晚者为准（调度，2026-09-30 17:30）",
            ),
            ("signing.same_day", "2026-09-29T15:00", "午后收到，于下一个工作日上午办结"),
        ],
        ids=["all-of", "afternoon"],
    )
    def test_line(self, rule_id: str, at: str, line: str) -> None:
        """The step reads as the clerk wrote it."""
        assert line in _explain(rule_id, at)

    def test_provisional(self) -> None:
        """The provisional note: 暂定： then sentences, no second colon."""
        text = _explain("routing.ordinary", "2026-12-30T10:00")
        step = next(line for line in text.splitlines() if "暂定：" in line)
        assert step.count("：") == 1

    def test_pause(self) -> None:
        """A pause step: the pause, then what it took, joined by a comma."""
        pause = say(
            "pause.step",
            "zh",
            start="2025-10-10 10:00",
            end="2025-10-14 15:00",
            why="",
            what=say("pause.workdays.many", "zh", n=12),
        )
        assert pause == "暂停计时2025-10-10 10:00至2025-10-14 15:00，12个工作日不计"
