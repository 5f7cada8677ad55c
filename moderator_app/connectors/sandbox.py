"""The connector for the embedded sandbox platform (`moderator_app.sandbox`).

It is written like any real connector, over HTTP with the shared plumbing, so demo mode and
the end-to-end tests exercise the same code path a real platform would.
"""

import logging
import math
from typing import Any
from urllib.parse import quote

import httpx

from moderator_app.connectors.base import Credentials, CredentialsChanged, FetchResult
from moderator_app.connectors.errors import NotSupported, RateLimited
from moderator_app.connectors.http import (
    MalformedPayload,
    clean_detail,
    decode_json,
    decode_json_object,
    raise_for_status,
    send,
)
from moderator_app.connectors.payload import require_str
from moderator_app.connectors.sandbox_payload import parse_comment, parse_event_page
from moderator_app.domain import Account, Capability, Platform, RemoteComment

log = logging.getLogger(__name__)

PAGE_SIZE = 100
LABEL = "sandbox"


class SandboxConnector:
    """Syncs through the sandbox's event feed; replies, hides and unhides with idempotency keys."""

    platform = Platform.SANDBOX
    capabilities = frozenset({Capability.REPLY, Capability.HIDE, Capability.UNHIDE})

    def __init__(
        self,
        account: Account,
        credentials: Credentials,
        client: httpx.AsyncClient,
        on_credentials: CredentialsChanged | None = None,
    ) -> None:
        self._base_url = account.url.rstrip("/")
        self._credentials = credentials
        self._client = client

    async def fetch_new(self, cursor: str | None) -> FetchResult:
        """Events after `cursor` (a sequence number); one page of at most PAGE_SIZE."""
        after = _parse_cursor(cursor)
        data = await self._call(
            "GET",
            "/api/v1/events",
            what="fetching events",
            params={"after": after, "limit": PAGE_SIZE},
        )
        page = parse_event_page(data, f"{LABEL}: events")
        return FetchResult(comments=page.comments, cursor=str(page.next), more=page.more)

    async def reply(self, to: RemoteComment, text: str, idempotency_key: str) -> RemoteComment:
        data = await self._call(
            "POST",
            f"/api/v1/comments/{quote(to.remote_id, safe='')}/replies",
            what=f"replying to comment {to.remote_id}",
            json={"text": text, "idempotency_key": idempotency_key},
        )
        return parse_comment(data, f"{LABEL}: reply")

    async def hide(self, comment: RemoteComment, idempotency_key: str) -> None:
        await self._moderate(comment, "hide", idempotency_key)

    async def unhide(self, comment: RemoteComment, idempotency_key: str) -> None:
        await self._moderate(comment, "unhide", idempotency_key)

    async def delete(self, comment: RemoteComment, idempotency_key: str) -> None:
        raise NotSupported("the sandbox can hide comments but not delete them")

    async def report(self, comment: RemoteComment, reason: str, idempotency_key: str) -> None:
        raise NotSupported("the sandbox has no platform moderators to report to")

    async def _moderate(self, comment: RemoteComment, verb: str, idempotency_key: str) -> None:
        data = await self._call(
            "POST",
            f"/api/v1/comments/{quote(comment.remote_id, safe='')}/{verb}",
            what=f"{verb.removesuffix('e')}ing comment {comment.remote_id}",
            json={"idempotency_key": idempotency_key},
        )
        parse_comment(data, f"{LABEL}: {verb}")  # a garbled answer is retried, safely: same key

    async def _call(self, method: str, path: str, *, what: str, **kwargs: Any) -> Any:
        label = f"{LABEL}: {what}"
        headers = {"Authorization": f"Bearer {self._credentials.token}"}
        response = await send(
            self._client, method, self._base_url + path, what=label, headers=headers, **kwargs
        )
        _check(response, label, secrets=(self._credentials.token,))
        return decode_json(response, what=label)


async def request_token(
    client: httpx.AsyncClient, base_url: str, client_name: str = "moderator-app"
) -> str:
    """Sign in to the sandbox; returns the access token to keep in the keyring."""
    label = f"{LABEL}: signing in"
    response = await send(
        client,
        "POST",
        base_url.rstrip("/") + "/api/v1/token",
        what=label,
        json={"client": client_name},
    )
    _check(response, label)
    token = require_str(decode_json_object(response, what=label), "access_token", label)
    if not token.strip():
        raise MalformedPayload(f"{label}: the server returned an empty token")
    return token


def _parse_cursor(cursor: str | None) -> int:
    """The sequence number to continue after. A corrupt cursor restarts from the beginning:
    comments are upserted, so re-reading costs a little time and loses nothing."""
    if cursor is None:
        return 0
    try:
        after = int(cursor)
    except ValueError:
        after = -1
    if after < 0:
        log.warning("sandbox: ignoring an unusable cursor, syncing from the start")
        return 0
    return after


def _check(response: httpx.Response, what: str, *, secrets: tuple[str, ...] = ()) -> None:
    """Raise the typed error for a failed response, with the platform's own explanation."""
    if response.status_code < 400:
        return
    message, retry_after = _error_body(response)
    detail = clean_detail(message, secrets=secrets)
    no_header = not response.headers.get("Retry-After")
    if response.status_code == 429 and no_header and retry_after is not None:
        suffix = f": {detail}" if detail else ""
        raise RateLimited(f"{what}: rate limited (HTTP 429){suffix}", retry_after)
    raise_for_status(response, what=what, detail=detail)


def _error_body(response: httpx.Response) -> tuple[str, float | None]:
    """The `{"error": {"message", "retry_after"}}` envelope, if the body is one."""
    try:
        data = response.json()
    except (ValueError, RecursionError):
        return "", None
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        return "", None
    message = error.get("message")
    retry_after = error.get("retry_after")
    seconds: float | None = None
    if isinstance(retry_after, int | float) and not isinstance(retry_after, bool):
        seconds = float(retry_after) if math.isfinite(retry_after) else None
    return (message if isinstance(message, str) else "", seconds)
