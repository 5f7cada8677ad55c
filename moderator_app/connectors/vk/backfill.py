"""Backfill: the comments already under a community's most recent posts (`wall.get` +
`wall.getComments`), read when an account is first connected and when the long poll says
events were lost.

The work is a queue of units, one `wall.getComments` page each, kept in the cursor so a restart
resumes where it stopped. Pages overlap: if a comment before our offset is removed between two
page reads the list shifts left, and the overlap keeps the next comment from slipping through
(the store upserts the repeats). Threads longer than VK's preview get units of their own.
"""

from dataclasses import dataclass

from moderator_app.connectors.vk.api import LABEL, VkApi
from moderator_app.connectors.vk.payload import (
    CommentsPage,
    VkPost,
    parse_comments_page,
    parse_posts,
)

PAGE_SIZE = 100  # VK's maximum for wall.get and wall.getComments
OVERLAP = 10
THREAD_ITEMS = 10  # VK's maximum for thread_items_count


@dataclass(frozen=True, slots=True)
class Unit:
    """One page to read: a post's top-level comments (`thread_id` 0) or the replies under
    comment `thread_id`, from `offset`."""

    post_id: int
    thread_id: int = 0
    offset: int = 0


async def recent_posts(api: VkApi, owner_id: int, count: int) -> list[VkPost]:
    what = f"reading the recent posts of wall {owner_id}"
    data = await api.call(
        "wall.get", {"owner_id": owner_id, "count": max(1, min(count, PAGE_SIZE))}, what=what
    )
    return parse_posts(data, f"{LABEL}: {what}")


def plan(posts: list[VkPost]) -> tuple[Unit, ...]:
    """A unit for each post that has (or may have) comments."""
    return tuple(Unit(post.id) for post in posts if post.comments_count != 0)


async def load(api: VkApi, owner_id: int, unit: Unit) -> CommentsPage:
    what = f"reading the comments of post {owner_id}_{unit.post_id}"
    params: dict[str, int | str | bool] = {
        "owner_id": owner_id,
        "post_id": unit.post_id,
        "count": PAGE_SIZE,
        "offset": unit.offset,
        "sort": "asc",
        "extended": True,
        "need_likes": True,
        "preview_length": 0,
    }
    if unit.thread_id:
        params["comment_id"] = unit.thread_id
    else:
        params["thread_items_count"] = THREAD_ITEMS
    data = await api.call("wall.getComments", params, what=what)
    return parse_comments_page(data, f"{LABEL}: {what}", owner_id=owner_id, post_id=unit.post_id)


def follow_ups(unit: Unit, page: CommentsPage) -> tuple[Unit, ...]:
    """What reading `page` left to do: the next page, and threads VK only previewed."""
    more: list[Unit] = []
    read_to = unit.offset + len(page.items)
    if len(page.items) >= PAGE_SIZE and read_to < page.count:
        more.append(Unit(unit.post_id, unit.thread_id, read_to - OVERLAP))
    if not unit.thread_id:
        more.extend(
            Unit(unit.post_id, item.id)
            for item in page.items
            if item.thread_count > len(item.thread_items)
        )
    return tuple(more)
