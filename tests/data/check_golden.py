"""The events file and the outputs of ``deadlines check`` that tests/test_supervision_scale.py
compares against (the outputs as written before the fast paths of issue 13).

    python tests/data/check_golden.py        # rewrite tests/data/check-golden.json.gz

The events are two county years of the seeded fixture (examples/supervision/county_year.py),
a few thousand obligations of every event kind, with bad lines mixed in: lines that are not
JSON or not objects, unknown types and fields, bad instants, ids, kinds and limits, bad items
of a meeting, a duplicate id, and completions, pauses and resumes that cannot apply.
"""

from __future__ import annotations

import contextlib
import gzip
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).with_name("check-golden.json.gz")
AT = "2025-10-09T08:30"

#: Lines that each go wrong in their own way; inserted among the good ones.
BAD = (
    "{not json",
    "[1, 2]",
    '"text"',
    "{}",
    '{"type": "meeting"}',
    '{"type": "meeting_held", "id": "m x", "kind": "executive", "ended_at": "2025-05-06T10:00"}',
    '{"type": "meeting_held", "id": "mb-1", "kind": "weekly", "ended_at": "2025-05-06T10:00"}',
    '{"type": "meeting_held", "id": "mb-2", "kind": "executive", "ended_at": "2025-13-06"}',
    '{"type": "meeting_held", "id": "mb-3", "kind": "executive"}',
    (
        '{"type": "meeting_held", "id": "mb-4", "kind": "executive", "ended_at": '
        '"2025-05-06T10:00", "colour": "red"}'
    ),
    (
        '{"type": "meeting_held", "id": "mb-5", "kind": "special_topic", "ended_at": '
        '"2025-05-06T10:00", "involves_personnel_money_assets": "maybe"}'
    ),
    (
        '{"type": "meeting_held", "id": "mb-6", "kind": "executive", "ended_at": '
        '"2025-05-06T16:00", "documents": ["甲", {"title": "乙", "id": "a b"}, 3, '
        '{"title": "丙"}], "matters": ['
        '{"title": "一", "limit_days": 0}, {"title": "二", "limit_days": 10, "deadline": '
        '"2025-06-01"}, {"title": "三", "deadline": "2025-05-01"}, {"title": "四", '
        '"limit_working_days": 3}, {"title": "五"}, {"title": "六", "limit_days": 1.5}, '
        '{"title": "七", "deadline": "2025-06-30T12:00"}]}'
    ),
    (
        '{"type": "meeting_held", "id": "mb-7", "kind": "executive", "ended_at": '
        '"2025-05-07T09:00+08:00", "documents": [{"title": "x", "id": "d"}, {"title": "y", '
        '"id": "d"}], "matters": {"title": "not a list"}}'
    ),
    (
        '{"type": "meeting_held", "id": "mb-8", "kind": "county_wide_work", "ended_at": '
        '"2025-03-12T10:00", "emergency_exemption": true, "keynote_speakers": ["县长", ""]}'
    ),
    (
        '{"type": "meeting_held", "id": "mb-9", "kind": "party_group", "ended_at": '
        '"2025-05-08T01:30:00Z", "keynote_speakers": ["县长"], "title": 5}'
    ),
    (
        '{"type": "document_received", "id": "db-1", "urgency": "ordinary", "received_at": '
        '"2025-05-06T10:00", "stated_limit": "2025-05-07T10:00"}'
    ),
    (
        '{"type": "document_received", "id": "db-2", "urgency": "urgent", "received_at": '
        '"2025-05-06 10:00", "stated_limit": "2025-05-06T09:00"}'
    ),
    (
        '{"type": "document_received", "id": "db-3", "urgency": "soon", "received_at": '
        '"2025-05-06T10:00"}'
    ),
    (
        '{"type": "document_received", "id": "db-4", "urgency": "urgent", "received_at": '
        '"2025-05-06T10:00:30.5", "stated_limit": "2025-05-06T18:00"}'
    ),
    (
        '{"type": "document_received", "id": "db-5", "urgency": "ordinary", "received_at": '
        '"2019-05-06T10:00"}'
    ),
    (
        '{"type": "document_received", "id": "db-6", "urgency": "ordinary", "received_at": '
        "1746496800}"
    ),
    (
        '{"type": "document_received", "id": "", "urgency": "ordinary", "received_at": '
        '"2025-05-06T10:00"}'
    ),
    (
        '{"type": "document_submitted", "id": "sb-1", "submitted_at": "2025-05-06T10:00", '
        '"leader": null}'
    ),
    (
        '{"type": "document_submitted", "id": "sb-2", "submitted_at": "2025-05-06T23:59:59", '
        '"leader": "县长", "document": "db-1", "title": "签"}'
    ),
    (
        '{"type": "instruction_received", "id": "ib-1", "received_at": "2025-05-06T10:00", '
        '"unit": ["x"]}'
    ),
    '{"type": "instruction_received", "id": "ib-2", "received_at": "2025-W19-2T10:00"}',
    '{"type": "meeting_scheduled", "date": "2025-03-20", "kind": "other", "reason": "x"}',
    '{"type": "meeting_scheduled", "date": "2025-03-20T10:00"}',
    (
        '{"type": "meeting_scheduled", "date": "2025-03-21", "scheduled_at": "2025-03-01T09:00", '
        '"id": "m-2025-0001"}'
    ),
    '{"type": "field_day", "leader": "", "date": "2025-05-06"}',
    '{"type": "field_day", "leader": "新县长", "date": "2025-05-06"}',
    '{"type": "field_day", "leader": "新县长", "date": "2025-05-06", "place": "乡"}',
    '{"type": "leader", "leader": "新县长", "date": "2025-05-06"}',
    '{"type": "quarter_dispatched", "quarter": "2025-q2", "at": "2025-06-20T10:00"}',
    '{"type": "quarter_reported", "quarter": "2025Q5", "at": "2025-06-20T10:00"}',
    '{"type": "quarter_reported", "quarter": "2019Q1", "at": "2019-03-20T10:00"}',
    '{"type": "completed", "obligation": "nothing/minutes", "at": "2025-05-06T10:00"}',
    '{"type": "completed", "obligation": "m-2025-0001/minute", "at": "2025-05-06T10:00"}',
    '{"type": "completed", "obligation": "", "at": "2025-05-06T10:00"}',
    '{"type": "completed", "obligation": "mb-6/document/1", "at": "2025-05-01T10:00"}',
    (
        '{"type": "completed", "obligation": "mb-6/document/1", "at": "2025-05-07T10:00", '
        '"note": "盖章"}'
    ),
    '{"type": "completed", "obligation": "mb-6/document/1", "at": "2025-05-08T10:00"}',
    '{"type": "paused", "obligation": "db-2/routing", "at": "2025-05-06T10:30"}',
    (
        '{"type": "paused", "obligation": "mb-6/minutes", "at": "2025-05-07T10:00", '
        '"reason": "补正"}'
    ),
    '{"type": "paused", "obligation": "mb-6/minutes", "at": "2025-05-07T11:00"}',
    '{"type": "resumed", "obligation": "mb-6/minutes", "at": "2025-05-09T10:00"}',
    '{"type": "resumed", "obligation": "mb-6/minutes", "at": "2025-05-10T10:00"}',
    '{"type": "paused", "obligation": "mb-6/matter/4", "at": "2025-05-08T10:00"}',
    '{"type": "paused", "obligation": "sb-2/signing", "at": "2025-05-06T23:59:59"}',
    '{"type": "resumed", "obligation": "ib-1/plan", "at": "2025-05-06T10:00"}',
    '{"type": "completed", "obligation": "2025Q2/report", "at": "2025-07-01T10:00"}',
    '{"type": "completed", "obligation": "x", "at": "2025-07-01T10:00", "extra": 1}',
    '{"type": "paused", "obligation": "mb-6/matter/7", "at": "2025-05-06T17:00", "reason": 3}',
    "   ",
    '\t{"type": "leader", "leader": "县长"}\t',
    (
        '{"type": "meeting_held", "id": "mb-10", "kind": "special_topic", "ended_at": '
        '"2025-06-03T18:30", "involves_personnel_money_assets": true, "documents": [], '
        '"matters": [{"title": "限期", "owner": "县住建局", "limit_working_days": 2, "id": ""}], '
        '"title": "专题"}'
    ),
    (
        '{"type": "meeting_held", "id": "mb-11", "kind": "executive", "ended_at": '
        '"2025-06-03T18:30", "involves_personnel_money_assets": null, "emergency_exemption": false}'
    ),
    (
        '{"type": "document_received", "id": "db-7", "urgency": "urgent", "received_at": '
        '"2025-06-03T18:30", "stated_limit": null, "title": "急"}'
    ),
    (
        '{"type": "meeting_scheduled", "date": "2025-06-04", "kind": "executive", "id": "ms-x", '
        '"emergency_exemption": "yes"}'
    ),
    '{"type": "completed", "obligation": "mb-10/matter/1", "at": "2025-06-04T09:00:00+08:00"}',
    '{"type": "completed", "obligation": "db-7/routing", "at": "2025-06-03T18:30"}',
    (
        '{"type": "meeting_held", "id": "mb-12", "kind": "executive", "ended_at": '
        '"2025-06-05T10:00", "matters": [{"title": "大", "limit_days": 3650}, '
        '{"title": "真", "limit_days": true}, {"title": "字", "limit_days": "5"}]}'
    ),
)


