"""WordPress REST JSON (comments, posts) turned into domain objects, checked field by field."""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from moderator_app.connectors import payload
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.wordpress.html_text import html_to_text
from moderator_app.domain import Author, PlatformState, RemoteComment, ThreadRef

EXCERPT_CHARS = 300

_STATES = {
    "approved": PlatformState.VISIBLE,
    "approve": PlatformState.VISIBLE,
    "1": PlatformState.VISIBLE,
    "hold": PlatformState.HELD,
    "0": PlatformState.HELD,
    "spam": PlatformState.HIDDEN,
    "trash": PlatformState.DELETED,
    "post-trashed": PlatformState.DELETED,
}


def platform_state(status: str) -> PlatformState:
    """approved → visible, hold → held, spam → hidden, trash → deleted (it is what WordPress
    calls deleting; the trash empties itself after 30 days). A status a plugin invented is
    taken as hidden: not public, not ours to guess about."""
    return _STATES.get(status, PlatformState.HIDDEN)


@dataclass(frozen=True, slots=True)
class RawComment:
    """The ids of a comment read before the rest, so the posts can be looked up first."""

    id: int
    post: int
    data: dict[str, Any]
    where: str


def read_comment(data: object, where: str) -> RawComment:
    obj = payload.as_object(data, where)
    return RawComment(_positive(obj, "id", where), _count(obj, "post", where), obj, where)


def parse_comment(raw: RawComment, thread: ThreadRef, our_user_id: int | None) -> RemoteComment:
    """One comment (`context=edit` or `view`) as a RemoteComment."""
    obj, where = raw.data, raw.where
    author_id = _count(obj, "author", where)
    parent = _count(obj, "parent", where)
    status = payload.require_str(obj, "status", where)
    return RemoteComment(
        remote_id=str(raw.id),
        thread=thread,
        author=Author(
            remote_id=_author_id(obj, author_id, where),
            name=html_to_text(payload.optional_str(obj, "author_name", where)),
            url=payload.optional_str(obj, "author_url", where),
        ),
        text=comment_text(obj, where),
        created_at=payload.require_time(obj, "date_gmt", where),
        permalink=payload.optional_str(obj, "link", where),
        parent_remote_id=str(parent) if parent else None,
        platform_state=platform_state(status),
        by_us=our_user_id is not None and author_id == our_user_id > 0,
        extra={"status": status},
    )


def comment_text(obj: Mapping[str, Any], where: str) -> str:
    """`content.raw` (what the commenter typed, `context=edit`), else `content.rendered`;
    both as plain text, since even the raw text may carry the tags WordPress allows."""
    content = payload.require_object(obj, "content", where)
    raw = content.get("raw")
    if isinstance(raw, str):
        return html_to_text(raw, keep_newlines=True)
    return html_to_text(payload.require_str(content, "rendered", f"{where}.content"))


def raw_content(obj: Mapping[str, Any]) -> str | None:
    """The stored text of a comment, for comparing with what we sent; None without it."""
    content = obj.get("content")
    raw = content.get("raw") if isinstance(content, dict) else None
    return raw if isinstance(raw, str) else None


def parse_post(data: object, where: str) -> ThreadRef:
    """A post or page (`_fields=id,title,link,excerpt`) as the thread its comments belong to."""
    obj = payload.as_object(data, where)
    title = obj.get("title")
    excerpt = obj.get("excerpt")
    text = _rendered(excerpt, f"{where}.excerpt")
    if len(text) > EXCERPT_CHARS:
        text = text[: EXCERPT_CHARS - 1].rstrip() + "…"
    return ThreadRef(
        remote_id=str(_positive(obj, "id", where)),
        title=_rendered(title, f"{where}.title"),
        url=payload.optional_str(obj, "link", where),
        text=text,
    )


def _rendered(value: object, where: str) -> str:
    """`{"rendered": html}` (or `{"raw": …}`) as plain text; absent → empty."""
    if value is None:
        return ""
    obj = payload.as_object(value, where)
    raw = obj.get("raw")
    if isinstance(raw, str):
        return html_to_text(raw)
    return html_to_text(payload.optional_str(obj, "rendered", where))


def _author_id(obj: Mapping[str, Any], user_id: int, where: str) -> str:
    """A registered user's id; a guest is known by a hash of their e-mail address (seen with
    `context=edit`), so the same guest groups together without the address being kept."""
    if user_id > 0:
        return str(user_id)
    email = payload.optional_str(obj, "author_email", where).strip().lower()
    if email:
        return "guest:" + hashlib.sha256(email.encode()).hexdigest()[:16]
    return "guest:" + payload.optional_str(obj, "author_name", where)


def _count(obj: Mapping[str, Any], key: str, where: str) -> int:
    value = payload.require_int(obj, key, where)
    if value < 0:
        raise MalformedPayload(f"{where}: field '{key}' is negative")
    return value


def _positive(obj: Mapping[str, Any], key: str, where: str) -> int:
    value = _count(obj, key, where)
    if value == 0:
        raise MalformedPayload(f"{where}: field '{key}' is zero")
    return value
