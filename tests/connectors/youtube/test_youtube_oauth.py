"""Google OAuth for an installed app, end to end against the fake: PKCE, state, the loopback
redirect, code exchange, refresh, revocation — and no token in any message."""

import asyncio
import base64
import hashlib
import logging
import re
import threading
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from moderator_app.connectors.base import Credentials
from moderator_app.connectors.errors import AuthExpired, PermanentError, TransientError
from moderator_app.connectors.http import make_client
from moderator_app.connectors.youtube.oauth import (
    ENV_CLIENT_ID,
    OAuthClient,
    Pkce,
    TokenKeeper,
    TokenSet,
    authorization_url,
    run_installed_app_flow,
)
from tests.connectors.youtube.session import Browser, assert_no_secrets, signed_in
from tests.servers.youtube_fake import YouTubeFake
from tests.servers.youtube_fake_oauth import CLIENT_ID, CLIENT_SECRET, SCOPE


def _client(fake: YouTubeFake, secret: str = CLIENT_SECRET) -> OAuthClient:
    return OAuthClient(CLIENT_ID, secret, auth_url=fake.auth_url, token_url=fake.token_url)


def _flow(fake: YouTubeFake, browser: object, **kwargs: object) -> TokenSet:
    async def main() -> TokenSet:
        async with make_client(timeout=5) as client:
            return await run_installed_app_flow(
                client,
                _client(fake),
                open_browser=browser,  # type: ignore[arg-type]
                **kwargs,  # type: ignore[arg-type]
            )

    return asyncio.run(main())


def test_pkce_follows_rfc_7636() -> None:
    pkce = Pkce.create()
    assert re.fullmatch(r"[A-Za-z0-9\-._~]{43,128}", pkce.verifier)
    digest = hashlib.sha256(pkce.verifier.encode()).digest()
    assert pkce.challenge == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert pkce.verifier not in repr(pkce)
    assert Pkce.create().verifier != pkce.verifier


def test_authorization_url_asks_for_offline_access() -> None:
    url = authorization_url(
        OAuthClient("cid"), redirect_uri="http://127.0.0.1:5000/", state="st", challenge="ch"
    )
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://accounts.google.com/o/oauth2/v2/auth"
    )
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query == {
        "client_id": "cid",
        "redirect_uri": "http://127.0.0.1:5000/",
        "response_type": "code",
        "scope": "https://www.googleapis.com/auth/youtube.force-ssl",
        "state": "st",
        "code_challenge": "ch",
        "code_challenge_method": "S256",
        "access_type": "offline",
        "prompt": "consent",
    }
    with pytest.raises(PermanentError, match="plain http"):
        authorization_url(
            OAuthClient("cid", auth_url="http://accounts.example.com/auth"),
            redirect_uri="http://127.0.0.1:1/",
            state="s",
            challenge="c",
        )


def test_sign_in_through_the_browser_and_loopback(fake: YouTubeFake) -> None:
    browser = Browser()
    before = datetime.now(UTC)
    tokens = _flow(fake, browser)
    browser.join()
    assert fake.oauth.valid(tokens.access_token)
    assert tokens.refresh_token in fake.oauth.refresh
    assert tokens.expires_at is not None
    assert (
        before + timedelta(seconds=3500)
        < tokens.expires_at
        < before + timedelta(hours=1, minutes=1)
    )
    [page] = browser.pages
    assert page.status_code == 200
    assert "Moderator" in page.text
    assert page.url.host == "127.0.0.1"
    opened = parse_qs(urlsplit(browser.opened[0]).query)
    assert opened["scope"] == [SCOPE]
    # the loopback server is gone once the flow is over
    with pytest.raises(httpx.ConnectError):
        httpx.get(opened["redirect_uri"][0], timeout=2)


def test_a_request_with_the_wrong_state_is_ignored(fake: YouTubeFake) -> None:
    browser = Browser()
    stray: list[int] = []

    def open_browser(url: str) -> None:
        redirect = parse_qs(urlsplit(url).query)["redirect_uri"][0]

        def visit() -> None:
            forged = httpx.get(f"{redirect}?state=forged&code=evil", timeout=5)
            stray.append(forged.status_code)
            browser(url)

        threading.Thread(target=visit, daemon=True).start()

    tokens = _flow(fake, open_browser)
    browser.join()
    assert stray == [400]
    assert fake.oauth.valid(tokens.access_token)


