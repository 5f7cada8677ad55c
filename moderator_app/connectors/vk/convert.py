"""VK records turned into domain comments: ids, links, authors, thread context, plain text.

A comment's remote id is "{owner_id}_{comment_id}": comment ids are unique per wall owner, so
this is unique per account even when one account watches several communities. The owner, post
and comment ids also travel in `extra` for the actions.
"""

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from moderator_app.connectors.errors import PermanentError
from moderator_app.connectors.vk.payload import VkComment, VkName, VkPost
from moderator_app.domain import Author, PlatformState, RemoteComment, ThreadRef

SITE = "https://vk.com"
TITLE_CHARS = 80

# "[id6099|Дмитрий]" / "[club1|VK]": VK's mention markup; the site shows just the name.
_MENTION = re.compile(r"\[(?:id|club|public|event)\d+\|([^\[\]|]*)\]")
# Old API versions (and some clients) send line breaks as <br>.
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def plain_text(text: str) -> str:
    """Comment text as a reader sees it on VK: mentions as names, <br> as line breaks."""
    return _MENTION.sub(r"\1", _BREAK.sub("\n", text))


def comment_remote_id(owner_id: int, comment_id: int) -> str:
    return f"{owner_id}_{comment_id}"


def post_url(owner_id: int, post_id: int) -> str:
    return f"{SITE}/wall{owner_id}_{post_id}"


def permalink(owner_id: int, post_id: int, comment_id: int, thread_root: int | None) -> str:
    link = f"{post_url(owner_id, post_id)}?reply={comment_id}"
    return f"{link}&thread={thread_root}" if thread_root else link


def thread_ref(owner_id: int, post_id: int, post: VkPost | None) -> ThreadRef:
    """The post as thread context: VK posts have no title, so its first line stands in."""
    text = plain_text(post.text) if post is not None else ""
    first_line = text.strip().split("\n", 1)[0].strip()
    if len(first_line) > TITLE_CHARS:
        first_line = first_line[: TITLE_CHARS - 1].rstrip() + "…"
    return ThreadRef(
        remote_id=f"{owner_id}_{post_id}",
        title=first_line or f"wall{owner_id}_{post_id}",
        url=post_url(owner_id, post_id),
        text=text,
    )


def author_of(owner_id: int, names: Mapping[int, VkName]) -> Author:
    """A user (positive id) or community (negative id), named if VK told us the name."""
    known = names.get(owner_id)
    if owner_id < 0:
        fallback, slug = f"club{-owner_id}", f"club{-owner_id}"
    else:
        fallback, slug = f"id{owner_id}", f"id{owner_id}"
    if known is not None and known.screen_name:
        slug = known.screen_name
    name = known.name if known is not None and known.name else fallback
    return Author(remote_id=str(owner_id), name=name, url=f"{SITE}/{slug}")


def to_remote(
    comment: VkComment,
    *,
    author: Author,
    thread: ThreadRef,
    ours: frozenset[int],
    state: PlatformState = PlatformState.VISIBLE,
    edited_at: datetime | None = None,
) -> RemoteComment:
    """`ours` holds the ids that count as the moderator (the community, the admin's user)."""
    extra: dict[str, Any] = {
        "owner_id": comment.owner_id,
        "post_id": comment.post_id,
        "comment_id": comment.id,
    }
    if comment.thread_root is not None:
        extra["thread_id"] = comment.thread_root
    if comment.attachments:
        extra["attachments"] = list(comment.attachments)
    if comment.likes is not None:
        extra["likes"] = comment.likes
    parent = comment.reply_to_comment or comment.thread_root
    return RemoteComment(
        remote_id=comment_remote_id(comment.owner_id, comment.id),
        thread=thread,
        author=author,
        text=plain_text(comment.text),
        created_at=datetime.fromtimestamp(comment.date, UTC),
        permalink=permalink(comment.owner_id, comment.post_id, comment.id, comment.thread_root),
        parent_remote_id=comment_remote_id(comment.owner_id, parent) if parent else None,
        platform_state=PlatformState.DELETED if comment.deleted else state,
        edited_at=edited_at,
        by_us=comment.from_id in ours,
        extra=extra,
    )


def state_only(
    owner_id: int, post_id: int, comment_id: int, thread: ThreadRef, state: PlatformState
) -> RemoteComment:
    """A visibility change for a comment we hold no snapshot of (e.g. removed after a
    restart). `state_only` asks the store to change only the state of a row it has."""
    return RemoteComment(
        remote_id=comment_remote_id(owner_id, comment_id),
        thread=thread,
        author=Author(remote_id="", name=""),
        text="",
        created_at=datetime.now(UTC),
        permalink=permalink(owner_id, post_id, comment_id, None),
        platform_state=state,
        extra={
            "owner_id": owner_id,
            "post_id": post_id,
            "comment_id": comment_id,
        },
        state_only=True,
    )


def ids_of(comment: RemoteComment) -> tuple[int, int, int]:
    """(owner_id, post_id, comment_id) of a stored comment, from `extra` or, failing that,
    from its remote id and its thread's."""
    owner, post, number = (
        _as_int(comment.extra.get(k)) for k in ("owner_id", "post_id", "comment_id")
    )
    if owner is not None and post is not None and number is not None:
        return owner, post, number
    try:
        owner, comment_id = (int(p) for p in comment.remote_id.rsplit("_", 1))
        thread_owner, post_id = (int(p) for p in comment.thread.remote_id.rsplit("_", 1))
    except ValueError:
        raise PermanentError(f"VK: comment {comment.remote_id} has no VK ids to act on") from None
    if thread_owner != owner:
        raise PermanentError(f"VK: comment {comment.remote_id} does not match its post's wall")
    return owner, post_id, comment_id


def _as_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
