"""Shared fixtures: one calendar per session (the cache location is set in ../conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deadlines import ChinaCalendar


@pytest.fixture(scope="session")
def calendar() -> ChinaCalendar:
    """The default calendar (no overrides)."""
    return ChinaCalendar()


@pytest.fixture
def tmp_cache(tmp_path: Path) -> Path:
    """An empty cache directory."""
    return tmp_path / "cache"
