"""``deadlines batch --jobs N``: worker processes, the output of ``--jobs 1``, in input order."""

from __future__ import annotations

import contextlib
import io
import json
import random

import pytest

from deadlines.cli import _common as common
from deadlines.cli import _jobs as jobs_module
from deadlines.cli import main

RULES = [
    ("minutes.executive", {}),
    ("signing.same_day", {}),
    ("routing.ordinary", {}),
    ("decisions.time_limited", {"limit_days": 15}),
    ("decisions.time_limited", {"deadline": "2020-01-01"}),  # before the meeting: an error
    ("no.such_rule", {}),
]


def _jsonl(n: int) -> str:
    rng = random.Random(n)
    lines = []
    for i in range(n):
        rule, params = rng.choice(RULES)
        at = f"2026-{rng.randrange(1, 13):02}-{rng.randrange(1, 29):02}T{rng.randrange(24):02}:00"
        lines.append(json.dumps({"id": i, "rule": rule, "at": at, **params}))
        if i % 17 == 3:
            lines.append("")  # blank lines count in line numbers
        if i % 23 == 5:
            lines.append("{not json")
    return "\n".join(lines) + "\n"


def _csv(n: int) -> str:
    rng = random.Random(n)
    rows = ["id,rule,at,limit_days"]
    for i in range(n):
        rule, params = rng.choice(RULES[:4])
        day = f"2026-{rng.randrange(1, 13):02}-{rng.randrange(1, 29):02}T09:00"
        ident = f'"note {i}\nspans two lines"' if i % 11 == 0 else str(i)
        rows.append(f"{ident},{rule},{day},{params.get('limit_days', '')}")
        if i % 13 == 2:
            rows.append(f"{i},minutes.executive,30/09/2026,")
    return "\n".join(rows) + "\n"


def _run(path, *options) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["batch", "--no-plugins", *options, str(path)])
    return status, out.getvalue()


class TestJobs:
    """The output and exit status of --jobs N are those of --jobs 1."""

    @pytest.mark.parametrize(
        ("suffix", "make", "options"),
        [
            (".jsonl", _jsonl, ()),
            (".csv", _csv, ()),
            (".csv", _csv, ("--output-format", "jsonl")),
            (".jsonl", _jsonl, ("--output-format", "csv", "--explain")),
        ],
        ids=["jsonl", "csv", "csv-to-jsonl", "jsonl-to-csv-explained"],
    )
    def test_same_as_one_job(self, tmp_path, monkeypatch, suffix, make, options):
        """Small chunks over two processes: every line, error line numbers and order kept."""
        monkeypatch.setattr(jobs_module, "CHUNK_LINES", 37)
        path = tmp_path / f"in{suffix}"
        path.write_text(make(300), "utf-8")
        one = _run(path, *options)
        assert one[0] == 1  # the inputs hold bad records
        assert _run(path, "--jobs", "2", *options) == one

    @pytest.mark.parametrize(
        ("text", "suffix"),
        [("", ".jsonl"), ("", ".csv"), ("id,rule,at\n", ".csv"), ("rule,when\nx,y\n", ".csv")],
        ids=["empty-jsonl", "empty-csv", "header-only", "bad-header"],
    )
    def test_edges(self, tmp_path, text, suffix):
        """Empty input, a header alone, and a bad header give what one job gives."""
        path = tmp_path / f"in{suffix}"
        path.write_text(text, "utf-8")
        assert _run(path, "--jobs", "2") == _run(path)

    @pytest.mark.parametrize(
        "value", ["two", "²", "-1", str(4 * common.cores() + 1), "100000"],
        ids=["word", "superscript", "negative", "over-4-per-core", "fork-bomb"],
    )
    def test_bad_value(self, tmp_path, capsys, value):
        """--jobs takes a whole number up to 4 per core; no process starts for a bad one."""
        with pytest.raises(SystemExit):
            main(["batch", "--jobs", value, str(tmp_path / "x.jsonl")])
        most = 4 * common.cores()
        assert f"--jobs: must be a number of processes from 1 to {most} (4 per core)" in (
            capsys.readouterr().err
        )
