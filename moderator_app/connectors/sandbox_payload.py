"""The sandbox platform's JSON turned into domain objects, checked field by field."""

import functools
from dataclasses import dataclass
from typing import Any

from moderator_app.connectors import payload
from moderator_app.connectors.http import MalformedPayload
from moderator_app.domain import Author, PlatformState, RemoteComment, ThreadRef


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of the event feed, reduced to the latest snapshot of each comment."""

    comments: tuple[RemoteComment, ...]
    next: int
    more: bool


def parse_comment(data: object, where: str) -> RemoteComment:
    """A COMMENT object as a RemoteComment."""
    obj = payload.as_object(data, where)
    post = payload.require_object(obj, "post", where)
    author = payload.require_object(obj, "author", where)
    post_where, author_where = _place(where, ".post"), _place(where, ".author")
    extra: dict[str, Any] = {}
    community_id = payload.optional_str(obj, "community_id", where)
    if community_id:
        extra["community_id"] = community_id
    hidden = payload.require_bool(obj, "hidden", where)
    return RemoteComment(
        remote_id=payload.require_id(obj, "id", where),
        thread=ThreadRef(
            remote_id=payload.require_id(post, "id", post_where),
            title=payload.optional_str(post, "title", post_where),
            url=payload.optional_str(post, "url", post_where),
            text=payload.optional_str(post, "text", post_where),
        ),
        author=Author(
            remote_id=payload.require_id(author, "id", author_where),
            name=payload.require_str(author, "name", author_where),
            url=payload.optional_str(author, "url", author_where),
        ),
        text=payload.require_str(obj, "text", where),
        created_at=payload.require_time(obj, "created_at", where),
        permalink=payload.optional_str(obj, "permalink", where),
        parent_remote_id=payload.optional_id(obj, "parent_id", where),
        platform_state=PlatformState.HIDDEN if hidden else PlatformState.VISIBLE,
        edited_at=payload.optional_time(obj, "edited_at", where),
        by_us=payload.optional_bool(obj, "by_moderator", where),
        extra=extra,
    )


def parse_event_page(data: object, where: str) -> EventPage:
    """Every event is checked before anything is returned, so a bad page never moves the
    cursor. Several events about one comment collapse to its latest snapshot, kept at the
    position of its first event so parents still come before their replies."""
    obj = payload.as_object(data, where)
    events = payload.require_list(obj, "events", where)
    next_seq = payload.require_int(obj, "next", where)
    more = payload.require_bool(obj, "more", where)
    if next_seq < 0:
        raise MalformedPayload(f"{where}: field 'next' is negative")
    latest: dict[str, RemoteComment] = {}
    # Each event is read with one place name for all; only a bad one is read again with its
    # index in the message (building that string per event cost a tenth of the parse).
    anywhere = f"{where}.events[]"
    for i, raw in enumerate(events):
        try:
            comment = _parse_event(raw, anywhere)
        except MalformedPayload:
            _parse_event(raw, f"{where}.events[{i}]")
            raise
        latest[comment.remote_id] = comment
    return EventPage(tuple(latest.values()), next_seq, more)


def _parse_event(raw: object, where: str) -> RemoteComment:
    event = payload.as_object(raw, where)
    payload.require_int(event, "seq", where)
    payload.require_str(event, "type", where)
    return parse_comment(event.get("comment"), _place(where, ".comment"))


@functools.lru_cache(maxsize=64)
def _place(where: str, field: str) -> str:
    """A place name for messages, built once per distinct place."""
    return where + field
