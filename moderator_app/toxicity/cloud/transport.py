"""Posting to a cloud scorer and reading its error replies, without ever echoing the API key.

Network failures become `CloudBusy` (try later) — except an address that no longer resolves
at all, which is what a retired service looks like, and becomes `CloudUnavailable`.
"""

import socket
from collections.abc import Iterable
from typing import Any

import httpx

from moderator_app.connectors.http import (
    MalformedPayload,
    clean_detail,
    decode_json,
    retry_after_seconds,
)
from moderator_app.toxicity.cloud.base import CloudBusy, CloudError, CloudUnavailable

BUSY_RETRY_S = 60.0
RATE_LIMIT_RETRY_S = 30.0


async def post_json(
    client: httpx.AsyncClient,
    url: str,
    *,
    what: str,
    body: dict[str, Any],
    headers: dict[str, str],
) -> httpx.Response:
    failure: CloudError
    try:
        return await client.post(url, json=body, headers=headers)
    except httpx.ConnectError as exc:
        if _name_does_not_exist(exc):
            failure = CloudUnavailable(
                f"{what}: the service's address no longer exists (it may have been shut down)"
            )
        else:
            failure = CloudBusy(f"{what}: could not connect", BUSY_RETRY_S)
    except httpx.TimeoutException:
        failure = CloudBusy(f"{what}: timed out", BUSY_RETRY_S)
    except httpx.HTTPError as exc:
        failure = CloudBusy(f"{what}: network error ({type(exc).__name__})", BUSY_RETRY_S)
    # Raised outside the `except`: the httpx error holds the request, headers and key included.
    raise failure


def _name_does_not_exist(exc: BaseException) -> bool:
    """A DNS answer "no such name" somewhere in the chain (not "resolver unreachable", which
    is what an offline laptop sees)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, socket.gaierror) and current.errno == socket.EAI_NONAME:
            return True
        current = current.__cause__ or current.__context__
    return False


def error_message(response: httpx.Response, secrets: Iterable[str]) -> str:
    """The service's own explanation ({"error": {"message": ...}} at OpenAI and Google),
    cleaned and with the key masked; '' when there is none."""
    try:
        data = decode_json(response, what="error")
    except MalformedPayload:  # an HTML error page says nothing we can show
        return ""
    error = data.get("error") if isinstance(data, dict) else None
    message = error.get("message") if isinstance(error, dict) else error
    return clean_detail(message, secrets=secrets) if isinstance(message, str) else ""


def busy(response: httpx.Response, what: str, detail: str) -> CloudBusy:
    suffix = f": {detail}" if detail else ""
    if response.status_code == 429:
        wait = retry_after_seconds(response, RATE_LIMIT_RETRY_S)
        return CloudBusy(f"{what}: rate limited (HTTP 429){suffix}", wait)
    return CloudBusy(f"{what}: the service had a problem (HTTP {response.status_code}){suffix}")


def is_busy_status(status: int) -> bool:
    return status in {408, 429} or status >= 500
