"""Fuzz: the arguments of every command, and the files they name, never end in a traceback.

Each example is a command line built from the command's own options with values good and bad
(huge, empty, impossible instants, files mutated byte by byte or saved in GBK). Whatever it is,
the command exits 0, 1 or 2, prints no traceback, keeps every error line short, and what it
prints as JSON is strict JSON. Commands run in this process (`deadlines.cli.main`); one smoke
test runs a subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies_fuzz import (
    EXAMPLES,
    Run,
    assert_clean,
    budget,
    encoded,
    instants,
    mutated,
    nasty_text,
    run_cli,
    strict_json,
)

NOTICE = (EXAMPLES / "notice-2026.toml").read_bytes()
POLICY = (EXAMPLES / "policy-change" / "policy.toml").read_bytes()
CASES = (EXAMPLES / "policy-change" / "routing.deadlines.toml").read_bytes()
EVENTS = (EXAMPLES / "supervision" / "county-week.jsonl").read_bytes()
BATCH = (
    b'{"id": 1, "rule": "minutes.executive", "at": "2026-09-30T17:00"}\n'
    b'{"id": "\xe5\xbe\x85", "rule": "decisions.time_limited", "at": "2026-09-30T17:00", '
    b'"limit_days": 15}\n'
)


class File:
    """A file argument: its bytes, written under a name with `suffix` before the run."""

    def __init__(self, data: bytes, suffix: str) -> None:
        self.data = data
        self.suffix = suffix

    def __repr__(self) -> str:
        return f"File({self.data[:60]!r}..., {self.suffix!r})"


def files(good: bytes, suffix: str) -> st.SearchStrategy[object]:
    """A file argument: the good file, mutated, re-encoded, or a path that does not exist."""
    return st.one_of(
        st.just(File(good, suffix)),
        mutated(good).map(lambda data: File(data, suffix)),
        encoded(good.decode("utf-8")).map(lambda data: File(data, suffix)),
        st.sampled_from(["/nonexistent/x" + suffix, str(EXAMPLES), "-", "\x00", "a\x00b" + suffix]),
        nasty_text,
    )


def option(name: str, values: st.SearchStrategy[object]) -> st.SearchStrategy[list[object]]:
    """``NAME VALUE`` as two arguments."""
    return values.map(lambda value: [name, value])


def flag(name: str) -> st.SearchStrategy[list[object]]:
    return st.just([name])


def command_line(
    command: str,
    positional: list[st.SearchStrategy[object]],
    options: list[st.SearchStrategy[list[object]]],
) -> st.SearchStrategy[list[object]]:
    """``COMMAND`` with its positional arguments (each maybe missing) and some options."""

    @st.composite
    def build(draw: st.DrawFn) -> list[object]:
        argv: list[object] = [command]
        for value in positional:
            if draw(st.integers(0, 9)):  # now and then leave it out
                argv.append(draw(value))
        for _ in range(draw(st.integers(0, 5))):
            argv.extend(draw(st.one_of(*options)))
        if draw(st.integers(0, 19)) == 0:
            argv.append(draw(nasty_text))  # a stray argument
        return argv

    return build()


rules = st.one_of(
    st.sampled_from(
        ["minutes.executive", "decisions.time_limited", "routing.ordinary", "meetings.march_freeze"]
    ),
    nasty_text,
)
params = st.one_of(
    st.tuples(st.sampled_from(["limit_days", "deadline", "stated_limit", "done", "x"]), nasty_text)
    .map(lambda pair: f"{pair[0]}={pair[1]}"),
    st.sampled_from(["limit_days=1000000000", "limit_days=40000", "deadline=2200-01-01"]),
    nasty_text,
)
lang = option("--lang", st.one_of(st.sampled_from(["zh", "en"]), nasty_text))
calendar = option("--calendar", files(NOTICE, ".toml"))
days = st.one_of(st.sampled_from(["2026-09-01", "2026-09-07", "2026-02-30"]), nasty_text)

COMMAND_LINES = {
    "due": command_line(
        "due",
        [rules],
        [
            option("--at", instants),
            option("--param", params),
            flag("--explain"),
            flag("--json"),
            lang,
            calendar,
            flag("--no-plugins"),
        ],
    ),
    "batch": command_line(
        "batch",
        [files(BATCH, ".jsonl")],
        [
            option("--format", st.one_of(st.sampled_from(["jsonl", "csv"]), nasty_text)),
            option("--output-format", st.one_of(st.sampled_from(["jsonl", "csv"]), nasty_text)),
            flag("--explain"),
            # Refused values only: a large --jobs starts that many processes.
            option("--jobs", st.sampled_from(["x", "-1", "²", "9" * 5000, "", "1.5"])),
            lang,
            calendar,
            flag("--no-plugins"),
        ],
    ),
    "rules": command_line("rules", [], [flag("--json"), lang, calendar, flag("--no-plugins")]),
    "calendar": command_line(
        "calendar",
        [st.one_of(st.sampled_from(["2026", "2026-10", "2101", "2026-13"]), nasty_text)],
        [lang, calendar, flag("--no-plugins"), flag("--json"), flag("--csv"), flag("--ics")],
    ),
    "notice": st.one_of(
        command_line(
            "notice", [st.just("add"), files(NOTICE, ".toml")], [flag("--allow-partial"), lang]
        ),
        command_line("notice", [st.just("list")], [lang]),
        command_line(
            "notice",
            [st.just("remove"), st.one_of(st.sampled_from(["2026", "2027"]), nasty_text)],
            [lang],
        ),
        command_line("notice", [nasty_text], []),
    ),
    "--version": st.just(["--version"]),
    "check": command_line(
        "check",
        [files(EVENTS, ".jsonl")],
        [
            option("--at", instants),
            flag("--json"),
            flag("--csv"),
            option("--warn-days", nasty_text),
            option("--warn-fraction", nasty_text),
            option("--escalate-after", nasty_text),
            option("--explain", nasty_text),
            option("--color", nasty_text),
            lang,
            calendar,
            flag("--no-plugins"),
        ],
    ),
    "test": command_line(
        "test", [files(CASES, ".deadlines.toml")], [flag("-q"), flag("--json"), lang]
    ),
    "diff": command_line(
        "diff",
        [
            st.one_of(st.just("opinion-2020"), files(POLICY, ".toml")),
            st.one_of(st.just("opinion-2020"), files(POLICY, ".toml")),
        ],
        [
            option("--cases", files(CASES, ".deadlines.toml")),
            # Short ranges only: a range of decades is a long computation, not a defect.
            option("--from", days),
            option("--to", days),
            option("--rule", rules),
            flag("--summary"),
            flag("--json"),
            calendar,
        ],
    ),
    "schema": command_line("schema", [st.one_of(st.just("cases"), nasty_text)], []),
    "plugins": command_line("plugins", [], [flag("--json"), lang]),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the file arguments of the examples are written."""
    return tmp_path_factory.mktemp("fuzz-cli")


