"""YouTube Data API JSON (commentThreads, comments, videos, channels) checked field by field.

A wrong shape becomes `MalformedPayload` naming the field, never a KeyError, so a garbled
page is retried without the cursor moving.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from moderator_app.connectors import payload
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.youtube.text import comment_text
from moderator_app.domain import Author, PlatformState, RemoteComment, ThreadRef

WATCH_URL = "https://www.youtube.com/watch?v={video}"
CHANNEL_URL = "https://www.youtube.com/channel/{channel}"
THREAD_TEXT_LIMIT = 1000

_STATES = {
    "published": PlatformState.VISIBLE,
    "heldForReview": PlatformState.HELD,
    "likelySpam": PlatformState.HELD,
    "rejected": PlatformState.DELETED,
}


@dataclass(frozen=True, slots=True)
class YtComment:
    """One comment (top-level or reply) before its video's title is known."""

    id: str
    parent_id: str | None
    video_id: str | None
    channel_id: str
    author: Author
    text: str
    published_at: datetime
    updated_at: datetime
    moderation_status: str | None = None

    @property
    def activity(self) -> datetime:
        return max(self.published_at, self.updated_at)


@dataclass(frozen=True, slots=True)
class YtThread:
    """A commentThread: its top-level comment and the replies YouTube chose to include."""

    id: str
    video_id: str | None
    channel_id: str
    top: YtComment
    total_replies: int
    replies: tuple[YtComment, ...]

    @property
    def activity(self) -> datetime:
        """The latest publish or edit time visible in the listing itself."""
        return max(c.activity for c in (self.top, *self.replies))

    @property
    def replies_complete(self) -> bool:
        return len(self.replies) >= self.total_replies


@dataclass(frozen=True, slots=True)
class ThreadPage:
    threads: tuple[YtThread, ...]
    next_token: str | None


@dataclass(frozen=True, slots=True)
class CommentPage:
    comments: tuple[YtComment, ...]
    next_token: str | None


@dataclass(frozen=True, slots=True)
class VideoInfo:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class ChannelInfo:
    id: str
    title: str

    @property
    def url(self) -> str:
        return CHANNEL_URL.format(channel=quote(self.id, safe=""))


def parse_comment(
    data: object, where: str, *, video_id: str | None = None, parent_id: str | None = None
) -> YtComment:
    """A `youtube#comment`. Replies listed by parent carry no `videoId`: the caller's wins."""
    obj = payload.as_object(data, where)
    snippet = payload.require_object(obj, "snippet", where)
    swhere = f"{where}.snippet"
    author_id = snippet.get("authorChannelId")
    author_channel = (
        payload.optional_str(author_id, "value", f"{swhere}.authorChannelId")
        if isinstance(author_id, dict)
        else ""
    )
    original = payload.optional_str(snippet, "textOriginal", swhere) or None
    display = payload.optional_str(snippet, "textDisplay", swhere)
    published = payload.require_time(snippet, "publishedAt", swhere)
    status = payload.optional_str(snippet, "moderationStatus", swhere) or None
    return YtComment(
        id=payload.require_id(obj, "id", where),
        parent_id=payload.optional_str(snippet, "parentId", swhere) or parent_id,
        video_id=payload.optional_str(snippet, "videoId", swhere) or video_id,
        channel_id=payload.optional_str(snippet, "channelId", swhere),
        author=Author(
            remote_id=author_channel,
            name=payload.optional_str(snippet, "authorDisplayName", swhere),
            url=payload.optional_str(snippet, "authorChannelUrl", swhere),
        ),
        text=comment_text(original, display),
        published_at=published,
        updated_at=payload.optional_time(snippet, "updatedAt", swhere) or published,
        moderation_status=status,
    )


def parse_thread(data: object, where: str) -> YtThread:
    obj = payload.as_object(data, where)
    snippet = payload.require_object(obj, "snippet", where)
    swhere = f"{where}.snippet"
    video_id = payload.optional_str(snippet, "videoId", swhere) or None
    top = parse_comment(
        payload.require_object(snippet, "topLevelComment", swhere),
        f"{swhere}.topLevelComment",
        video_id=video_id,
    )
    thread_id = payload.require_id(obj, "id", where)
    replies: list[YtComment] = []
    if obj.get("replies") is not None:
        block = payload.require_object(obj, "replies", where)
        raw = block.get("comments") or []
        if not isinstance(raw, list):
            raise MalformedPayload(f"{where}.replies: field 'comments' is not a list")
        replies = [
            parse_comment(r, f"{where}.replies.comments[{i}]", video_id=video_id, parent_id=top.id)
            for i, r in enumerate(raw)
        ]
    total = snippet.get("totalReplyCount", len(replies))
    if isinstance(total, bool) or not isinstance(total, int) or total < 0:
        raise MalformedPayload(f"{swhere}: field 'totalReplyCount' is not a count")
    return YtThread(
        id=thread_id,
        video_id=video_id or top.video_id,
        channel_id=payload.optional_str(snippet, "channelId", swhere) or top.channel_id,
        top=top,
        total_replies=total,
        replies=tuple(replies),
    )


