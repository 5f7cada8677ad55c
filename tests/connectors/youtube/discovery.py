"""Checks against Google's own discovery document for the YouTube Data API (a fixture):
which parameters a method takes, their enums, and which fields a resource may have."""

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "youtube"
DISCOVERY: dict[str, Any] = json.loads(
    (FIXTURES / "discovery_youtube.v3.json").read_text(encoding="utf-8")
)


def fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def method(resource: str, name: str) -> dict[str, Any]:
    result: dict[str, Any] = DISCOVERY["resources"][resource]["methods"][name]
    return result


def param_problems(resource: str, name: str, params: dict[str, str]) -> list[str]:
    """Parameters the method does not declare, or values outside a declared enum."""
    declared = method(resource, name).get("parameters", {})
    problems = []
    for key, value in params.items():
        spec = declared.get(key)
        if spec is None:
            problems.append(f"{resource}.{name}: unknown parameter {key}")
        elif "enum" in spec and value not in spec["enum"]:
            problems.append(f"{resource}.{name}: {key}={value} not in {spec['enum']}")
        elif spec.get("type") == "boolean" and value not in {"true", "false"}:
            problems.append(f"{resource}.{name}: {key}={value} is not a boolean")
    return problems


def shape_problems(schema: str, value: Any, where: str = "$") -> list[str]:
    """Fields of `value` that the schema does not have, and values of the wrong JSON type."""
    return _check({"$ref": schema}, value, where)


def _check(spec: dict[str, Any], value: Any, where: str) -> list[str]:
    if "$ref" in spec:
        spec = DISCOVERY["schemas"][spec["$ref"]]
    kind = spec.get("type")
    if kind == "object" or "properties" in spec:
        if not isinstance(value, dict):
            return [f"{where}: expected an object"]
        problems = []
        props = spec.get("properties", {})
        extra = spec.get("additionalProperties")
        for key, item in value.items():
            if key in props:
                problems += _check(props[key], item, f"{where}.{key}")
            elif extra is not None:
                problems += _check(extra, item, f"{where}.{key}")
            else:
                problems.append(f"{where}: unknown field {key}")
        return problems
    if kind == "array":
        if not isinstance(value, list):
            return [f"{where}: expected a list"]
        return [p for i, v in enumerate(value) for p in _check(spec["items"], v, f"{where}[{i}]")]
    expected: dict[str, type | tuple[type, ...]] = {
        "string": str,
        "boolean": bool,
        "integer": int,
        "number": (int, float),
    }
    python = expected.get(str(kind))
    if python is not None and not isinstance(value, python):
        return [f"{where}: expected {kind}"]
    if "enum" in spec and value not in spec["enum"]:
        return [f"{where}: {value!r} not in enum"]
    return []
