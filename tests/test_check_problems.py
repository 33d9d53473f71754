"""The lines ``deadlines check`` cannot take into account, said in the language chosen: on
standard error and in the JSON report's ``errors`` (issue 10), from the one translator of
pydantic's errors and the catalogue (issue 16)."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest
from tests.chinese import english_words
from tests.data.check_golden import BAD

from deadlines.cli import main
from deadlines.supervision._events import EVENT_TYPES, DecidedDocument, DecidedMatter, Event

AT = "2025-10-09T08:30"

#: Lines the county clerk's review quoted, beside the golden's bad lines.
REVIEWED = (
    "",
    "{",
    '{"type": "leader", "leader": "县长", "leader": "副县长"}',
    (
        '{"type": "document_received", "id": "d-1", "urgency": "ordinary", "received_at": '
        '"2025-06-31T10:00"}'
    ),
    '{"type": "bogus_type"}',
)

#: What a Chinese problem may hold in Latin letters: the fields of events (field paths and
#: JSON keys), the program's name, and JSON's literals; echoed values are taken out first.
ALLOWED = frozenset(
    {name for model in (*Event.__subclasses__(), DecidedDocument, DecidedMatter)
     for name in model.model_fields}
    | set(EVENT_TYPES)
    | {"deadlines", "check", "true", "false", "null", "urgent", "ordinary"}
)  # fmt: skip
#: An echoed value: quoted, a JSON array or object, or a byte (``0xff``).
_ECHOED = re.compile(r"""'[^']*'|"[^"]*"|“[^”]*”|\[[^\]]*\]|\{[^}]*\}|0x[0-9a-f]{2}""")
#: Where a problem is: its line, and its field path (the input's own key).
_WHERE = re.compile(r"第\d+行(，[^：]*)?：")


def _events(tmp_path: Path) -> Path:
    path = tmp_path / "events.jsonl"
    lines = [*BAD, *REVIEWED]
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"type": "\xff"}\n')
    return path


def _check(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["check", *args, "--at", AT, "--no-plugins"])
    return status, out.getvalue(), err.getvalue()


def _english(text: str) -> list[str]:
    return english_words(_ECHOED.sub(" ", _WHERE.sub(" ", text)), ALLOWED)


class TestChineseProblems:
    """Under ``--lang zh`` every problem of a line is Chinese, on standard error and in JSON."""

    def test_standard_error(self, tmp_path):
        """Each problem line names its line in Chinese and holds no English word."""
        status, _, err = _check(str(_events(tmp_path)), "--lang", "zh")
        lines = err.splitlines()
        assert status == 1
        assert len(lines) >= 45
        for line in lines:
            assert line.startswith("deadlines check：第"), line
            assert _english(line) == [], line

    def test_json_errors(self, tmp_path):
        """The JSON report's errors: the message in Chinese, the line and field as they were."""
        _, out, _ = _check(str(_events(tmp_path)), "--lang", "zh", "--json")
        errors = json.loads(out)["errors"]
        assert {"line", "field", "message"} <= set(errors[0])
        assert any(e["field"] == "matters[0].limit_days" for e in errors)
        for error in errors:
            assert _english(error["message"]) == [], error

    def test_same_problems_in_english(self, tmp_path):
        """English says the same problems, at the same lines and fields."""
        path = str(_events(tmp_path))
        zh = json.loads(_check(path, "--lang", "zh", "--json")[1])["errors"]
        en = json.loads(_check(path, "--lang", "en", "--json")[1])["errors"]
        assert [(e["line"], e["field"]) for e in zh] == [(e["line"], e["field"]) for e in en]
        assert all(_english(e["message"]) for e in en)

    @pytest.mark.parametrize(
        ("line", "zh"),
        [
            ("{", "不是有效的JSON"),
            ('{"a": 1, "a": 2}', "a"),
            ('{"type": "bogus_type"}', "type：应为以下事件类型之一"),
            (
                '{"type": "field_day", "leader": "县长", "date": "2025-06-31"}',
                "date：应为存在的日期：2025年6月没有31日（该月只有30天）",
            ),
        ],
        ids=["not-json", "key-twice", "unknown-type", "no-such-day"],
    )
    def test_reviewed_lines(self, tmp_path, line, zh):
        """The lines the review quoted in English are said in Chinese."""
        path = tmp_path / "one.jsonl"
        path.write_text(line + "\n", "utf-8")
        _, _, err = _check(str(path), "--lang", "zh")
        assert zh in err
        assert _english(err) == [], err

    def test_explain_unknown(self, tmp_path):
        """``--explain`` of an id the ledger does not hold is refused in Chinese."""
        path = tmp_path / "empty.jsonl"
        path.write_text("", "utf-8")
        status, _, err = _check(str(path), "--lang", "zh", "--explain", "nope")
        assert status == 2
        assert "没有督办事项" in err
        assert "nope" in err


class TestMissingExtra:
    """An optional package that is missing is named in either language."""

    def test_both_languages(self):
        """The purpose, the package and the command that installs it, in English and Chinese."""
        from deadlines.supervision import MissingExtraError

        error = MissingExtraError("ics", "icalendar", "Calendar export (--ics)")
        assert str(error).startswith("Calendar export (--ics) needs the optional package")
        assert error.render("zh").startswith("导出日历（--ics）需要可选软件包")
        assert "icalendar" in error.render("zh")
        assert error.name == "icalendar"
