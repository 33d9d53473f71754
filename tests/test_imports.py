"""The import graph of `deadlines`: no module imports itself back, not even for type checking.

Every ``import`` statement counts, wherever it stands: at the top, under ``if TYPE_CHECKING:``,
or inside a function (an import put off for speed still ties the two modules together). The
graph is read from the source with `ast`; nothing is imported.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted((SRC / "deadlines").rglob("*.py"))}


def _imports(name: str, path: Path, known: Mapping[str, Path]) -> Iterator[str]:
    """The deadlines modules that `name` imports, anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                # `from deadlines.rules import _trace` imports a module; `import Rule`, a name.
                target = f"{base}.{alias.name}"
                if target in known:
                    yield target
                elif base in known:
                    yield base


def graph() -> dict[str, set[str]]:
    """Each deadlines module and the deadlines modules it imports (itself excluded)."""
    known = _modules()
    return {
        name: {target for target in _imports(name, path, known) if target != name}
        for name, path in known.items()
    }


def cycles(edges: Mapping[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


class TestCycles:
    """No import cycle among the deadlines modules."""

    def test_none(self):
        """No cycle, counting imports under TYPE_CHECKING and inside functions."""
        assert [sorted(c) for c in cycles(graph())] == []

    @pytest.mark.parametrize(
        ("edges", "expected"),
        [
            ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
            ({"a": {"b"}, "b": {"a"}}, [{"a", "b"}]),
            ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [{"a", "b", "c"}]),
        ],
        ids=["chain", "two", "three-and-a-tail"],
    )
    def test_finder(self, edges, expected):
        """The finder sees a cycle of two or more modules and nothing else."""
        assert [set(c) for c in cycles(edges)] == expected

    def test_reads_type_checking_and_function_imports(self):
        """Imports under TYPE_CHECKING and inside functions are edges of the graph."""
        edges = graph()
        assert "deadlines._thresholds" in edges["deadlines.hookspecs"]  # under TYPE_CHECKING
        assert "deadlines._plugins" in edges["deadlines._engine"]  # inside __init__


def _type_checking_imports(path: Path) -> list[tuple[str | None, str, str | None]]:
    """Each name a package imports under ``if TYPE_CHECKING:`` as ``(module, name, asname)``."""
    found: list[tuple[str | None, str, str | None]] = []
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom):
                    found.extend((statement.module, a.name, a.asname) for a in statement.names)
    return found


LAZY_PACKAGES = ["deadlines", "deadlines.supervision"]


class TestLazyExports:
    """A package's table of names, its TYPE_CHECKING imports and its __all__ say the same."""

    @pytest.mark.parametrize("package", LAZY_PACKAGES, ids=LAZY_PACKAGES)
    def test_type_checking_imports_are_the_table(self, package):
        """What mypy reads under TYPE_CHECKING is the table, each name re-exported (X as X)."""
        module = importlib.import_module(package)
        imports = _type_checking_imports(Path(module.__file__ or ""))
        table = {(source, name) for source, names in module._EXPORTS.items() for name in names}
        assert {(source, name) for source, name, _ in imports} == table
        assert [name for _, name, alias in imports if alias != name] == []
        assert len(imports) == len(table)

    @pytest.mark.parametrize("package", LAZY_PACKAGES, ids=LAZY_PACKAGES)
    def test_all_is_the_table(self, package):
        """__all__ is the table's names, once each, constants first, then by name."""
        module = importlib.import_module(package)
        names = [name for names in module._EXPORTS.values() for name in names]
        assert set(module.__all__) - {"__version__"} == set(names)
        assert len(names) == len(set(names))
        assert module.__all__ == sorted(module.__all__, key=lambda n: (not n.isupper(), n))

    @pytest.mark.parametrize("package", LAZY_PACKAGES, ids=LAZY_PACKAGES)
    def test_every_name_resolves(self, package):
        """Each name of __all__ is there, and dir() lists it."""
        module = importlib.import_module(package)
        assert all(getattr(module, name) is not None for name in module.__all__)
        assert set(module.__all__) <= set(dir(module))
        with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
            getattr(module, "Nothing")  # noqa: B009 - the lookup itself is tested

    def test_import_is_light(self):
        """`import deadlines` imports none of the modules its names come from."""
        code = "import sys, deadlines; print(sorted(m for m in sys.modules if 'deadlines.' in m))"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "['deadlines._lazy']"
