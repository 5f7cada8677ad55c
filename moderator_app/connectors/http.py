"""HTTP plumbing every connector shares: the client, sending, status mapping and JSON decoding.

Errors raised here are built from an operation's description and the status code only, never
from URLs, headers or raw exception text: a token may hide in any of those (Telegram puts it
in the URL path, most platforms in a header or the query string).
"""

import functools
import json
import math
import re
import ssl
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from moderator_app import __version__
from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
    TransientError,
)

USER_AGENT = f"moderator-app/{__version__}"
CONNECT_TIMEOUT_S = 10.0
DEFAULT_RETRY_AFTER_S = 5.0
MAX_DETAIL = 300


class MalformedPayload(TransientError):
    """The platform answered, but not with what its API promises (invalid JSON, missing fields).

    Transient: a flaky proxy or a half-deployed platform is the usual cause, and the connector
    has not advanced its cursor, so retrying later loses nothing.
    """


@functools.cache
def tls_context() -> ssl.SSLContext:
    """One TLS context for every client of the process: loading the CA store takes tens of
    milliseconds with the GIL held, so it is done once (see `sync.warm_up`)."""
    return httpx.create_ssl_context()


def make_client(*, timeout: float = 20.0) -> httpx.AsyncClient:
    """The one async client an engine shares between its connectors. Timeouts always set."""
    return httpx.AsyncClient(
        verify=tls_context(),
        timeout=httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT_S, timeout)),
        limits=httpx.Limits(max_connections=20, max_keepalive_connections=10, keepalive_expiry=15),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=False,
    )


def retry_after_seconds(response: httpx.Response, default: float = DEFAULT_RETRY_AFTER_S) -> float:
    """`Retry-After` as seconds from now: delta-seconds or an HTTP date; `default` if unusable.

    An HTTP date is measured against the response's own `Date` header when there is one, so a
    wrong local clock does not turn "in 30 s" into "in an hour" or "right now".
    """
    raw = response.headers.get("Retry-After", "").strip()
    if not raw:
        return default
    try:
        seconds = float(raw)
    except ValueError:
        when = _http_date(raw)
        if when is None:
            return default
        now = _http_date(response.headers.get("Date", "")) or datetime.now(UTC)
        seconds = (when - now).total_seconds()
    if not math.isfinite(seconds):
        return default
    return max(0.0, seconds)


def _http_date(raw: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


async def send(
    client: httpx.AsyncClient, method: str, url: str, *, what: str, **kwargs: Any
) -> httpx.Response:
    """`client.request(...)`, with network failures turned into typed connector errors.

    `what` names the operation for messages, e.g. "sandbox: fetching events" gives
    "sandbox: fetching events timed out".
    """
    failure: ConnectorError
    try:
        return await client.request(method, url, **kwargs)
    except httpx.HTTPError as exc:
        failure = _network_failure(exc, what)
    except httpx.InvalidURL:  # not an HTTPError
        failure = PermanentError(f"{what} failed: the address is not a valid URL")
    # Raised outside the `except` block: an httpx exception holds the URL (and a token may
    # be in it), and even `from None` would keep it reachable as `__context__`.
    raise failure


# Checked in order: subclasses before their bases.
_NETWORK_FAILURES: tuple[tuple[type[httpx.HTTPError], type[ConnectorError], str], ...] = (
    (httpx.TimeoutException, TransientError, "timed out"),
    (httpx.UnsupportedProtocol, PermanentError, "failed: the address is not an http(s) URL"),
    (httpx.ConnectError, TransientError, "failed: could not connect"),
    (httpx.RemoteProtocolError, TransientError, "failed: the connection broke off"),
    (httpx.DecodingError, MalformedPayload, "failed: the response could not be decoded"),
    (httpx.TooManyRedirects, PermanentError, "failed: too many redirects"),
)


def _network_failure(exc: httpx.HTTPError, what: str) -> ConnectorError:
    for kind, error, text in _NETWORK_FAILURES:
        if isinstance(exc, kind):
            return error(f"{what} {text}")
    return TransientError(f"{what} failed: network error ({type(exc).__name__})")


def raise_for_status(response: httpx.Response, *, what: str, detail: str = "") -> None:
    """Map an error status to the typed errors; success passes. `detail` is the platform's
    own explanation (already cleaned with `clean_detail`).

    401 → AuthExpired; 429 → RateLimited; 408 and 5xx → TransientError; other 4xx → PermanentError.
    """
    status = response.status_code
    if status < 400:
        return
    suffix = f": {detail}" if detail else ""
    if status == 401:
        raise AuthExpired(f"{what} failed: the sign-in is no longer valid (HTTP 401){suffix}")
    if status == 429:
        raise RateLimited(f"{what}: rate limited (HTTP 429){suffix}", retry_after_seconds(response))
    if status == 408 or status >= 500:
        raise TransientError(f"{what} failed: the server had a problem (HTTP {status}){suffix}")
    raise PermanentError(f"{what} failed (HTTP {status}){suffix}")


_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def clean_detail(text: str, *, secrets: Iterable[str] = ()) -> str:
    """A platform's error text made fit for a message: one line, bounded, secrets masked.

    Platforms sometimes echo request parameters in errors; masking the token here is the last
    line of defence behind never putting it in a URL or message ourselves.
    """
    cleaned = " ".join(_CONTROL.sub(" ", text).split())
    for secret in secrets:
        if secret:
            cleaned = cleaned.replace(secret, "***")
    if len(cleaned) > MAX_DETAIL:
        cleaned = cleaned[: MAX_DETAIL - 1] + "…"
    return cleaned


def decode_json(response: httpx.Response, *, what: str) -> Any:
    """The body as JSON, or MalformedPayload naming the operation (never quoting the body)."""
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):
        raise MalformedPayload(
            f"{what}: the response is not valid JSON (HTTP {response.status_code})"
        ) from None


def decode_json_object(response: httpx.Response, *, what: str) -> dict[str, Any]:
    """Like `decode_json`, for the common case where the top level must be an object."""
    data = decode_json(response, what=what)
    if not isinstance(data, dict):
        raise MalformedPayload(f"{what}: expected a JSON object, got {type(data).__name__}")
    return data
