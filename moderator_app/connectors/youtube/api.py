"""The YouTube Data API v3 calls this connector makes, authorised, paced and quota-aware.

Quota (10,000 units a day per Google Cloud project, reset at midnight Pacific time) is the
real limit: a list costs 1 unit, a reply or a moderation change 50. Once YouTube says the
quota is gone, calls fail fast with `QuotaExhausted` until the reset, without spending more.
"""

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import httpx

from moderator_app.connectors.errors import RateLimited
from moderator_app.connectors.http import decode_json, send
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.youtube import endpoints
from moderator_app.connectors.youtube.api_errors import (
    QuotaExhausted,
    parse_error,
    quota_exhausted,
    raise_for_google_error,
)
from moderator_app.connectors.youtube.oauth import TokenKeeper
from moderator_app.connectors.youtube.payload import (
    ChannelInfo,
    CommentPage,
    ThreadPage,
    VideoInfo,
    YtComment,
    parse_channels,
    parse_comment,
    parse_comment_page,
    parse_thread_page,
    parse_videos,
)

log = logging.getLogger(__name__)

PAGE_SIZE = 100  # the most commentThreads.list / comments.list return per page
IDS_PER_CALL = 50  # videos.list and setModerationStatus take at most 50 ids
MIN_INTERVAL_S = 0.1
MAX_HOLD_S = 300.0
COST_LIST = 1
COST_WRITE = 50
LABEL = "YouTube"


