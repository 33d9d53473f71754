"""Plugins set the supervision thresholds: ``deadlines_supervision_thresholds``.

The moment used throughout: a meeting ends on Tuesday 3 June 2025 at 17:00, so its minutes are
due on Friday 6 June at 17:30 (3 working days). By default the warning window opens one
working day before, on Thursday 5 June at 17:30; two working days before, it opens on
Wednesday 4 June at 17:30. At Wednesday 18:00 the minutes are open by default, in warning with
two days.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from deadlines import Engine, PluginConflictError, PluginError, hookimpl
from deadlines._plugins import PluginChange
from deadlines._time import CHINA_TZ
from deadlines.cli import main
from deadlines.cli._plugins import render
from deadlines.supervision import (
    DocumentReceived,
    FractionOfLimit,
    MeetingHeld,
    Status,
    Supervisor,
    Thresholds,
    WorkingDaysBefore,
)

HOOK = "deadlines_supervision_thresholds"
MEETING = MeetingHeld(
    id="m1", kind="executive", ended_at=dt.datetime(2025, 6, 3, 17, tzinfo=CHINA_TZ)
)
# 48 hours: due Friday 6 June 09:00, warned from Thursday 09:00; with two days, Wednesday 09:00.
DOCUMENT = DocumentReceived(
    id="d1", urgency="ordinary", received_at=dt.datetime(2025, 6, 4, 9, tzinfo=CHINA_TZ)
)
WEDNESDAY_EVENING = dt.datetime(2025, 6, 4, 18, tzinfo=CHINA_TZ)
TWO_DAYS = Thresholds(warning=WorkingDaysBefore(2))


def plugin(value: object, *, tryfirst: bool = False, trylast: bool = False) -> object:
    """A plugin whose thresholds hook returns `value` (a callable is the hook itself)."""

    def returning() -> object:
        return value

    function = value if callable(value) else returning
    namespace = types.SimpleNamespace()
    setattr(namespace, HOOK, hookimpl(tryfirst=tryfirst, trylast=trylast)(function))
    return namespace


def engine(**plugins: object) -> Engine:
    """An engine with these plugins, by name, and no installed one."""
    return Engine(plugins=plugins, discover_plugins=False)


def status_of(supervisor: Supervisor, obligation: str = "m1/minutes", **kwargs: object) -> Status:
    """The status of one obligation on Wednesday evening."""
    ledger = supervisor.ledger([MEETING, DOCUMENT])
    rows = {row.id: row for row in ledger.status(WEDNESDAY_EVENING, **kwargs)}
    return rows[obligation].status


class TestDefault:
    """A plain Thresholds replaces the library's default for every rule."""

    def test_open_without_plugins(self):
        """Without a plugin the minutes are open on Wednesday evening."""
        plain = engine()
        assert plain.supervision_thresholds == Thresholds()
        assert status_of(Supervisor(plain)) is Status.OPEN

    def test_plugin_turns_open_into_warning(self):
        """Two working days' warning from a plugin: the same minutes, the same moment, yellow."""
        local = engine(county=plugin(TWO_DAYS))
        assert local.supervision_thresholds == TWO_DAYS
        assert status_of(Supervisor(local)) is Status.WARNING

    @pytest.mark.parametrize(
        "value",
        [None, Thresholds(), {"minutes": Thresholds()}],
        ids=["none", "the-default", "a-family-at-the-default"],
    )
    def test_nothing_changed(self, value):
        """None, or values equal to the default, change nothing and list no change."""
        local = engine(county=plugin(value))
        assert local.supervision_thresholds == Thresholds()
        assert local.plugins[0].changes == ()
        assert local.plugins[0].hooks == (HOOK,)

    def test_hook_receives_the_default(self):
        """The hook receives the library's default, and may build on it without imports."""
        seen: list[object] = []

        def hook(thresholds: Thresholds) -> Thresholds:
            seen.append(thresholds)
            return thresholds.with_rule("minutes", escalate_after=2)

        local = engine(county=plugin(hook))
        assert seen == [Thresholds()]
        assert local.supervision_thresholds.for_rule("minutes.executive").escalate_after == 2

    def test_hook_is_called_once(self):
        """Once, while the engine is built; never again by the supervisor or its ledger."""
        calls: list[int] = []

        def hook() -> Thresholds:
            calls.append(1)
            return TWO_DAYS

        supervisor = Supervisor(engine(county=plugin(hook)))
        status_of(supervisor)
        status_of(supervisor)
        assert len(calls) == 1


