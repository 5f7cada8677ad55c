"""The data behind the YouTube fake: one channel, its videos, comments and their moderation.

Rendering follows the recorded responses in tests/fixtures/youtube (field names, nesting,
`2019-12-01T03:36:55Z` times, replies without `videoId` from comments.list) and the official
discovery document; behaviour follows the Data API reference (newest-first threads,
`totalReplyCount` of published replies, held threads listed when the top comment or a reply
awaits review, `banAuthor` only with `rejected`, a rejected comment never published again).
"""

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISABLED_MESSAGE = (
    'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">'
    "videoId</a></code> parameter has disabled comments."
)
OWNER_CHANNEL = "UCfakeOwnerChannel0000001"
OWNER_NAME = "Канал модератора"
VIEWER_CHANNEL = "UCfakeViewerChannel000001"
STATUSES = ("published", "heldForReview", "likelySpam", "rejected")


class ApiError(Exception):
    """An error the fake answers with Google's envelope."""

    def __init__(self, status: int, reason: str, message: str, domain: str = "youtube.comment"):
        super().__init__(message)
        self.status = status
        self.reason = reason
        self.message = message
        self.domain = domain

    def envelope(self) -> dict[str, Any]:
        return {
            "error": {
                "code": self.status,
                "message": self.message,
                "errors": [{"message": self.message, "domain": self.domain, "reason": self.reason}],
            }
        }


@dataclass
class FakeComment:
    id: str
    video_id: str | None
    parent_id: str | None
    author_channel: str
    author_name: str
    text: str
    published: datetime
    updated: datetime
    status: str = "published"
    seq: int = 0


