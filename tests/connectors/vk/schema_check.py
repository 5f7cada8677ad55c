"""Check JSON against VK's official JSON schema (VKCOM/vk-api-schema, copied into
tests/fixtures/vk): required properties and types, following `$ref`s between the copied files.
References into files we did not copy (base/, users/, groups/) are not followed."""

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parents[2] / "fixtures" / "vk"
FILES = {
    "../wall/objects.json": "schema_wall_objects.json",
    "../wall/responses.json": "schema_wall_responses.json",
    "../comment/objects.json": "schema_comment_objects.json",
    "../callback/objects.json": "schema_callback_objects.json",
}
TYPES: dict[str, tuple[type, ...]] = {
    "integer": (int,),
    "number": (int, float),
    "string": (str,),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}


def definition(ref: str) -> dict[str, Any] | None:
    """The schema a `$ref` such as "../wall/objects.json#/definitions/x" points to."""
    file, _, pointer = ref.partition("#")
    name = FILES.get(file)
    if name is None:
        return None
    node: Any = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    for part in pointer.strip("/").split("/"):
        node = node[part]
    return dict(node)


def problems(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    found: list[str] = []
    if "$ref" in schema:
        target = definition(schema["$ref"])
        if target is not None:
            found += problems(value, target, where)
    for part in schema.get("allOf", []):
        found += problems(value, part, where)
    kinds = schema.get("type")
    if isinstance(kinds, str):
        kinds = [kinds]
    if kinds:
        allowed = tuple(t for k in kinds for t in TYPES.get(k, (object,)))
        is_bool = isinstance(value, bool)
        if not isinstance(value, allowed) or (is_bool and "boolean" not in kinds):
            return [*found, f"{where}: expected {kinds}, got {type(value).__name__}"]
    if isinstance(value, dict):
        for name, prop in schema.get("properties", {}).items():
            if name in value:
                found += problems(value[name], prop, f"{where}.{name}")
            elif prop.get("required") is True:
                found.append(f"{where}: missing required '{name}'")
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            found += problems(item, schema["items"], f"{where}[{i}]")
    return found
