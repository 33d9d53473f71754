"""The pytest plugin: case files collected as items, failures reported with their trace."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

# Imported here so that in-process pytester runs reuse the modules (and pydantic's built
# validators, and hypothesis, whose plugin imports it at the end of each run) instead of
# importing them afresh, with assertion rewriting, each time.
import hypothesis  # noqa: F401

import deadlines.policy
import deadlines.testing.pytest_plugin  # noqa: F401

pytest_plugins = ["pytester"]

EXAMPLES = Path(__file__).parent.parent / "examples" / "policy-change"

_PASSING = """
[[case]]
name = "minutes in three working days"
rule = "minutes.executive"
at = 2026-09-30T17:00:00
expect = {due = 2026-10-10T17:30:00}

[[case]]
rule = "routing.ordinary"
at = 2027-03-01T10:00:00
expect = {provisional = true}
"""

_FAILING = """
[[case]]
name = "a wrong date"
rule = "minutes.executive"
at = 2026-09-30T17:00:00
expect = {due_date = 2026-10-09}
"""


class TestEntryPoint:
    """Installing deadlines is enough: the plugin is a pytest11 entry point."""

    def test_declared(self):
        """The entry point names the plugin module."""
        plugins = {ep.name: ep.value for ep in entry_points(group="pytest11")}
        assert plugins.get("deadlines") == "deadlines.testing.pytest_plugin"


class TestCollection:
    """*.deadlines.toml files are collected, one item per case."""

    def test_items(self, pytester):
        """Each case is an item named after the case (or its rule and trigger)."""
        pytester.makefile(".deadlines.toml", routing=_PASSING)
        pytester.makefile(".toml", other="x = 1")
        result = pytester.runpytest("--collect-only", "-q")
        result.stdout.fnmatch_lines(
            [
                "routing.deadlines.toml::minutes in three working days",
                "routing.deadlines.toml::routing.ordinary at 2027-03-01T10:00:00",
                "2 tests collected*",
            ]
        )

    def test_pass_with_provisional(self, pytester):
        """Cases pass; a provisional result raises no warning even when warnings are errors."""
        pytester.makefile(".deadlines.toml", routing=_PASSING)
        result = pytester.runpytest("-W", "error")
        result.assert_outcomes(passed=2)

    def test_marker(self, pytester):
        """-m deadlines_case selects the cases."""
        pytester.makefile(".deadlines.toml", routing=_PASSING)
        pytester.makepyfile(test_other="def test_x():\n    pass\n")
        result = pytester.runpytest("-m", "deadlines_case", "--strict-markers")
        result.assert_outcomes(passed=2, deselected=1)

    def test_duplicate_names(self, pytester):
        """Two cases of one name get distinct ids."""
        pytester.makefile(".deadlines.toml", twice=_FAILING + _FAILING)
        result = pytester.runpytest("--collect-only", "-q")
        result.stdout.fnmatch_lines(["*::a wrong date", "*::a wrong date [[]2[]]"])

    def test_examples(self, pytester):
        """The example folder's cases all pass under pytest."""
        for path in EXAMPLES.iterdir():
            (pytester.path / path.name).write_text(path.read_text("utf-8"), "utf-8")
        pytester.runpytest().assert_outcomes(passed=15)


class TestFailures:
    """A failing case reports expected and actual and the trace, not a Python traceback."""

    def test_report(self, pytester):
        """The failure shows the field, both values and the counted days."""
        pytester.makefile(".deadlines.toml", minutes=_FAILING)
        result = pytester.runpytest()
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(
            [
                "*minutes.deadlines.toml::a wrong date*",
                "*minutes.deadlines.toml, case 1: a wrong date",
                "  trigger: minutes.executive at 2026-09-30T17:00 (policy opinion-2020)",
                "  due_date  expected 2026-10-09",
                "            actual   2026-10-10",
                "  trace:",
                "*working day 3: 2026-10-10 (Sat) (adjusted working day)",
                "FAILED minutes.deadlines.toml::a wrong date - *",
            ]
        )
        result.stdout.no_fnmatch_line("*Traceback*")

    def test_malformed(self, pytester):
        """A malformed file is a collection error naming the field."""
        pytester.makefile(".deadlines.toml", broken="[[case]]\nrule = 3\n")
        result = pytester.runpytest()
        result.assert_outcomes(errors=1)
        result.stdout.fnmatch_lines(
            [
                "*broken.deadlines.toml: 3 problems:",
                "  case[[]0[]].rule: must be text in quotes; got 3; *",
                "  case[[]0[]].at: required; *",
                "  case[[]0[]].expect: required; *",
            ]
        )

    def test_policy_beside(self, pytester):
        """A policy file beside the cases is found, and its change is what is tested."""
        pytester.makefile(
            ".toml",
            faster="base = 'opinion-2020'\n[[amend]]\nid = 'routing.ordinary'\n"
            "limit = {kind = 'hours', n = 24}\n",
        )
        pytester.makefile(
            ".deadlines.toml",
            routing="policy = 'faster.toml'\n[[case]]\nrule = 'routing.ordinary'\n"
            "at = 2026-06-09T10:00:00\nexpect = {due = 2026-06-11T10:00:00}\n",
        )
        result = pytester.runpytest()
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(
            ["  due  expected 2026-06-11T10:00+08:00", "       actual   2026-06-10T10:00+08:00"]
        )
