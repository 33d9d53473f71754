"""What counts as an English word in Chinese output (issue 10's proof, shared by every surface).

Chinese output may hold identifiers (rule ids ``minutes.executive``, obligation ids
``m-2025-041/minutes``, quarters ``2025Q3``), ISO dates and instants, paths, options
(``--at``), and the names of file formats; any other run of Latin letters is an English word a
clerk should not have to read. A number glued to letters (``6.0h``, ``3wd``) is an English unit.
"""

from __future__ import annotations

import re

#: Format and standard names that Chinese technical writing keeps in Latin letters.
FORMAT_NAMES = frozenset({"JSON", "CSV", "ICS", "TOML", "ISO", "RFC", "UTF"})

_TOKEN = re.compile(r"[A-Za-z0-9_./:@+\-=#?&%~]+")
_WORD = re.compile(r"[A-Za-z]+")
_UNIT = re.compile(r"\d+(?:\.\d+)?[A-Za-z]+")


def english_words(text: str, allowed: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The English words in `text`: Latin-letter tokens that are not identifiers or `allowed`.

    >>> english_words("m-2025-041/minutes 2026-10-08 17:30 逾期未办 3wd 6.0h overdue deadlines")
    ['3wd', '6.0h', 'overdue', 'deadlines']
    >>> english_words("用法：deadlines due --at 日期时间", allowed={"deadlines", "due"})
    []
    """
    found = []
    for token in _TOKEN.findall(text):
        if _UNIT.fullmatch(token) or (
            _WORD.fullmatch(token) and token not in FORMAT_NAMES and token not in allowed
        ):
            found.append(token)
    return found
