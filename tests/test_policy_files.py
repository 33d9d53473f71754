"""Policy files: the TOML writer, lossless round trips, changes on a base, the schema."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from deadlines import DeadlinesError
from deadlines.policy import (
    Amendment,
    CaseFileError,
    PolicyFile,
    PolicyFileError,
    TomlValueError,
    apply_change,
    dump_policy,
    dumps_policy,
    dumps_toml,
    load_policy,
    loads_policy,
    parse_policy,
    policy_schema,
)
from deadlines.policy._toml import inline, loads_toml
from deadlines.rules import OPINION_2020, Blackout, Hours, RuleSet, WorkingDays
from strategies_rules import rule_sets, toml_documents

#: A rule without its limit, in TOML.
_RULE = (
    "[[rules]]\nid = 'a.b'\ntitle_zh = ''\ntitle_en = ''\ncitation = {article = 1, text = 't'}\n"
)

EXAMPLE = Path(__file__).parent.parent / "examples" / "policy-change" / "policy.toml"


class TestTomlWriter:
    """`dumps_toml` writes TOML 1.0 that the standard reader reads back equal."""

    @settings(max_examples=150, deadline=None)
    @given(toml_documents)
    def test_round_trip(self, document):
        """Any table of scalars, dates, lists and tables comes back equal."""
        assert loads_toml(dumps_toml(document)) == document

    @pytest.mark.parametrize(
        ("value", "expected"),
        [(dt.date(2026, 10, 10), "2026-10-10"), ({"done": "x"}, '{done = "x"}'), (True, "true"),
         (None, "None")],
        ids=["date", "table", "bool", "no-toml-form"],
    )
    def test_inline(self, value, expected):
        """Values in messages as a TOML file writes them; Python's form when TOML has none."""
        assert inline(value) == expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ('say "hi"\\', r'x = "say \"hi\"\\"'),
            ("line\nbreak\ttab", r'x = "line\nbreak\ttab"'),
            ("\x00\x7f", r'x = "\u0000\u007F"'),
            ("中文", 'x = "中文"'),
            (dt.date(2027, 1, 1), "x = 2027-01-01"),
            (True, "x = true"),
            ([], "x = []"),
            ({}, "x = {}"),
        ],
        ids=[
            "quote-backslash",
            "newline-tab",
            "control",
            "chinese",
            "date",
            "bool",
            "list",
            "table",
        ],
    )
    def test_values(self, value, expected):
        """Strings are escaped, other values written in their TOML form."""
        assert dumps_toml({"x": value}) == expected + "\n"

    def test_quoted_keys(self):
        """A key that is not bare is quoted."""
        assert dumps_toml({"a.b": 1, "": 2}) == '"a.b" = 1\n"" = 2\n'

    def test_small_tables_inline(self):
        """A small nested table is written inline, a top-level array of tables as sections."""
        text = dumps_toml({"rules": [{"id": "a.b", "limit": {"kind": "hours", "n": 48}}]})
        assert text == '[[rules]]\nid = "a.b"\nlimit = {kind = "hours", n = 48}\n'

    @pytest.mark.parametrize(
        "value",
        [None, object(), dt.time(9, tzinfo=dt.timezone.utc)],
        ids=["none", "object", "aware-time"],
    )
    def test_no_toml_form(self, value):
        """None, arbitrary objects and aware times have no TOML form: an error naming the key."""
        with pytest.raises(TomlValueError, match="TOML") as info:
            dumps_toml({"rules": [{"id": "a.b"}, {"limit": {"n": value}}]})
        assert (info.value.key, info.value.value) == ("rules[1].limit.n", value)
        assert str(info.value).startswith("rules[1].limit.n: ")

    @pytest.mark.parametrize(
        ("document", "key"),
        [({1: "x"}, "1"), ({"a": {"b": {2: 3}}}, "a.b.2"), (["x"], "")],
        ids=["top-key", "inline-key", "not-a-table"],
    )
    def test_bad_keys(self, document, key):
        """Keys that are not strings, and a document that is not a table, are refused."""
        with pytest.raises(TomlValueError) as info:
            dumps_toml(document)
        assert info.value.key == key


