"""Calls to the Telegram Bot API, and its answers turned into typed connector errors.

Every answer is the envelope `{"ok": true, "result": …}` or
`{"ok": false, "error_code": N, "description": "…", "parameters": {"retry_after": S}}`.

The bot token is part of the URL path, and httpx puts the URL into its exceptions, responses
and log lines. So the URL is built and used only inside `_exchange`, whose frame is gone
before any error is raised; errors are raised outside `except` blocks (no exception chain
pointing back at httpx); descriptions are masked with the token; and `redact` filters the logs.
"""

import json
import logging
import math
from collections.abc import Mapping
from typing import Any

import httpx

from moderator_app.connectors.base import Credentials
from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
    TransientError,
)
from moderator_app.connectors.http import (
    DEFAULT_RETRY_AFTER_S,
    MalformedPayload,
    clean_detail,
    retry_after_seconds,
)
from moderator_app.connectors.pacing import Pacer

log = logging.getLogger(__name__)

DEFAULT_API_BASE = "https://api.telegram.org"
LABEL = "telegram"
CONNECT_TIMEOUT_S = 10.0


class BotApiError(PermanentError):
    """Telegram refused the request (`ok: false`, a 4xx other than 401/429).

    `description` is Telegram's own text (token-masked), kept so callers can recognise
    cases like "message to delete not found".
    """

    def __init__(self, message: str, *, error_code: int, description: str) -> None:
        super().__init__(message)
        self.error_code = error_code
        self.description = description


class SendOutcomeUnknown(PermanentError):
    """The request left, but no usable answer came back: it may or may not have been applied.

    Telegram has no idempotency key, so for a non-repeatable call (sending a message) the
    safe course is to stop and let the moderator check, instead of retrying into a duplicate.
    """


class BotApi:
    """One bot's view of the Bot API: `call(method, params)` returns the `result`."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        credentials: Credentials,
        *,
        api_base: str = DEFAULT_API_BASE,
        min_interval_s: float = 1 / 30,
    ) -> None:
        self._client = client
        self._credentials = credentials
        self._api_base = api_base.rstrip("/")
        self._pacer = Pacer(min_interval_s)

    def __repr__(self) -> str:
        return f"BotApi({self._api_base!r}, token=***)"

    async def call(
        self,
        method: str,
        params: Mapping[str, Any] | None = None,
        *,
        what: str,
        read_timeout_s: float | None = None,
        once: bool = False,
    ) -> Any:
        """POST `method` with a JSON body. `what` names the operation in messages.

        `once=True` marks a call that must not be repeated blindly (sendMessage): a failure
        after the request may have reached Telegram raises `SendOutcomeUnknown` instead of a
        retryable `TransientError`. `read_timeout_s` overrides the client's (long polls need more).
        """
        label = f"{LABEL}: {what}"
        await self._pacer.wait()
        log.debug("telegram: calling %s", method)
        outcome = await self._exchange(method, dict(params or {}), read_timeout_s)
        if isinstance(outcome, type):
            raise _network_failure(outcome, label, once=once)
        answer = _read_answer(outcome, label, once=once, token=self._credentials.token)
        del outcome  # its request URL holds the token: keep it out of the traceback's frame
        if isinstance(answer, ConnectorError):
            raise answer
        return answer.value

    async def _exchange(
        self, method: str, params: dict[str, Any], read_timeout_s: float | None
    ) -> httpx.Response | type[Exception]:
        """The only place the token-bearing URL exists. A failure comes back as the exception's
        type only: httpx exceptions carry the request and its URL, so none of them may outlive
        this frame or end up in an exception chain."""
        url = f"{self._api_base}/bot{self._credentials.token}/{method}"
        kwargs: dict[str, Any] = {"json": params}
        if read_timeout_s is not None:
            kwargs["timeout"] = httpx.Timeout(
                read_timeout_s, connect=min(CONNECT_TIMEOUT_S, read_timeout_s)
            )
        try:
            return await self._client.post(url, **kwargs)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return type(exc)


class _Result:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


_Failure = tuple[tuple[type[Exception], ...], type[ConnectorError], str]

# Failures before the request reached Telegram: always safe to repeat.
_BEFORE_SENDING: tuple[_Failure, ...] = (
    (
        (httpx.InvalidURL, httpx.UnsupportedProtocol),
        PermanentError,
        "failed: the Bot API address is not a valid http(s) URL",
    ),
    ((httpx.TooManyRedirects,), PermanentError, "failed: too many redirects"),
    ((httpx.ConnectTimeout, httpx.PoolTimeout), TransientError, "timed out while connecting"),
    ((httpx.ConnectError,), TransientError, "failed: could not connect"),
    (
        (httpx.WriteTimeout, httpx.WriteError),
        TransientError,
        "failed: the request could not be sent",
    ),
)
# Failures after it may have been carried out.
_AFTER_SENDING: tuple[_Failure, ...] = (
    ((httpx.TimeoutException,), TransientError, "timed out"),
    ((httpx.RemoteProtocolError,), TransientError, "failed: the connection broke off"),
    ((httpx.DecodingError,), MalformedPayload, "failed: the response could not be decoded"),
)


def _network_failure(kind: type[Exception], label: str, *, once: bool) -> ConnectorError:
    """Classify a failure to get any answer. For a `once` call only failures before the
    request was fully sent may be retried."""
    for kinds, error, text in _BEFORE_SENDING:
        if issubclass(kind, kinds):
            return error(f"{label} {text}")
    if once:
        return SendOutcomeUnknown(
            f"{label}: the connection broke after the request was sent, so Telegram may have "
            "carried it out; check the chat before retrying (Telegram cannot deduplicate sends)"
        )
    for kinds, error, text in _AFTER_SENDING:
        if issubclass(kind, kinds):
            return error(f"{label} {text}")
    return TransientError(f"{label} failed: network error ({kind.__name__})")


def _read_answer(
    response: httpx.Response, label: str, *, once: bool, token: str
) -> _Result | ConnectorError:
    status = response.status_code
    envelope = _envelope(response)
    if envelope is None:
        return _bare_status_failure(response, label, once=once)
    ok = envelope.get("ok")
    if ok is True and status < 400:
        if "result" not in envelope:
            return _garbled(label, once, "has no 'result'")
        return _Result(envelope["result"])
    if ok is not False:
        return _garbled(label, once, "has no 'ok' flag")
    code = envelope.get("error_code")
    error_code = code if isinstance(code, int) and not isinstance(code, bool) else status
    raw = envelope.get("description")
    description = clean_detail(raw if isinstance(raw, str) else "", secrets=(token,))
    parameters = envelope.get("parameters")
    retry_after = _retry_after(parameters, response)
    return _api_failure(error_code, description, retry_after, label, once=once)


def _envelope(response: httpx.Response) -> dict[str, Any] | None:
    try:
        data = json.loads(response.content)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _garbled(label: str, once: bool, problem: str) -> ConnectorError:
    if once:
        return SendOutcomeUnknown(
            f"{label}: Telegram's answer could not be read ({problem}), so the request may "
            "have been carried out; check the chat before retrying"
        )
    return MalformedPayload(f"{label}: the answer is not a Bot API envelope ({problem})")


def _bare_status_failure(response: httpx.Response, label: str, *, once: bool) -> ConnectorError:
    """No JSON envelope at all: a proxy's HTML error page, or a garbled body."""
    status = response.status_code
    if status == 429:
        return RateLimited(f"{label}: rate limited (HTTP 429)", retry_after_seconds(response))
    if status == 401:
        return _auth_expired(label, "")
    if status == 408 or status >= 500:
        if once:
            return SendOutcomeUnknown(
                f"{label}: the server had a problem (HTTP {status}) after the request was sent; "
                "check the chat before retrying"
            )
        return TransientError(f"{label} failed: the server had a problem (HTTP {status})")
    if status < 400:
        return _garbled(label, once, f"HTTP {status}, not JSON")
    return PermanentError(f"{label} failed (HTTP {status})")


