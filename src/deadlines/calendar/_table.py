"""The calendar table, one byte per day from 2004 to 2100: the announced years from the
packaged ``data/china.json``, later years estimated by `holidays` and cached (docs/design.md)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.util
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from deadlines.calendar._days import DayKind

#: The first day covered: the 2004 notice is the first that `chinese_calendar` cross-checks.
FIRST_DATE = dt.date(2004, 1, 1)
#: The last day covered: `holidays` computes China's statutory days through 2100.
LAST_DATE = dt.date(2100, 12, 31)
#: Bump when the cached layout or its meaning changes.
FORMAT_VERSION = 4

#: The ordinal of `FIRST_DATE` (a day's offset in the table is its ordinal less this), and
#: the number of days in the table.
FIRST_ORDINAL = FIRST_DATE.toordinal()
SIZE = (LAST_DATE - FIRST_DATE).days + 1
_US_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
ESTIMATED = "estimated by the statutory rules (no State Council notice yet)"
# Beside this module in every install (wheel, sdist, editable); importlib.resources would cost
# more to import than the file costs to read.
_PATH = Path(__file__).with_name("data") / "china.json"


@functools.cache
def raw() -> dict[str, Any]:
    """The packaged data, parsed (read once per process)."""
    data: dict[str, Any] = json.loads(_PATH.read_bytes())
    return data


def festival_dates(year: int) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """Spring Festival (正月初一), Qingming, Dragon Boat and Mid-Autumn of `year` (2004–2100)."""
    spring, qingming, dragon, autumn = map(dt.date.fromisoformat, raw()["festivals"][str(year)])
    return spring, qingming, dragon, autumn


@dataclass(frozen=True, slots=True)
class Table:
    """The calendar's raw data; a day is its offset from `FIRST_DATE`."""

    kinds: bytes  # one DayKind per day, FIRST_DATE through LAST_DATE
    names: dict[int, tuple[str, str]]  # (zh, en) of each holiday and adjusted day
    sources: dict[int, str]  # year → the notice that fixed it (or how it was estimated)
    # A day a later notice changed (2020's longer Spring Festival) → that notice
    day_sources: dict[int, str]
    last_announced_year: int
    origin: str  # e.g. "deadlines data 2004-2026 + holidays 0.109"


def holidays_version() -> str:
    """The installed `holidays` version, read off its dist-info folder without importing it
    (40 ms); `importlib.metadata` (15 ms more) for an egg, a zip or two dist-info folders."""
    spec = importlib.util.find_spec("holidays")
    if spec is None:
        raise ModuleNotFoundError("deadlines needs holidays: pip install holidays")
    for location in spec.submodule_search_locations or ():
        found = list(Path(location).parent.glob("holidays-*.dist-info"))
        if len(found) == 1:
            return found[0].name.removeprefix("holidays-").removesuffix(".dist-info")
    from importlib.metadata import version

    return version("holidays")


def default_cache_dir() -> Path:
    """Where the estimates are cached: ``$DEADLINES_CACHE_DIR``, else the user cache folder."""
    if env := os.environ.get("DEADLINES_CACHE_DIR"):
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "deadlines" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "deadlines"


def notice_citation(notice: dict[str, str]) -> str:
    """How a packaged notice is cited: its number (when known), title and link."""
    return " ".join(part for part in (notice["number"], notice["title"], notice["url"]) if part)


class _Estimates(NamedTuple):
    """The provisional years' special days, from `holidays`: offset → (kind, zh, en)."""

    first_offset: int
    days: dict[int, tuple[int, str, str]]
    version: str


