"""Reading and writing many triggers and results: JSON Lines and CSV, and batch mode.

The command line's ``deadlines batch`` is `run_batch` with its arguments parsed; use it
directly to run a batch from Python.
"""

from deadlines import _lazy

# ``X as X`` re-exports each name for type checkers; __all__ is read off them, not listed again.
# isort: off
from deadlines._problems import Problem as Problem
from deadlines.io._batch import CSV_COLUMNS as CSV_COLUMNS, Format as Format, run_batch as run_batch
from deadlines.io._records import Trigger as Trigger, read_csv as read_csv, read_jsonl as read_jsonl
# isort: on

__all__ = _lazy.public_names(globals())
