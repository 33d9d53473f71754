"""Names a package re-exports but imports only when first asked for (PEP 562).

A package lists its public names in one table, by module; type checkers read its
``if TYPE_CHECKING:`` imports (``X as X``) instead, which tests/test_imports.py holds to it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import ModuleType


def _order(name: str) -> tuple[bool, str]:
    return not name.isupper(), name  # constants first, then by name


def public_names(namespace: Mapping[str, object]) -> list[str]:
    """The ``__all__`` of a package that re-exports its names with ``from m import X as X``:
    its public names but the submodules, constants first."""
    names = (n for n, v in namespace.items() if not isinstance(v, ModuleType))
    return sorted((n for n in names if not n.startswith("_")), key=_order)


def lazy_exports(
    package: str,
    namespace: dict[str, object],
    table: Mapping[str, tuple[str, ...]],
    *extra: str,
) -> tuple[Callable[[str], object], Callable[[], list[str]], list[str]]:
    """`package`'s ``__getattr__``, ``__dir__`` and ``__all__``, from `table` (each module and
    the names taken from it) and the `extra` names the package's own ``__getattr__`` answers."""
    modules = {name: module for module, names in table.items() for name in names}

    def __getattr__(name: str) -> object:  # noqa: N807 - PEP 562's name
        if name not in modules:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value: object = getattr(importlib.import_module(modules[name]), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807 - PEP 562's name
        return sorted(set(namespace) | set(modules) | set(extra))

    public = sorted({*modules, *extra}, key=_order)
    return __getattr__, __dir__, public
