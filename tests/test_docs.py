"""Every ```console block of README.md and docs/*.md runs, and prints what the docs say.

How a block is read:

- A line starting with ``$ `` is a command; the lines after it, up to the next command or the
  end of the block, are its expected output (standard output and standard error together, in
  order). Lines are compared exactly after stripping trailing whitespace; blank lines at the
  end of an output do not count.
- An expected line that is exactly ``...`` matches any number of lines (none included), for
  outputs too long to show whole.
- Commands: ``deadlines ARGS`` runs in this process (`deadlines.cli.main`, so it is fast) from
  the repository's root; ``cat FILE`` prints a file. Anything else is an error: show it in a
  block that is not tested.
- Input: ``deadlines ... < FILE`` reads FILE; a here-document (``deadlines batch <<'EOF'``,
  the input lines, then ``EOF``) gives its lines as standard input. A command may continue
  over lines ending in a backslash.
- The exit status is not compared: an unexpected failure shows in the output.
- A block opened with ```console no-test is not run (say why next to it).

A failure names the file and line of the command, and shows the expected and actual output
and their diff.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import re
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^(`{3,})\s*console\b(.*)$")
HEREDOC = re.compile(r"<<-?\s*(['\"]?)(\w+)\1\s*$")
REDIRECT = re.compile(r"<\s*(\S+)\s*$")


@dataclass
class Command:
    """One ``$`` line of a block, with its input and expected output."""

    line: int
    text: str
    stdin: str | None = None
    stdin_file: str | None = None
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    """A ```console block."""

    path: Path
    line: int
    commands: list[Command]
    problem: str = ""

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def documents() -> list[Path]:
    """README.md and every Markdown file under docs/."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def blocks(path: Path) -> list[Block]:
    """The tested ```console blocks of `path`."""
    found: list[Block] = []
    lines = path.read_text("utf-8").splitlines()
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i].strip())
        if not match:
            i += 1
            continue
        fence, options = match.group(1), match.group(2).split()
        start = i + 1
        end = start
        while end < len(lines) and lines[end].strip() != fence:
            end += 1
        if "no-test" not in options:
            found.append(parse_block(path, start, lines[start:end]))
        i = end + 1
    return found


def parse_block(path: Path, first_line: int, body: list[str]) -> Block:
    """Split a block's lines into commands; `first_line` is the 0-based index of body[0]."""
    block = Block(path, first_line, [])
    i = 0
    while i < len(body):
        line = body[i]
        if not line.startswith("$ "):
            if not block.commands:
                if line.strip():
                    block.problem = (
                        f"line {first_line + i + 1}: output before any command; a command "
                        "line starts with '$ '"
                    )
                    return block
                i += 1
                continue
            block.commands[-1].expected.append(line)
            i += 1
            continue
        command = Command(first_line + i + 1, line[2:])
        while command.text.endswith("\\") and i + 1 < len(body):
            i += 1
            command.text = command.text[:-1].rstrip() + " " + body[i].strip()
        heredoc = HEREDOC.search(command.text)
        if heredoc:
            command.text = command.text[: heredoc.start()].rstrip()
            stdin: list[str] = []
            i += 1
            while i < len(body) and body[i] != heredoc.group(2):
                stdin.append(body[i])
                i += 1
            if i == len(body):
                block.problem = (
                    f"line {command.line}: the here-document never ends; close it with a line "
                    f"{heredoc.group(2)}"
                )
                return block
            command.stdin = "".join(f"{s}\n" for s in stdin)
        else:
            redirect = REDIRECT.search(command.text)
            if redirect:
                command.text = command.text[: redirect.start()].rstrip()
                command.stdin_file = redirect.group(1)
        block.commands.append(command)
        i += 1
    return block