def _county():
    path = ROOT / "examples" / "supervision" / "county_year.py"
    spec = importlib.util.spec_from_file_location("county_year_golden", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("county_year_golden", module)
    spec.loader.exec_module(module)
    return module


def events() -> str:
    """The events file: the good lines with the bad ones spread among them."""
    county = _county()
    good: list[str] = []
    for year in (2024, 2025):
        good.extend(county.lines(county.generate(year, 13 + year, 0.6)))
    step = len(good) // (len(BAD) + 1)
    lines: list[str] = []
    bad = iter(BAD)
    for number, line in enumerate(good):
        lines.append(line)
        if number % step == step - 1:
            lines.append(next(bad, line))
    lines.extend(bad)
    return "\n".join(lines) + "\n"


RUNS: dict[str, list[str]] = {
    "json": ["--json"],
    "csv": ["--csv"],
    "text-zh": ["--lang", "zh", "--color", "never"],
    "text-explain": [
        "--lang",
        "en",
        "--color",
        "never",
        "--explain",
        "mb-6/minutes",
        "--explain",
        "db-7/routing",
        "--explain",
        "2025Q2/report",
    ],
    "ics": ["--ics"],
}


def outputs(text: str) -> dict[str, str]:
    """What ``deadlines check`` writes for each run of `RUNS` on the events `text`."""
    from deadlines.cli import main

    found: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.jsonl"
        path.write_text(text, "utf-8")
        for name, options in RUNS.items():
            argv = ["check", str(path), "--at", AT, "--no-plugins", *options]
            ics = Path(tmp) / "out.ics"
            if name == "ics":
                argv.append(str(ics))
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(argv)
            written = ics.read_text("utf-8") if name == "ics" else ""
            text = (
                f"exit {code}\n--- stdout\n{out.getvalue()}"
                f"--- stderr\n{err.getvalue()}--- file\n{written}"
            )
            found[name] = text.replace(tmp, "TMP")
    return found


if __name__ == "__main__":
    data = {"at": AT, "outputs": outputs(events())}
    GOLDEN.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False).encode(), mtime=0))
    print(f"wrote {GOLDEN} ({GOLDEN.stat().st_size:,} bytes)")
