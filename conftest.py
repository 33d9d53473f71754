"""Applies to every test, doctest and docs example: none touches the user's cache or notices."""

import os
import tempfile

# Set before any calendar is built: the table cache of the whole run lives in a temporary
# directory, built once and reused by every test in this process.
os.environ["DEADLINES_CACHE_DIR"] = tempfile.mkdtemp(prefix="deadlines-test-cache-")
# Nor the user's or the machine's stored notices: every calendar of the run starts from the
# package's data alone (tests of `deadlines notice` point these at their own folders).
os.environ["DEADLINES_HOME"] = tempfile.mkdtemp(prefix="deadlines-test-home-")
os.environ["DEADLINES_NOTICES"] = tempfile.mkdtemp(prefix="deadlines-test-notices-")
# Nor the machine's locale: a clerk's zh_CN.UTF-8 would turn the English examples Chinese
# (tests of the language choice set their own environment).
os.environ["DEADLINES_LANG"] = "en"

# Checked by mypy --strict, not run: the typed use of the public API.
collect_ignore_glob = ["tests/typing/*"]