def _retry_after(parameters: object, response: httpx.Response) -> float:
    if isinstance(parameters, dict):
        value = parameters.get("retry_after")
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return max(0.0, float(value))
    return retry_after_seconds(response, DEFAULT_RETRY_AFTER_S)


def _api_failure(
    code: int, description: str, retry_after: float, label: str, *, once: bool
) -> ConnectorError:
    suffix = f": {description}" if description else ""
    if code == 429:
        return RateLimited(f"{label}: Telegram asks to slow down (HTTP 429){suffix}", retry_after)
    if code == 401:
        return _auth_expired(label, suffix)
    if code == 408 or code >= 500:
        if once:
            return SendOutcomeUnknown(
                f"{label}: Telegram had a problem (HTTP {code}){suffix}; the request may have "
                "been carried out, check the chat before retrying"
            )
        return TransientError(f"{label} failed: Telegram had a problem (HTTP {code}){suffix}")
    return BotApiError(
        _refusal_message(code, description, label, suffix), error_code=code, description=description
    )


def _refusal_message(code: int, description: str, label: str, suffix: str) -> str:
    if code == 409:
        return _conflict_message(label, description)
    if code == 404:
        return f"{label} failed (HTTP 404){suffix}; check the bot token and the Bot API address"
    return f"{label} failed (HTTP {code}){suffix}"


def _auth_expired(label: str, suffix: str) -> AuthExpired:
    return AuthExpired(
        f"{label} failed: Telegram no longer accepts this bot token (HTTP 401){suffix}. It was "
        "revoked or replaced in @BotFather; sign in again with the current token"
    )


def _conflict_message(label: str, description: str) -> str:
    if "webhook" in description.lower() and "terminated" not in description.lower():
        return (
            f"{label} failed (HTTP 409): this bot delivers its updates to a webhook, so it cannot "
            "be polled. Another program probably uses this bot: give Moderator its own bot from "
            "@BotFather, or remove the webhook with deleteWebhook if nothing needs it any more"
        )
    return (
        f"{label} failed (HTTP 409): another program (or another Moderator) is reading this "
        "bot's updates at the same time, and each update goes to only one of them. Give every "
        "Moderator installation its own bot, added as an admin to the discussion groups"
    )
