"""Bot API updates and messages turned into domain comments, checked field by field.

In a channel's discussion group, each channel post arrives as an automatic forward
(`is_automatic_forward: true`, `forward_origin` naming the channel post): it is the thread,
not a comment. Comments reply to it (`reply_to_message`), replies to comments carry the
post's id as `message_thread_id`. Messages outside any thread (the group's own chatter) are
comments too, under a thread that stands for the group itself.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from moderator_app.connectors import payload
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.telegram.content import media_kind, message_text
from moderator_app.connectors.telegram.links import message_link, user_link
from moderator_app.connectors.telegram.threads import ThreadInfo, ThreadMemory, post_title
from moderator_app.domain import Author, RemoteComment, ThreadRef

COMMENT_UPDATES = ("message", "edited_message")


@dataclass(frozen=True, slots=True)
class UpdatePage:
    """One getUpdates answer: its comments (latest version of each, first-seen order), the
    highest update id in it (None when empty) and how many updates it held."""

    comments: tuple[RemoteComment, ...]
    last_update_id: int | None
    size: int


def parse_update_page(
    data: object, *, watched: Collection[int], bot_id: int, threads: ThreadMemory, where: str
) -> UpdatePage:
    """Every update is checked before anything is returned, so a bad page never moves the
    offset. Updates of other kinds or from unwatched chats are passed over (but counted:
    the offset moves past them)."""
    if not isinstance(data, list):
        raise MalformedPayload(f"{where}: expected a list of updates")
    latest: dict[str, RemoteComment] = {}
    last: int | None = None
    for i, raw in enumerate(data):
        update_where = f"{where}[{i}]"
        update = payload.as_object(raw, update_where)
        update_id = payload.require_int(update, "update_id", update_where)
        last = update_id if last is None else max(last, update_id)
        kind = next((k for k in COMMENT_UPDATES if update.get(k) is not None), None)
        if kind is None:
            continue
        comment = read_message(
            update[kind],
            f"{update_where}.{kind}",
            watched=watched,
            bot_id=bot_id,
            threads=threads,
        )
        if comment is not None:
            latest[comment.remote_id] = comment
    return UpdatePage(tuple(latest.values()), last, len(data))


def read_message(
    data: object, where: str, *, watched: Collection[int], bot_id: int, threads: ThreadMemory
) -> RemoteComment | None:
    """A comment, or None for what is not one: other chats, channel posts (remembered as
    threads), service messages, and scheduled messages that do not exist yet (id 0)."""
    message = payload.as_object(data, where)
    chat = payload.require_object(message, "chat", where)
    chat_id = payload.require_int(chat, "id", f"{where}.chat")
    if chat_id not in watched:
        return None
    message_id = payload.require_int(message, "message_id", where)
    date = payload.require_int(message, "date", where)
    if message_id == 0:
        return None
    username = payload.optional_str(chat, "username", f"{where}.chat")
    if payload.optional_bool(message, "is_automatic_forward", where):
        remember_post(message, chat_id, username, threads, where)
        return None
    text = message_text(message)
    if text is None:
        return None
    root = _thread_root(message, chat_id, username, threads, where)
    extra: dict[str, Any] = {"chat_id": chat_id, "message_id": message_id}
    if root is not None:
        extra["thread_id"] = root
    kind = media_kind(message)
    if kind is not None:
        extra["media"] = kind
    author, by_us = _author(message, bot_id, where)
    edit_date = _optional_int(message, "edit_date", where)
    return RemoteComment(
        remote_id=f"{chat_id}:{message_id}",
        thread=_thread(chat, chat_id, username, root, threads),
        author=author,
        text=text,
        created_at=_time(date),
        permalink=message_link(chat_id, username, message_id, root),
        parent_remote_id=_parent(message, chat_id, root, where),
        edited_at=None if edit_date is None else _time(edit_date),
        by_us=by_us,
        extra=extra,
    )


def read_sent_message(data: object, to: RemoteComment, *, bot_id: int, where: str) -> RemoteComment:
    """sendMessage's result as our reply to `to`, in `to`'s thread (whose post text the
    answer does not repeat)."""
    message = payload.as_object(data, where)
    chat = payload.require_object(message, "chat", where)
    chat_id = payload.require_int(chat, "id", f"{where}.chat")
    comment = read_message(message, where, watched={chat_id}, bot_id=bot_id, threads=ThreadMemory())
    if comment is None:
        raise MalformedPayload(f"{where}: the sent message has no text")
    return replace(comment, thread=to.thread, parent_remote_id=to.remote_id, by_us=True)


def remember_post(
    message: Mapping[str, Any], chat_id: int, username: str, threads: ThreadMemory, where: str
) -> int:
    """Keep an automatically forwarded channel post as a thread; returns its message id.

    Its link points at the post in the channel when `forward_origin` names it; a copy that
    lacks the origin does not overwrite what an earlier, fuller copy told us."""
    message_id = payload.require_int(message, "message_id", where)
    key = f"{chat_id}:{message_id}"
    known = threads.get(key)
    channel_title, channel_url = _channel_of(message)
    text = message_text(message) or (known.text if known else "")
    title = post_title(channel_title, text) if channel_title or known is None else known.title
    url = channel_url or (known.url if known else message_link(chat_id, username, message_id))
    threads.remember(key, ThreadInfo(title, url, text))
    return message_id


def _channel_of(message: Mapping[str, Any]) -> tuple[str, str]:
    """The channel's title and the post's link in it, as far as the forward tells."""
    origin = message.get("forward_origin")
    if isinstance(origin, dict) and origin.get("type") == "channel":
        channel = origin.get("chat")
        post_id = origin.get("message_id")
        if isinstance(channel, dict):
            channel_id = channel.get("id")
            url = ""
            if isinstance(channel_id, int) and isinstance(post_id, int):
                url = message_link(channel_id, _str(channel, "username"), post_id)
            return _str(channel, "title"), url
    sender_chat = message.get("sender_chat")
    if isinstance(sender_chat, dict):
        return _str(sender_chat, "title"), ""
    return "", ""


def _thread_root(
    message: Mapping[str, Any], chat_id: int, username: str, threads: ThreadMemory, where: str
) -> int | None:
    reply = message.get("reply_to_message")
    if isinstance(reply, dict) and reply.get("is_automatic_forward") is True:
        return remember_post(reply, chat_id, username, threads, f"{where}.reply_to_message")
    return _optional_int(message, "message_thread_id", where)


def _thread(
    chat: Mapping[str, Any], chat_id: int, username: str, root: int | None, threads: ThreadMemory
) -> ThreadRef:
    if root is not None:
        return threads.ref(f"{chat_id}:{root}")
    return ThreadRef(
        remote_id=str(chat_id), title=_str(chat, "title"), url=user_link(username), text=""
    )


def _parent(message: Mapping[str, Any], chat_id: int, root: int | None, where: str) -> str | None:
    """The comment this one answers; None for a top-level comment (it answers the post)."""
    reply = message.get("reply_to_message")
    if not isinstance(reply, dict):
        return None
    if reply.get("is_automatic_forward") is True or reply.get("forum_topic_created") is not None:
        return None
    parent_id = payload.require_int(reply, "message_id", f"{where}.reply_to_message")
    if parent_id == root:
        return None
    return f"{chat_id}:{parent_id}"


def _author(message: Mapping[str, Any], bot_id: int, where: str) -> tuple[Author, bool]:
    """The sender: a chat when someone writes as a channel or anonymous admin (`from` then
    holds a placeholder user), else the user. The bool says it is our own bot."""
    sender_chat = message.get("sender_chat")
    if sender_chat is not None:
        chat_where = f"{where}.sender_chat"
        sender = payload.as_object(sender_chat, chat_where)
        username = payload.optional_str(sender, "username", chat_where)
        name = payload.optional_str(sender, "title", chat_where) or (
            f"@{username}" if username else "Telegram chat"
        )
        return Author(
            payload.require_id(sender, "id", chat_where), name, user_link(username)
        ), False
    user_data = message.get("from")
    if user_data is None:
        return Author("", "Unknown sender"), False
    user_where = f"{where}.from"
    user = payload.as_object(user_data, user_where)
    user_id = payload.require_int(user, "id", user_where)
    username = payload.optional_str(user, "username", user_where)
    name = " ".join(
        part
        for part in (
            payload.optional_str(user, "first_name", user_where),
            payload.optional_str(user, "last_name", user_where),
        )
        if part
    )
    return Author(str(user_id), name or f"@{username}", user_link(username)), user_id == bot_id


def _optional_int(data: Mapping[str, Any], key: str, where: str) -> int | None:
    if data.get(key) is None:
        return None
    return payload.require_int(data, key, where)


def _str(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def _time(unix: int) -> datetime:
    try:
        return datetime.fromtimestamp(unix, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise MalformedPayload(f"telegram: {unix} is not a usable Unix time") from None