class TestPerRule:
    """A mapping sets thresholds per rule id or per family, as `Thresholds.for_rule` does."""

    @pytest.mark.parametrize(
        ("key", "minutes", "routing"),
        [
            ("minutes", Status.WARNING, Status.OPEN),
            ("minutes.executive", Status.WARNING, Status.OPEN),
            ("minutes.party_group", Status.OPEN, Status.OPEN),
            ("routing", Status.OPEN, Status.WARNING),
        ],
        ids=["family", "rule", "another-rule", "another-family"],
    )
    def test_only_that_rule_or_family(self, key, minutes, routing):
        """Two days' warning for one family or rule leaves the others at the default."""
        supervisor = Supervisor(engine(county=plugin({key: TWO_DAYS})))
        assert status_of(supervisor) is minutes
        assert status_of(supervisor, "d1/routing") is routing

    def test_field_by_field(self):
        """A rule's field falls back on its family's, then on the merged default."""
        local = engine(
            default=plugin(Thresholds(warning=FractionOfLimit(0.5))),
            family=plugin({"minutes": Thresholds(escalate_after=2)}),
            rule=plugin({"minutes.executive": TWO_DAYS}),
        )
        thresholds = local.supervision_thresholds
        assert thresholds.for_rule("minutes.executive") == Thresholds(
            warning=WorkingDaysBefore(2), escalate_after=2
        )
        assert thresholds.for_rule("minutes.party_group") == Thresholds(
            warning=FractionOfLimit(0.5), escalate_after=2
        )
        assert thresholds.for_rule("routing.ordinary") == Thresholds(warning=FractionOfLimit(0.5))

    def test_per_rule_inside_a_plain_value(self):
        """A plain Thresholds' own per-rule entries apply as a mapping's would."""
        local = engine(county=plugin(Thresholds().with_rule("minutes", escalate_after=2)))
        assert local.supervision_thresholds.for_rule("minutes.executive").escalate_after == 2
        assert local.supervision_thresholds.for_rule("routing.urgent").escalate_after == 5

    def test_a_rule_another_plugin_adds(self):
        """A rule a plugin adds can be given thresholds too."""
        from deadlines import hookimpl as impl
        from deadlines.rules import Citation, Rule, WorkingDays

        class Adds:
            @impl
            def deadlines_rules(self) -> list[Rule]:
                return [
                    Rule(
                        id="township.petition_reply",
                        title_zh="信访事项答复",
                        title_en="Petitions answered",
                        citation=Citation(
                            document="云溪乡规程", article=5, text="五个工作日内答复"
                        ),
                        limit=WorkingDays(5),
                    )
                ]

        local = engine(adds=Adds(), county=plugin({"township": TWO_DAYS}))
        assert local.supervision_thresholds.for_rule("township.petition_reply") == TWO_DAYS


