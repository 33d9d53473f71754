"""Modules of files outside the package that tests run: the examples, the tests' data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load(relative: str, name: str) -> ModuleType:
    """The module of the file at `relative` (from the repository's root), run as `name`.

    It is kept in `sys.modules` first, as an import would keep it: a dataclass of the module
    looks its module up there while it is made.
    """
    spec = importlib.util.spec_from_file_location(name, ROOT / relative)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module