def test_consent_denied(fake: YouTubeFake) -> None:
    fake.oauth.consent = "deny"
    browser = Browser()
    with pytest.raises(PermanentError, match="cancelled"):
        _flow(fake, browser)
    browser.join()


def test_no_answer_from_the_browser_times_out(fake: YouTubeFake) -> None:
    with pytest.raises(TransientError, match="no answer from the browser"):
        _flow(fake, lambda url: None, timeout_s=0.3)


def test_client_from_the_environment() -> None:
    with pytest.raises(PermanentError, match=ENV_CLIENT_ID):
        OAuthClient.from_env({})
    env = {ENV_CLIENT_ID: " cid ", "MODERATOR_YOUTUBE_CLIENT_SECRET": "GOCSPX-sekret"}
    client = OAuthClient.from_env(env)
    assert (client.client_id, client.client_secret) == ("cid", "GOCSPX-sekret")
    assert "sekret" not in repr(client)


def _keeper(
    fake: YouTubeFake,
    credentials: Credentials,
    saved: list[Credentials],
    secret: str = CLIENT_SECRET,
) -> tuple[httpx.AsyncClient, TokenKeeper]:
    client = make_client(timeout=5)
    return client, TokenKeeper(client, _client(fake, secret), credentials, saved.append)


def test_an_expired_token_is_refreshed_once_for_everyone(fake: YouTubeFake) -> None:
    credentials = signed_in(fake, expires_in=timedelta(seconds=-5))
    saved: list[Credentials] = []

    async def main() -> list[str]:
        client, keeper = _keeper(fake, credentials, saved)
        async with client:
            return await asyncio.gather(*(keeper.access_token() for _ in range(5)))

    tokens = asyncio.run(main())
    assert len(set(tokens)) == 1
    assert tokens[0] != credentials.token
    assert fake.oauth.refreshes == 1
    [new] = saved
    assert new.token == tokens[0]
    assert new.extra["refresh_token"] == credentials.extra["refresh_token"]  # kept
    assert new.extra["client_secret"] == CLIENT_SECRET
    assert datetime.fromisoformat(new.extra["expires_at"]) > datetime.now(UTC)


def test_a_revoked_sign_in_needs_a_new_one_and_says_so_without_secrets(
    fake: YouTubeFake, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    credentials = signed_in(fake, expires_in=timedelta(seconds=-5))
    fake.oauth.revoke_all()
    saved: list[Credentials] = []

    async def main() -> None:
        client, keeper = _keeper(fake, credentials, saved)
        async with client:
            await keeper.access_token()

    with pytest.raises(AuthExpired) as caught:
        asyncio.run(main())
    assert "sign in again" in str(caught.value)
    assert "invalid_grant" in str(caught.value)
    assert saved == []
    assert_no_secrets(caught.value, credentials, logs=caplog.text)


def test_a_wrong_client_secret_is_a_configuration_error(fake: YouTubeFake) -> None:
    credentials = signed_in(fake, expires_in=timedelta(seconds=-5))

    async def main() -> None:
        client, keeper = _keeper(fake, credentials, [], secret="wrong-secret")
        async with client:
            await keeper.access_token()

    with pytest.raises(PermanentError, match="invalid_client") as caught:
        asyncio.run(main())
    assert "wrong-secret" not in str(caught.value)


def test_token_reprs_are_masked(fake: YouTubeFake) -> None:
    credentials = signed_in(fake)
    tokens = TokenSet.from_credentials(credentials)
    client = make_client()
    keeper = TokenKeeper(client, _client(fake), credentials)
    for text in (repr(credentials), repr(tokens), repr(keeper), repr(_client(fake))):
        assert credentials.token not in text
        assert credentials.extra["refresh_token"] not in text
        assert CLIENT_SECRET not in text
    asyncio.run(client.aclose())