class TestErrorTypes:
    """Every error of policy and case files is a DeadlinesError and the builtin it refines."""

    @pytest.mark.parametrize(
        ("error", "builtin"),
        [(PolicyFileError, ValueError), (CaseFileError, ValueError), (TomlValueError, TypeError)],
        ids=["policy-file", "case-file", "toml-value"],
    )
    def test_hierarchy(self, error, builtin):
        """Callers can catch either the library's base or the builtin."""
        assert issubclass(error, DeadlinesError)
        assert issubclass(error, builtin)

    def test_case_file_error_is_a_policy_file_error(self):
        """A case file is part of a policy's files: one except clause catches both."""
        assert issubclass(CaseFileError, PolicyFileError)


class TestRoundTrip:
    """What the code defines is written out and read back equal, in TOML and JSON."""

    @pytest.mark.parametrize("fmt", ["toml", "json"], ids=["toml", "json"])
    def test_opinion_2020(self, fmt):
        """The catalog survives the round trip."""
        assert loads_policy(dumps_policy(OPINION_2020, fmt), fmt) == OPINION_2020

    @settings(max_examples=60, deadline=None)
    @given(rule_sets())
    def test_generated_rule_sets(self, rules):
        """Generated rule sets, nested combinators and dated versions included, survive."""
        for fmt in ("toml", "json"):
            assert loads_policy(dumps_policy(rules, fmt), fmt) == rules

    def test_defaults_left_out(self):
        """Fields at their defaults are not written; the kind tag and effective_from are."""
        text = dumps_policy(RuleSet(rules=(OPINION_2020.get("routing.ordinary"),)))
        assert 'limit = {kind = "hours", n = 48}' in text
        assert "effective_from = 2020-04-21" in text
        assert "origin" not in text
        assert "document =" not in text

    @pytest.mark.parametrize("suffix", [".toml", ".json"], ids=["toml", "json"])
    def test_files(self, tmp_path, suffix):
        """dump_policy picks the format by suffix; load_policy names the set after the file."""
        path = tmp_path / f"copy{suffix}"
        dump_policy(OPINION_2020.model_copy(update={"name": ""}), path)
        loaded = load_policy(path)
        assert loaded.name == "copy"
        assert loaded.rules == OPINION_2020.rules
        if suffix == ".json":
            assert json.loads(path.read_text("utf-8"))["rules"][0]["id"] == "minutes.party_group"

    def test_builtin_name(self):
        """A built-in name loads the built-in rule set itself."""
        assert load_policy("opinion-2020") is OPINION_2020


def _change(**fields):
    return PolicyFile(name="change", base="opinion-2020", **fields)


