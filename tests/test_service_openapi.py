"""The committed contract: docs/openapi.json (3.1, as generated) and docs/openapi-3.0.json.

Regenerate both after changing the service: ``python tests/test_service_openapi.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="needs the server extra: pip install 'deadlines[server]'")

from deadlines.service import openapi_30, openapi_document

DOCS = Path(__file__).resolve().parent.parent / "docs"
FILES = {"openapi.json": lambda doc: doc, "openapi-3.0.json": openapi_30}


def render(document: dict) -> str:
    """A document as committed: indented, keys in generated order, UTF-8."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@pytest.fixture(scope="module")
def document():
    return openapi_document()


class TestCommitted:
    """The committed files are what the code generates."""

    @pytest.mark.parametrize("name", list(FILES), ids=list(FILES))
    def test_no_drift(self, document, name):
        """The file equals the regenerated document (run this module as a script to update)."""
        expected = render(FILES[name](document))
        committed = (DOCS / name).read_text("utf-8")
        assert committed == expected, (
            f"docs/{name} is out of date: run python tests/test_service_openapi.py"
        )


class TestValid:
    """Both documents pass an OpenAPI validator."""

    @pytest.mark.parametrize("name", list(FILES), ids=list(FILES))
    def test_validator_accepts(self, document, name):
        """openapi-spec-validator accepts the 3.1 document and the 3.0 copy."""
        validator = pytest.importorskip(
            "openapi_spec_validator", reason="needs openapi-spec-validator (the test extra)"
        )
        spec = FILES[name](document)
        validator.validate(spec)

    def test_30_has_no_31_keywords(self, document):
        """The 3.0 copy says 3.0.3 and has no null types, consts or example lists."""
        text = json.dumps(openapi_30(document))
        assert json.loads(text)["openapi"] == "3.0.3"
        for keyword in ('"type": "null"', '"const"', '"examples"', '"prefixItems"'):
            assert keyword not in text

    def test_every_endpoint(self, document):
        """Every endpoint of the issue is in the contract, errors as problem+json."""
        paths = document["paths"]
        assert set(paths) == {
            "/healthz", "/v1/due", "/v1/batch", "/v1/rules", "/v1/rules/{rule_id}",
            "/v1/calendar/{year}", "/v1/check", "/v1/version",
        }
        errors = paths["/v1/due"]["post"]["responses"]["422"]["content"]
        assert errors["application/problem+json"]["schema"] == {
            "$ref": "#/components/schemas/Problem"
        }
        assert "bearer" in document["components"]["securitySchemes"]


def write() -> None:
    """Regenerate the committed files."""
    document = openapi_document()
    for name, convert in FILES.items():
        (DOCS / name).write_text(render(convert(document)), "utf-8")
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    write()
    sys.exit(0)
