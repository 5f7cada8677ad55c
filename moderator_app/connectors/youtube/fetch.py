"""Incremental sync of one channel's comments, one page of the listing per call.

What is covered, and how:
- New threads: `commentThreads.list(allThreadsRelatedToChannelId, order=time)` is read
  newest-first from the top on every poll, page after page, until a page ends with a thread
  older than what was known (minus an overlap for late-indexed comments). Which threads are
  new is decided by id, not by time, so equal timestamps and page boundaries are harmless.
- New replies and edits on known threads: each listed thread's reply count and latest
  visible activity are compared with what was last returned; a difference returns the
  thread again with all its replies (`comments.list(parentId)` when more than the listing's
  few). Every poll re-checks the newest page (100 threads) at no extra cost, and a periodic
  sweep re-reads a few more pages. Whether YouTube moves a thread up on a new reply is not
  documented; either way works, but a reply to a thread older than the sweep's reach is
  only seen if YouTube does.
- The held-for-review queue (`moderationStatus=heldForReview`), read every few minutes;
  comments that entered it come back as HELD.
"""

import logging
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any

from moderator_app.connectors.base import FetchResult
from moderator_app.connectors.errors import ConnectorError, PermanentError
from moderator_app.connectors.youtube.api import YouTubeApi
from moderator_app.connectors.youtube.api_errors import InvalidPageToken
from moderator_app.connectors.youtube.cursor import Scan, SyncState, ThreadMark
from moderator_app.connectors.youtube.payload import (
    ThreadPage,
    VideoInfo,
    YtComment,
    YtThread,
    to_remote,
)
from moderator_app.domain import PlatformState, RemoteComment

log = logging.getLogger(__name__)

HELD = "heldForReview"
VIDEO_CACHE_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class SyncSettings:
    """Tunables, each readable from `account.settings` under the same name."""

    channel_id: str
    backfill_days: float = 7.0  # how far back the very first sync reads
    overlap_s: float = 600.0  # re-read margin below the newest known time
    held_every_s: float = 300.0  # the held-for-review queue is read this often
    sweep_every_s: float = 1800.0  # this often a poll reads `sweep_pages` pages at least
    sweep_pages: int = 3
    track_limit: int = 400  # threads remembered in the cursor
    reply_pages: int = 10  # at most this many pages of replies per thread (newest first)
    held_pages: int = 5

    @classmethod
    def from_settings(cls, channel_id: str, settings: Mapping[str, Any]) -> "SyncSettings":
        values: dict[str, Any] = {}
        for spec in fields(cls):
            if spec.name == "channel_id":
                continue
            default = spec.default
            assert isinstance(default, int | float)
            number = _number(settings.get(spec.name), default)
            values[spec.name] = max(1, int(number)) if isinstance(default, int) else number
        values["track_limit"] = max(values["track_limit"], 100 * (values["sweep_pages"] + 1))
        return cls(channel_id, **values)