def materialised(argv: list[object], folder: Path) -> Iterator[str]:
    """`argv` as text, each `File` written to `folder` first."""
    for number, item in enumerate(argv):
        if isinstance(item, File):
            path = folder / f"arg{number}{item.suffix}"
            path.write_bytes(item.data)
            yield str(path)
        else:
            yield str(item)


def checked(argv: list[str], stdin: bytes = b"") -> Run:
    run = run_cli(argv, stdin)
    assert_clean(run, argv)
    if run.status in (0, 1) and "--json" in argv and run.out:
        strict_json(run.out)
    return run


class TestEveryCommand:
    """No command line of any command ends in a traceback, an unbounded error, or loose JSON."""

    @pytest.mark.parametrize("command", sorted(COMMAND_LINES), ids=sorted(COMMAND_LINES))
    def test_command_lines(self, command: str, folder: Path) -> None:
        """Status 0, 1 or 2; no traceback; error lines bounded; --json output strict."""

        @budget(40)
        @given(argv=COMMAND_LINES[command])
        def fuzz(argv: list[object]) -> None:
            checked(list(materialised(argv, folder)), stdin=EVENTS)

        # `deadlines notice add` stores what it accepts: in a folder of this test's own, so
        # that no calendar built later in the run sees a fuzzed notice.
        home = os.environ.get("DEADLINES_HOME")
        os.environ["DEADLINES_HOME"] = str(folder / f"home-{command}")
        try:
            fuzz()
        finally:
            if home is None:
                del os.environ["DEADLINES_HOME"]
            else:
                os.environ["DEADLINES_HOME"] = home


class TestSubprocess:
    """The installed program, run as a user runs it, prints no traceback for a bad input."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["due", "decisions.time_limited", "--at", "2026-09-30T17:00", "--param",
             "limit_days=1000000000"],
            ["due", "minutes.executive", "--at", "2026-09-30T10:00+15:00"],
            ["due", "minutes.executive", "--at", "2026-02-30T10:00"],
        ],
        ids=["huge-limit", "offset-15", "february-30"],
    )  # fmt: skip
    def test_no_traceback(self, argv: list[str]) -> None:
        """python -m deadlines exits 2 with one error line."""
        done = subprocess.run(
            [sys.executable, "-m", "deadlines", *argv],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1, done.stderr