class TestChange:
    """A policy file can be a change on top of a base, like a reform."""

    def test_disable(self):
        """disable removes every version of an id."""
        rules = apply_change(OPINION_2020, _change(disable=("research.field_days",)))
        assert "research.field_days" not in rules
        assert len(rules) == len(OPINION_2020) - 1

    def test_replace_keeps_position(self):
        """replace swaps every version of an id for the new ones, where the old one was."""
        new = OPINION_2020.get("routing.ordinary").evolve(limit=Hours(24))
        rules = apply_change(OPINION_2020, _change(replace=(new,)))
        assert rules.ids == OPINION_2020.ids
        assert rules.get("routing.ordinary").limit == Hours(24)
        assert rules.get("routing.ordinary").origin == "change"

    def test_amend_in_place(self):
        """amend without a date changes fields of every version, keeping their dates."""
        change = _change(amend=(Amendment(id="documents.issue", limit=WorkingDays(4)),))
        (rule,) = apply_change(OPINION_2020, change).versions("documents.issue")
        assert (rule.limit, rule.effective_from, rule.title_en) == (
            WorkingDays(4),
            OPINION_2020.get("documents.issue").effective_from,
            OPINION_2020.get("documents.issue").title_en,
        )

    def test_amend_from_a_date(self):
        """amend with effective_from ends the old version the day before and starts a new one."""
        change = _change(
            amend=(
                Amendment(
                    id="routing.ordinary", effective_from=dt.date(2027, 1, 1), limit=Hours(24)
                ),
            )
        )
        old, new = apply_change(OPINION_2020, change).versions("routing.ordinary")
        assert (old.limit, old.effective_until, old.origin) == (
            Hours(48),
            dt.date(2026, 12, 31),
            "",
        )
        assert (new.limit, new.effective_from, new.effective_until) == (
            Hours(24),
            dt.date(2027, 1, 1),
            None,
        )
        assert new.origin == "change"
        assert new.actor_zh == old.actor_zh

    def test_temporary_amendment(self):
        """amend with both dates is temporary: the old version resumes the day after."""
        change = _change(
            amend=(
                Amendment(
                    id="meetings.march_freeze",
                    effective_from=dt.date(2027, 1, 1),
                    effective_until=dt.date(2027, 12, 31),
                    limit=Blackout(months=(2, 3)),
                ),
            )
        )
        windows = [
            (r.limit, r.window())
            for r in apply_change(OPINION_2020, change).versions("meetings.march_freeze")
        ]
        assert windows == [
            (Blackout(months=(3,)), "from 2020-04-21 through 2026-12-31"),
            (Blackout(months=(2, 3)), "from 2027-01-01 through 2027-12-31"),
            (Blackout(months=(3,)), "from 2028-01-01"),
        ]

    def test_two_amendments_make_three_versions(self):
        """Amendments apply in order, each to the versions the previous one left."""
        change = _change(
            amend=(
                Amendment(
                    id="routing.ordinary", effective_from=dt.date(2027, 1, 1), limit=Hours(24)
                ),
                Amendment(
                    id="routing.ordinary", effective_from=dt.date(2028, 1, 1), limit=Hours(12)
                ),
            )
        )
        versions = apply_change(OPINION_2020, change).versions("routing.ordinary")
        assert [v.limit for v in versions] == [Hours(48), Hours(24), Hours(12)]

    def test_add(self):
        """add appends a rule the base does not have, marked with the change's name."""
        rule = OPINION_2020.get("meetings.march_freeze").evolve(
            id="meetings.february_freeze", limit=Blackout(months=(2,))
        )
        rules = apply_change(OPINION_2020, _change(add=(rule,)))
        assert rules.ids[-1] == "meetings.february_freeze"
        assert rules.get("meetings.february_freeze").origin == "change"

    def test_example(self):
        """The example change has a dated routing version and a February blackout."""
        rules = load_policy(EXAMPLE)
        assert rules.name == "policy-change"
        assert [v.limit for v in rules.versions("routing.ordinary")] == [Hours(48), Hours(24)]
        assert rules.get("meetings.february_freeze").limit == Blackout(months=(2,))
        assert rules.get("meetings.march_freeze") == OPINION_2020.get("meetings.march_freeze")

    def test_base_file_relative(self, tmp_path):
        """A base that is a file is found relative to the change, and changes stack."""
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "second.toml").write_text(
            'base = "../first.toml"\ndisable = ["tasks.immediate"]\n', "utf-8"
        )
        (tmp_path / "first.toml").write_text(
            'base = "opinion-2020"\ndisable = ["research.field_days"]\n', "utf-8"
        )
        rules = load_policy(tmp_path / "sub" / "second.toml")
        assert rules.name == "second"
        assert "research.field_days" not in rules
        assert "tasks.immediate" not in rules

    def test_base_loop(self, tmp_path):
        """Bases that refer to each other are an error naming the loop."""
        (tmp_path / "a.toml").write_text('base = "b.toml"\n', "utf-8")
        (tmp_path / "b.toml").write_text('base = "a.toml"\n', "utf-8")
        with pytest.raises(PolicyFileError, match=r"loop: a\.toml → b\.toml → a\.toml"):
            load_policy(tmp_path / "a.toml")


