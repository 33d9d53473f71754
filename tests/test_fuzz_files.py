"""Fuzz: the files people write (events, calendar overrides, policies, cases), as raw bytes.

Each file starts as a good one from `examples/` and is mutated byte by byte, cut, or saved in
another encoding. Reading it gives the file's value or a `DeadlinesError` naming the file,
never another exception; ``deadlines check`` keeps every good event of a file with bad lines.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deadlines import ChinaCalendar, DeadlinesError
from deadlines.policy import dumps_policy, load_cases, load_policy
from deadlines.rules import OPINION_2020
from deadlines.supervision import read_events
from strategies_fuzz import (
    EXAMPLES,
    MAX_ERROR_LINE,
    assert_clean,
    budget,
    encoded,
    mutated,
    nasty_text,
    run_cli,
    strict_json,
)

EVENTS = (EXAMPLES / "supervision" / "county-week.jsonl").read_bytes()
NOTICE = (EXAMPLES / "notice-2026.toml").read_bytes()
POLICY_TOML = (EXAMPLES / "policy-change" / "policy.toml").read_bytes()
POLICY_JSON = dumps_policy(OPINION_2020, "json").encode()
CASES = (EXAMPLES / "policy-change" / "routing.deadlines.toml").read_bytes()
AT = "2025-10-20T12:00"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the fuzzed files are written."""
    return tmp_path_factory.mktemp("fuzz-files")


def file_bytes(good: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(mutated(good), encoded(good.decode("utf-8")), st.binary(max_size=200))


def assert_reads(read: object, path: Path) -> None:
    """Reading gives a value or a short `DeadlinesError`; nothing else escapes."""
    try:
        read(path)  # type: ignore[operator]
    except DeadlinesError as error:
        for line in str(error).splitlines():
            assert len(line) <= MAX_ERROR_LINE, (len(line), line[:300])


class TestPeopleFiles:
    """Override, policy and case files: a value or a `DeadlinesError`, never another error."""

    @pytest.mark.parametrize(
        ("name", "good", "read"),
        [
            ("notice.toml", NOTICE, lambda path: ChinaCalendar(overrides=[path])),
            ("policy.toml", POLICY_TOML, load_policy),
            ("policy.json", POLICY_JSON, load_policy),
            ("x.deadlines.toml", CASES, load_cases),
        ],
        ids=["override", "policy-toml", "policy-json", "cases"],
    )
    def test_mutated(self, folder: Path, name: str, good: bytes, read: object) -> None:
        """Mutated, cut or re-encoded: read, or refused with a short DeadlinesError."""
        path = folder / name
        # The cases refer to policy.toml beside them.
        (folder / "policy.toml").write_bytes(POLICY_TOML)

        @budget(25)
        @given(data=file_bytes(good))
        def fuzz(data: bytes) -> None:
            path.write_bytes(data)
            assert_reads(read, path)

        fuzz()


def event_lines(draw: st.DrawFn) -> tuple[list[bytes], list[bytes]]:
    """The good events of the example and, mixed in, lines that are no event at all.

    (A meeting with one bad matter is not such a line: its other obligations stand. That
    case is in test_input_errors.py.)
    """
    good = EVENTS.splitlines()
    bad = st.one_of(
        st.binary(max_size=60).filter(lambda line: not line.strip().startswith(b"{")),
        nasty_text.map(lambda text: json.dumps({"type": text, "id": "x"}).encode()),
        st.just(b'{"type": "document_received", "id": "d-bad", "urgency": "ordinary", '
                b'"received_at": "2025-02-30T10:00"}'),
        st.just(b'{"type": "document_received", "id": "d-bad2", "urgency": "ordinary", '
                b'"received_at": "2025-09-30T10:00+15:00"}'),
    )  # fmt: skip
    mixed: list[bytes] = []
    for line in good:
        mixed.extend(draw(st.lists(bad, max_size=1)))
        mixed.append(line)
    return good, mixed


def report(run_out: str) -> object:
    """The report without what depends on line numbers."""
    value = strict_json(run_out)
    assert isinstance(value, dict)
    value.pop("errors", None)
    return without_lines(value)


def without_lines(value: object) -> object:
    if isinstance(value, dict):
        return {key: without_lines(item) for key, item in value.items() if key != "line"}
    if isinstance(value, list):
        return [without_lines(item) for item in value]
    return value


class TestEventsFiles:
    """Events files: bad lines are reported alone, good events give the same report."""

    @budget(15)
    @given(data=st.data())
    def test_good_events_survive(self, folder: Path, data: st.DataObject) -> None:
        """The report of good events with bad lines among them equals theirs alone."""
        good, mixed = event_lines(data.draw)
        clean_path, mixed_path = folder / "clean.jsonl", folder / "mixed.jsonl"
        clean_path.write_bytes(b"\n".join(good) + b"\n")
        mixed_path.write_bytes(b"\n".join(mixed) + b"\n")
        clean = run_cli(["check", str(clean_path), "--at", AT, "--json"])
        argv = ["check", str(mixed_path), "--at", AT, "--json"]
        run = run_cli(argv)
        assert_clean(run, argv)
        assert run.status in (0, 1), run.err
        assert report(run.out) == report(clean.out)

    @budget(40)
    @given(data=file_bytes(EVENTS))
    def test_mutated(self, folder: Path, data: bytes) -> None:
        """A mutated events file: exit 0, 1 or 2, strict JSON, short problem lines."""
        path = folder / "events.jsonl"
        path.write_bytes(data)
        argv = ["check", str(path), "--at", AT, "--json"]
        run = assert_clean_run(argv)
        if run.status in (0, 1):
            strict_json(run.out)
        with path.open(encoding="utf-8", errors="surrogateescape") as stream:
            log = read_events(stream)
        assert all(len(str(problem)) <= MAX_ERROR_LINE for problem in log.problems)


def assert_clean_run(argv: list[str]) -> object:
    run = run_cli(argv)
    assert_clean(run, argv)
    return run
