"""Checks JSON values against the official Bot API spec (tests/fixtures/telegram/
bot_api_spec.min.json): field types, required fields, and no fields the spec does not know.

Used on the hand-written examples, on the recorded responses, and on every answer the fake
gives, so neither our fixtures nor our fake can drift from what Telegram documents.
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parents[2] / "fixtures" / "telegram"
SPEC_PATH = FIXTURES / "bot_api_spec.min.json"


@cache
def spec() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return data


def type_fields(type_name: str) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in spec()["types"][type_name].get("fields", [])}


def method_fields(method: str) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in spec()["methods"][method].get("fields", [])}


def problems(value: Any, types: list[str], path: str = "$") -> list[str]:
    """What is wrong with `value` as one of `types` (spec type expressions); [] if nothing."""
    best: list[str] | None = None
    for type_expr in types:
        found = _check(value, type_expr, path)
        if not found:
            return []
        if best is None or len(found) < len(best):
            best = found
    return best or [f"{path}: no type given"]


def result_problems(method: str, result: Any) -> list[str]:
    return problems(result, spec()["methods"][method]["returns"], f"{method}()")


def call_problems(method: str, params: dict[str, Any]) -> list[str]:
    """Parameters we send: each must exist, be of its type, and required ones be present."""
    fields = method_fields(method)
    found = [f"{method}: unknown parameter {name!r}" for name in params if name not in fields]
    for name, field in fields.items():
        if name not in params:
            if field["required"]:
                found.append(f"{method}: missing required parameter {name!r}")
            continue
        found += problems(params[name], field["types"], f"{method}.{name}")
    return found


def _check(value: Any, type_expr: str, path: str) -> list[str]:
    if type_expr.startswith("Array of "):
        if not isinstance(value, list):
            return [f"{path}: expected an array"]
        inner = type_expr.removeprefix("Array of ")
        return [p for i, item in enumerate(value) for p in _check(item, inner, f"{path}[{i}]")]
    scalar = _SCALARS.get(type_expr)
    if scalar is not None:
        return [] if scalar(value) else [f"{path}: expected {type_expr}, got {value!r:.40}"]
    definition = spec()["types"].get(type_expr)
    if definition is None:
        return [f"{path}: the spec has no type {type_expr}"]
    if definition.get("subtypes"):
        return problems(value, definition["subtypes"], path)
    if not isinstance(value, dict):
        return [f"{path}: expected a {type_expr} object"]
    fields = type_fields(type_expr)
    found = [f"{path}.{key}: not a field of {type_expr}" for key in value if key not in fields]
    for name, field in fields.items():
        if name in value:
            found += problems(value[name], field["types"], f"{path}.{name}")
        elif field["required"]:
            found.append(f"{path}: {type_expr} misses required field {name!r}")
    return found


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_SCALARS = {
    "Integer": _is_int,
    "Float": lambda v: _is_int(v) or isinstance(v, float),
    "String": lambda v: isinstance(v, str),
    "Boolean": lambda v: isinstance(v, bool),
}
