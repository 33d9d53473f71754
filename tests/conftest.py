"""Shared fixtures: one calendar per session, built with a cache private to the test run."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Tests never read or write the user's cache; set before any calendar is built.
os.environ["DEADLINES_CACHE_DIR"] = tempfile.mkdtemp(prefix="deadlines-test-cache-")

from deadlines import ChinaCalendar


@pytest.fixture(scope="session")
def calendar() -> ChinaCalendar:
    """The default calendar (no overrides)."""
    return ChinaCalendar()


@pytest.fixture
def tmp_cache(tmp_path: Path) -> Path:
    """An empty cache directory."""
    return tmp_path / "cache"