def run(command: Command) -> str:
    """Run one command from the repository's root; its stdout and stderr, interleaved."""
    from deadlines.cli import main

    argv = shlex.split(command.text)
    if argv[:1] == ["cat"]:
        return "".join((ROOT / name).read_text("utf-8") for name in argv[1:])
    if argv[:1] != ["deadlines"]:
        raise AssertionError(
            f"{command.text!r}: only 'deadlines ...' and 'cat FILE' run in a tested block; show "
            "other commands in a ```console no-test block"
        )
    stdin = command.stdin
    if command.stdin_file is not None:
        stdin = (ROOT / command.stdin_file).read_text("utf-8")
    captured = io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin or "")
    try:
        with (
            contextlib.redirect_stdout(captured),
            contextlib.redirect_stderr(captured),
            contextlib.suppress(SystemExit),  # argparse's --help and its own usage errors
        ):
            main(argv[1:])
    finally:
        sys.stdin = saved_stdin
    return captured.getvalue()


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether `actual` matches `expected`, where a line ``...`` matches any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[k:]) for k in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def normalise(lines: list[str]) -> list[str]:
    """Trailing whitespace stripped from each line, trailing blank lines dropped."""
    result = [line.rstrip() for line in lines]
    while result and not result[-1]:
        result.pop()
    return result


ALL_BLOCKS = [block for path in documents() for block in blocks(path)]


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run from the repository's root, as the docs assume."""
    monkeypatch.chdir(ROOT)


@pytest.mark.usefixtures("at_root")
@pytest.mark.parametrize("block", ALL_BLOCKS, ids=[block.where for block in ALL_BLOCKS])
def test_console_block(block: Block) -> None:
    """Each command of the block prints the output the docs show."""
    assert not block.problem, f"{block.where}: {block.problem}"
    for command in block.commands:
        expected = normalise(command.expected)
        actual = normalise(run(command).splitlines())
        if not matches(expected, actual):
            diff = "\n".join(
                difflib.unified_diff(expected, actual, "expected (docs)", "actual", lineterm="")
            )
            report = [
                f"{block.path.relative_to(ROOT)}:{command.line}: $ {command.text}",
                "--- expected (docs) ---",
                *expected,
                "--- actual ---",
                *actual,
                "--- diff ---",
                diff,
            ]
            pytest.fail("\n".join(report), pytrace=False)


class TestRunner:
    """The block reader and matcher themselves."""

    def test_parses_commands_heredocs_and_outputs(self, tmp_path: Path) -> None:
        """Commands, here-documents, redirects and outputs are told apart."""
        doc = tmp_path / "x.md"
        doc.write_text(
            "text\n```console\n$ deadlines a \\\n  b\nout 1\nout 2\n$ deadlines batch <<'EOF'\n"
            "in\nEOF\nout 3\n$ deadlines c < f.csv\n```\n```console no-test\n$ rm -rf /\n```\n",
            "utf-8",
        )
        (block,) = blocks(doc)
        assert [(c.text, c.stdin, c.stdin_file, c.expected) for c in block.commands] == [
            ("deadlines a b", None, None, ["out 1", "out 2"]),
            ("deadlines batch", "in\n", None, ["out 3"]),
            ("deadlines c", None, "f.csv", []),
        ]

    @pytest.mark.parametrize(
        ("expected", "actual", "ok"),
        [
            (["a", "b"], ["a", "b"], True),
            (["a", "...", "d"], ["a", "b", "c", "d"], True),
            (["a", "...", "d"], ["a", "d"], True),
            (["a", "...", "d"], ["a", "b"], False),
            (["a"], ["a", "b"], False),
        ],
        ids=["equal", "ellipsis-many", "ellipsis-none", "ellipsis-no-tail", "extra-line"],
    )
    def test_ellipsis(self, expected: list[str], actual: list[str], ok: bool) -> None:
        """A line ``...`` stands for any number of lines."""
        assert matches(expected, actual) is ok

    def test_output_before_a_command_is_a_problem(self, tmp_path: Path) -> None:
        """A block that starts with output, not a command, is reported, not silently passed."""
        doc = tmp_path / "x.md"
        doc.write_text("```console\nhello\n$ deadlines rules\n```\n", "utf-8")
        (block,) = blocks(doc)
        assert "output before any command" in block.problem

    def test_other_commands_are_refused(self) -> None:
        """Only deadlines and cat run; anything else asks for a no-test block."""
        with pytest.raises(AssertionError, match="no-test"):
            run(Command(1, "rm -rf build"))