class TestPrecedence:
    """tryfirst > plain > trylast; agreement is no conflict; equal rank disagreeing is one."""

    def test_conflict(self):
        """Two plain plugins, two different warnings: the engine is not built; both named."""
        with pytest.raises(PluginConflictError) as caught:
            engine(one=plugin(TWO_DAYS), two=plugin(Thresholds(warning=WorkingDaysBefore(3))))
        assert caught.value.plugins == ("one", "two")
        assert str(caught.value) == (
            "plugins 'one', 'two' both change the supervision threshold warning: 'one' sets "
            "WorkingDaysBefore(2), 'two' sets WorkingDaysBefore(3); remove one, or give one of "
            "them a higher priority"
        )

    def test_conflict_on_a_family(self):
        """The same for one family's field, named in the error."""
        with pytest.raises(PluginConflictError, match="escalate_after for minutes: 'a' sets 2"):
            engine(
                a=plugin({"minutes": Thresholds(escalate_after=2)}),
                b=plugin({"minutes": Thresholds(escalate_after=3)}),
            )

    @pytest.mark.parametrize(
        ("first", "second", "winner"),
        [
            ({"tryfirst": True}, {}, "high"),
            ({}, {"trylast": True}, "high"),
            ({"tryfirst": True}, {"trylast": True}, "high"),
        ],
        ids=["tryfirst-plain", "plain-trylast", "tryfirst-trylast"],
    )
    def test_higher_rank_wins(self, first, second, winner):
        """The higher rank applies; the other's change stays listed, marked overridden."""
        local = engine(
            low=plugin(Thresholds(warning=WorkingDaysBefore(3)), **second),
            high=plugin(TWO_DAYS, **first),
        )
        assert local.supervision_thresholds == TWO_DAYS
        changes = {p.name: [c.text() for c in p.changes] for p in local.plugins}
        assert changes == {
            "low": [
                (
                    "supervision thresholds: warning WorkingDaysBefore(1) → WorkingDaysBefore(3) "
                    f"(overridden by {winner})"
                )
            ],
            "high": ["supervision thresholds: warning WorkingDaysBefore(1) → WorkingDaysBefore(2)"],
        }

    def test_agreement(self):
        """Two plugins setting the same value agree, and both are named."""
        local = engine(one=plugin(TWO_DAYS), two=plugin(TWO_DAYS))
        assert local.supervision_thresholds == TWO_DAYS
        assert all(len(p.changes) == 1 and not p.changes[0].overridden_by for p in local.plugins)

    def test_different_fields_merge(self):
        """One plugin's warning and another's escalation both apply."""
        local = engine(warn=plugin(TWO_DAYS), escalate=plugin(Thresholds(escalate_after=3)))
        assert local.supervision_thresholds == Thresholds(
            warning=WorkingDaysBefore(2), escalate_after=3
        )


class TestBroken:
    """A wrong answer is a PluginError naming the plugin and the hook; nothing is built."""

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (WorkingDaysBefore(2), "returned WorkingDaysBefore WorkingDaysBefore(2); expected a "),
            ([TWO_DAYS], "returned list"),
            ({"minutes": WorkingDaysBefore(2)}, "WorkingDaysBefore(2) among its values"),
            ({1: TWO_DAYS}, "int 1 among its values"),
            ("minutes", "returned str 'minutes'"),
        ],
        ids=["a-warning-rule", "a-list", "mapping-of-warnings", "int-key", "text"],
    )
    def test_wrong_type(self, value, message):
        """Anything but Thresholds or a mapping of names to Thresholds."""
        with pytest.raises(PluginError, match="expected a Thresholds value") as caught:
            engine(broken=plugin(value))
        assert (caught.value.plugin, caught.value.hook) == ("broken", HOOK)
        assert message in str(caught.value)

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ({"minutes.*": TWO_DAYS}, "(a family is named without '.*': 'minutes')"),
            ({"minute": TWO_DAYS}, "no rule or family 'minute' to set thresholds for"),
            (Thresholds(per_rule=(("nowhere", TWO_DAYS),)), "no rule or family 'nowhere'"),
            ({"": TWO_DAYS}, "no rule or family ''"),
            (Thresholds(per_rule=(("", TWO_DAYS),)), "no rule or family ''"),
            (
                {"minutes": Thresholds().with_rule("minutes.executive", escalate_after=2)},
                "the thresholds for 'minutes' have per_rule entries of their own",
            ),
            (
                Thresholds(per_rule=(("minutes", TWO_DAYS), ("minutes", Thresholds()))),
                "gives 'minutes' twice in per_rule",
            ),
        ],
        ids=[
            "wildcard",
            "unknown",
            "unknown-per-rule",
            "empty",
            "empty-per-rule",
            "nested",
            "twice",
        ],
    )
    def test_invalid(self, value, message):
        """Keys must name a rule or a family; each once, without thresholds of their own."""
        with pytest.raises(PluginError, match=HOOK) as caught:
            engine(broken=plugin(value))
        assert message in str(caught.value)

    def test_raises(self):
        """A hook that raises is pinned on its plugin."""

        def hook() -> Thresholds:
            return Thresholds(escalate_after=0)  # pydantic refuses it inside the plugin

        with pytest.raises(PluginError, match="plugin 'broken', hook " + HOOK + ": raised"):
            engine(broken=plugin(hook))

    def test_nothing_half_applied(self):
        """A broken plugin beside a good one: no engine; the next is built as if never."""
        with pytest.raises(PluginError):
            engine(good=plugin(TWO_DAYS), broken=plugin([TWO_DAYS]))
        assert engine().supervision_thresholds == Thresholds()


