"""Supervision at a province's scale: the faster paths write exactly what the plain ones did."""

from __future__ import annotations

import contextlib
import gc
import gzip
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

from deadlines import Engine
from deadlines.cli import main
from deadlines.supervision import Supervisor, read_events
from deadlines.supervision._report import dumps_indented

ROOT = Path(__file__).resolve().parent.parent
MOMENTS = ("2025-03-31T12:00", "2025-10-09T08:30", "2025-12-31T18:00")


@pytest.fixture(scope="module")
def year_lines() -> list[str]:
    """A county's year of events (the seeded fixture of examples/supervision)."""
    path = ROOT / "examples" / "supervision" / "county_year.py"
    spec = importlib.util.spec_from_file_location("county_year_scale", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("county_year_scale", module)
    spec.loader.exec_module(module)
    return list(module.lines(module.generate(2025, 2025, 0.5)))


class TestJson:
    """`Report.write_json` writes what ``json.dumps(indent=2)`` of `Report.to_json` wrote."""

    @pytest.mark.parametrize("at", MOMENTS, ids=["march", "october", "year-end"])
    def test_county_year(self, year_lines, at):
        """A year of a county's obligations, at several moments."""
        ledger = Supervisor(Engine(discover_plugins=False)).ledger(read_events(year_lines))
        report = ledger.report(at)
        written = io.StringIO()
        report.write_json(written)
        plain = json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
        assert written.getvalue() == plain

    def test_command(self):
        """``deadlines check --json`` on the worked example: the standard library's text."""
        events = ROOT / "examples" / "supervision" / "county-week.jsonl"
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            main(["check", str(events), "--at", "2025-10-13T09:00", "--json", "--no-plugins"])
        data = json.loads(out.getvalue())
        assert out.getvalue() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        assert data["obligations"]

    @pytest.mark.parametrize(
        "value",
        [
            {},
            [],
            {"a": [], "b": {}, "c": [{}]},
            {"x": [1, -2, 3.25, 1e-7, 1e22, float("nan"), True, False, None]},
            {"引号": '"\\\n\t\u2028县', "n": {"m": [[1], [[]]]}},
        ],
        ids=["empty-object", "empty-list", "empty-nested", "scalars", "text"],
    )
    def test_values(self, value):
        """Every kind of JSON value, as json.dumps writes it."""
        assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


class TestCollector:
    """Pausing the garbage collector leaves it as it was."""

    def test_restored(self, year_lines):
        """Enabled before, enabled after; disabled before, still disabled after."""
        supervisor = Supervisor(Engine(discover_plugins=False), explain=False)
        ledger = supervisor.ledger(read_events(year_lines[:200]))
        ledger.report("2025-12-31T18:00")
        assert gc.isenabled()
        gc.disable()
        try:
            supervisor.ledger(read_events(year_lines[:200])).report("2025-12-31T18:00")
            assert not gc.isenabled()
        finally:
            gc.enable()


def _golden_module():
    path = ROOT / "tests" / "data" / "check_golden.py"
    spec = importlib.util.spec_from_file_location("check_golden", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_golden", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def found() -> tuple[dict[str, str], dict[str, str]]:
    """The outputs now, and the outputs recorded from main before issue 13."""
    golden = _golden_module()
    recorded = json.loads(gzip.decompress(golden.GOLDEN.read_bytes()))
    return golden.outputs(golden.events()), recorded["outputs"]


class TestGolden:
    """``deadlines check`` writes what it wrote before issue 13 (tests/data/check_golden.py)."""

    @pytest.mark.parametrize("run", ["json", "csv", "text-zh", "text-explain", "ics"], ids=str)
    def test_same_output(self, found, run):
        """The same exit status, report, problems and file, line for line."""
        now, before = found
        assert now[run].splitlines() == before[run].splitlines()
