"""Columnar due dates: `due_frame` answers a whole table with numpy (extra ``frame``).

Install with ``pip install 'deadlines[frame]'`` (numpy and pandas). Nothing else in the
package imports this module, so ``import deadlines`` stays light.
"""

from deadlines.frame._due import COLUMNS, default_engine, due_frame

__all__ = ["COLUMNS", "default_engine", "due_frame"]
