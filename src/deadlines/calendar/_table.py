"""The calendar table: one byte per day from 2004 to 2100, built from `holidays` and cached.

Building the table from `holidays` costs about 150 ms (importing it and computing 97 years in
two languages); a process that prints one due date should not pay that. The table is therefore
cached as JSON in the user's cache directory, keyed by the `holidays` version and our format
version and sealed with a SHA-256 of its content: a cache that does not match is rebuilt, never
trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from deadlines.calendar._days import DayKind

#: The first day covered: the 2004 notice is the first that `chinese_calendar` cross-checks.
FIRST_DATE = dt.date(2004, 1, 1)
#: The last day covered: `holidays` computes China's statutory days through 2100.
LAST_DATE = dt.date(2100, 12, 31)
#: Bump when the cached layout or its meaning changes.
FORMAT_VERSION = 3

_US_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
_ESTIMATED = "estimated by the statutory rules (no State Council notice yet)"


@dataclass(frozen=True, slots=True)
class Table:
    """The calendar's raw data.

    Attributes:
        kinds: one `DayKind` byte per day from `FIRST_DATE` through `LAST_DATE`.
        names: day offset → (Chinese name, English name) for holidays and adjusted days.
        sources: year → the notice that fixed it (or how it was estimated).
        last_announced_year: the last year whose State Council notice the data carries.
        origin: where the data came from, e.g. ``holidays 0.109``.
    """

    kinds: bytes
    names: dict[int, tuple[str, str]]
    sources: dict[int, str]
    last_announced_year: int
    origin: str


def holidays_version() -> str:
    """The installed `holidays` version, without importing it (that costs 40 ms).

    It is read off the name of the ``holidays-<version>.dist-info`` folder beside the package;
    `importlib.metadata`, the documented way, costs 15 ms more to import and parses the whole
    METADATA file, so it is only the fallback (an egg, a zip, two dist-info folders).
    """
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
    """Where the table is cached: ``$DEADLINES_CACHE_DIR``, else the platform's user cache."""
    if env := os.environ.get("DEADLINES_CACHE_DIR"):
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "deadlines" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "deadlines"


def load_table(cache_dir: Path | None) -> Table:
    """The table, from the cache when it is valid, else built from `holidays` (and cached).

    Args:
        cache_dir: the cache directory, or ``None`` to neither read nor write a cache.
    """
    version = holidays_version()
    key = f"holidays-{version}-format-{FORMAT_VERSION}"
    if cache_dir is None:
        return build_table()
    path = cache_dir / f"china-{key}.cache"
    table = _read_cache(path, key)
    if table is None:
        table = build_table()
        _write_cache(path, key, table)
    return table


def _seal(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: The cached day kinds are a string of digits, one per day; this maps them back to bytes.
_DIGITS = bytes.maketrans(b"0123", bytes(DayKind))


def _read_cache(path: Path, key: str) -> Table | None:
    """The cached table, or None when it is missing or fails any check.

    The file is the SHA-256 of the payload on the first line, then the payload as JSON: the
    seal is checked on the text as read, before anything is parsed.
    """
    try:
        seal, _, text = path.read_text("utf-8").partition("\n")
        if seal != _seal(text):
            return None
        payload = json.loads(text)
        if payload["key"] != key:
            return None
        digits = payload["kinds"].encode("ascii")
        if len(digits) != (LAST_DATE - FIRST_DATE).days + 1 or digits.translate(None, b"0123"):
            return None
        kinds = digits.translate(_DIGITS)
        return Table(
            kinds=kinds,
            names={int(k): (v[0], v[1]) for k, v in payload["names"].items()},
            sources={int(k): v for k, v in payload["sources"].items()},
            last_announced_year=int(payload["last_announced_year"]),
            origin=str(payload["origin"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        # Missing, unreadable, truncated or tampered with: rebuild.
        return None


def _write_cache(path: Path, key: str, table: Table) -> None:
    payload = {
        "key": key,
        "kinds": "".join(map(str, table.kinds)),
        "names": {str(k): list(v) for k, v in table.names.items()},
        "sources": {str(k): v for k, v in table.sources.items()},
        "last_announced_year": table.last_announced_year,
        "origin": table.origin,
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
        return


def _notice_links(doc: str) -> dict[int, list[str]]:
    """Year → links of the State Council notices listed in `holidays.China`'s References."""
    links: dict[int, list[str]] = {}
    for label, url in re.findall(r"\*\s+\[(\d{4}[^\]]*)\]\((https?://[^)]+)\)", doc):
        links.setdefault(int(label[:4]), []).append(f"{label}: {url}")
    return links


def build_table() -> Table:
    """Build the table from the `holidays` package (about 150 ms)."""
    import holidays
    from holidays.countries.china import China, ChinaStaticHolidays

    years = range(FIRST_DATE.year, LAST_DATE.year + 1)
    zh = holidays.China(years=years, language="zh_CN")
    en = holidays.China(years=years, language="en_US")
    # The notices are the only source of adjusted days; the last year with one is announced.
    last_announced_year = max(ChinaStaticHolidays.special_public_holidays)
    weekend_workdays = set(zh.weekend_workdays)

    size = (LAST_DATE - FIRST_DATE).days + 1
    kinds = bytearray(size)
    names: dict[int, tuple[str, str]] = {}
    first_ordinal = FIRST_DATE.toordinal()
    for offset in range(size):
        day = dt.date.fromordinal(first_ordinal + offset)
        weekend = day.weekday() >= 5
        if day in zh:
            kinds[offset] = DayKind.HOLIDAY
            english = "; ".join(en.get_list(day))
            # holidays' en_US names carry US dates ("substituted from 09/20/2026"): use ISO.
            english = _US_DATE.sub(r"\3-\1-\2", english)
            names[offset] = ("；".join(zh.get_list(day)), english)
        elif weekend and day in weekend_workdays:
            kinds[offset] = DayKind.ADJUSTED_WORKDAY
            names[offset] = ("调休上班", "adjusted working day")
        elif weekend:
            kinds[offset] = DayKind.WEEKEND

    links = _notice_links(China.__doc__ or "")
    sources = {
        year: "; ".join(links.get(year, ["State Council notice"]))
        if year <= last_announced_year
        else _ESTIMATED
        for year in years
    }
    return Table(
        kinds=bytes(kinds),
        names=names,
        sources=sources,
        last_announced_year=last_announced_year,
        origin=f"holidays {holidays.__version__}",
    )
