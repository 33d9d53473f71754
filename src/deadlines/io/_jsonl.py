"""JSON Lines out: one JSON object per line (`deadlines.io._records` reads them)."""

from __future__ import annotations

import json
from typing import Any


def dumps(value: Any) -> str:  # noqa: ANN401 - any JSON-able value
    """One JSON line (without its newline), non-ASCII characters kept as they are.

    Strict JSON (RFC 8259): NaN and Infinity are refused, never written. The characters some
    readers take for line breaks (U+0085, U+2028, U+2029) are written as escapes, so that one
    record stays one line for every reader (Python's ``str.splitlines``, editors).
    """
    return one_line(json.dumps(value, ensure_ascii=False, allow_nan=False))


def one_line(text: str) -> str:
    """JSON text with U+0085, U+2028 and U+2029 escaped (they are valid JSON either way)."""
    return text if text.isascii() else text.translate(_BREAKS)


_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}
