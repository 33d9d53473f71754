"""``deadlines check``: text, JSON, CSV, iCalendar, colour, thresholds and errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from pathlib import Path

import pytest

from deadlines.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "supervision" / "county-week.jsonl")
AT = "2025-10-15T09:00"


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run ``deadlines check ARGS``; the exit status, standard output and standard error."""
    status = main(["check", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


class TestText:
    """The default output: a plain table, the counts, the warnings and the checks."""

    def test_plain(self, capsys):
        """Without a terminal: no colour, one table by due instant; exit 0 despite overdue."""
        status, out, err = run(capsys, EXAMPLE, "--at", AT)
        assert (status, err) == (0, "")
        assert "\x1b[" not in out
        assert out.startswith("Supervision report at 2025-10-15 09:00 (Wed)\n")
        assert "i-2025-071/plan          instructions.plan       2025-09-25 17:30  overdue!" in out
        assert "By status: overdue 3, warning 0, open 5, late 1, met 5; total 14" in out
        assert "[escalated] i-2025-071/plan" in out
        assert "No-meeting month (art. 6):" in out
        assert "Quarterly supervision (art. 13):" in out

    def test_colour_groups(self, capsys):
        """With colour, obligations are grouped by status, overdue first."""
        _, out, _ = run(capsys, EXAMPLE, "--at", AT, "--color", "always")
        assert "\x1b[31moverdue (3)\x1b[0m" in out
        assert out.index("overdue (3)") < out.index("open (5)") < out.index("met (5)")

    def test_no_color_wins_over_a_terminal(self, capsys, monkeypatch):
        """NO_COLOR turns colour off even on a terminal."""
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
        monkeypatch.setenv("NO_COLOR", "1")
        _, out, _ = run(capsys, EXAMPLE, "--at", AT)
        assert "\x1b[" not in out

    def test_terminal_gets_colour(self, capsys, monkeypatch):
        """On a terminal without NO_COLOR, the table is grouped and coloured."""
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setattr("deadlines.cli._check._isatty", lambda: True)
        _, out, _ = run(capsys, EXAMPLE, "--at", AT)
        assert "\x1b[" in out

    def test_chinese(self, capsys):
        """--lang zh gives the report in Chinese."""
        _, out, _ = run(capsys, EXAMPLE, "--at", AT, "--lang", "zh")
        assert out.startswith("督查报告（2025-10-15 09:00，周三）")
        assert "逾期10个工作日\n" in out

    def test_explain(self, capsys):
        """--explain prints an obligation's trace, pauses included."""
        _, out, _ = run(capsys, EXAMPLE, "--at", AT, "--explain", "m-2025-041/document/1")
        assert "clock paused 2025-10-10 10:00 to 2025-10-14 15:00" in out
        assert "due moves from 2025-10-14 17:30 to 2025-10-17 17:30" in out

    def test_thresholds(self, capsys):
        """--warn-days and --escalate-after change the counts."""
        _, out, _ = run(
            capsys, EXAMPLE, "--at", AT, "--warn-days", "3", "--escalate-after", "3", "--json"
        )
        summary = json.loads(out)["summary"]
        assert summary["by_status"]["warning"] == 1  # document/1, due 17 October
        assert summary["escalated"] == 2

    def test_stdin(self, capsys, monkeypatch):
        """- reads the events from standard input."""
        monkeypatch.setattr(sys, "stdin", io.StringIO(Path(EXAMPLE).read_text("utf-8")))
        status, out, _ = run(capsys, "-", "--at", AT, "--json")
        assert (status, json.loads(out)["summary"]["total"]) == (0, 14)

    def test_empty(self, capsys, tmp_path):
        """No events: a report with nothing in it."""
        empty = tmp_path / "empty.jsonl"
        empty.write_text("\n", "utf-8")
        status, out, _ = run(capsys, str(empty), "--at", AT)
        assert status == 0
        assert "No obligations at 2025-10-15 09:00 (Wed)." in out

    @pytest.mark.parametrize(
        ("day", "zh", "en"),
        [
            ("2025-10-13", "周一", "Mon"),
            ("2025-10-15", "周三", "Wed"),
            ("2025-10-18", "周六", "Sat"),
            ("2025-10-19", "周日", "Sun"),
        ],
        ids=["monday", "wednesday", "saturday", "sunday"],
    )
    def test_weekday_in_the_title(self, capsys, tmp_path, day, zh, en):
        """The title names the report's weekday in either language."""
        empty = tmp_path / "empty.jsonl"
        empty.write_text("\n", "utf-8")
        _, out_zh, _ = run(capsys, str(empty), "--at", f"{day}T09:00", "--lang", "zh")
        _, out_en, _ = run(capsys, str(empty), "--at", f"{day}T09:00")
        assert out_zh.startswith(f"督查报告（{day} 09:00，{zh}）")
        assert out_en.startswith(f"Supervision report at {day} 09:00 ({en})")

    def test_one_table_of_weekday_names(self):
        """The report takes its Chinese weekday names from the trace's table, not its own."""
        from deadlines.cli import _check

        assert "一二三四五六日" not in Path(_check.__file__).read_text("utf-8")


def _year_end(tmp_path: Path) -> str:
    """Two documents: one due in settled 2026, one due in 2027, which no notice has settled."""
    events = tmp_path / "year-end.jsonl"
    lines = [
        {"type": "document_received", "id": "d-early", "urgency": "ordinary",
         "received_at": "2026-12-21T10:00"},
        {"type": "document_received", "id": "d-late", "urgency": "ordinary",
         "received_at": "2026-12-31T16:00"},
    ]  # fmt: skip
    events.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    return str(events)


class TestProvisional:
    """A due instant no State Council notice has settled is marked in every form of the report."""

    @pytest.mark.parametrize(
        ("options", "marked", "legend"),
        [
            ((), "d-late/routing   routing.ordinary  2027-01-05 16:00?", "? provisional: "),
            (
                ("--color", "always"),
                "d-late/routing   routing.ordinary  2027-01-05 16:00?",
                "? provisional: ",
            ),
            (
                ("--lang", "zh"),
                "d-late/routing   routing.ordinary  2027-01-05 16:00?",
                "? 暂定：",
            ),
        ],
        ids=["plain", "colour", "chinese"],
    )
    def test_table(self, capsys, tmp_path, options, marked, legend):
        """The table marks the provisional due instant, and a legend line says what it means."""
        status, out, _ = run(capsys, _year_end(tmp_path), "--at", "2026-12-31T17:00", *options)
        out = re.sub(r"\x1b\[[0-9;]*m", "", out)
        assert status == 0
        assert marked in out
        assert "2026-12-23 10:00 " in out  # the settled one is not marked
        assert "2026-12-23 10:00?" not in out
        assert sum(line.lstrip().startswith(legend) for line in out.splitlines()) == 1

    def test_no_legend_when_all_settled(self, capsys):
        """A report whose every due instant is settled has no marker and no legend."""
        _, out, _ = run(capsys, EXAMPLE, "--at", AT)
        assert "provisional" not in out

    def test_json_and_csv(self, capsys, tmp_path):
        """JSON and CSV carry a provisional field per obligation."""
        events = _year_end(tmp_path)
        _, out, _ = run(capsys, events, "--at", "2026-12-31T17:00", "--json")
        rows = json.loads(out)["obligations"]
        assert {row["id"]: row["provisional"] for row in rows} == {
            "d-early/routing": False,
            "d-late/routing": True,
        }
        _, out, _ = run(capsys, events, "--at", "2026-12-31T17:00", "--csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        assert {row["id"]: row["provisional"] for row in rows} == {
            "d-early/routing": "false",
            "d-late/routing": "true",
        }


class TestMachineReadable:
    """JSON, CSV and iCalendar."""

    def test_json(self, capsys):
        """--json gives the whole report."""
        _, out, _ = run(capsys, EXAMPLE, "--at", AT, "--json")
        data = json.loads(out)
        assert data["at"] == "2025-10-15T09:00:00+08:00"
        assert data["provenance"]["calendar"]["overrides"] == []
        assert data["summary"]["by_status"] == {
            "overdue": 3,
            "warning": 0,
            "open": 5,
            "late": 1,
            "met": 5,
        }
        assert {row["id"] for row in data["obligations"]} >= {"m-2025-041/minutes", "2025Q3/report"}
        assert [q["quarter"] for q in data["quarterly"]] == ["2025Q3", "2025Q4"]
        assert [m["violation"] for m in data["march"]] == [True, False]
        assert data["errors"] == []

    def test_csv(self, capsys):
        """--csv gives one row per obligation with a header."""
        _, out, _ = run(capsys, EXAMPLE, "--at", AT, "--csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 14
        first = rows[0]
        assert (first["id"], first["status"], first["escalated"]) == (
            "i-2025-071/plan",
            "overdue",
            "true",
        )
        assert first["working_days_left"] == "-10"

    def test_json_and_csv_exclude_each_other(self, capsys):
        """--json and --csv cannot be given together."""
        with pytest.raises(SystemExit) as raised:
            main(["check", EXAMPLE, "--json", "--csv"])
        assert raised.value.code == 2
        assert "not allowed with argument" in capsys.readouterr().err

    def test_ics_parses_back(self, capsys, tmp_path):
        """--ics writes the open obligations as RFC 5545 events, parsed back by icalendar."""
        icalendar = pytest.importorskip("icalendar")
        path = tmp_path / "open.ics"
        status, out, _ = run(capsys, EXAMPLE, "--at", AT, "--ics", str(path))
        assert status == 0
        assert f"Calendar: 8 open obligations written to {path}" in out
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert str(calendar["version"]) == "2.0"
        events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
        assert len(events) == 8
        minutes = events["m-2025-042/minutes@deadlines"]
        assert minutes.decoded("dtstart") == dt.datetime(
            2025, 10, 14, 9, 30, tzinfo=dt.timezone.utc
        )
        assert minutes.decoded("dtstamp") == dt.datetime(2025, 10, 15, 1, 0, tzinfo=dt.timezone.utc)
        assert str(minutes["summary"]).startswith("[overdue] Minutes of a special-topic meeting")
        document = events["m-2025-041/document/1@deadlines"]
        (alarm,) = document.walk("VALARM")
        # The warning window opens one working day before the due instant (17 Oct, 17:30).
        assert alarm.decoded("trigger") == -dt.timedelta(days=1)
        assert "m-2025-041/minutes@deadlines" not in events  # done: not in the calendar

    def test_ics_without_icalendar(self, capsys, tmp_path, monkeypatch):
        """Without the optional package, a usage error says how to install it."""
        monkeypatch.setitem(sys.modules, "icalendar", None)
        status, _, err = run(capsys, EXAMPLE, "--at", AT, "--ics", str(tmp_path / "x.ics"))
        assert status == 2
        assert "pip install 'deadlines[ics]'" in err
        assert "Traceback" not in err

    def test_ics_missing_extra_error(self, monkeypatch):
        """The library raises MissingExtraError, an ImportError."""
        from deadlines.supervision import MissingExtraError, Supervisor, to_ics

        monkeypatch.setitem(sys.modules, "icalendar", None)
        report = Supervisor().ledger([]).report(AT)
        with pytest.raises(ImportError, match=r"deadlines\[ics\]") as raised:
            to_ics(report)
        assert isinstance(raised.value, MissingExtraError)
        assert raised.value.extra == "ics"


class TestErrors:
    """Bad lines are reported with their numbers; bad arguments are usage errors."""

    def test_bad_lines(self, capsys, tmp_path):
        """Bad lines: reported on standard error by line, the rest reported; exit 1."""
        path = tmp_path / "events.jsonl"
        path.write_text(
            "\n".join(
                [
                    (
                        '{"type": "meeting_held", "id": "m1", "kind": "executive", '
                        '"ended_at": "2026-09-30T17:00"}'
                    ),
                    "not json",
                    '{"type": "completed", "obligation": "m1/minute", "at": "2026-10-09T10:00"}',
                    (
                        '{"type": "meeting_held", "id": "m2", "kind": "weekly", '
                        '"ended_at": "2026-09-30T17:00"}'
                    ),
                ]
            ),
            "utf-8",
        )
        status, out, err = run(capsys, str(path), "--at", "2026-10-14T09:00", "--json")
        assert status == 1
        assert err.splitlines() == [
            "deadlines check: line 2: not valid JSON: Expecting value at column 1",
            (
                "deadlines check: line 3, obligation: no obligation 'm1/minute' (did you mean "
                "m1/minutes?); ids look like m-2026-041/minutes, d-0913/routing, 2026Q3/report"
            ),
            (
                'deadlines check: line 4, kind: must be "party_group", "executive", '
                '"special_topic" or "county_wide_work"; got "weekly"'
            ),
        ]
        data = json.loads(out)
        assert [e["line"] for e in data["errors"]] == [2, 3, 4]
        assert data["summary"]["total"] == 1

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["missing.jsonl"], "argument EVENTS_FILE: no such file 'missing.jsonl'"),
            ([EXAMPLE, "--at", "2026-10-14"], "argument --at: must be an ISO 8601 date and time"),
            ([EXAMPLE, "--warn-days", "-1"], "argument --warn-days: must be 0 or more"),
            ([EXAMPLE, "--warn-fraction", "0"], "argument --warn-fraction: must be more than 0"),
            ([EXAMPLE, "--escalate-after", "0"], "argument --escalate-after: must be 1 or more"),
            ([EXAMPLE, "--explain", "x"], "argument --explain: no obligation 'x'"),
        ],
        ids=[
            "missing-file",
            "date-only",
            "negative-days",
            "zero-fraction",
            "zero-escalation",
            "unknown-obligation",
        ],
    )
    def test_usage_errors(self, capsys, args, message):
        """Each bad argument exits 2 with one line naming it."""
        status, _, err = run(capsys, *args)
        assert status == 2
        assert message in err
        assert len(err.splitlines()) == 1

    def test_not_utf8(self, capsys, tmp_path):
        """A line that is not UTF-8 is a problem of its own line: the report is still made."""
        path = tmp_path / "latin.jsonl"
        path.write_bytes('{"type": "leader", "leader": "\xe9"}'.encode("latin-1"))
        status, out, err = run(capsys, str(path))
        assert status == 1
        assert out
        assert "line 1: not UTF-8 text (the byte 0xe9 at column 31)" in err

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ('"date": "2026-06-12", "date": "2026-06-13"',
             "line 2, date: the key 'date' is given twice; give each key once"),
            ('"date": "2026-06-12", "n": NaN',
             "line 2, n: not valid JSON: NaN is not a number (RFC 8259 has no NaN or Infinity)"),
            ('"date": "2026-06-12", "n": 1e999',
             "line 2, n: 1e999 is too large a number (JSON numbers reach about 1e308)"),
        ],
        ids=["repeated-key", "nan", "infinite"],
    )  # fmt: skip
    def test_strict_json(self, capsys, tmp_path, line, expected):
        """An events line is strict JSON, as a batch line is; the lines around it still count."""
        path = tmp_path / "events.jsonl"
        path.write_text(
            '{"type": "field_day", "leader": "王副县长", "date": "2026-06-12"}\n'
            f'{{"type": "field_day", "leader": "李副县长", {line}}}\n'
            '{"type": "field_day", "leader": "赵副县长", "date": "2026-06-15"}\n',
            "utf-8",
        )
        status, out, err = run(capsys, str(path), "--json")
        assert status == 1
        assert f"deadlines check: {expected}" in err
        leaders = {row["leader"] for row in json.loads(out)["quota"]}
        assert leaders == {"王副县长", "赵副县长"}