@dataclass
class FakeVideo:
    id: str
    title: str
    description: str = ""
    comments_disabled: bool = False


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class World:
    channel_id: str = OWNER_CHANNEL
    channel_title: str = OWNER_NAME
    clock: Callable[[], datetime] = _now
    replies_in_listing: int = 5
    videos: dict[str, FakeVideo] = field(default_factory=dict)
    comments: dict[str, FakeComment] = field(default_factory=dict)
    banned: set[str] = field(default_factory=set)
    lock: threading.RLock = field(default_factory=threading.RLock)
    _ids: "itertools.count[int]" = field(default_factory=lambda: itertools.count(1))

    # --- building the world (tests) ------------------------------------------------------

    def add_video(
        self, title: str, description: str = "", *, comments_disabled: bool = False
    ) -> str:
        with self.lock:
            video_id = f"vid{next(self._ids):08d}"
            self.videos[video_id] = FakeVideo(video_id, title, description, comments_disabled)
            return video_id

    def add_comment(
        self,
        video_id: str,
        text: str,
        *,
        author: str = "Зритель",
        author_channel: str = VIEWER_CHANNEL,
        published: datetime | None = None,
        status: str = "published",
    ) -> FakeComment:
        with self.lock:
            n = next(self._ids)
            return self._store(
                FakeComment(
                    f"Ugz{n:019d}AaABAg",
                    video_id,
                    None,
                    author_channel,
                    author,
                    text,
                    published or self.clock(),
                    published or self.clock(),
                    status,
                    n,
                )
            )

    def add_reply(
        self,
        parent_id: str,
        text: str,
        *,
        author: str = "Зритель",
        author_channel: str = VIEWER_CHANNEL,
        published: datetime | None = None,
        status: str = "published",
    ) -> FakeComment:
        with self.lock:
            parent = self.comments[parent_id]
            n = next(self._ids)
            when = published or self.clock()
            return self._store(
                FakeComment(
                    f"{parent_id}.9z{n:020d}",
                    parent.video_id,
                    parent_id,
                    author_channel,
                    author,
                    text,
                    when,
                    when,
                    status,
                    n,
                )
            )

    def edit(self, comment_id: str, text: str, when: datetime | None = None) -> None:
        with self.lock:
            comment = self.comments[comment_id]
            comment.text = text
            comment.updated = when or self.clock()

    def _store(self, comment: FakeComment) -> FakeComment:
        if comment.author_channel in self.banned and comment.author_channel != self.channel_id:
            comment.status = "rejected"
        self.comments[comment.id] = comment
        return comment

    def replies_of(self, parent_id: str, status: str | None = "published") -> list[FakeComment]:
        return sorted(
            (
                c
                for c in self.comments.values()
                if c.parent_id == parent_id and (status is None or c.status == status)
            ),
            key=lambda c: (c.published, c.seq),
        )

    # --- API operations ---------------------------------------------------------------------

    def threads(self, status: str) -> list[FakeComment]:
        """Top-level comments of a listing, newest first (ties: the later one first)."""
        with self.lock:
            tops = [c for c in self.comments.values() if c.parent_id is None]
            if status == "published":
                chosen = [c for c in tops if c.status == "published"]
            else:
                chosen = [c for c in tops if c.status == status or self.replies_of(c.id, status)]
            return sorted(chosen, key=lambda c: (c.published, c.seq), reverse=True)

    def insert_reply(self, parent_id: str, text: str) -> FakeComment:
        with self.lock:
            parent = self.comments.get(parent_id)
            if parent is None or parent.status == "rejected":
                raise ApiError(
                    404, "commentNotFound", "The specified parent comment could not be found."
                )
            if parent.parent_id is not None:
                raise ApiError(
                    400, "operationNotSupported", "Replies to replies are not supported."
                )
            video = self.videos.get(parent.video_id or "")
            if video is not None and video.comments_disabled:
                raise ApiError(403, "commentsDisabled", DISABLED_MESSAGE, "youtube.commentThread")
            if not text.strip():
                raise ApiError(400, "commentTextRequired", "The comment text is required.")
            return self.add_reply(
                parent_id, text, author=self.channel_title, author_channel=self.channel_id
            )

    def set_status(self, ids: list[str], status: str, *, ban: bool) -> None:
        with self.lock:
            if status not in {"published", "heldForReview", "rejected"}:
                raise ApiError(400, "invalidModerationStatus", "Unsupported moderation status.")
            if ban and status != "rejected":
                raise ApiError(
                    400, "banWithoutReject", "banAuthor needs moderationStatus=rejected."
                )
            if not ids or len(ids) > 50:
                raise ApiError(400, "invalidValue", "Between 1 and 50 comment ids are allowed.")
            found = []
            for comment_id in ids:
                comment = self.comments.get(comment_id)
                if comment is None:
                    raise ApiError(
                        404, "commentNotFound", "One or more comments could not be found."
                    )
                if comment.status == "rejected":
                    raise ApiError(403, "forbidden", "The comment cannot be moderated.")
                found.append(comment)
            for comment in found:
                comment.status = status
                if ban:
                    self.banned.add(comment.author_channel)

    # --- rendering -----------------------------------------------------------------------

    def render_comment(
        self, c: FakeComment, *, with_video: bool, with_status: bool
    ) -> dict[str, Any]:
        snippet: dict[str, Any] = {
            "authorDisplayName": c.author_name,
            "authorProfileImageUrl": "https://yt3.ggpht.com/a/fake=s48-c-k-c0xffffffff-no-rj-mo",
            "authorChannelUrl": f"http://www.youtube.com/channel/{c.author_channel}",
            "authorChannelId": {"value": c.author_channel},
            "channelId": self.channel_id,
        }
        if with_video and c.video_id:
            snippet["videoId"] = c.video_id
        display = c.text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")
        snippet.update(
            {
                "textDisplay": display,
                "textOriginal": c.text,
                "canRate": True,
                "viewerRating": "none",
                "likeCount": 0,
                "publishedAt": stamp(c.published),
                "updatedAt": stamp(c.updated),
            }
        )
        if c.parent_id:
            snippet["parentId"] = c.parent_id
        if with_status:
            snippet["moderationStatus"] = c.status
        return {"kind": "youtube#comment", "etag": f"etag-{c.id}", "id": c.id, "snippet": snippet}

    def render_thread(self, top: FakeComment, status: str, *, with_replies: bool) -> dict[str, Any]:
        with_status = status != "published"
        published = self.replies_of(top.id)
        shown = self.replies_of(top.id, status)[: self.replies_in_listing]
        thread: dict[str, Any] = {
            "kind": "youtube#commentThread",
            "etag": f"etag-t-{top.id}",
            "id": top.id,
            "snippet": {
                "channelId": self.channel_id,
                "videoId": top.video_id,
                "topLevelComment": self.render_comment(
                    top, with_video=True, with_status=with_status
                ),
                "canReply": True,
                "totalReplyCount": len(published),
                "isPublic": True,
            },
        }
        if with_replies and shown:
            thread["replies"] = {
                "comments": [
                    self.render_comment(r, with_video=True, with_status=with_status) for r in shown
                ]
            }
        return thread
