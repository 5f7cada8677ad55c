"""The JSON shapes the sandbox API speaks, built from world records."""

from datetime import UTC, datetime
from typing import Any

from moderator_app.sandbox.model import CommentRecord, Community, Person, Post


def timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z, to the second, as most platform APIs send it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def community_url(base_url: str, community_id: str) -> str:
    return f"{base_url}/c/{community_id}"


def post_url(base_url: str, post: Post) -> str:
    return f"{community_url(base_url, post.community_id)}/{post.id}"


def person_url(base_url: str, person: Person) -> str:
    if person.is_community:
        return community_url(base_url, person.id)
    return f"{base_url}/u/{person.id}"


def post_json(base_url: str, post: Post) -> dict[str, Any]:
    return {"id": post.id, "title": post.title, "text": post.text, "url": post_url(base_url, post)}


def community_json(base_url: str, community: Community, *, with_posts: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": community.id,
        "name": community.name,
        "url": community_url(base_url, community.id),
    }
    if with_posts:
        data["posts"] = [post_json(base_url, post) for post in community.posts]
    return data


def comment_json(base_url: str, record: CommentRecord) -> dict[str, Any]:
    """The COMMENT object: a full snapshot, so one event is enough to know a comment's state."""
    return {
        "id": record.id,
        "community_id": record.post.community_id,
        "post": post_json(base_url, record.post),
        "parent_id": record.parent_id,
        "author": {
            "id": record.author.id,
            "name": record.author.name,
            "url": person_url(base_url, record.author),
        },
        "text": record.text,
        "created_at": timestamp(record.created_at),
        "edited_at": None if record.edited_at is None else timestamp(record.edited_at),
        "hidden": record.hidden,
        "permalink": f"{post_url(base_url, record.post)}#{record.id}",
        "by_moderator": record.by_moderator,
    }
