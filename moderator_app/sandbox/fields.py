"""Typed reads of JSON body fields that answer bad input with a 400, never a crash."""

import math
from collections.abc import Mapping
from typing import Any

from moderator_app.sandbox.web import validation


def optional_str(body: Mapping[str, Any], key: str, *, max_len: int) -> str | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise validation(f"'{key}' must be a string")
    if len(value) > max_len:
        raise validation(f"'{key}' is longer than {max_len} characters")
    return value


def required_str(body: Mapping[str, Any], key: str, *, max_len: int) -> str:
    value = optional_str(body, key, max_len=max_len)
    if value is None or not value.strip():
        raise validation(f"'{key}' must not be empty")
    return value


def optional_bool(body: Mapping[str, Any], key: str) -> bool | None:
    value = body.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise validation(f"'{key}' must be true or false")


def optional_int(body: Mapping[str, Any], key: str, *, low: int, high: int) -> int | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise validation(f"'{key}' must be an integer")
    if not low <= value <= high:
        raise validation(f"'{key}' must be between {low} and {high}")
    return value


def optional_number(body: Mapping[str, Any], key: str, *, low: float, high: float) -> float | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise validation(f"'{key}' must be a number")
    if not low <= value <= high:
        raise validation(f"'{key}' must be between {low} and {high}")
    return float(value)
