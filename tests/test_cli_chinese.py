"""The command line in Chinese (issue 10): help, errors and output without an English word,
and the language chosen as a user expects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chinese import english_words
from deadlines import Engine
from deadlines._errors import ProvisionalDateWarning
from deadlines._messages import MESSAGES
from deadlines.cli import COMMANDS, _build, main
from deadlines.cli._common import argparse_words, chosen_lang

ROOT = Path(__file__).resolve().parent.parent
AT = "2026-09-30T17:00"
#: Rules whose trigger needs a parameter, and one the example gives.
PARAMS = {"decisions.time_limited": ["--param", "limit_days=15"]}
#: Constraints: `due` explains they have no single due date.
CONSTRAINTS = {"meetings.march_freeze", "research.field_days"}
DEADLINES = sorted(set(Engine().rules.ids) - CONSTRAINTS)


def _allowed() -> frozenset[str]:
    """What a user types: the program, commands, choice values, and the extras and locale
    variable the help names (``pip install 'deadlines[ics]'``, ``LANG``)."""
    words = {"deadlines", *COMMANDS, "ics", "server", "LANG"}
    with argparse_words("zh"):
        parser, _ = _build(None, "zh")
    parsers = [parser]
    while parsers:
        for action in parsers.pop()._actions:
            words.update(str(choice) for choice in action.choices or ())
            if isinstance(action.choices, dict):
                parsers.extend(action.choices.values())
    return frozenset(words)


ALLOWED = _allowed()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`deadlines ARGV` in this process: (exit status, stdout, stderr)."""
    try:
        status = main(list(argv))
    except SystemExit as exit_:  # argparse's --help and its own usage errors
        status = exit_.code if isinstance(exit_.code, int) else 1
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(autouse=True)
def _english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing in the environment asks for a language unless a test says so."""
    for name in ("DEADLINES_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


HELPS = [[], *([name] for name in COMMANDS), ["notice", "add"], ["notice", "list"]]


class TestChineseHelp:
    """--help of every command in Chinese: descriptions, options, metavars, argparse's words."""

    @pytest.mark.parametrize("command", HELPS, ids=lambda c: " ".join(c) or "top")
    def test_no_english(self, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
        """No English word outside what the user types."""
        status, out, _ = run(capsys, "--lang", "zh", *command, "--help")
        assert status == 0
        assert out.startswith("用法：deadlines")
        assert english_words(out, ALLOWED) == []

    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_every_option_has_words(self, lang: str) -> None:
        """Every option, positional and command has its help text in the catalogue."""
        with argparse_words(lang):
            parser, _ = _build(None, lang)
        missing, parsers = [], [parser]
        while parsers:
            each = parsers.pop()
            assert each.description, each.prog
            for action in each._actions:
                if isinstance(action.choices, dict):  # the commands: each has its summary
                    parsers.extend(action.choices.values())
                    missing += [
                        f"{each.prog} {c.dest}" for c in action._choices_actions if not c.help
                    ]
        assert missing == []

    def test_english_stays_the_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a language asked for, the help is argparse's English."""
        _, out, _ = run(capsys, "due", "--help")
        assert out.startswith("usage: deadlines due [-h] --at DATETIME")
        assert "show this help message and exit" in out

    def test_argparse_words_put_back(self, capsys: pytest.CaptureFixture[str]) -> None:
        """After a Chinese run, argparse speaks English again to other parsers."""
        run(capsys, "--lang", "zh", "rules", "--help")
        import argparse

        other = argparse.ArgumentParser(prog="other")
        assert other.format_help().startswith("usage: other [-h]")


class TestChineseUsageErrors:
    """A usage error, argparse's or ours, in Chinese, naming the option at fault."""

    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            (["due", "minutes.executive"], "缺少必需的参数：--at"),
            (["nope"], "参数 命令：无效的选项“nope”"),
            (["due", "minutes.executive", "--at", AT, "--bogus"], "无法识别的参数：--bogus"),
            (["due", "nope", "--at", AT], "错误：没有规则“nope”"),
            (["due", "minutes.executive", "--at", "2101-01-01T10:00"], "参数 --at：日历范围为"),
            (["due", "minutes.executive", "--at", "30/09/2026"], "参数 --at：应为ISO 8601"),
            (["due", "minutes.executive", "--at", AT, "--param", "x"], "参数 --param：应为"),
            (["batch", "--jobs", "x"], "参数 --jobs：应为1至"),
            (["schema", "nope"], "参数 类别：无效的选项“nope”"),
        ],
        ids=["required", "command", "unknown-option", "rule", "range", "at", "param", "jobs",
             "choice"],
    )  # fmt: skip
    def test_no_english(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
    ) -> None:
        """Exit 2 and one Chinese line that says what is wrong."""
        status, out, err = run(capsys, "--lang", "zh", *argv)
        assert (status, out) == (2, "")
        assert expected in err
        assert english_words(err, ALLOWED | {"nope", "bogus", "x"}) == []

    def test_range_blames_the_parameter(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A due date carried past 2100 by a parameter blames --param, not --at (issue 16)."""
        argv = ["due", "decisions.time_limited", "--at", AT, "--param", "limit_days=40000"]
        status, _, err = run(capsys, *argv, "--lang", "zh")
        assert status == 2
        assert "参数 --param limit_days：期限将晚于日历的最后一天2100-12-31" in err
        assert err.rstrip().endswith("实际为40000")

    def test_provisional_warning(self) -> None:
        """The provisional-date warning is in both languages, English by str()."""
        warning = ProvisionalDateWarning.of("routing.ordinary", AT, AT, Engine().calendar.last_date)
        assert "State Council" in str(warning)
        assert english_words(warning.render("zh"), {"routing.ordinary"}) == []


class TestChineseOutput:
    """due, rules, batch and plugins under --lang zh on the repository's examples."""

    @pytest.mark.parametrize("rule", DEADLINES)
    def test_due(self, capsys: pytest.CaptureFixture[str], rule: str) -> None:
        """`due --explain` of every rule of the catalog reads in Chinese."""
        status, out, _ = run(capsys, "due", rule, "--at", AT, *PARAMS.get(rule, []), "--explain",
                             "--lang", "zh")  # fmt: skip
        assert status == 0
        assert english_words(out, {rule}) == []

    @pytest.mark.parametrize("rule", DEADLINES)
    def test_due_json(self, capsys: pytest.CaptureFixture[str], rule: str) -> None:
        """`due --json --explain`: the fields do not change with the language; what a person
        reads (title, citation, each step, parts) is there in Chinese beside the English."""
        argv = ["due", rule, "--at", AT, *PARAMS.get(rule, []), "--explain", "--json"]
        data = json.loads(run(capsys, "--lang", "zh", *argv)[1])
        assert data == json.loads(run(capsys, "--lang", "en", *argv)[1])  # no field changes
        citation = data["citation"]
        read = [data["title_zh"], citation["document"], citation["text"]]
        read += [step["zh"] for step in data["trace"]] + [part["label"] for part in data["parts"]]
        assert english_words("\n".join(read), {rule}) == []
        assert data["trace"][0]["en"].startswith("starts: ")

    def test_rules(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The rules table, header included."""
        status, out, _ = run(capsys, "rules", "--lang", "zh")
        assert status == 0
        assert out.startswith("编号")
        assert english_words(out, set(Engine().rules.ids)) == []

    def test_batch(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """batch to CSV with traces: the trace column reads in Chinese."""
        rows = "rule,at\n" + "".join(f"{rule},{AT}\n" for rule in DEADLINES if rule not in PARAMS)
        (tmp_path / "in.csv").write_text(rows, encoding="utf-8")
        status, out, _ = run(capsys, "batch", str(tmp_path / "in.csv"), "--explain", "--lang", "zh")
        assert status == 0
        traces = [line.rsplit(",", 1)[-1] for line in out.splitlines()[1:]]
        assert english_words("\n".join(traces), set(DEADLINES)) == []

    def test_plugins(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No plugin installed, said in Chinese."""
        status, out, _ = run(capsys, "plugins", "--lang", "zh")
        assert status == 0
        assert english_words(out, ALLOWED) == []


class TestLanguageOrder:
    """--lang anywhere, else DEADLINES_LANG, else LC_ALL, LC_MESSAGES, LANG, else English."""

    @pytest.mark.parametrize(
        ("environ", "argv", "lang"),
        [
            ({"LANG": "zh_CN.UTF-8", "DEADLINES_LANG": "zh"}, ["--lang", "en", "rules"], "en"),
            ({"DEADLINES_LANG": "en"}, ["rules", "--lang", "zh"], "zh"),
            ({"DEADLINES_LANG": "en"}, ["rules", "--lang=zh"], "zh"),
            ({"DEADLINES_LANG": "zh", "LC_ALL": "en_US.UTF-8"}, ["rules"], "zh"),
            ({"LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, ["rules"], "zh"),
            ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, ["rules"], "zh"),
            ({"LANG": "zh_TW.UTF-8"}, ["rules"], "zh"),
            ({"LANG": "C.UTF-8"}, ["rules"], "en"),
            ({}, ["rules"], "en"),
            ({"LANG": "zh_CN.UTF-8"}, ["due", "x", "--", "--lang", "en"], "zh"),
        ],
        ids=["option-first", "after-command", "equals", "deadlines-lang", "lc-all",
             "lc-messages", "lang", "c-locale", "nothing", "after-double-dash"],
    )  # fmt: skip
    def test_order(self, environ: dict[str, str], argv: list[str], lang: str) -> None:
        """The first that says decides."""
        assert chosen_lang(environ, argv) == lang

    @pytest.mark.parametrize(
        "argv",
        [["--lang", "zh", "rules", "--help"], ["rules", "--help", "--lang", "zh"]],
        ids=["before", "after"],
    )
    def test_help_anywhere(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """The help is built in the language asked, wherever --lang stands."""
        assert run(capsys, *argv)[1].startswith("用法：deadlines rules")

    def test_locale_help(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A Chinese locale gives the Chinese help; --lang en overrides it."""
        monkeypatch.setenv("LC_MESSAGES", "zh_CN.UTF-8")
        assert run(capsys, "due", "--help")[1].startswith("用法：")
        assert run(capsys, "due", "--help", "--lang", "en")[1].startswith("usage:")

    def test_bad_lang(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A language that is neither zh nor en is argparse's usage error."""
        status, _, err = run(capsys, "rules", "--lang", "fr")
        assert status == 2
        assert "argument --lang: invalid choice: 'fr'" in err


class TestInvalidChoice:
    """A refused choice is quoted and listed as Chinese writes a list; English is argparse's."""

    def test_chinese(self, capsys):
        """“nosuch” in Chinese quotes, the commands joined with 、."""
        with pytest.raises(SystemExit):
            main(["--lang", "zh", "nosuch"])
        err = capsys.readouterr().err
        assert "无效的选项“nosuch”（可选：rules、due、batch、" in err
        assert "'" not in err.splitlines()[-1]

    def test_english(self, capsys):
        """argparse's own sentence, unchanged."""
        with pytest.raises(SystemExit):
            main(["--lang", "en", "nosuch"])
        assert "invalid choice: 'nosuch' (choose from 'rules', 'due'," in capsys.readouterr().err


class TestClerkWords:
    """A county clerk's review: Chinese errors say what a clerk does, not what a programmer
    calls (no class, method or entry-point group, no English metavar)."""

    @pytest.mark.parametrize(
        ("rule", "told"),
        [
            ("meetings.march_freeze", "请用 deadlines check 检查会议是否安排在禁办期内"),
            ("research.field_days", "请逐日登记调研天数，用 deadlines check 核对"),
        ],
        ids=["blackout", "quota"],
    )
    def test_constraint(self, capsys: pytest.CaptureFixture[str], rule: str, told: str) -> None:
        """`due` of a constraint tells the clerk which command to use instead."""
        status, _, err = run(capsys, "due", rule, "--at", AT, "--lang", "zh")
        assert status == 2
        assert told in err
        assert "Engine" not in err
        assert "Quota" not in err

    def test_no_programmer_names(self) -> None:
        """No Chinese message names a class, a method, an entry-point group or PATH."""
        found = {
            id_: message.zh
            for id_, message in MESSAGES.items()
            for name in ("Engine.", "Quota.", "入口点组", "PATH")
            if name in message.zh
        }
        assert found == {}


class TestChineseQuotes:
    """A value echoed inside a Chinese sentence is in Chinese marks (“slow”); English keeps the
    file's own quotes."""

    @pytest.mark.parametrize(
        ("event", "zh", "en"),
        [
            (
                {"urgency": "slow", "received_at": "2025-09-29T16:00"},
                "应为“urgent”或“ordinary”；实际为“slow”",
                'must be "urgent" or "ordinary"; got "slow"',
            ),
            (
                {"urgency": "ordinary"},
                "必须填写；示例：“2026-09-30T09:15”",
                'e.g. "2026-09-30T09:15"',
            ),
        ],
        ids=["choices-and-echo", "example"],
    )
    def test_events_file(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        event: dict[str, str],
        zh: str,
        en: str,
    ) -> None:
        """`check` on a bad event: “…” in Chinese, the straight quotes in English."""
        path = tmp_path / "events.jsonl"
        path.write_text(json.dumps({"type": "document_received", "id": "d1", **event}) + "\n")
        assert zh in run(capsys, "check", str(path), "--lang", "zh")[2]
        assert en in run(capsys, "check", str(path), "--lang", "en")[2]

    def test_calendar_argument(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A refused year-month: “2026-13” in Chinese, Python's quotes in English."""
        assert "而不是“2026-13”" in run(capsys, "calendar", "2026-13", "--lang", "zh")[2]
        assert "got '2026-13'" in run(capsys, "calendar", "2026-13", "--lang", "en")[2]


class TestChineseErrorLines:
    """A Chinese error line in Chinese punctuation, each thing named once."""

    def test_check_problem(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """`check`'s problem: 全角 colon after the command, the field named once; English keeps
        its colon."""
        path = tmp_path / "events.jsonl"
        event = {"type": "document_received", "id": "d1", "received_at": "2025-02-30T10:00"}
        path.write_text(json.dumps({**event, "urgency": "ordinary"}) + "\n")
        zh = run(capsys, "check", str(path), "--lang", "zh")[2].splitlines()[-1]
        assert zh.startswith("deadlines check：第1行，received_at：应为存在的日期：")
        en = run(capsys, "check", str(path), "--lang", "en")[2].splitlines()[-1]
        assert en.startswith("deadlines check: line 1, received_at: must be a day that exists")

    @pytest.mark.parametrize(
        ("rule", "zh"),
        [
            ("meetings.march_freeze", "deadlines due：错误：规则“meetings.march_freeze”是禁办期"),
            ("nosuch", "deadlines due：错误：没有规则“nosuch”；"),
        ],
        ids=["blackout", "unknown"],
    )
    def test_named_argument(self, capsys: pytest.CaptureFixture[str], rule: str, zh: str) -> None:
        """A problem that names its rule has no 参数 规则： before it; English keeps argparse's
        ``argument RULE:``."""
        assert run(capsys, "due", rule, "--at", AT, "--lang", "zh")[2].startswith(zh)
        en = run(capsys, "due", rule, "--at", AT, "--lang", "en")[2]
        assert en.startswith("deadlines due: error: argument RULE: ")

    def test_unnamed_argument(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A problem that does not name its argument keeps 参数 …：."""
        assert (
            "参数 --at：" in run(capsys, "due", "minutes.executive", "--at", "x", "--lang", "zh")[2]
        )


class TestTomlProblems:
    """A bad TOML file is said in Chinese by every command, as `notice add` says it."""

    BAD = "[[rules]\nx = 1\n"
    ZH = "不是有效的TOML：表数组的表头应以]]结尾（第1行第8列）"

    def test_case_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """`deadlines test` on a broken case file."""
        path = tmp_path / "broken.deadlines.toml"
        path.write_text(self.BAD)
        status, out, err = run(capsys, "test", str(path), "--lang", "zh")
        assert status == 1
        assert self.ZH in out + err
        assert english_words(out + err, frozenset({"TOML"})) == []

    def test_policy_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """`deadlines diff` on a broken policy file; English keeps tomllib's sentence."""
        path = tmp_path / "policy.toml"
        path.write_text(self.BAD)
        cases = str(ROOT / "examples" / "policy-change")
        argv = ("diff", str(path), str(path), "--cases", cases)
        assert self.ZH in run(capsys, *argv, "--lang", "zh")[2]
        english = "not valid TOML: Expected ']]' at the end of an array declaration (at line 1"
        assert english in run(capsys, *argv, "--lang", "en")[2]


class TestClerkWording:
    """Chinese headings and help in the words a clerk uses."""

    def test_rules_article(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`rules` heads the column 条款 and says 第八条; English keeps ART. and 8."""
        zh = run(capsys, "rules", "--lang", "zh")[1].splitlines()
        assert zh[0].split()[:2] == ["编号", "条款"]
        assert zh[1].split()[:2] == ["minutes.party_group", "第八条"]
        en = run(capsys, "rules", "--lang", "en")[1].splitlines()
        assert en[1].split()[:2] == ["minutes.party_group", "8"]

    @pytest.mark.parametrize(
        "argv", [("--version",), ("notice", "list")], ids=["version", "notice-list"]
    )
    def test_estimated_years(
        self, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
    ) -> None:
        """Later years 按法定节假日推算, as the provisional note says; the library in brackets."""
        out = run(capsys, *argv, "--lang", "zh")[1]
        assert "以后年份按法定节假日推算（holidays " in out

    @pytest.mark.parametrize(
        ("argv", "said"),
        [
            (
                ("notice", "add", "--help"),
                "按《全国年节及纪念日放假办法》核对通知是否列明当年全部法定节假日",
            ),
            (("--help",), "读入 jsonl 或 csv 格式"),
        ],
        ids=["notice-add", "batch"],
    )
    def test_help(
        self, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], said: str
    ) -> None:
        """The help says it in full words, format names in one case."""
        assert said in run(capsys, *argv, "--lang", "zh")[1].replace("\n", "")
