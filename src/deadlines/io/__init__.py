"""Reading and writing many triggers and results: JSON Lines and CSV, and batch mode.

The command line's ``deadlines batch`` is `run_batch` with its arguments parsed; use it
directly to run a batch from Python.
"""

from deadlines._problems import Problem
from deadlines.io._batch import CSV_COLUMNS, Format, run_batch
from deadlines.io._records import Trigger, read_csv, read_jsonl

__all__ = [
    "CSV_COLUMNS",
    "Format",
    "Problem",
    "Trigger",
    "read_csv",
    "read_jsonl",
    "run_batch",
]
