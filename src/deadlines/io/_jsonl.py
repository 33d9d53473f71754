"""JSON Lines out: one JSON object per line (`deadlines.io._records` reads them)."""

from __future__ import annotations

import json
from typing import Any


def dumps(value: Any) -> str:  # noqa: ANN401 - any JSON-able value
    """One line of strict JSON (no NaN), non-ASCII kept; the characters some readers take
    for line breaks escaped (`one_line`), so a record stays one line for every reader."""
    return one_line(json.dumps(value, ensure_ascii=False, allow_nan=False))


def one_line(text: str) -> str:
    """JSON text with U+0085, U+2028 and U+2029 escaped (valid JSON either way)."""
    return text if text.isascii() else text.translate(_BREAKS)


_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}
