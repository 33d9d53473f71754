"""What the fuzz tests share: their budget, the inputs they mutate, and what every output obeys.

The budget is small in CI (a few seconds per surface). ``DEADLINES_FUZZ=long`` runs a hundred
times more examples, for a local hunt::

    DEADLINES_FUZZ=long .venv/bin/python -m pytest tests/test_fuzz*.py -q -p no:cacheprovider
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from deadlines.cli import main

#: ``long`` for a local hunt; anything else (or nothing) is the CI budget.
LONG = os.environ.get("DEADLINES_FUZZ", "") == "long"


def budget(examples: int) -> settings:
    """Hypothesis settings for a fuzz test: `examples` in CI, a hundred times more when long."""
    return settings(
        max_examples=examples * 100 if LONG else examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=not LONG,  # CI reruns the same examples: a failure is never a fluke
        database=None,
        # CI reports a failing example as found: shrinking a slow one can take minutes.
        phases=tuple(Phase) if LONG else (Phase.explicit, Phase.generate),
    )


#: The longest line any error may print: a message, the example it shows, and one echoed value
#: of at most 200 characters (plus its stated length).
MAX_ERROR_LINE = 1200

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


# --- running the command line in this process ------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One in-process run of ``deadlines``: its exit status and what it printed."""

    status: int
    out: str
    err: str


def run_cli(argv: Sequence[str], stdin: bytes = b"") -> Run:
    """Run ``deadlines ARGV`` in this process, with `stdin` as its standard input's bytes."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(argv))
            except SystemExit as exit_:  # argparse's own usage errors
                status = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        sys.stdin = old_stdin
    return Run(status, out.getvalue(), err.getvalue())


def assert_clean(run: Run, argv: Sequence[str]) -> None:
    """The properties every command obeys: status 0, 1 or 2; no traceback; bounded errors."""
    assert run.status in (0, 1, 2), (argv, run)
    assert "Traceback" not in run.err, (argv, run.err[-3000:])
    for line in run.err.splitlines():
        assert len(line) <= MAX_ERROR_LINE, (argv, len(line), line[:300])


# --- strict output ------------------------------------------------------------------------------


def _no_constant(name: str) -> object:
    raise AssertionError(f"{name} in JSON output: not RFC 8259")


def strict_json(text: str) -> object:
    """Parse `text` as RFC 8259 JSON: NaN, Infinity and repeated keys fail the test."""

    def pairs(items: list[tuple[str, object]]) -> dict[str, object]:
        keys = [key for key, _ in items]
        assert len(set(keys)) == len(keys), f"repeated key in JSON output: {keys}"
        return dict(items)

    return json.loads(text, parse_constant=_no_constant, object_pairs_hook=pairs)


# --- inputs ------------------------------------------------------------------------------------

#: Text that breaks naive code: huge, control characters, surrogate-free odd Unicode, numbers.
nasty_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "NaN",
            "Infinity",
            "-1",
            "0",
            "1e999",
            "１５",
            "²",
            "9" * 30,
            "\x00",
            "\u202e",
            "2026-02-30T10:00",
            "2026-09-30T10:00+15:00",
            "2026-09-30T10:00-23:59",
            "9999-12-31T23:59-05:00",
            "0001-01-01T00:00+14:00",
            "2100-12-31T23:00",
            "2003-12-31T10:00",
            "2026-09-30",
            "2026-09-30T17:00",
            "2026-09-30T17:00Z",
            "minutes.executive",
            "decisions.time_limited",
            "routing.ordinary",
            "meetings.march_freeze",
            "true",
        ]
    ),
    # Huge values, built when drawn (a strategy's repr shows its literals).
    st.sampled_from([("9", 5000), ("x", 100_000), ("年", 300)]).map(lambda p: p[0] * p[1]),
)

#: Instants as people type them, good and bad.
instants = st.one_of(
    st.sampled_from(
        [
            "2026-09-30T17:00",
            "2026-10-01T09:00+08:00",
            "2026-02-30T10:00",
            "2026-09-30T10:00+15:00",
            "2100-12-30T17:00",
            "2003-12-31T23:00",
            "9999-12-31T23:59-05:00",
            "2026-09-30",
            "",
        ]
    ),
    st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)).map(
        lambda d: d.isoformat()
    ),
    nasty_text,
)


def mutated(data: bytes) -> st.SearchStrategy[bytes]:
    """`data` with a few random byte-level edits: replaced, inserted, deleted, cut, repeated."""

    @st.composite
    def edit(draw: st.DrawFn) -> bytes:
        result = bytearray(data)
        for _ in range(draw(st.integers(1, 6))):
            where = draw(st.integers(0, max(len(result) - 1, 0)))
            kind = draw(st.sampled_from(["replace", "insert", "delete", "cut", "repeat", "text"]))
            if kind == "replace" and result:
                result[where] = draw(st.integers(0, 255))
            elif kind == "insert":
                result[where:where] = draw(st.binary(min_size=1, max_size=8))
            elif kind == "delete":
                del result[where : where + draw(st.integers(1, 20))]
            elif kind == "cut":
                del result[where:]
            elif kind == "repeat":
                result[where:where] = result[where : where + 40] * draw(st.integers(1, 3))
            else:
                result[where:where] = draw(nasty_text).encode("utf-8", "surrogatepass")[:300]
        return bytes(result)

    return edit()


#: Encodings people save files in, with what breaks them.
ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "utf-16")


def encoded(text: str) -> st.SearchStrategy[bytes]:
    """`text` in one of `ENCODINGS` (GBK drops what it cannot encode)."""
    return st.sampled_from(ENCODINGS).map(lambda name: text.encode(name, errors="replace"))


@contextlib.contextmanager
def written(folder: Path, name: str, data: bytes) -> Iterator[Path]:
    """`data` written to `folder/name` for the length of the block."""
    path = folder / name
    path.write_bytes(data)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)
