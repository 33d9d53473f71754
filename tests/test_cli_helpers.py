"""The command line's helpers: choosing the language, reading --param, saying an error, tables."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest

from deadlines import ChinaCalendar, Engine, OutOfRangeError, PluginError
from deadlines._messages import Lang
from deadlines.cli._calendar import export_rows, month_grid
from deadlines.cli._common import (
    chosen_lang,
    explain_error,
    parse_params,
    plugin_problem,
    table,
)
from deadlines.cli._due import render as render_due
from deadlines.cli._notice import announced_years
from deadlines.cli._plugins import render as render_plugins


class TestChosenLang:
    """The language: --lang, else DEADLINES_LANG, else the locale, else English."""

    @pytest.mark.parametrize(
        ("environ", "argv", "lang"),
        [
            ({"LANG": "zh_CN.UTF-8"}, [], "zh"),
            ({"LC_ALL": "C", "LANG": "zh_CN"}, [], "en"),
            ({"DEADLINES_LANG": "zh", "LC_ALL": "en_US.UTF-8"}, [], "zh"),
            ({}, [], "en"),
            ({"DEADLINES_LANG": "en"}, ["due", "x", "--lang=zh"], "zh"),
        ],
        ids=["lang", "lc-all-first", "deadlines-lang-first", "none", "option-first"],
    )
    def test_order(self, environ: dict[str, str], argv: list[str], lang: Lang) -> None:
        """Each source is read only when the ones before it say nothing."""
        assert chosen_lang(environ, argv) == lang


class TestParams:
    """--param NAME=VALUE pairs."""

    def test_pairs(self) -> None:
        """Each pair is a name and its text, parsed by the rule that reads it."""
        pairs = ["limit_days=15", "involves_personnel_money_assets=true"]
        expected = {"limit_days": "15", "involves_personnel_money_assets": "true"}
        assert parse_params(pairs) == expected


class TestErrors:
    """A library error as the command line says it."""

    def test_plugin_hint(self) -> None:
        """A broken plugin's error says how to do without it."""
        said = plugin_problem(PluginError("county", "deadlines_rules", "boom"), "due")
        expected = (
            "插件“county”的钩子 deadlines_rules：boom；加 --no-plugins 可不用插件计算，或卸载该插件"
        )
        assert said.render("zh") == expected

    def test_range_error_of_the_trigger(self) -> None:
        """A trigger outside the calendar is blamed on --at, echoed as the user typed it."""
        first, last = dt.date(2004, 1, 1), dt.date(2100, 12, 31)
        error = OutOfRangeError("day", dt.date(2101, 1, 1), first, last)
        error.input_field = "at"  # as Engine.due sets it
        args = argparse.Namespace(command="due", at="2101-01-01T10:00")
        expected = "参数 --at：日历范围为2004-01-01至2100-12-31；实际为2101-01-01T10:00"
        assert explain_error(error, args).render("zh") == expected


class TestTable:
    """Columns padded by the width a terminal gives them."""

    def test_wide_characters(self) -> None:
        """A Chinese character takes two columns; right-aligned columns pad on the left."""
        lines = table([["规则", "n"], ["a", "10"]], right=(1,))
        assert lines == ["规则   n", "a     10"]


class TestRenderings:
    """What the commands print, from their helpers."""

    def test_month_grid(self) -> None:
        """October 2026: the National Day holiday, then an adjusted working Saturday."""
        assert month_grid(ChinaCalendar(), 2026, 10) == [
            "October 2026",
            " Mo   Tu   We   Th   Fr   Sa   Su",
            "                 1*   2*   3*   4*",
            "  5*   6*   7*   8    9   10+  11-",
            " 12   13   14   15   16   17-  18-",
            " 19   20   21   22   23   24-  25-",
            " 26   27   28   29   30   31-",
        ]

    def test_export_rows(self) -> None:
        """A month's special days, each with the notice it comes from."""
        rows = export_rows(ChinaCalendar(), 2026, 2, "zh")
        assert [(row["date"], row["off"], row["name"]) for row in rows][:2] == [
            ("2026-02-14", False, "调休上班"),
            ("2026-02-15", True, "春节假期（周末）"),
        ]
        assert (
            rows[0]["source"]
            == "《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号）"
        )

    def test_due(self) -> None:
        """A result as text: rule and title, due, due date, source."""
        result = Engine().due("signing.same_day", "2026-10-09T18:00", explain=False)
        lines = render_due(result).splitlines()
        assert lines[:3] == [
            "signing.same_day (Documents signed without being left overnight (文不过夜))",
            "due: 2026-10-10T12:00+08:00",
            "due date: 2026-10-10 (Sat)",
        ]
        assert lines[3].startswith("source: opinion of 2020, art. 11: “")
        assert len(lines) == 4

    def test_announced_years(self) -> None:
        """The announced years as ranges."""
        assert announced_years(ChinaCalendar()) == "2004-2026"

    def test_no_plugins(self) -> None:
        """Without plugins, the listing says where they would come from."""
        assert render_plugins(()) == "no plugins installed (entry-point group 'deadlines')"
