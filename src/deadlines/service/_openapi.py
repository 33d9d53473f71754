"""The contract: the OpenAPI 3.1 document as FastAPI generates it, and a 3.0 copy.

Java's openapi-generator and many .NET tools read OpenAPI 3.0, whose schemas are an older
dialect than JSON Schema: ``nullable`` instead of a ``null`` type, ``enum`` instead of
``const``, one ``example`` instead of ``examples``, a boolean ``exclusiveMinimum``.
`openapi_30` rewrites the 3.1 document into that dialect; both are committed under ``docs/``
and a test regenerates them.
"""

from __future__ import annotations

import copy
from typing import Any

#: The OpenAPI version of the converted copy.
OPENAPI_30 = "3.0.3"

# Keywords of JSON Schema 2020-12 that OpenAPI 3.0 schemas do not have, and that change
# nothing a generated client does.
_DROPPED = ("$schema", "contentMediaType", "contentEncoding", "propertyNames", "$comment")

# Keywords whose value maps names to schemas (a property may be called "type" or "const").
_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 document of the service, as ``GET /openapi.json`` serves it.

    Built with an engine without plugins: the contract does not depend on what is installed.
    """
    from deadlines._engine import Engine
    from deadlines.calendar import ChinaCalendar
    from deadlines.service._app import create_app
    from deadlines.service._settings import Settings

    engine = Engine(ChinaCalendar(), discover_plugins=False)
    return create_app(Settings(plugins=False), engine=engine).openapi()


def openapi_30(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of the 3.1 `document` in OpenAPI 3.0's dialect (see the module's docstring).

    >>> openapi_30({"openapi": "3.1.0", "info": {"title": "t", "version": "1", "summary": "s"},
    ...             "paths": {}, "components": {"schemas": {"A": {
    ...     "anyOf": [{"type": "string"}, {"type": "null"}], "examples": ["x"]}}}})
    ... # doctest: +NORMALIZE_WHITESPACE
    {'openapi': '3.0.3', 'info': {'title': 't', 'version': '1', 'description': 's'},
     'paths': {}, 'components': {'schemas': {'A': {'type': 'string', 'nullable': True,
     'example': 'x'}}}}
    """
    result = copy.deepcopy(document)
    result["openapi"] = OPENAPI_30
    info = result.get("info", {})
    summary = info.pop("summary", None)
    if summary and not info.get("description"):
        info["description"] = summary
    license_ = info.get("license")
    if isinstance(license_, dict):
        license_.pop("identifier", None)
    result.pop("webhooks", None)
    result.pop("jsonSchemaDialect", None)
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                if "schema" in parameter:
                    parameter["schema"] = _schema(parameter["schema"])
            body = operation.get("requestBody", {})
            _media(body.get("content", {}))
            for response in operation.get("responses", {}).values():
                _media(response.get("content", {}))
    schemas = result.get("components", {}).get("schemas", {})
    for name in list(schemas):
        schemas[name] = _schema(schemas[name])
    return result


def _media(content: dict[str, Any]) -> None:
    for media in content.values():
        if "schema" in media:
            media["schema"] = _schema(media["schema"])


def _schema(schema: Any) -> Any:  # noqa: ANN401 - a JSON Schema node
    """One schema node and everything under it, in OpenAPI 3.0's dialect."""
    if isinstance(schema, list):
        return [_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    node: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _DROPPED:
            continue
        if key in _MAPS and isinstance(value, dict):  # names to schemas, not a schema
            node[key] = {name: _schema(item) for name, item in value.items()}
        else:
            node[key] = _schema(value)
    for combiner in ("anyOf", "oneOf"):
        options = node.get(combiner)
        if isinstance(options, list) and {"type": "null"} in options:
            rest = [option for option in options if option != {"type": "null"}]
            del node[combiner]
            if len(rest) == 1:
                single = rest[0]
                if "$ref" in single:
                    node["allOf"] = [single]
                else:
                    node = {**single, **node}
            else:
                node[combiner] = rest
            node["nullable"] = True
    kind = node.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        if len(kinds) < len(kind):
            node["nullable"] = True
        if len(kinds) == 1:
            node["type"] = kinds[0]
        else:
            del node["type"]
            node["anyOf"] = [{"type": k} for k in kinds]
    if "const" in node:
        node["enum"] = [node.pop("const")]
    if "examples" in node:
        examples = node.pop("examples")
        if isinstance(examples, list) and examples:
            node["example"] = examples[0]
    if "prefixItems" in node:
        items = node.pop("prefixItems")
        node.setdefault("items", {"anyOf": items} if len(items) > 1 else items[0])
    for bound, plain in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        value = node.get(bound)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            node[plain] = value
            node[bound] = True
    if "$ref" in node and len(node) > 1:
        # 3.0 ignores the siblings of a $ref: keep them by wrapping it.
        ref = node.pop("$ref")
        node["allOf"] = [{"$ref": ref}]
    return node
