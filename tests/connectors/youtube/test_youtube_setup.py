"""Connecting a YouTube account: Google sign-in in a (fake) browser, then the channel."""

import asyncio

import pytest

from moderator_app.connectors.base import PlatformSetup, SignInResult
from moderator_app.connectors.errors import PermanentError
from moderator_app.connectors.http import make_client
from moderator_app.connectors.youtube import YouTubeConnector, YouTubeSetup
from moderator_app.connectors.youtube.oauth import ENV_CLIENT_ID, OAuthClient
from moderator_app.domain import Account, Platform
from tests.connectors.youtube.session import NO_ENV, Browser, sync_all
from tests.servers.youtube_fake import YouTubeFake
from tests.servers.youtube_fake_oauth import CLIENT_ID, CLIENT_SECRET


def _setup(fake: YouTubeFake, browser: Browser) -> YouTubeSetup:
    client = OAuthClient(CLIENT_ID, CLIENT_SECRET, auth_url=fake.auth_url, token_url=fake.token_url)
    return YouTubeSetup(open_browser=browser, oauth_client=client, api_base=fake.api_base)


def _sign_in(setup: YouTubeSetup, values: dict[str, str]) -> SignInResult:
    async def main() -> SignInResult:
        async with make_client(timeout=5) as client:
            return await setup.sign_in(client, values)

    return asyncio.run(main())


def test_the_form_asks_for_nothing_required() -> None:
    setup: PlatformSetup = YouTubeSetup()  # mypy checks the protocol
    assert setup.platform is Platform.YOUTUBE
    assert [(f.name, f.required, f.secret) for f in setup.fields] == [("channel_id", False, False)]


def test_sign_in_finds_the_channel_and_the_account_works(fake: YouTubeFake) -> None:
    browser = Browser()
    result = _sign_in(_setup(fake, browser), {"channel_id": ""})
    browser.join()
    world = fake.world
    assert result.account_name == world.channel_title
    assert result.url == f"https://www.youtube.com/channel/{world.channel_id}"
    assert result.settings == {
        "channel_id": world.channel_id,
        "oauth_client_id": CLIENT_ID,
        "api_base": fake.api_base,
        "oauth_token_url": fake.token_url,
    }
    assert [(t.id, t.kind) for t in result.targets] == [(world.channel_id, "channel")]
    credentials = result.credentials
    assert fake.oauth.valid(credentials.token)
    assert set(credentials.extra) == {"refresh_token", "expires_at", "client_secret"}
    assert credentials.token not in repr(result)
    [mine] = fake.calls("/channels")
    assert mine.params == {"part": "snippet", "mine": "true"}

    # what sign-in stored is all a connector needs
    world.add_comment(world.add_video("v"), "первый комментарий")
    account = Account(
        Platform.YOUTUBE, result.account_name, result.url, dict(result.settings), id=3
    )

    async def main() -> list[str]:
        async with make_client(timeout=5) as client:
            connector = YouTubeConnector(account, credentials, client, environ=NO_ENV)
            comments, _ = await sync_all(connector)
            return [c.text for c in comments]

    assert asyncio.run(main()) == ["первый комментарий"]


def test_a_channel_id_override(fake: YouTubeFake) -> None:
    browser = Browser()
    result = _sign_in(_setup(fake, browser), {"channel_id": fake.world.channel_id})
    assert result.settings["channel_id"] == fake.world.channel_id
    with pytest.raises(PermanentError, match="no channel UCnope"):
        _sign_in(_setup(fake, Browser()), {"channel_id": "UCnope"})
    with pytest.raises(PermanentError, match="channel id"):
        _sign_in(_setup(fake, Browser()), {"channel_id": "not a channel/../"})
    browser.join()


def test_without_an_oauth_client_the_message_says_what_to_set() -> None:
    setup = YouTubeSetup(environ={})
    with pytest.raises(PermanentError, match=ENV_CLIENT_ID):
        _sign_in(setup, {})
