"""Author names and post texts, asked for once and remembered.

Long-poll events name an author only by id and a post only by number; `users.get`,
`groups.getById` and `wall.getById` fill that in, in batches, for ids not seen before. A lookup
VK refuses for good is only context lost (the comment shows "id123"), never a stuck stream.
"""

import logging
from collections.abc import Iterable
from typing import Any, TypeVar

from moderator_app.connectors.errors import PermanentError
from moderator_app.connectors.vk.api import LABEL, Param, VkApi
from moderator_app.connectors.vk.cache import Bounded
from moderator_app.connectors.vk.payload import (
    VkName,
    VkPost,
    parse_group_list,
    parse_posts,
    parse_user_list,
)

log = logging.getLogger(__name__)

CACHE_LIMIT = 5000
USERS_PER_CALL = 500
GROUPS_PER_CALL = 400
POSTS_PER_CALL = 100

PostKey = tuple[int, int]  # (owner_id, post_id)
T = TypeVar("T")


class Directory:
    def __init__(self, api: VkApi) -> None:
        self._api = api
        self._names: Bounded[int, VkName] = Bounded(CACHE_LIMIT)
        self._posts: Bounded[PostKey, VkPost] = Bounded(CACHE_LIMIT)

    def learn_names(self, names: Iterable[VkName]) -> None:
        for name in names:
            self._names.put(name.owner_id, name)

    def learn_posts(self, posts: Iterable[VkPost]) -> None:
        for post in posts:
            self._posts.put((post.owner_id, post.id), post)

    async def names(self, owner_ids: Iterable[int]) -> dict[int, VkName]:
        """Users (positive ids) and communities (negative) VK knows; unknown ids are left out."""
        wanted = {i for i in owner_ids if i != 0}
        missing = sorted(i for i in wanted if i not in self._names)
        users = [i for i in missing if i > 0]
        groups = [-i for i in missing if i < 0]
        for chunk in _chunks(users, USERS_PER_CALL):
            what = "looking up comment authors"
            data = await self._quietly("users.get", {"user_ids": chunk}, what)
            self.learn_names(parse_user_list(data if data is not None else [], f"{LABEL}: {what}"))
        for chunk in _chunks(groups, GROUPS_PER_CALL):
            what = "looking up communities"
            data = await self._quietly("groups.getById", {"group_ids": chunk}, what)
            self.learn_names(parse_group_list(data if data is not None else [], f"{LABEL}: {what}"))
        return {i: name for i in wanted if (name := self._names.get(i)) is not None}

    async def posts(self, keys: Iterable[PostKey]) -> dict[PostKey, VkPost]:
        """Posts by (owner, id). A post VK does not return (removed) is remembered as empty,
        so it is not asked for again."""
        wanted = set(keys)
        missing = sorted(k for k in wanted if k not in self._posts)
        for chunk in _chunks(missing, POSTS_PER_CALL):
            what = "reading the commented posts"
            ids = [f"{owner}_{post}" for owner, post in chunk]
            data = await self._quietly("wall.getById", {"posts": ids}, what)
            self.learn_posts(parse_posts(data if data is not None else [], f"{LABEL}: {what}"))
            for key in chunk:
                if key not in self._posts:
                    self._posts.put(key, VkPost(*key))
        return {k: found for k in wanted if (found := self._posts.get(k)) is not None}

    async def _quietly(self, method: str, params: dict[str, Param | None], what: str) -> Any:
        """The call's response, or None when VK refuses for good (it is only context)."""
        try:
            return await self._api.call(method, params, what=what)
        except PermanentError as exc:
            log.warning("VK: %s", exc)
            return None


def _chunks(items: list[T], size: int) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