def _items(obj: dict[str, Any], where: str) -> list[Any]:
    if obj.get("items") is None:  # an empty list may be left out
        return []
    return payload.require_list(obj, "items", where)


def _next_token(obj: dict[str, Any], where: str) -> str | None:
    return payload.optional_str(obj, "nextPageToken", where) or None


def parse_thread_page(data: object, where: str) -> ThreadPage:
    """Every thread is checked before anything is used, so a bad page never moves the cursor."""
    obj = payload.as_object(data, where)
    threads = tuple(
        parse_thread(t, f"{where}.items[{i}]") for i, t in enumerate(_items(obj, where))
    )
    return ThreadPage(threads, _next_token(obj, where))


def parse_comment_page(data: object, where: str, *, video_id: str | None = None) -> CommentPage:
    obj = payload.as_object(data, where)
    comments = tuple(
        parse_comment(c, f"{where}.items[{i}]", video_id=video_id)
        for i, c in enumerate(_items(obj, where))
    )
    return CommentPage(comments, _next_token(obj, where))


def parse_videos(data: object, where: str) -> dict[str, VideoInfo]:
    obj = payload.as_object(data, where)
    videos: dict[str, VideoInfo] = {}
    for i, raw in enumerate(_items(obj, where)):
        vwhere = f"{where}.items[{i}]"
        item = payload.as_object(raw, vwhere)
        snippet = payload.require_object(item, "snippet", vwhere)
        video_id = payload.require_id(item, "id", vwhere)
        videos[video_id] = VideoInfo(
            video_id,
            payload.optional_str(snippet, "title", f"{vwhere}.snippet"),
            payload.optional_str(snippet, "description", f"{vwhere}.snippet"),
        )
    return videos


def parse_channels(data: object, where: str) -> list[ChannelInfo]:
    obj = payload.as_object(data, where)
    channels = []
    for i, raw in enumerate(_items(obj, where)):
        cwhere = f"{where}.items[{i}]"
        item = payload.as_object(raw, cwhere)
        snippet = payload.require_object(item, "snippet", cwhere)
        channels.append(
            ChannelInfo(
                payload.require_id(item, "id", cwhere),
                payload.optional_str(snippet, "title", f"{cwhere}.snippet"),
            )
        )
    return channels


def thread_ref(comment: YtComment, video: VideoInfo | None) -> ThreadRef:
    """The video a comment is under (or, for an old-style channel comment, the channel)."""
    if comment.video_id:
        return ThreadRef(
            remote_id=comment.video_id,
            title=video.title if video else "",
            url=WATCH_URL.format(video=quote(comment.video_id, safe="")),
            text=video.description[:THREAD_TEXT_LIMIT] if video else "",
        )
    channel = comment.channel_id
    return ThreadRef(remote_id=channel, url=CHANNEL_URL.format(channel=quote(channel, safe="")))


def permalink(comment: YtComment) -> str:
    if comment.video_id:
        video = quote(comment.video_id, safe="")
        return f"{WATCH_URL.format(video=video)}&lc={quote(comment.id, safe='')}"
    return CHANNEL_URL.format(channel=quote(comment.channel_id, safe=""))


def to_remote(
    comment: YtComment,
    video: VideoInfo | None,
    *,
    own_channel: str,
    default_state: PlatformState = PlatformState.VISIBLE,
) -> RemoteComment:
    """The domain comment. `extra` keeps the ids replies and moderation need later."""
    state = _STATES.get(comment.moderation_status or "", default_state)
    edited = comment.updated_at if comment.updated_at > comment.published_at else None
    extra: dict[str, Any] = {"thread_id": comment.parent_id or comment.id}
    if comment.video_id:
        extra["video_id"] = comment.video_id
    return RemoteComment(
        remote_id=comment.id,
        thread=thread_ref(comment, video),
        author=comment.author,
        text=comment.text,
        created_at=comment.published_at,
        permalink=permalink(comment),
        parent_remote_id=comment.parent_id,
        platform_state=state,
        edited_at=edited,
        by_us=bool(own_channel) and comment.author.remote_id == own_channel,
        extra=extra,
    )