def _events(tmp_path: Path, *records: dict[str, object]) -> str:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return str(path)


class TestIssueNine:
    """The cases of issue 9, as `deadlines check` reports them."""

    def test_special_topic_without_the_flag(self, capsys, tmp_path):
        """The minutes are still owed; the missing flag is a note, not a rejected line."""
        events = _events(
            tmp_path,
            {"type": "meeting_held", "id": "m-st", "kind": "special_topic",
             "ended_at": "2026-06-10T10:00"},
        )  # fmt: skip
        status, out, err = run(capsys, events, "--at", "2026-06-12T10:00")
        assert (status, err) == (0, "")
        assert "m-st/minutes  minutes.special_topic  2026-06-15 17:30  open" in out
        assert "m-st/minutes: the meeting does not say whether it involves personnel" in out

    def test_urgent_handled_within_the_grace(self, capsys, tmp_path):
        """An urgent document handled 10 minutes after arrival is met, not late."""
        events = _events(
            tmp_path,
            {"type": "document_received", "id": "d-u", "urgency": "urgent",
             "received_at": "2026-06-10T10:00"},
            {"type": "completed", "obligation": "d-u/routing", "at": "2026-06-10T10:10"},
        )  # fmt: skip
        _, out, _ = run(capsys, events, "--at", "2026-06-20T10:00")
        assert "d-u/routing  routing.urgent  2026-06-10 17:30  met" in out

    def test_bad_item_drops_only_itself(self, capsys, tmp_path):
        """A bad matter is reported with its line and path; the meeting's other items stay."""
        events = _events(
            tmp_path,
            {"type": "leader", "leader": "王副县长"},
            {"type": "meeting_held", "id": "m-y", "kind": "executive",
             "ended_at": "2026-09-30T16:00", "documents": ["通知"],
             "matters": [{"id": "a", "limit_days": 10}, {"id": "b", "limit_days": -3},
                         {"limit_working_days": 5}]},
        )  # fmt: skip
        status, out, err = run(capsys, events, "--at", "2026-10-01T10:00", "--json")
        data = json.loads(out)
        ids = [row["id"] for row in data["obligations"]]
        assert status == 1
        assert sorted(ids) == ["m-y/document/1", "m-y/matter/3", "m-y/matter/a", "m-y/minutes"]
        assert [(e["line"], e["field"]) for e in data["errors"]] == [(2, "matters[1].limit_days")]
        assert "line 2, matters[1].limit_days" in err

    def test_bad_deadline_drops_only_its_matter(self, capsys, tmp_path):
        """A matter whose deadline is before the meeting is left out, with its path."""
        events = _events(
            tmp_path,
            {"type": "meeting_held", "id": "m-z", "kind": "executive",
             "ended_at": "2026-09-30T16:00",
             "matters": [{"id": "a", "deadline": "2026-09-01"}, {"id": "b", "limit_days": 5}]},
        )  # fmt: skip
        status, out, _ = run(capsys, events, "--at", "2026-10-01T10:00", "--json")
        data = json.loads(out)
        assert status == 1
        assert sorted(row["id"] for row in data["obligations"]) == ["m-z/matter/b", "m-z/minutes"]
        assert [(e["line"], e["field"]) for e in data["errors"]] == [(1, "matters[0].deadline")]

    def test_no_limit_set(self, capsys, tmp_path):
        """A matter without a limit (art. 12's exception) owes nothing and is listed."""
        events = _events(
            tmp_path,
            {"type": "meeting_held", "id": "m-x", "kind": "executive",
             "ended_at": "2026-09-30T16:00", "matters": [{"id": "b", "title": "研究"}]},
        )  # fmt: skip
        status, out, _ = run(capsys, events, "--at", "2026-10-01T10:00", "--lang", "zh")
        assert status == 0
        assert "matter/b" not in out.split("会议情况（")[0]
        assert "会议m-x议定事项b未提出具体办理要求，不设办结时限（第十二条）" in out

    def test_keynote_speakers(self, capsys, tmp_path):
        """More than one keynote speaker is a finding of art. 6; one is not."""
        events = _events(
            tmp_path,
            {"type": "meeting_held", "id": "m-1", "kind": "county_wide_work",
             "ended_at": "2026-06-10T11:00", "keynote_speakers": ["张县长", "王副县长"]},
            {"type": "meeting_held", "id": "m-2", "kind": "executive",
             "ended_at": "2026-06-10T11:00", "keynote_speakers": ["张县长"]},
        )  # fmt: skip
        _, out, _ = run(capsys, events, "--at", "2026-06-11T10:00", "--json")
        notes = json.loads(out)["meetings"]
        assert [(n["meeting"], n["kind"]) for n in notes] == [("m-1", "keynote")]
        assert "张县长、王副县长" in notes[0]["zh"]

    def test_county_wide_work_owes_no_minutes(self, capsys, tmp_path):
        """A county-wide work meeting owes no minutes under art. 8; its documents are owed."""
        events = _events(
            tmp_path,
            {"type": "meeting_held", "id": "m-w", "kind": "county_wide_work",
             "ended_at": "2026-06-10T11:00", "documents": ["通知"]},
        )  # fmt: skip
        _, out, _ = run(capsys, events, "--at", "2026-06-11T10:00", "--json")
        assert [row["id"] for row in json.loads(out)["obligations"]] == ["m-w/document/1"]
