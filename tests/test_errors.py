"""How errors echo a value: whole up to 200 characters, else cut and followed by its length."""

from __future__ import annotations

import pytest

from deadlines._errors import bounded, cut, cut_repr


class TestCut:
    """A long value is cut, and the error says how long it was."""

    @pytest.mark.parametrize(
        ("text", "limit", "expected"),
        [
            ("2026-09-30T17:00", 200, "2026-09-30T17:00"),
            ("9" * 1000, 10, "9999999999… (1000 characters in all)"),
        ],
        ids=["short", "long"],
    )
    def test_cut(self, text: str, limit: int, expected: str) -> None:
        """Text within the limit is whole; longer text is cut and its length stated."""
        assert cut(text, limit) == expected

    def test_cut_repr(self) -> None:
        """Quoted text states the length of the text, not of its repr."""
        assert cut_repr("x" * 300, 3) == "'xxx'… (300 characters in all)"

    def test_bounded(self) -> None:
        """A quoted value inside a message is cut inside its quotes."""
        message = f"cannot read '{'x' * 300}'"
        assert bounded(message, 10) == "cannot read 'xxxxxxxxxx… (300 characters in all)"