def _number(value: object, default: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return default
    try:
        number = float(value)
    except ValueError:
        return default
    return number if math.isfinite(number) and number >= 0 else default


Found = list[tuple[YtComment, PlatformState]]


class ChannelSync:
    def __init__(
        self, api: YouTubeApi, settings: SyncSettings, clock: Callable[[], datetime]
    ) -> None:
        self._api = api
        self._settings = settings
        self._clock = clock
        self._videos: dict[str, VideoInfo | None] = {}

    async def step(self, cursor: str | None) -> FetchResult:
        """One page of the current scan (plus the held queue when the scan ends and it is
        due). Nothing in the returned cursor is ahead of the comments returned with it."""
        state = SyncState.decode(cursor)
        now = self._clock().timestamp()
        scan = state.scan if state.scan is not None else self._new_scan(state, now)
        state.scan = scan
        page = await self._page(scan)
        found = await self._changed_threads(page, state, scan)
        scan.pages += 1
        last = page.threads[-1] if page.threads else None
        more = bool(
            page.next_token
            and last is not None
            and (
                scan.pages < scan.min_pages
                or scan.reaches(last.top.published_at.timestamp(), last.activity.timestamp())
            )
        )
        if more:
            scan.token = page.next_token
        else:
            state.scan = None
            if now - state.held_checked >= self._settings.held_every_s:
                found += await self._held_or_nothing(state, now)
        state.keep_newest(self._settings.track_limit)
        comments = await self._remote(found)
        return FetchResult(comments, state.encode(), more)

    def _new_scan(self, state: SyncState, now: float) -> Scan:
        newest = state.newest()
        if newest is None:
            horizon = now - timedelta(days=self._settings.backfill_days).total_seconds()
            state.swept = now
            return Scan(horizon, horizon, initial=True)
        overlap = self._settings.overlap_s
        sweep = now - state.swept >= self._settings.sweep_every_s
        if sweep:
            state.swept = now
        pages = self._settings.sweep_pages if sweep else 1
        return Scan(newest[0] - overlap, newest[1] - overlap, min_pages=pages)

    async def _page(self, scan: Scan) -> ThreadPage:
        channel = self._settings.channel_id
        try:
            return await self._api.list_threads(channel, page_token=scan.token)
        except InvalidPageToken:
            if scan.token is None:
                raise
        log.info("YouTube: the stored page token expired; scanning again from the top")
        scan.token, scan.pages = None, 0
        return await self._api.list_threads(channel, page_token=None)

    async def _changed_threads(self, page: ThreadPage, state: SyncState, scan: Scan) -> Found:
        found: Found = []
        for thread in page.threads:
            mark = ThreadMark(
                thread.top.published_at.timestamp(),
                thread.activity.timestamp(),
                thread.total_replies,
            )
            known = state.threads.get(thread.id)
            state.threads[thread.id] = mark
            if known == mark:
                continue
            if known is None and scan.initial and not scan.reaches(mark.published, mark.activity):
                continue  # older than the first sync's backfill window
            replies = thread.replies
            count_changed = known is None or known.replies != thread.total_replies
            if count_changed and not thread.replies_complete:
                replies = await self._all_replies(thread)
            found.append((thread.top, PlatformState.VISIBLE))
            found.extend((r, PlatformState.VISIBLE) for r in _oldest_first(replies))
        return found

    async def _all_replies(self, thread: YtThread) -> tuple[YtComment, ...]:
        replies: dict[str, YtComment] = {}
        token: str | None = None
        for _ in range(self._settings.reply_pages):
            page = await self._api.list_replies(
                thread.id, video_id=thread.video_id, page_token=token
            )
            replies.update((r.id, r) for r in page.comments)
            token = page.next_token
            if not token:
                break
        else:
            log.info("YouTube: thread %s has more replies than are read per poll", thread.id)
        for reply in thread.replies:
            replies.setdefault(reply.id, reply)
        return tuple(replies.values())

    async def _held_or_nothing(self, state: SyncState, now: float) -> Found:
        """The held queue must not block the main listing: a failure here is logged and the
        queue read again next time (or, if it can never work, after the usual interval)."""
        try:
            return await self._held(state, now)
        except PermanentError as exc:
            log.warning("YouTube: cannot read the held-for-review queue: %s", exc)
            state.held_checked = now
        except ConnectorError as exc:
            log.info("YouTube: reading the held-for-review queue failed, will retry: %s", exc)
        return []

    async def _held(self, state: SyncState, now: float) -> Found:
        """Comments that entered the held-for-review queue since it was last read."""
        seen = set(state.held)
        found: Found = []
        held_now: list[str] = []
        token: str | None = None
        for _ in range(self._settings.held_pages):
            page = await self._api.list_threads(
                self._settings.channel_id, page_token=token, moderation_status=HELD
            )
            for thread in page.threads:
                for comment in (thread.top, *_oldest_first(thread.replies)):
                    if (comment.moderation_status or HELD) == "published":
                        if comment is thread.top and thread.id not in state.threads:
                            found.append((comment, PlatformState.VISIBLE))  # context
                        continue
                    held_now.append(comment.id)
                    if comment.id not in seen:
                        found.append((comment, PlatformState.HELD))
            token = page.next_token
            if not token:
                break
        state.held = held_now
        state.held_checked = now
        return found

    async def _remote(self, found: Found) -> list[RemoteComment]:
        """Domain comments with their video's title; one snapshot per id, parents first."""
        unique: dict[str, tuple[YtComment, PlatformState]] = {}
        for comment, state in found:
            unique[comment.id] = (comment, state)  # a later snapshot keeps the first place
        await self._load_videos({c.video_id for c, _ in unique.values() if c.video_id})
        own = self._settings.channel_id
        return [
            to_remote(c, self._videos.get(c.video_id or ""), own_channel=own, default_state=s)
            for c, s in unique.values()
        ]

    async def _load_videos(self, ids: set[str]) -> None:
        missing = sorted(i for i in ids if i not in self._videos)
        if not missing:
            return
        if len(self._videos) + len(missing) > VIDEO_CACHE_LIMIT:
            self._videos.clear()
        found = await self._api.list_videos(missing)
        for video_id in missing:
            self._videos[video_id] = found.get(video_id)


def _oldest_first(comments: tuple[YtComment, ...]) -> list[YtComment]:
    return sorted(comments, key=lambda c: (c.published_at, c.id))
