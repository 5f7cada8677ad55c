"""Typed reads from decoded JSON: a wrong shape becomes MalformedPayload, never a KeyError.

`where` names the place in the payload ("sandbox: events[3].comment") so the message says
which field was wrong without quoting any value.
"""

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from moderator_app.connectors.http import MalformedPayload


def _bad(where: str, key: str, expected: str) -> MalformedPayload:
    return MalformedPayload(f"{where}: field '{key}' is missing or not {expected}")


def as_object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise MalformedPayload(f"{where}: expected an object")
    return value


def require_object(data: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise _bad(where, key, "an object")
    return value


def require_list(data: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise _bad(where, key, "a list")
    return value


def require_str(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise _bad(where, key, "a string")
    return value


def require_id(data: Mapping[str, Any], key: str, where: str) -> str:
    """A non-empty identifier; numeric ids are accepted and kept as their decimal string."""
    value = data.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value:
        raise _bad(where, key, "a non-empty id")
    return value


def optional_str(data: Mapping[str, Any], key: str, where: str, default: str = "") -> str:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise _bad(where, key, "a string")
    return value


def optional_id(data: Mapping[str, Any], key: str, where: str) -> str | None:
    if data.get(key) is None:
        return None
    return require_id(data, key, where)


def require_int(data: Mapping[str, Any], key: str, where: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(where, key, "an integer")
    return value


def require_bool(data: Mapping[str, Any], key: str, where: str) -> bool:
    value = data.get(key)
    if not isinstance(value, bool):
        raise _bad(where, key, "true or false")
    return value


def optional_bool(data: Mapping[str, Any], key: str, where: str, default: bool = False) -> bool:
    if data.get(key) is None:
        return default
    return require_bool(data, key, where)


def require_time(data: Mapping[str, Any], key: str, where: str) -> datetime:
    """An ISO 8601 timestamp as an aware UTC datetime (a zone-less one is taken as UTC)."""
    value = data.get(key)
    if not isinstance(value, str):
        raise _bad(where, key, "an ISO 8601 timestamp")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _bad(where, key, "an ISO 8601 timestamp") from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def optional_time(data: Mapping[str, Any], key: str, where: str) -> datetime | None:
    if data.get(key) is None:
        return None
    return require_time(data, key, where)
