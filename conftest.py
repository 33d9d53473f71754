"""Applies to every test, doctest and docs example: none reads or writes the user's cache."""

import os
import tempfile

# Set before any calendar is built: the table cache of the whole run lives in a temporary
# directory, built once and reused by every test in this process.
os.environ["DEADLINES_CACHE_DIR"] = tempfile.mkdtemp(prefix="deadlines-test-cache-")

# Checked by mypy --strict, not run: the typed use of the public API.
collect_ignore_glob = ["tests/typing/*"]
