"""VK's JSON (API 5.199, tolerant of older shapes) turned into typed records, checked field by
field: a wrong shape becomes MalformedPayload, never a KeyError, and nothing half-parsed moves a
cursor. Owner and post ids that a payload leaves out come from the request that fetched it.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from moderator_app.connectors import payload
from moderator_app.connectors.http import MalformedPayload


@dataclass(frozen=True, slots=True)
class VkComment:
    """One wall comment. A removed comment that still has replies comes back from
    `wall.getComments` as a placeholder: `deleted`, with no author and no text."""

    owner_id: int
    post_id: int
    id: int
    from_id: int
    date: int
    text: str
    reply_to_comment: int | None = None
    parents_stack: tuple[int, ...] = ()
    thread_count: int = 0
    thread_items: tuple["VkComment", ...] = ()
    deleted: bool = False
    attachments: tuple[str, ...] = ()
    likes: int | None = None

    @property
    def thread_root(self) -> int | None:
        """The top-level comment this reply's thread hangs under (None for a top-level one)."""
        return self.parents_stack[0] if self.parents_stack else None


@dataclass(frozen=True, slots=True)
class VkPost:
    owner_id: int
    id: int
    text: str = ""
    date: int = 0
    comments_count: int | None = None


@dataclass(frozen=True, slots=True)
class VkName:
    """A user (positive id) or a community (negative id) as comments name their authors."""

    owner_id: int
    name: str
    screen_name: str = ""


@dataclass(frozen=True, slots=True)
class CommentsPage:
    count: int
    items: tuple[VkComment, ...]
    names: dict[int, VkName]

    def flat(self) -> list[VkComment]:
        """Every comment on the page, each top-level one followed by its thread's replies."""
        found: list[VkComment] = []
        for item in self.items:
            found.append(item)
            found.extend(item.thread_items)
        return found


