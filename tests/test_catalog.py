"""The catalog of the 2020 opinion: stable ids, verbatim citations, valid values."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import deadlines.rules
from deadlines._messages import full_width
from deadlines.rules import OPINION_2020, Rule, RuleSet
from deadlines.rules._ruleset import OPINION_2020_ISSUED

PACKAGED_TEXT = Path(deadlines.rules.__file__).with_name("opinion-2020.txt")
SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "opinion-2020.txt"

STABLE_IDS = {
    "minutes.party_group": 8,
    "minutes.executive": 8,
    "minutes.special_topic": 8,
    "documents.issue": 8,
    "signing.same_day": 11,
    "routing.urgent": 11,
    "routing.ordinary": 11,
    "instructions.plan": 14,
    "decisions.time_limited": 12,
    "meetings.march_freeze": 6,
    "research.field_days": 4,
    "supervision.quarterly": 13,
    # Found in the text beyond the issue's table:
    "matters.same_day": 11,  # 事不隔日, the second half of 文不过夜、事不隔日
    "tasks.immediate": 16,  # 立行立办 for assigned tasks and reasonable requests
}


def article_of(text: str, quote: str) -> int:
    """The number of the article whose paragraph contains `quote`."""
    position = text.index(quote)
    markers = [(m.start(), int(m.group(1))) for m in re.finditer(r"^(\d+)\.", text, re.M)]
    return max(number for start, number in markers if start <= position)


class TestIds:
    def test_stable_ids_and_articles(self) -> None:
        """Every stable id exists, with the article the issue names."""
        assert {r.id: r.citation.article for r in OPINION_2020.rules} == STABLE_IDS

    def test_one_version_each_from_issue_date(self) -> None:
        """Every rule applies from 2020-04-21, the opinion's date, without an end."""
        for rule in OPINION_2020.rules:
            assert (rule.effective_from, rule.effective_until) == (OPINION_2020_ISSUED, None)
        assert dt.date(2020, 4, 21) == OPINION_2020_ISSUED


class TestCitations:
    @pytest.mark.parametrize("rule", OPINION_2020.rules, ids=lambda r: r.id)
    def test_quote_is_verbatim(self, rule: Rule) -> None:
        """The quoted sentence is a verbatim part of the opinion, in the article cited.

        The seed was copied with ASCII commas; the data quotes the same marks full-width, as the
        opinion was printed, so the two are compared with the seed's punctuation full-width.
        """
        text = full_width(PACKAGED_TEXT.read_text("utf-8"))
        assert rule.citation.text in text
        assert article_of(text, rule.citation.text) == rule.citation.article

    @pytest.mark.skipif(not SHARED_SEED.exists(), reason="the shared seed is not beside the clone")
    def test_packaged_text_is_the_seed(self) -> None:
        """The copy shipped in the package is the policy as given."""
        assert PACKAGED_TEXT.read_bytes() == SHARED_SEED.read_bytes()


class TestValidity:
    @pytest.mark.parametrize("rule", OPINION_2020.rules, ids=lambda r: r.id)
    def test_rule_validates(self, rule: Rule) -> None:
        """The catalog (built without validation for start-up speed) is valid as data."""
        again = Rule.model_validate(rule.model_dump())
        assert again == rule
        assert hash(again) == hash(rule)

    def test_rule_set_validates(self) -> None:
        """The whole set survives validation unchanged."""
        assert RuleSet.model_validate(OPINION_2020.model_dump()) == OPINION_2020

    @pytest.mark.parametrize("rule", OPINION_2020.rules, ids=lambda r: r.id)
    def test_titles_and_actor(self, rule: Rule) -> None:
        """Each rule has both titles and says who acts."""
        assert all((rule.title_zh, rule.title_en, rule.actor_zh, rule.actor_en))
