"""Names a package re-exports but imports only when first asked for (PEP 562).

A package lists its public names once, by module; its ``__getattr__``, ``__dir__`` and
``__all__`` come from that table. Type checkers cannot read it: they read the package's
``if TYPE_CHECKING:`` imports (``X as X``, an explicit re-export), which tests/test_imports.py
holds to the table.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_exports(
    package: str,
    namespace: dict[str, object],
    table: Mapping[str, tuple[str, ...]],
    *extra: str,
) -> tuple[Callable[[str], object], Callable[[], list[str]], list[str]]:
    """The ``__getattr__``, ``__dir__`` and ``__all__`` (constants first, then by name) of
    `package`, from `table` (each module and the names taken from it) and the `extra` names the
    package's own ``__getattr__`` answers; a name's value is kept in `namespace` once imported.
    """
    modules = {name: module for module, names in table.items() for name in names}

    def __getattr__(name: str) -> object:  # noqa: N807 - PEP 562's name
        if name not in modules:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value: object = getattr(importlib.import_module(modules[name]), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807 - PEP 562's name
        return sorted(set(namespace) | set(modules) | set(extra))

    public = sorted({*modules, *extra}, key=lambda name: (not name.isupper(), name))
    return __getattr__, __dir__, public
