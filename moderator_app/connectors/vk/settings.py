"""The account settings a VK connector reads. Non-secret ids only; the token is in the keyring.

- `watch`: the ids of the communities to watch (the WatchTargets chosen at sign-in).
- `group_id`: one community id, used when `watch` is absent.
- `user_id`: the administrator's VK user id (found at sign-in; looked up when absent).
- `backfill_posts`: how many recent posts to read on first connect and after lost history
  (default 20, at most 100).
- `longpoll_wait_s`: how long one long-poll request waits for events (default 5, 0–10).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from moderator_app.connectors.errors import PermanentError
from moderator_app.connectors.vk.longpoll import MAX_WAIT_S

DEFAULT_BACKFILL_POSTS = 20
MAX_BACKFILL_POSTS = 100
DEFAULT_WAIT_S = 5

_GROUP_ID = re.compile(r"(?:-|club|public|event)?(\d+)")


@dataclass(frozen=True, slots=True)
class VkSettings:
    group_ids: tuple[int, ...]
    user_id: int | None = None
    backfill_posts: int = DEFAULT_BACKFILL_POSTS
    longpoll_wait_s: int = DEFAULT_WAIT_S


def read_settings(settings: Mapping[str, Any]) -> VkSettings:
    raw_ids = settings.get("watch")
    if raw_ids is None and settings.get("group_id") is not None:
        raw_ids = [settings["group_id"]]
    if not isinstance(raw_ids, list) or not raw_ids:
        raise PermanentError("VK: no community is chosen for this account; connect it again")
    group_ids = tuple(dict.fromkeys(group_id(v) for v in raw_ids))
    user_id = settings.get("user_id")
    return VkSettings(
        group_ids=group_ids,
        user_id=_int_or_none(user_id),
        backfill_posts=_bounded(
            settings, "backfill_posts", DEFAULT_BACKFILL_POSTS, 1, MAX_BACKFILL_POSTS
        ),
        longpoll_wait_s=_bounded(settings, "longpoll_wait_s", DEFAULT_WAIT_S, 0, MAX_WAIT_S),
    )


def group_id(value: object) -> int:
    """A community id from 123, "123", "-123" or "club123" (always positive)."""
    text = str(value).strip()
    match = _GROUP_ID.fullmatch(text)
    if isinstance(value, bool) or match is None or int(match.group(1)) == 0:
        raise PermanentError("VK: the account's community id is not a number; connect it again")
    return int(match.group(1))


def _int_or_none(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _bounded(settings: Mapping[str, Any], key: str, default: int, low: int, high: int) -> int:
    value = _int_or_none(settings.get(key))
    return default if value is None else max(low, min(value, high))
