"""How notices and local days are laid over the calendar table, layer by layer: a later
layer's notice replaces an earlier one's; within a layer, two of one year or date must agree."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import NoReturn

from deadlines._errors import (
    InvalidArgumentError,
    OutOfRangeError,
    OverrideConflictError,
    PluginConflictError,
    PointlessOverrideWarning,
)
from deadlines._messages import Said
from deadlines.calendar._days import DayKind
from deadlines.calendar._overrides import CalendarOverride, DayChange, Notice, load_overrides
from deadlines.calendar._table import FIRST_DATE, FIRST_ORDINAL, LAST_DATE, SIZE


def load(item: object) -> CalendarOverride:
    """An override given to the calendar: a value as is, a path read and validated."""
    if isinstance(item, CalendarOverride):
        return item
    if isinstance(item, (str, Path)):
        return load_overrides(item)
    raise InvalidArgumentError(
        "overrides", item, "paths or CalendarOverride values, e.g. ['notice-2027.toml']"
    )


def _conflict(
    what: str, values: dict[str, object], first: CalendarOverride, second: CalendarOverride
) -> NoReturn:
    """Raise the conflict of two overrides over a ``notice`` or a ``day``: of files, or plugins."""
    target = Said(f"calendar.conflict.{what}", values)
    detail = Said(f"calendar.conflict.{what}_why")
    if first.from_file and second.from_file:
        values = {"target": target, "other": first.origin, "detail": detail}
        said = Said("calendar.conflict.files", values)
        raise OverrideConflictError(second.origin, first.origin, said)
    origins = (first.origin, second.origin)
    raise PluginConflictError(target.render("en"), origins, detail.render("en"))


def apply(
    layers: tuple[tuple[CalendarOverride, ...], ...],
    kinds: bytearray,
    names: dict[int, tuple[str, str]],
    origins: dict[int, tuple[str, str]],
    announced: set[int],
) -> None:
    """Apply the notices, then the local days, of `layers` (the system's stored notices, the
    user's, the calendar's own overrides) to the table in place, as the module says."""
    chosen: dict[int, tuple[Notice, CalendarOverride]] = {}
    for layer in layers:
        in_layer: dict[int, tuple[Notice, CalendarOverride]] = {}
        for override in layer:
            for notice in override.notices:
                seen = in_layer.setdefault(notice.year, (notice, override))
                if seen[0] != notice:
                    _conflict("notice", {"year": notice.year}, seen[1], override)
        chosen.update(in_layer)
    for year, (notice, override) in sorted(chosen.items()):
        # The notice replaces what it governs whole: its year but for December, which holds
        # the next notice's New Year arrangements, and the previous December, which holds
        # its own (the 2019 notice made 2018-12-29 a working day).
        first = max(0, dt.date(year - 1, 12, 1).toordinal() - FIRST_ORDINAL)
        last = dt.date(year, 11, 30).toordinal() - FIRST_ORDINAL
        for offset in range(first, last + 1):
            weekend = dt.date.fromordinal(FIRST_ORDINAL + offset).weekday() >= 5
            kinds[offset] = DayKind.WEEKEND if weekend else DayKind.WORKDAY
            names.pop(offset, None)
            origins[offset] = (notice.source, override.origin)
        for change in notice.changes:
            _set(change, kinds, names, origins, override.origin)
        announced.add(year)
    local_days: dict[int, tuple[bool, CalendarOverride]] = {}
    for layer in layers:
        for override in layer:
            for change in override.local:
                offset = change.date.toordinal() - FIRST_ORDINAL
                prior = local_days.setdefault(offset, (change.off, override))
                if prior[0] != change.off:
                    _conflict("day", {"day": change.date.isoformat()}, prior[1], override)
                # Files only: a plugin's day may be there to outrank a lower plugin's change.
                if override.from_file and 0 <= offset < SIZE and prior[1] is override:
                    _warn_if_pointless(change, DayKind(kinds[offset]), override.origin)
                _set(change, kinds, names, origins, override.origin)


def _warn_if_pointless(change: DayChange, kind: DayKind, origin: str) -> None:
    """Warn about a local day that leaves the day as it was (likely a wrong date)."""
    if change.off == kind.is_workday:
        return
    is_now = f"already a {kind.said().render('en')}"
    warnings.warn(
        PointlessOverrideWarning(
            f"{origin}: the local {'day off' if change.off else 'working day'} {change.date} "
            f"({change.date:%A}) changes nothing: it is {is_now}; check its date"
        ),
        stacklevel=5,
    )


def _set(
    change: DayChange,
    kinds: bytearray,
    names: dict[int, tuple[str, str]],
    origins: dict[int, tuple[str, str]],
    origin: str,
) -> None:
    offset = change.date.toordinal() - FIRST_ORDINAL
    if not 0 <= offset < SIZE:
        raise OutOfRangeError("date", change.date, FIRST_DATE, LAST_DATE)
    weekend = change.date.weekday() >= 5
    if change.off:
        kinds[offset] = DayKind.HOLIDAY
    else:
        kinds[offset] = DayKind.ADJUSTED_WORKDAY if weekend else DayKind.WORKDAY
    names[offset] = (change.name, change.name_en or change.name)
    origins[offset] = (change.source, origin)
