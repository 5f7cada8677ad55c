"""Connecting a YouTube channel: Google sign-in in the browser, then the channel it manages.

The form asks for nothing (an optional channel id overrides the signed-in user's own
channel); `sign_in` opens Google's consent page through `open_browser` (the UI passes its
own, e.g. `QDesktopServices.openUrl`), waits for the loopback redirect, and reads
`channels.list(mine=true)`.
"""

import logging
import re
import webbrowser
from collections.abc import Callable, Mapping, Sequence

import httpx

from moderator_app.connectors.base import SetupField, SignInResult, WatchTarget
from moderator_app.connectors.errors import PermanentError
from moderator_app.connectors.youtube import endpoints
from moderator_app.connectors.youtube.api import YouTubeApi
from moderator_app.connectors.youtube.oauth import (
    SIGN_IN_TIMEOUT_S,
    Clock,
    OAuthClient,
    TokenKeeper,
    run_installed_app_flow,
    utc_now,
)
from moderator_app.domain import Platform

_CHANNEL_ID = re.compile(r"^[A-Za-z0-9_-]{2,64}$")


log = logging.getLogger(__name__)


def _open_in_browser(url: str) -> None:
    # Said too, for a terminal with no browser: the address carries no secret (PKCE).
    log.warning("Sign in to Google in your browser; if none opened, visit: %s", url)
    webbrowser.open(url, new=1)


class YouTubeSetup:
    platform = Platform.YOUTUBE
    fields: Sequence[SetupField] = (
        SetupField(
            "channel_id",
            "Channel ID (optional)",
            placeholder="UC… — empty: the channel of the Google account you sign in with",
            required=False,
        ),
    )

    def __init__(
        self,
        *,
        open_browser: Callable[[str], None] = _open_in_browser,
        oauth_client: OAuthClient | None = None,
        api_base: str = endpoints.API_BASE,
        timeout_s: float = SIGN_IN_TIMEOUT_S,
        environ: Mapping[str, str] | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._open_browser = open_browser
        self._oauth_client = oauth_client
        self._api_base = api_base
        self._timeout_s = timeout_s
        self._environ = environ
        self._clock = clock

    async def sign_in(self, client: httpx.AsyncClient, values: dict[str, str]) -> SignInResult:
        override = values.get("channel_id", "").strip()
        if override and not _CHANNEL_ID.match(override):
            raise PermanentError("YouTube: that does not look like a channel id (UC…)")
        oauth = self._oauth_client or OAuthClient.from_env(self._environ)
        tokens = await run_installed_app_flow(
            client,
            oauth,
            open_browser=self._open_browser,
            timeout_s=self._timeout_s,
            clock=self._clock,
        )
        credentials = tokens.credentials(oauth.client_secret)
        keeper = TokenKeeper(client, oauth, credentials, clock=self._clock)
        api = YouTubeApi(client, keeper, base_url=self._api_base, clock=self._clock)
        channels = await api.list_channels(channel_id=override)
        if not channels:
            if override:
                raise PermanentError(f"YouTube: there is no channel {override}")
            raise PermanentError("YouTube: this Google account has no YouTube channel")
        channel = channels[0]
        settings: dict[str, str] = {"channel_id": channel.id, "oauth_client_id": oauth.client_id}
        if self._api_base != endpoints.API_BASE:
            settings["api_base"] = self._api_base
        if oauth.token_url != endpoints.TOKEN_URL:
            settings["oauth_token_url"] = oauth.token_url
        return SignInResult(
            credentials=credentials,
            account_name=channel.title or channel.id,
            url=channel.url,
            settings=settings,
            targets=[WatchTarget(c.id, c.title or c.id, "channel") for c in channels],
        )
