"""The calendar's packaged data: the State Council notices 2004–2026, and the festival dates.

`data/china.json` is written once by ``scripts/make_calendar_data.py`` (from `holidays` and the
notices' numbers) and committed; it is read here with the standard library's C JSON parser,
which takes well under a millisecond.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any

# Beside this module in every install (wheel, sdist, editable); importlib.resources would cost
# more to import than the file costs to read.
_PATH = Path(__file__).with_name("data") / "china.json"


@functools.cache
def raw() -> dict[str, Any]:
    """The parsed JSON (read once per process)."""
    data: dict[str, Any] = json.loads(_PATH.read_bytes())
    return data


def festival_dates(year: int) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """Spring Festival (正月初一), Qingming, Dragon Boat and Mid-Autumn of `year` (2004–2100)."""
    spring, qingming, dragon, autumn = map(dt.date.fromisoformat, raw()["festivals"][str(year)])
    return spring, qingming, dragon, autumn