class TestExplicitWins:
    """Thresholds given in code, or on the command line, win over every plugin."""

    def test_supervisor_argument(self):
        """Supervisor(thresholds=...) beats the plugin: the minutes stay open."""
        local = engine(county=plugin(TWO_DAYS))
        assert status_of(Supervisor(local, thresholds=Thresholds())) is Status.OPEN
        assert Supervisor(local).thresholds == TWO_DAYS

    def test_query_argument(self):
        """Ledger.status(at, thresholds=...) beats both, for that one call."""
        supervisor = Supervisor(engine(county=plugin(TWO_DAYS)))
        assert status_of(supervisor, thresholds=Thresholds()) is Status.OPEN
        assert status_of(supervisor) is Status.WARNING

    def test_report_names_the_thresholds_applied(self):
        """The report carries the plugin's thresholds when none are given."""
        supervisor = Supervisor(engine(county=plugin(TWO_DAYS)))
        assert supervisor.ledger([MEETING]).report(WEDNESDAY_EVENING).thresholds == TWO_DAYS

    @pytest.mark.parametrize(
        ("changes", "executive", "routing"),
        [
            ({}, Thresholds(warning=FractionOfLimit(0.5), escalate_after=2), Thresholds()),
            (
                {"warning": WorkingDaysBefore(3)},
                Thresholds(warning=WorkingDaysBefore(3), escalate_after=2),
                Thresholds(warning=WorkingDaysBefore(3)),
            ),
            (
                {"escalate_after": 9},
                Thresholds(warning=FractionOfLimit(0.5), escalate_after=9),
                Thresholds(escalate_after=9),
            ),
        ],
        ids=["nothing", "warning", "escalation"],
    )
    def test_with_all(self, changes, executive, routing):
        """Thresholds.with_all sets a field for every rule, per-rule and family ones included."""
        base = Thresholds().with_rule("minutes", warning=FractionOfLimit(0.5), escalate_after=2)
        changed = base.with_all(**changes)
        assert changed.for_rule("minutes.executive") == executive
        assert changed.for_rule("routing.ordinary") == routing


# --- the command line, with an installed plugin -------------------------------------------------


