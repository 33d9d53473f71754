"""Due dates on dask: the same code on one machine's cores or on a cluster (extra ``dask``).

Install with ``pip install 'deadlines[dask]'``. `docs/scale.md` gives the recipes: a bag of
JSON lines through `due_partition`, a dataframe through `frame_partition`, and the settings
that matter.
"""

from deadlines.dask._partitions import META, due_partition, frame_partition

__all__ = ["META", "due_partition", "frame_partition"]
