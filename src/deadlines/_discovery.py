"""Whether plugins may apply, found out cheaply: the engine imports `deadlines._plugins` (and
pluggy) only then; with no plugin given and none installed, it needs none of it."""

from __future__ import annotations

import os
import re
import sys
from importlib.machinery import PathFinder
from pathlib import Path
from typing import Final

#: The entry-point group installed plugins declare themselves in.
ENTRY_POINT_GROUP: Final = "deadlines"

#: Set this environment variable (to anything but the empty string) to skip discovering
#: installed plugins; plugins passed in code still apply. Like pytest's
#: ``PYTEST_DISABLE_PLUGIN_AUTOLOAD``.
AUTOLOAD_ENV: Final = "DEADLINES_DISABLE_PLUGIN_AUTOLOAD"


def plugins_wanted(plugins: object, *, discover: bool) -> bool:
    """Whether an engine must run the plugin machinery: plugins given, or perhaps installed."""
    if plugins != ():
        return True
    return discover and not os.environ.get(AUTOLOAD_ENV) and plugins_may_be_installed()


_SECTION = re.compile(rf"^\s*\[\s*{re.escape(ENTRY_POINT_GROUP)}\s*\]\s*$", re.MULTILINE)
#: Finders that find distributions on sys.path as the standard one does, so the scan below sees
#: what they see: the importlib_metadata backport's, which dask (among others) imports.
_PATH_LIKE = frozenset(
    {
        "importlib.machinery.PathFinder",  # the standard one
        "importlib_metadata.MetadataPathFinder",
    }
)


def plugins_may_be_installed() -> bool:
    """Whether a distribution on the path may declare an entry point in our group, from the
    ``entry_points.txt`` files (`importlib.metadata` costs 10 ms). What the scan cannot see into
    (a zip on the path, a custom finder) counts as "may": it can cost time, never a plugin."""
    for finder in sys.meta_path:
        kind = finder if isinstance(finder, type) else type(finder)
        name = f"{kind.__module__}.{kind.__qualname__}"
        own = finder is PathFinder or name in _PATH_LIKE
        if hasattr(finder, "find_distributions") and not own:
            return True
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as scan:
                metadata = [e.path for e in scan if e.name.endswith((".dist-info", ".egg-info"))]
        except NotADirectoryError:
            return True
        except OSError:
            continue  # a path entry that does not exist holds no distribution
        for folder in metadata:
            try:
                text = Path(folder, "entry_points.txt").read_text("utf-8", errors="replace")
            except OSError:
                continue
            if _SECTION.search(text):
                return True
    return False
