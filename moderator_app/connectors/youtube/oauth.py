"""Google OAuth 2.0 for an installed app: PKCE, loopback redirect, code exchange, refresh.

Moderator ships no registered Google app, so the OAuth client comes from the environment
(`MODERATOR_YOUTUBE_CLIENT_ID` / `MODERATOR_YOUTUBE_CLIENT_SECRET`) or the caller. Google treats
a desktop client's secret as non-confidential, but its token endpoint still wants it; it is
kept with the account's credentials in the keyring, never in settings or messages.

Credentials layout: `token` = access token; `extra` = {"refresh_token", "expires_at"
(ISO 8601 UTC), "client_secret" (when the client has one)}.
"""

import asyncio
import base64
import hashlib
import logging
import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import httpx

from moderator_app.connectors.base import Credentials, CredentialsChanged
from moderator_app.connectors.errors import AuthExpired, PermanentError, RateLimited, TransientError
from moderator_app.connectors.http import (
    MalformedPayload,
    clean_detail,
    decode_json_object,
    raise_for_status,
    retry_after_seconds,
    send,
)
from moderator_app.connectors.payload import optional_str, require_str
from moderator_app.connectors.youtube import endpoints
from moderator_app.connectors.youtube.api_errors import parse_error
from moderator_app.connectors.youtube.loopback import LoopbackReceiver

log = logging.getLogger(__name__)

ENV_CLIENT_ID = "MODERATOR_YOUTUBE_CLIENT_ID"
ENV_CLIENT_SECRET = "MODERATOR_YOUTUBE_CLIENT_SECRET"  # noqa: S105 - a variable's name
EXPIRY_MARGIN = timedelta(seconds=60)
DEFAULT_LIFETIME_S = 3600
SIGN_IN_TIMEOUT_S = 300.0
LABEL = "YouTube sign-in"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class OAuthClient:
    """A registered Google OAuth client ("Desktop app") and the endpoints to use it with."""

    client_id: str
    client_secret: str = field(default="", repr=False)
    auth_url: str = endpoints.AUTH_URL
    token_url: str = endpoints.TOKEN_URL
    scope: str = endpoints.SCOPE

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, client_id: str = "", **overrides: str
    ) -> "OAuthClient":
        """`client_id` (e.g. the one an account signed in with) or the environment's."""
        env = os.environ if environ is None else environ
        chosen = client_id or env.get(ENV_CLIENT_ID, "").strip()
        secret = overrides.pop("client_secret", "") or env.get(ENV_CLIENT_SECRET, "").strip()
        if not chosen:
            raise PermanentError(
                f"YouTube needs a Google OAuth client: set {ENV_CLIENT_ID} "
                f"(and {ENV_CLIENT_SECRET}) to a Desktop-app client of your Google Cloud project"
            )
        return cls(chosen, secret, **overrides)


@dataclass(frozen=True, slots=True)
class TokenSet:
    """The tokens of one signed-in account. Never printed: repr is masked."""

    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_at: datetime | None = None

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and now >= self.expires_at - EXPIRY_MARGIN

    def credentials(self, client_secret: str = "") -> Credentials:
        extra = {"refresh_token": self.refresh_token}
        if self.expires_at is not None:
            extra["expires_at"] = self.expires_at.astimezone(UTC).isoformat()
        if client_secret:
            extra["client_secret"] = client_secret
        return Credentials(token=self.access_token, extra=extra)

    @classmethod
    def from_credentials(cls, credentials: Credentials) -> "TokenSet":
        raw = credentials.extra.get("expires_at", "")
        expires: datetime | None = None
        if raw:
            try:
                expires = datetime.fromisoformat(raw)
            except ValueError:
                expires = datetime.fromtimestamp(0, UTC)  # unreadable: refresh before use
            if expires.tzinfo is None:
                expires = expires.replace(tzinfo=UTC)
        return cls(credentials.token, credentials.extra.get("refresh_token", ""), expires)


@dataclass(frozen=True, slots=True)
class Pkce:
    """RFC 7636 S256: the verifier stays here, only its hash goes through the browser."""

    verifier: str = field(repr=False)
    challenge: str

    @classmethod
    def create(cls) -> "Pkce":
        verifier = secrets.token_urlsafe(64)  # 86 characters of [A-Za-z0-9_-]
        digest = hashlib.sha256(verifier.encode("ascii")).digest()
        challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
        return cls(verifier, challenge)


def authorization_url(client: OAuthClient, *, redirect_uri: str, state: str, challenge: str) -> str:
    """Google's consent page. `access_type=offline` + `prompt=consent` make Google issue a
    refresh token on every sign-in, not only the first."""
    query = urlencode(
        {
            "client_id": client.client_id,
            "redirect_uri": redirect_uri,
            "response_type": "code",
            "scope": client.scope,
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "access_type": "offline",
            "prompt": "consent",
        }
    )
    return f"{endpoints.checked_url(client.auth_url, LABEL)}?{query}"


async def exchange_code(
    http: httpx.AsyncClient,
    client: OAuthClient,
    *,
    code: str,
    verifier: str,
    redirect_uri: str,
    now: datetime,
) -> TokenSet:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "client_id": client.client_id,
        "redirect_uri": redirect_uri,
        "code_verifier": verifier,
    }
    if client.client_secret:
        form["client_secret"] = client.client_secret
    what = f"{LABEL}: exchanging the authorization code"
    tokens = await _token_request(
        http, client, form=form, what=what, now=now, extra_secrets=(code, verifier)
    )
    if not tokens.refresh_token:
        raise PermanentError(
            f"{what}: Google issued no refresh token; remove Moderator's access in your "
            "Google account settings and sign in again"
        )
    return tokens