class TestErrors:
    """Malformed policy files fail with the file, the field and an example of valid input."""

    @pytest.mark.parametrize(
        ("text", "field", "message"),
        [
            ("name = ", "", "not valid TOML"),
            (
                "nmae = 'x'",
                "nmae",
                "unknown field; did you mean name? the fields here are name, description, base",
            ),
            (
                _RULE + "limit = {kind = 'hours', n = 0}",
                "rules[0].limit.n",
                "must be greater than 0; got 0; e.g. n = 3",
            ),
            (
                _RULE + "limit = {n = 3}",
                "rules[0].limit",
                "needs a kind",
            ),
            (
                _RULE + "limit = {kind = 'weeks', n = 3}",
                "rules[0].limit",
                'unknown kind "weeks"; the kinds are "working_days", "calendar_days"',
            ),
            (f"base = 'opinion-2020'\n{_RULE}limit = {{kind = 'hours', n = 1}}", "rules", None),
            ("disable = ['routing.ordinary']", "disable", 'base = "opinion-2020"'),
        ],
        ids=[
            "toml",
            "unknown-key",
            "zero-hours",
            "no-kind",
            "bad-kind",
            "rules-in-change",
            "no-base",
        ],
    )
    def test_parse(self, text, field, message):
        """Each problem names where it is and what is expected."""
        with pytest.raises(PolicyFileError) as info:
            parse_policy(text, path="p.toml")
        assert info.value.path == "p.toml"
        assert info.value.field == field
        if message:
            assert message in str(info.value)
        assert isinstance(info.value, (DeadlinesError, ValueError))

    @pytest.mark.parametrize(
        ("change", "field", "message"),
        [
            ({"disable": ["routing.ordinari"]}, "disable[0]", "known rules: minutes.party_group"),
            (
                {"add": [dict(OPINION_2020.get("routing.ordinary"))]},
                "add[0].id",
                "already in opinion-2020; change it with [[amend]] or [[replace]]",
            ),
            (
                {"amend": [{"id": "routing.ordinary", "effective_from": "2019-01-01"}]},
                "amend[0]",
                "no version of 'routing.ordinary' is in effect on 2019-01-01",
            ),
            (
                {"amend": [{"id": "routing.ordinary", "effective_until": "2030-01-01"}]},
                "amend[0]",
                "effective_until needs effective_from",
            ),
        ],
        ids=["unknown-id", "add-existing", "amend-before", "until-alone"],
    )
    def test_apply(self, change, field, message):
        """A change that does not fit its base says which entry and why."""
        with pytest.raises(PolicyFileError) as info:
            apply_change(OPINION_2020, PolicyFile(base="opinion-2020", **change), path="c.toml")
        assert info.value.field == field
        assert message in info.value.problem

    @pytest.mark.parametrize(
        ("change", "field", "message"),
        [
            (
                {
                    "disable": ["routing.ordinary"],
                    "amend": [{"id": "routing.ordinary", "limit": {"kind": "hours", "n": 24}}],
                },
                "amend[0].id",
                (
                    "'routing.ordinary' is both disabled (disable[0]) and amended in this "
                    "change: choose one"
                ),
            ),
            (
                {
                    "disable": ["tasks.immediate", "routing.ordinary"],
                    "replace": [dict(OPINION_2020.get("routing.ordinary"))],
                },
                "replace[0].id",
                (
                    "'routing.ordinary' is both disabled (disable[1]) and replaced in this "
                    "change: choose one"
                ),
            ),
            (
                {
                    "disable": ["routing.ordinary"],
                    "add": [dict(OPINION_2020.get("routing.ordinary"))],
                },
                "add[0].id",
                (
                    "'routing.ordinary' is both disabled (disable[0]) and added in this "
                    "change: choose one (to give it a new definition, use [[replace]])"
                ),
            ),
            (
                {"disable": ["routing.ordinary", "routing.ordinary"]},
                "disable[1]",
                "'routing.ordinary' is already disabled (disable[0])",
            ),
            (
                {
                    "add": [dict(OPINION_2020.get("routing.ordinary"), id="routing.slow")],
                    "amend": [{"id": "routing.slow", "limit": {"kind": "hours", "n": 24}}],
                },
                "amend[0].id",
                (
                    "'routing.slow' is added by this change (add[0]), and [[amend]] applies before "
                    "[[add]]: write the rule as it should be in [[add]]"
                ),
            ),
        ],
        ids=["disable-amend", "disable-replace", "disable-add", "disable-twice", "amend-added"],
    )
    def test_conflicts(self, change, field, message):
        """An id a change both disables and alters is a conflict, not an unknown rule."""
        with pytest.raises(PolicyFileError) as info:
            apply_change(OPINION_2020, PolicyFile(base="opinion-2020", **change), path="c.toml")
        assert (info.value.field, info.value.problem) == (field, message)
        assert "unknown rule" not in str(info.value)

    def test_conflict_in_file(self, tmp_path):
        """Loading the file reports the conflict with the file's name."""
        path = tmp_path / "p.toml"
        path.write_text(
            'base = "opinion-2020"\ndisable = ["routing.ordinary"]\n'
            '[[amend]]\nid = "routing.ordinary"\nlimit = {kind = "hours", n = 24}\n',
            "utf-8",
        )
        with pytest.raises(PolicyFileError, match=r"amend\[0\]\.id: 'routing\.ordinary' is both"):
            load_policy(path)

    def test_replace_then_amend(self):
        """replace applies before amend, so a replaced rule can be amended from a date."""
        new = OPINION_2020.get("routing.ordinary").evolve(limit=Hours(36))
        change = _change(
            replace=(new,),
            amend=(
                Amendment(
                    id="routing.ordinary", effective_from=dt.date(2027, 1, 1), limit=Hours(24)
                ),
            ),
        )
        versions = apply_change(OPINION_2020, change).versions("routing.ordinary")
        assert [v.limit for v in versions] == [Hours(36), Hours(24)]

    def test_overlapping_versions(self):
        """Versions of one id that overlap are refused with both windows."""
        text = dumps_policy(OPINION_2020).replace(
            'id = "minutes.executive"', 'id = "minutes.party_group"'
        )
        with pytest.raises(PolicyFileError) as info:
            loads_policy(text, path="p.toml")
        assert str(info.value) == (
            "p.toml: rules: versions of 'minutes.party_group' overlap: from 2020-04-21 and from "
            "2020-04-21; end the earlier one (effective_until) before the later one starts"
        )

    def test_overlap_from_a_change(self):
        """Versions a change makes that overlap name the file, without pydantic's prefix."""
        rule = dict(OPINION_2020.get("routing.ordinary"), id="routing.slow")
        change = PolicyFile(base="opinion-2020", add=[rule, rule])
        with pytest.raises(PolicyFileError) as info:
            apply_change(OPINION_2020, change, path="c.toml")
        assert str(info.value).startswith("c.toml: versions of 'routing.slow' overlap: ")

    def test_missing_file(self, tmp_path):
        """A missing file names the built-in policies as the alternative."""
        with pytest.raises(PolicyFileError, match="built-in name: opinion-2020"):
            load_policy(tmp_path / "nope.toml")


class TestSchema:
    """`policy_schema` describes the file format for other systems."""

    def test_shape(self):
        """The schema has every top-level key and a tagged union of limit kinds."""
        schema = policy_schema()
        assert schema["title"] == "deadlines policy file"
        assert schema["additionalProperties"] is False
        limit = json.dumps(schema["$defs"]["Rule"]["properties"]["limit"])
        for kind in ("working_days", "hours", "blackout", "all_of", "when", "tiered"):
            assert kind in json.dumps(schema["$defs"])
        assert "discriminator" in limit

    def test_serialisable(self):
        """The schema is plain JSON."""
        assert json.loads(json.dumps(policy_schema())) == policy_schema()
