"""Names a package re-exports but imports only when first asked for (PEP 562).

A package lists its lazy names once, by module; its ``__getattr__`` and ``__dir__`` come from
that table. Type checkers read the package's ``if TYPE_CHECKING:`` imports and its ``__all__``;
tests/test_imports.py checks that both say what the table says.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_exports(
    package: str, namespace: dict[str, object], table: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of `package`, from `table` (module → its names).

    A name is imported once: its value is then stored in `namespace`, the package's globals.
    """
    modules = {name: module for module, names in table.items() for name in names}

    def __getattr__(name: str) -> object:  # noqa: N807 - PEP 562's name
        if name not in modules:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value: object = getattr(importlib.import_module(modules[name]), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807 - PEP 562's name
        return sorted(set(namespace) | set(modules))

    return __getattr__, __dir__
