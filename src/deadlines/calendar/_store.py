"""Where notices are kept between runs: the user's notice folder and the system-wide one.

- The user's: ``$DEADLINES_HOME/notices``; by default the platform's user data folder
  (``$XDG_DATA_HOME/deadlines`` or ``~/.local/share/deadlines`` on Linux,
  ``~/Library/Application Support/deadlines`` on macOS, ``%APPDATA%\\deadlines`` on Windows).
  ``deadlines notice add`` writes there.
- The system's: ``$DEADLINES_NOTICES``, by default ``/etc/deadlines/notices`` (on Windows
  ``%PROGRAMDATA%\\deadlines\\notices``), where an administrator deploys a notice for every user.

Each file there holds one year's notice and is named after the year (``2027.toml``). Every
`ChinaCalendar` loads them: first the system's, then the user's, whose notice replaces the
system's for the same year; both replace the package's own data for their year.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from deadlines.calendar._overrides import CalendarOverride, load_overrides


def user_home() -> Path:
    """The user's deadlines folder: ``$DEADLINES_HOME``, else the platform's user data folder."""
    if env := os.environ.get("DEADLINES_HOME"):
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "deadlines"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "deadlines"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "deadlines"


def user_notices() -> Path:
    """The folder of the user's notices."""
    return user_home() / "notices"


def system_notices() -> Path:
    """The system-wide folder of notices: ``$DEADLINES_NOTICES``, else a fixed system path."""
    if env := os.environ.get("DEADLINES_NOTICES"):
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("PROGRAMDATA") or "C:\\ProgramData"
        return Path(base) / "deadlines" / "notices"
    return Path("/etc/deadlines/notices")


@dataclass(frozen=True, slots=True)
class StoredNotice:
    """One notice file of a notice folder.

    Attributes:
        scope: ``system`` or ``user``.
        path: the file.
        override: its content, validated.
    """

    scope: str
    path: Path
    override: CalendarOverride


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(path for path in folder.glob("*.toml") if path.is_file())
    except OSError:
        return []


def stored_notices() -> tuple[StoredNotice, ...]:
    """The notices of the system folder, then of the user's, each file validated.

    A stored notice was checked when it was added; it is loaded with partial notices allowed,
    so one added with ``--allow-partial`` warns (`PartialNoticeWarning`) on every load rather
    than stopping every command.

    Raises:
        OverrideFileError: a file there is malformed (edited by hand since), naming it.
    """
    found: list[StoredNotice] = []
    for scope, folder in (("system", system_notices()), ("user", user_notices())):
        for path in _files(folder):
            found.append(StoredNotice(scope, path, load_overrides(path, allow_partial=True)))
    return tuple(found)
