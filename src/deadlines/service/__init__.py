"""``deadlines serve``: a JSON service (FastAPI on uvicorn) for systems that are not Python.

Needs the optional extra: ``pip install 'deadlines[server]'``. `Settings` and `read_token`
import without it (the command line reads their defaults); the other names import FastAPI
when first asked for.

- `create_app`: the application (build it once; it builds its engine once).
- `Settings`: where it listens, its token, its limits, CORS, the calendar files.
- `openapi_document`, `openapi_30`: the contract, as committed in ``docs/openapi.json`` and
  ``docs/openapi-3.0.json``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from deadlines.service._settings import Settings, read_token

if TYPE_CHECKING:
    from deadlines.service._app import app_from_environment, create_app, include_board
    from deadlines.service._openapi import openapi_30, openapi_document
    from deadlines.service._problems import PROBLEM_MEDIA_TYPE, Problem

# Names whose modules import FastAPI: loaded when first asked for.
_LAZY = {
    "PROBLEM_MEDIA_TYPE": "deadlines.service._problems",
    "Problem": "deadlines.service._problems",
    "app_from_environment": "deadlines.service._app",
    "create_app": "deadlines.service._app",
    "include_board": "deadlines.service._app",
    "openapi_30": "deadlines.service._openapi",
    "openapi_document": "deadlines.service._openapi",
}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'deadlines.service' has no attribute {name!r}")
    value: object = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "Problem",
    "Settings",
    "app_from_environment",
    "create_app",
    "include_board",
    "openapi_30",
    "openapi_document",
    "read_token",
]