async def refresh_tokens(
    http: httpx.AsyncClient, client: OAuthClient, refresh_token: str, *, now: datetime
) -> TokenSet:
    """A new access token. Google usually keeps the refresh token (and then omits it)."""
    if not refresh_token:
        raise AuthExpired("YouTube: no refresh token is stored; sign in again")
    if not client.client_id:
        raise PermanentError(f"YouTube: cannot refresh the sign-in without {ENV_CLIENT_ID}")
    form = {
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
        "client_id": client.client_id,
    }
    if client.client_secret:
        form["client_secret"] = client.client_secret
    what = "YouTube: refreshing the access token"
    tokens = await _token_request(
        http, client, form=form, what=what, now=now, extra_secrets=(refresh_token,)
    )
    return TokenSet(tokens.access_token, tokens.refresh_token or refresh_token, tokens.expires_at)


async def _token_request(
    http: httpx.AsyncClient,
    client: OAuthClient,
    *,
    form: dict[str, str],
    what: str,
    now: datetime,
    extra_secrets: tuple[str, ...],
) -> TokenSet:
    url = endpoints.checked_url(client.token_url, what)
    response = await send(
        http, "POST", url, what=what, data=form, headers={"Accept": "application/json"}
    )
    if response.status_code >= 400:
        _raise_token_error(response, what, (client.client_secret, *extra_secrets))
    data = decode_json_object(response, what=what)
    access = require_str(data, "access_token", what)
    if not access.strip():
        raise MalformedPayload(f"{what}: Google returned an empty access token")
    lifetime = data.get("expires_in", DEFAULT_LIFETIME_S)
    if isinstance(lifetime, bool) or not isinstance(lifetime, int | float) or lifetime <= 0:
        lifetime = DEFAULT_LIFETIME_S
    return TokenSet(
        access, optional_str(data, "refresh_token", what), now + timedelta(seconds=lifetime)
    )


def _raise_token_error(response: httpx.Response, what: str, masked: tuple[str, ...]) -> None:
    """OAuth errors: `invalid_grant` means the refresh token (or code) is dead."""
    error = parse_error(response)
    reason = error.reasons[0] if error.reasons else ""
    detail = clean_detail(f"{reason}: {error.message}" if error.message else reason, secrets=masked)
    if reason == "invalid_grant":
        raise AuthExpired(
            f"{what}: Google no longer accepts this sign-in ({detail}); sign in again"
        )
    if reason in {"invalid_client", "unauthorized_client"}:
        raise PermanentError(f"{what}: Google rejected the OAuth client ({detail})")
    if response.status_code == 429:
        raise RateLimited(f"{what}: rate limited", retry_after_seconds(response))
    if response.status_code >= 500:
        raise TransientError(f"{what}: Google had a problem (HTTP {response.status_code})")
    raise_for_status(response, what=what, detail=detail)


async def run_installed_app_flow(
    http: httpx.AsyncClient,
    client: OAuthClient,
    *,
    open_browser: Callable[[str], None],
    timeout_s: float = SIGN_IN_TIMEOUT_S,
    clock: Clock = utc_now,
) -> TokenSet:
    """Open Google's consent page, catch the redirect on 127.0.0.1, exchange the code."""
    pkce = Pkce.create()
    state = secrets.token_urlsafe(24)
    async with LoopbackReceiver(state) as receiver:
        url = authorization_url(
            client, redirect_uri=receiver.redirect_uri, state=state, challenge=pkce.challenge
        )
        open_browser(url)
        code = await receiver.wait(timeout_s)
        return await exchange_code(
            http,
            client,
            code=code,
            verifier=pkce.verifier,
            redirect_uri=receiver.redirect_uri,
            now=clock(),
        )


class TokenKeeper:
    """The current tokens of one account: refreshed before they expire and after a 401, once
    for everyone waiting (the poller and the outbox share a connector), and handed to
    `on_credentials` so the engine keeps them in the keyring."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        client: OAuthClient,
        credentials: Credentials,
        on_credentials: CredentialsChanged | None = None,
        *,
        clock: Clock = utc_now,
    ) -> None:
        self._http = http
        self._client = client
        self._tokens = TokenSet.from_credentials(credentials)
        self._on_credentials = on_credentials
        self._clock = clock
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return "TokenKeeper(***)"

    @property
    def secrets(self) -> tuple[str, ...]:
        """Everything to mask in messages."""
        return tuple(
            s
            for s in (
                self._tokens.access_token,
                self._tokens.refresh_token,
                self._client.client_secret,
            )
            if s
        )

    async def access_token(self) -> str:
        """A token that is not known to be expired (refreshed first if it is)."""
        tokens = self._tokens
        if tokens.expired(self._clock()) and tokens.refresh_token:
            return await self.refresh(rejected=tokens.access_token)
        return tokens.access_token

    async def refresh(self, *, rejected: str) -> str:
        """A new access token, unless someone already replaced `rejected` meanwhile."""
        async with self._lock:
            current = self._tokens
            if current.access_token != rejected and not current.expired(self._clock()):
                return current.access_token
            fresh = await refresh_tokens(
                self._http, self._client, current.refresh_token, now=self._clock()
            )
            self._tokens = fresh
            log.info("YouTube: access token refreshed")
            if self._on_credentials is not None:
                try:
                    self._on_credentials(fresh.credentials(self._client.client_secret))
                except Exception:
                    log.exception("YouTube: saving refreshed credentials failed")
            return fresh.access_token