class YouTubeApi:
    def __init__(
        self,
        http: httpx.AsyncClient,
        tokens: TokenKeeper,
        *,
        base_url: str = endpoints.API_BASE,
        clock: Callable[[], datetime],
        pacer: Pacer | None = None,
    ) -> None:
        self._http = http
        self._tokens = tokens
        self._base = endpoints.checked_url(base_url, f"{LABEL}: API address")
        self._clock = clock
        self._pacer = pacer or Pacer(MIN_INTERVAL_S)
        self._quota_gone: QuotaExhausted | None = None
        self.units_spent = 0

    async def list_threads(
        self, channel_id: str, *, page_token: str | None, moderation_status: str | None = None
    ) -> ThreadPage:
        """One page of the channel's threads, newest first (1 unit)."""
        params = {
            "part": "snippet,replies",
            "allThreadsRelatedToChannelId": channel_id,
            "order": "time",
            "maxResults": str(PAGE_SIZE),
            "textFormat": "plainText",
        }
        if moderation_status:
            params["moderationStatus"] = moderation_status
        if page_token:
            params["pageToken"] = page_token
        queue = f" ({moderation_status})" if moderation_status else ""
        what = f"{LABEL}: listing comment threads{queue}"
        data = await self._call("GET", "/commentThreads", what=what, params=params)
        return parse_thread_page(data, f"{LABEL}: commentThreads")

    async def list_replies(
        self, parent_id: str, *, video_id: str | None, page_token: str | None = None
    ) -> CommentPage:
        """One page of a thread's replies (1 unit); newest first as recorded responses show."""
        params = {
            "part": "snippet",
            "parentId": parent_id,
            "maxResults": str(PAGE_SIZE),
            "textFormat": "plainText",
        }
        if page_token:
            params["pageToken"] = page_token
        what = f"{LABEL}: listing replies to {parent_id}"
        data = await self._call("GET", "/comments", what=what, params=params)
        return parse_comment_page(data, f"{LABEL}: comments", video_id=video_id)

    async def list_videos(self, ids: Sequence[str]) -> dict[str, VideoInfo]:
        """Titles of up to 50 videos per unit; private or deleted videos are simply absent."""
        found: dict[str, VideoInfo] = {}
        for start in range(0, len(ids), IDS_PER_CALL):
            chunk = ids[start : start + IDS_PER_CALL]
            params = {"part": "snippet", "id": ",".join(chunk), "maxResults": str(IDS_PER_CALL)}
            what = f"{LABEL}: reading videos"
            data = await self._call("GET", "/videos", what=what, params=params)
            found.update(parse_videos(data, f"{LABEL}: videos"))
        return found

    async def list_channels(self, *, channel_id: str = "") -> list[ChannelInfo]:
        """The signed-in user's channels (`mine=true`), or the channel with `channel_id`."""
        params = {"part": "snippet"}
        if channel_id:
            params["id"] = channel_id
        else:
            params["mine"] = "true"
        what = f"{LABEL}: reading channels"
        data = await self._call("GET", "/channels", what=what, params=params)
        return parse_channels(data, f"{LABEL}: channels")

    async def insert_reply(self, thread_id: str, text: str, *, video_id: str | None) -> YtComment:
        """comments.insert (50 units). Replies always go to the top-level comment."""
        body = {"snippet": {"parentId": thread_id, "textOriginal": text}}
        data = await self._call(
            "POST",
            "/comments",
            what=f"{LABEL}: replying in thread {thread_id}",
            params={"part": "snippet"},
            json=body,
            cost=COST_WRITE,
        )
        return parse_comment(data, f"{LABEL}: comments.insert", video_id=video_id)

    async def set_moderation_status(
        self, comment_id: str, status: str, *, ban_author: bool = False, gone_ok: bool = False
    ) -> None:
        """comments.setModerationStatus (50 units) → 204. With `gone_ok`, an answer meaning
        "no such comment" counts as done (a retry of a removal that already went through)."""
        params = {"id": comment_id, "moderationStatus": status}
        if ban_author:
            params["banAuthor"] = "true"
        await self._call(
            "POST",
            "/comments/setModerationStatus",
            what=f"{LABEL}: setting comment {comment_id} to {status}",
            params=params,
            cost=COST_WRITE,
            expect_body=False,
            gone_ok=gone_ok,
        )

    async def _call(
        self,
        method: str,
        path: str,
        *,
        what: str,
        params: dict[str, str],
        json: Any = None,
        cost: int = COST_LIST,
        expect_body: bool = True,
        gone_ok: bool = False,
    ) -> Any:
        self._check_quota(what)
        token = await self._tokens.access_token()
        response = await self._send(
            method, path, token, what=what, params=params, json=json, cost=cost
        )
        if response.status_code == 401:  # rejected before it was carried out: safe to repeat
            token = await self._tokens.refresh(rejected=token)
            response = await self._send(
                method, path, token, what=what, params=params, json=json, cost=cost
            )
        if gone_ok and _means_gone(response):
            log.info("%s: the comment is already gone", what)
            return None
        try:
            raise_for_google_error(
                response, what=what, now=self._clock(), secrets=self._tokens.secrets
            )
        except QuotaExhausted as exc:
            self._quota_gone = exc
            raise
        except RateLimited as exc:
            self._pacer.hold_for(min(exc.retry_after, MAX_HOLD_S))
            raise
        if not expect_body:
            return None
        return decode_json(response, what=what)

    async def _send(
        self,
        method: str,
        path: str,
        token: str,
        *,
        what: str,
        params: dict[str, str],
        json: Any,
        cost: int,
    ) -> httpx.Response:
        await self._pacer.wait()
        self.units_spent += cost
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        return await send(
            self._http,
            method,
            self._base + path,
            what=what,
            params=params,
            json=json,
            headers=headers,
        )

    def _check_quota(self, what: str) -> None:
        """Fail fast while the quota day that ran out has not ended yet."""
        gone = self._quota_gone
        if gone is None:
            return
        now = self._clock()
        if now >= gone.resets_at:
            self._quota_gone = None
            return
        raise quota_exhausted(what, now, gone.resets_at)


def _means_gone(response: httpx.Response) -> bool:
    """How YouTube answers moderation of a removed comment: 404 commentNotFound, or (per its
    docs) 403 forbidden / 400 processingFailure for deleted or invalid ids."""
    if response.status_code == 404:
        return True
    reasons = set(parse_error(response).reasons)
    if response.status_code == 403:
        return "forbidden" in reasons
    return response.status_code == 400 and "processingFailure" in reasons
