"""The YouTube connector: comments under one channel's videos, with replies and moderation.

Settings (`account.settings`; none of them secret):
- `channel_id` (required): the channel (UC…) whose threads are watched; our own replies are
  recognised by it.
- `oauth_client_id`: the Google OAuth client the account signed in with (refreshing needs
  the same one); falls back to `MODERATOR_YOUTUBE_CLIENT_ID`.
- `api_base`, `oauth_token_url`: endpoints, for tests against a local fake.
- Tunables of `fetch.SyncSettings` (`backfill_days`, `held_every_s`, `sweep_every_s`, …) and
  `request_interval_s` (least time between two requests, default 0.1 s).

Credentials: `token` = access token; `extra` = `refresh_token`, `expires_at`, and
`client_secret` when the OAuth client has one (see `oauth`).

Moderation: hide = hold for review, unhide = publish, delete = reject (final: YouTube cannot
publish a rejected comment again), `ban_author` = reject and ban the author from the channel.
YouTube's API cannot report a comment to YouTube itself.
"""

import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

import httpx

from moderator_app.connectors.base import Credentials, CredentialsChanged, FetchResult
from moderator_app.connectors.errors import NotSupported, PermanentError
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.youtube import endpoints
from moderator_app.connectors.youtube.api import MIN_INTERVAL_S, YouTubeApi
from moderator_app.connectors.youtube.fetch import ChannelSync, SyncSettings
from moderator_app.connectors.youtube.oauth import (
    ENV_CLIENT_ID,
    ENV_CLIENT_SECRET,
    OAuthClient,
    TokenKeeper,
    utc_now,
)
from moderator_app.connectors.youtube.payload import WATCH_URL, YtComment, to_remote
from moderator_app.connectors.youtube.reply_guard import ReplyGuard
from moderator_app.connectors.youtube.text import same_text
from moderator_app.domain import Account, Capability, Platform, RemoteComment

HELD = "heldForReview"
PUBLISHED = "published"
REJECTED = "rejected"


def oauth_client_for(
    settings: Mapping[str, Any], credentials: Credentials, environ: Mapping[str, str]
) -> OAuthClient:
    """The OAuth client an account refreshes its tokens with."""
    return OAuthClient(
        client_id=str(settings.get("oauth_client_id") or environ.get(ENV_CLIENT_ID, "")).strip(),
        client_secret=credentials.extra.get("client_secret")
        or environ.get(ENV_CLIENT_SECRET, "").strip(),
        token_url=str(settings.get("oauth_token_url") or endpoints.TOKEN_URL),
    )


class YouTubeConnector:
    platform = Platform.YOUTUBE
    capabilities = frozenset(
        {
            Capability.REPLY,
            Capability.HIDE,
            Capability.UNHIDE,
            Capability.DELETE,
            Capability.BAN_AUTHOR,
        }
    )

    def __init__(
        self,
        account: Account,
        credentials: Credentials,
        client: httpx.AsyncClient,
        on_credentials: CredentialsChanged | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        settings = account.settings
        channel_id = str(settings.get("channel_id") or "").strip()
        if not channel_id:
            raise PermanentError("YouTube: the account has no channel id; sign in again")
        env = os.environ if environ is None else environ
        self._channel_id = channel_id
        oauth_client = oauth_client_for(settings, credentials, env)
        self._tokens = TokenKeeper(client, oauth_client, credentials, on_credentials, clock=clock)
        self._api = YouTubeApi(
            client,
            self._tokens,
            base_url=str(settings.get("api_base") or endpoints.API_BASE),
            clock=clock,
            pacer=Pacer(_interval(settings.get("request_interval_s"))),
        )
        self._sync = ChannelSync(self._api, SyncSettings.from_settings(channel_id, settings), clock)
        self._guard = ReplyGuard(clock)
        self._own_authors = {channel_id}

    @property
    def units_spent(self) -> int:
        """Quota units this connector has used (an estimate: Google's count is the truth)."""
        return self._api.units_spent

    async def fetch_new(self, cursor: str | None) -> FetchResult:
        return await self._sync.step(cursor)

    async def reply(self, to: RemoteComment, text: str, idempotency_key: str) -> RemoteComment:
        """A reply in `to`'s thread (YouTube threads are one level deep), sent at most once
        per key as far as `ReplyGuard` can tell."""
        if not text.strip():
            raise PermanentError("YouTube: a reply needs some text")
        thread_id = str(to.extra.get("thread_id") or to.parent_remote_id or to.remote_id)
        video_id = _video_id(to)
        created = await self._already_sent(thread_id, text, video_id, idempotency_key)
        if created is None:
            created = await self._api.insert_reply(thread_id, text, video_id=video_id)
            if created.author.remote_id:
                self._own_authors.add(created.author.remote_id)
        self._guard.claim(created.id, idempotency_key)
        if created.parent_id is None:
            created = replace(created, parent_id=thread_id)
        remote = to_remote(created, None, own_channel=self._channel_id)
        return replace(remote, thread=to.thread, by_us=True)

    async def _already_sent(
        self, thread_id: str, text: str, video_id: str | None, key: str
    ) -> YtComment | None:
        """Our reply with this text that an earlier attempt with `key` may have posted."""
        since, _ = self._guard.begin(key)
        page = await self._api.list_replies(thread_id, video_id=video_id)
        ours = {
            c.id: c
            for c in page.comments
            if c.author.remote_id in self._own_authors
            and c.published_at >= since
            and same_text(c.text, text)
        }
        chosen = self._guard.pick(((c.id, c.published_at) for c in ours.values()), key)
        return None if chosen is None else ours[chosen]

    async def hide(self, comment: RemoteComment, idempotency_key: str) -> None:
        await self._api.set_moderation_status(comment.remote_id, HELD)

    async def unhide(self, comment: RemoteComment, idempotency_key: str) -> None:
        await self._api.set_moderation_status(comment.remote_id, PUBLISHED)

    async def delete(self, comment: RemoteComment, idempotency_key: str) -> None:
        """Reject: gone for good, replies included."""
        await self._reject(comment, idempotency_key, ban_author=False)

    async def ban_author(self, comment: RemoteComment, idempotency_key: str) -> None:
        """Reject the comment and have YouTube reject its author's future comments too."""
        await self._reject(comment, idempotency_key, ban_author=True)

    async def report(self, comment: RemoteComment, reason: str, idempotency_key: str) -> None:
        raise NotSupported(
            "YouTube's API cannot report a comment to YouTube; hold it for review or remove it"
        )

    async def _reject(self, comment: RemoteComment, key: str, *, ban_author: bool) -> None:
        _, retry = self._guard.begin(f"reject:{key}")
        await self._api.set_moderation_status(
            comment.remote_id, REJECTED, ban_author=ban_author, gone_ok=retry
        )


def _video_id(comment: RemoteComment) -> str | None:
    video = comment.extra.get("video_id")
    if isinstance(video, str) and video:
        return video
    prefix = WATCH_URL.format(video="")
    if comment.thread.url.startswith(prefix):
        return comment.thread.remote_id
    return None


def _interval(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 10:
        return float(value)
    return MIN_INTERVAL_S
