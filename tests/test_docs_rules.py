"""docs/rules.md agrees with the catalog in the code."""

from __future__ import annotations

import re
from pathlib import Path

from deadlines.rules import OPINION_2020

RULES_MD = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
ROW = re.compile(r"^\| `(?P<id>[a-z_.]+)` \| (?P<art>\d+) \| (?P<zh>[^|]+) \| (?P<en>[^|]+) \|")


def documented() -> dict[str, tuple[int, str, str]]:
    """id → (article, Chinese title, English title) from the table in docs/rules.md."""
    rows = (ROW.match(line) for line in RULES_MD.read_text("utf-8").splitlines())
    return {m["id"]: (int(m["art"]), m["zh"].strip(), m["en"].strip()) for m in rows if m}


class TestRulesPage:
    def test_table_matches_catalog(self) -> None:
        """Every rule is in the table, in order, with its article and titles."""
        expected = {r.id: (r.citation.article, r.title_zh, r.title_en) for r in OPINION_2020.rules}
        assert documented() == expected
        assert list(documented()) == list(expected)

    def test_every_rule_has_an_example(self) -> None:
        """Every rule id appears in a worked example."""
        text = RULES_MD.read_text("utf-8")
        for rule_id in OPINION_2020.ids:
            assert re.search(rf'"{re.escape(rule_id)}"', text), rule_id
