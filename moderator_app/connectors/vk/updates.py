"""Bots Long Poll updates turned into comment events; every other event type is skipped.

`wall_reply_new`, `_edit` and `_restore` carry a whole comment (its wall owner as `owner_id`,
or `post_owner_id` in some versions); `wall_reply_delete` carries only ids and who removed it.
"""

from dataclasses import dataclass
from typing import Literal

from moderator_app.connectors import payload
from moderator_app.connectors.vk.payload import VkComment, optional_int, parse_comment

CommentEventKind = Literal["new", "edit", "restore"]
_KINDS: dict[str, CommentEventKind] = {
    "wall_reply_new": "new",
    "wall_reply_edit": "edit",
    "wall_reply_restore": "restore",
}
DELETE = "wall_reply_delete"
WALL_EVENTS = (*_KINDS, DELETE)


@dataclass(frozen=True, slots=True)
class CommentChanged:
    kind: CommentEventKind
    comment: VkComment


@dataclass(frozen=True, slots=True)
class CommentRemoved:
    owner_id: int
    post_id: int
    comment_id: int
    deleter_id: int | None


LongPollEvent = CommentChanged | CommentRemoved


def parse_updates(updates: list[object], where: str, *, group_id: int) -> list[LongPollEvent]:
    """All updates are checked before any is used, so a bad batch never moves the cursor."""
    events: list[LongPollEvent] = []
    for i, raw in enumerate(updates):
        update_where = f"{where}.updates[{i}]"
        update = payload.as_object(raw, update_where)
        kind = payload.require_str(update, "type", update_where)
        if kind not in WALL_EVENTS:
            continue
        obj = payload.require_object(update, "object", update_where)
        object_where = f"{update_where}.object"
        if kind == DELETE:
            owner = optional_int(obj, "owner_id", object_where)
            deleter = optional_int(obj, "deleter_id", object_where)
            events.append(
                CommentRemoved(
                    owner_id=-group_id if owner is None else owner,
                    post_id=payload.require_int(obj, "post_id", object_where),
                    comment_id=payload.require_int(obj, "id", object_where),
                    # the official schema names it user_id; VK sends deleter_id
                    deleter_id=deleter
                    if deleter is not None
                    else optional_int(obj, "user_id", object_where),
                )
            )
        else:
            comment = parse_comment(obj, object_where, owner_id=-group_id)
            events.append(CommentChanged(_KINDS[kind], comment))
    return events
