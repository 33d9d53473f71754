"""Columnar due dates: `due_frame` answers a whole table with numpy (extra ``frame``).

Install with ``pip install 'deadlines[frame]'`` (numpy and pandas). Nothing in the core
imports this module, so ``import deadlines`` stays light. Its names are imported when first
asked for, so that `deadlines.supervision` can use the kernels (numpy) without pandas.
"""

from typing import TYPE_CHECKING

from deadlines._lazy import lazy_exports

if TYPE_CHECKING:  # isort: off
    from deadlines.frame._due import (
        COLUMNS as COLUMNS,
        default_engine as default_engine,
        due_frame as due_frame,
    )
    # isort: on

_EXPORTS = {"deadlines.frame._due": ("COLUMNS", "default_engine", "due_frame")}
__getattr__, __dir__, __all__ = lazy_exports(__name__, globals(), _EXPORTS)