def optional_int(data: Mapping[str, Any], key: str, where: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise MalformedPayload(f"{where}: field '{key}' is not an integer")
    return value


def flag(data: Mapping[str, Any], key: str, where: str) -> bool:
    """VK booleans come as true/false or 1/0 depending on method and version."""
    value = data.get(key)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise MalformedPayload(f"{where}: field '{key}' is not a boolean")


def parse_comment(
    data: object, where: str, *, owner_id: int | None = None, post_id: int | None = None
) -> VkComment:
    """A `wall_wall_comment` (from getComments, or a long-poll `wall_reply_*` object)."""
    obj = payload.as_object(data, where)
    owner = _first_int(obj, ("owner_id", "post_owner_id"), where, owner_id)
    post = _first_int(obj, ("post_id",), where, post_id)
    deleted = flag(obj, "deleted", where)
    thread = obj.get("thread")
    thread_count = 0
    thread_items: tuple[VkComment, ...] = ()
    if thread is not None:
        thread_obj = payload.as_object(thread, f"{where}.thread")
        thread_count = payload.require_int(thread_obj, "count", f"{where}.thread")
        raw_items = thread_obj.get("items") or []
        if not isinstance(raw_items, list):
            raise MalformedPayload(f"{where}.thread: field 'items' is not a list")
        thread_items = tuple(
            parse_comment(item, f"{where}.thread.items[{i}]", owner_id=owner, post_id=post)
            for i, item in enumerate(raw_items)
        )
    if deleted:  # a placeholder keeps its place in the thread, not its author or text
        from_id = optional_int(obj, "from_id", where) or 0
        date = optional_int(obj, "date", where) or 0
        text = payload.optional_str(obj, "text", where)
    else:
        from_id = payload.require_int(obj, "from_id", where)
        date = payload.require_int(obj, "date", where)
        text = payload.require_str(obj, "text", where)
    return VkComment(
        owner_id=owner,
        post_id=post,
        id=payload.require_int(obj, "id", where),
        from_id=from_id,
        date=date,
        text=text,
        reply_to_comment=optional_int(obj, "reply_to_comment", where),
        parents_stack=int_list(obj, "parents_stack", where),
        thread_count=thread_count,
        thread_items=thread_items,
        deleted=deleted,
        attachments=_attachment_types(obj, where),
        likes=_likes(obj, where),
    )


def parse_comments_page(data: object, where: str, *, owner_id: int, post_id: int) -> CommentsPage:
    """A `wall.getComments` response (with `extended=1`: `profiles` and `groups` too)."""
    obj = payload.as_object(data, where)
    items = payload.require_list(obj, "items", where)
    return CommentsPage(
        count=payload.require_int(obj, "count", where),
        items=tuple(
            parse_comment(item, f"{where}.items[{i}]", owner_id=owner_id, post_id=post_id)
            for i, item in enumerate(items)
        ),
        names=parse_names(obj, where),
    )


def parse_names(obj: Mapping[str, Any], where: str) -> dict[int, VkName]:
    """`profiles` and `groups` of an extended response, keyed by author id (groups negative)."""
    names: dict[int, VkName] = {}
    for i, raw in enumerate(_list_or_empty(obj, "profiles", where)):
        user = parse_user(raw, f"{where}.profiles[{i}]")
        names[user.owner_id] = user
    for i, raw in enumerate(_list_or_empty(obj, "groups", where)):
        group = parse_group(raw, f"{where}.groups[{i}]")
        names[group.owner_id] = group
    return names


def parse_user(data: object, where: str) -> VkName:
    obj = payload.as_object(data, where)
    first = payload.optional_str(obj, "first_name", where)
    last = payload.optional_str(obj, "last_name", where)
    return VkName(
        owner_id=payload.require_int(obj, "id", where),
        name=" ".join(part for part in (first, last) if part),
        screen_name=payload.optional_str(obj, "screen_name", where),
    )


def parse_group(data: object, where: str) -> VkName:
    obj = payload.as_object(data, where)
    return VkName(
        owner_id=-abs(payload.require_int(obj, "id", where)),
        name=payload.optional_str(obj, "name", where),
        screen_name=payload.optional_str(obj, "screen_name", where),
    )


def parse_post(data: object, where: str) -> VkPost:
    """A `wall_wallpost_full` (from `wall.get` or `wall.getById`)."""
    obj = payload.as_object(data, where)
    comments = obj.get("comments")
    count = None
    if comments is not None:
        count = payload.require_int(
            payload.as_object(comments, where), "count", f"{where}.comments"
        )
    return VkPost(
        owner_id=payload.require_int(obj, "owner_id", where),
        id=payload.require_int(obj, "id", where),
        text=payload.optional_str(obj, "text", where),
        date=optional_int(obj, "date", where) or 0,
        comments_count=count,
    )


def parse_posts(data: object, where: str) -> list[VkPost]:
    """`wall.get` (`{count, items}`) or `wall.getById` (`{items}` in 5.199, a bare list before)."""
    items = (
        data
        if isinstance(data, list)
        else payload.require_list(payload.as_object(data, where), "items", where)
    )
    return [parse_post(item, f"{where}.items[{i}]") for i, item in enumerate(items)]


def parse_group_list(data: object, where: str) -> list[VkName]:
    """`groups.getById` (`{groups: [...]}` in 5.199, a bare list before) or `groups.get`
    with `extended=1` (`{count, items}`)."""
    if isinstance(data, list):
        items = data
    else:
        obj = payload.as_object(data, where)
        items = payload.require_list(obj, "groups" if "groups" in obj else "items", where)
    return [parse_group(item, f"{where}[{i}]") for i, item in enumerate(items)]


def parse_user_list(data: object, where: str) -> list[VkName]:
    """`users.get`: a bare list of users."""
    if not isinstance(data, list):
        raise MalformedPayload(f"{where}: expected a list of users")
    return [parse_user(item, f"{where}[{i}]") for i, item in enumerate(data)]


def _first_int(
    obj: Mapping[str, Any], keys: tuple[str, ...], where: str, default: int | None
) -> int:
    for key in keys:
        value = optional_int(obj, key, where)
        if value is not None:
            return value
    if default is None:
        raise MalformedPayload(f"{where}: field '{keys[0]}' is missing or not an integer")
    return default


def int_list(obj: Mapping[str, Any], key: str, where: str) -> tuple[int, ...]:
    values = _list_or_empty(obj, key, where)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise MalformedPayload(f"{where}: field '{key}' is not a list of integers")
    return tuple(values)


def _list_or_empty(obj: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise MalformedPayload(f"{where}: field '{key}' is not a list")
    return value


def _attachment_types(obj: Mapping[str, Any], where: str) -> tuple[str, ...]:
    types = []
    for i, raw in enumerate(_list_or_empty(obj, "attachments", where)):
        types.append(payload.require_str(payload.as_object(raw, where), "type", f"{where}[{i}]"))
    return tuple(types)


def _likes(obj: Mapping[str, Any], where: str) -> int | None:
    likes = obj.get("likes")
    if likes is None:
        return None
    return payload.require_int(payload.as_object(likes, where), "count", f"{where}.likes")