PLUGIN_MODULE = """
    from deadlines import hookimpl
    from deadlines.supervision import Thresholds, WorkingDaysBefore

    @hookimpl
    def deadlines_supervision_thresholds():
        return {"minutes": Thresholds(warning=WorkingDaysBefore(2))}
"""


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A distribution on sys.path whose plugin warns of minutes 2 working days before."""
    monkeypatch.delenv("DEADLINES_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.delitem(sys.modules, "strict_minutes", raising=False)
    site = tmp_path / "site"
    (site / "strict_minutes.dist-info").mkdir(parents=True)
    (site / "strict_minutes.py").write_text(textwrap.dedent(PLUGIN_MODULE), "utf-8")
    info = site / "strict_minutes.dist-info"
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: strict-minutes\nVersion: 1.0\n", "utf-8"
    )
    (info / "entry_points.txt").write_text("[deadlines]\nstrict = strict_minutes\n", "utf-8")
    monkeypatch.syspath_prepend(str(site))
    events = tmp_path / "events.jsonl"
    events.write_text(
        '{"type": "meeting_held", "id": "m1", "kind": "executive", '
        '"ended_at": "2025-06-03T17:00"}\n',
        "utf-8",
    )
    return events


def check(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The minutes' status from ``deadlines check EVENTS --json`` on Wednesday evening."""
    assert main(["check", *args, "--at", "2025-06-04T18:00", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)["obligations"]
    return str(row["status"])


class TestCommandLine:
    """``deadlines check`` uses an installed plugin's thresholds; its options win."""

    def test_plugin_applies(self, installed, capsys):
        """The installed plugin's two days turn the minutes yellow."""
        assert check(capsys, str(installed)) == "warning"

    def test_option_wins(self, installed, capsys):
        """--warn-days 1 wins over the plugin, for its family too."""
        assert check(capsys, str(installed), "--warn-days", "1") == "open"

    def test_listed(self, installed, capsys):
        """``deadlines plugins`` lists the change."""
        assert main(["plugins"]) == 0
        assert capsys.readouterr().out.splitlines() == [
            "strict (strict-minutes 1.0, module strict_minutes)",
            (
                "  - supervision thresholds for minutes: warning WorkingDaysBefore(1) → "
                "WorkingDaysBefore(2)"
            ),
        ]


class TestReporting:
    """Each change is a PluginChange, in both languages."""

    def test_change(self):
        """Kind, target, field, before and after, as `deadlines plugins --json` gives them."""
        (info,) = engine(county=plugin({"minutes": Thresholds(escalate_after=2)})).plugins
        assert info.changes == (
            PluginChange(
                hook=HOOK,
                kind="thresholds",
                target="minutes",
                field="escalate_after",
                before="5",
                after="2",
                zh="督查预警阈值（minutes）：escalate_after由5改为2",
                en="supervision thresholds for minutes: escalate_after 5 → 2",
            ),
        )

    def test_listed_after_the_other_hooks(self):
        """In hook order: the rules' changes first, the thresholds last."""
        both = types.SimpleNamespace(
            deadlines_supervision_thresholds=hookimpl(lambda: TWO_DAYS),
            deadlines_conventions=hookimpl(lambda: {"cutoff": "midnight"}),
        )
        text = render(engine(county=both).plugins)
        assert text.splitlines()[1:] == [
            "  - default convention cutoff: close_of_business → midnight",
            "  - supervision thresholds: warning WorkingDaysBefore(1) → WorkingDaysBefore(2)",
        ]


# --- what it costs -----------------------------------------------------------------------------


def _modules(code: str) -> list[str]:
    """The supervision modules a fresh interpreter has imported after `code`."""
    probe = (
        f"{code}\nimport sys\n"
        "print(sorted(m for m in sys.modules if m.startswith(('deadlines.supervision', "
        "'deadlines._thresholds', 'pluggy'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DEADLINES_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    return list(json.loads(out.stdout.strip().replace("'", '"')))


THRESHOLDS_PLUGIN = """
from deadlines import Engine, hookimpl
class P:
    @hookimpl
    def deadlines_supervision_thresholds(self, thresholds):
        from deadlines.supervision import Thresholds, WorkingDaysBefore
        return Thresholds(warning=WorkingDaysBefore(2))
Engine(plugins=[P()])
"""


class TestStartUp:
    """`deadlines due` pays nothing for supervision; a thresholds plugin only for its values."""

    def test_due_without_plugins(self):
        """Neither pluggy nor supervision is imported by ``deadlines due``."""
        code = (
            "import io, contextlib\nfrom deadlines.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['due', 'routing.ordinary', '--at', '2026-07-03T10:00'])"
        )
        assert _modules(code) == []

    def test_thresholds_plugin(self):
        """A plugin that sets thresholds loads their module, not the ledger or the events."""
        modules = _modules(THRESHOLDS_PLUGIN)
        assert "deadlines._thresholds" in modules
        assert [m for m in modules if m.startswith("deadlines.supervision")] == [
            "deadlines.supervision"
        ]