def load_table(cache_dir: Path | None) -> Table:
    """The table: the packaged notices, then later years' estimates (cached in `cache_dir`)."""
    data = raw()
    week = bytes(DayKind.WEEKEND if (FIRST_DATE.weekday() + i) % 7 >= 5 else 0 for i in range(7))
    kinds = bytearray((week * (SIZE // 7 + 1))[:SIZE])
    names: dict[int, tuple[str, str]] = {}
    sources: dict[int, str] = {}
    day_sources: dict[int, str] = {}
    for notice in data["notices"]:
        sources[notice["year"]] = notice_citation(notice)
        cite = notice["number"] or notice["title"]
        for key, kind in (("days_off", DayKind.HOLIDAY), ("workdays", DayKind.ADJUSTED_WORKDAY)):
            for iso, zh, en, source in notice[key]:
                offset = dt.date.fromisoformat(iso).toordinal() - FIRST_ORDINAL
                kinds[offset] = kind
                names[offset] = (zh, en)
                if source != cite:
                    day_sources[offset] = source
    last_announced = max(sources)
    estimates = _estimates(cache_dir, last_announced)
    for offset, (estimated, zh, en) in estimates.days.items():
        kinds[offset] = estimated
        names[offset] = (zh, en)
    for year in range(last_announced + 1, LAST_DATE.year + 1):
        sources[year] = ESTIMATED
    return Table(
        kinds=bytes(kinds),
        names=names,
        sources=sources,
        day_sources=day_sources,
        last_announced_year=last_announced,
        origin=f"deadlines data {FIRST_DATE.year}-{last_announced}, "
        f"later years estimated by holidays {estimates.version}",
    )


def _estimates(cache_dir: Path | None, last_announced: int) -> _Estimates:
    key = f"holidays-{holidays_version()}-format-{FORMAT_VERSION}-after-{last_announced}"
    if cache_dir is None:
        return build_estimates(last_announced)
    path = cache_dir / f"china-{key}.cache"
    estimates = _read_cache(path, key)
    if estimates is None:
        estimates = build_estimates(last_announced)
        _write_cache(path, key, estimates)
    return estimates


def _seal(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_cache(path: Path, key: str) -> _Estimates | None:
    """The cached estimates, or None when the file is missing, damaged or of another key."""
    try:
        seal, _, text = path.read_text("utf-8").partition("\n")
        if seal != _seal(text):
            return None
        payload = json.loads(text)
        if payload["key"] != key:
            return None
        first_offset = int(payload["first_offset"])
        days: dict[int, tuple[int, str, str]] = {}
        for offset, kind, zh, en in payload["days"]:
            if not first_offset <= offset < SIZE or kind not in (2, 3):
                return None
            days[int(offset)] = (int(kind), str(zh), str(en))
        return _Estimates(first_offset, days, str(payload["version"]))
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        # Missing, unreadable, truncated or corrupted: rebuild.
        return None


def _write_cache(path: Path, key: str, estimates: _Estimates) -> None:
    payload = {
        "key": key,
        "version": estimates.version,
        "first_offset": estimates.first_offset,
        "days": [[offset, *day] for offset, day in sorted(estimates.days.items())],
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    import tempfile  # only a cold start writes; a warm one need not import it

    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename, so a reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"{_seal(text)}\n{text}")
        Path(tmp).replace(path)
    except OSError:
        # A read-only home directory or a full disk only costs speed; the table in memory is
        # correct. Leave no half-written file behind.
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def build_estimates(last_announced: int) -> _Estimates:
    """The special days of every year after `last_announced`, from `holidays` (150 ms); a notice
    `holidays` carries is still provisional until our data or a loaded notice announces it."""
    import holidays

    years = range(last_announced + 1, LAST_DATE.year + 1)
    zh = holidays.China(years=years, language="zh_CN")
    en = holidays.China(years=years, language="en_US")
    weekend_workdays = set(zh.weekend_workdays)
    first = dt.date(last_announced + 1, 1, 1)
    first_offset = (first - FIRST_DATE).days
    days: dict[int, tuple[int, str, str]] = {}
    for offset in range(first_offset, SIZE):
        day = dt.date.fromordinal(FIRST_ORDINAL + offset)
        if day in zh:
            # holidays' en_US names carry US dates ("substituted from 09/20/2026"): use ISO.
            english = _US_DATE.sub(r"\3-\1-\2", "; ".join(en.get_list(day)))
            days[offset] = (DayKind.HOLIDAY, "；".join(zh.get_list(day)), english)
        elif day.weekday() >= 5 and day in weekend_workdays:
            days[offset] = (DayKind.ADJUSTED_WORKDAY, "调休上班", "adjusted working day")
    return _Estimates(first_offset, days, holidays.__version__)
