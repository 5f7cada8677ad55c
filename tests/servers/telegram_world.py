"""The state and methods of a fake Telegram Bot API, written from the official spec
(tests/fixtures/telegram/bot_api_spec.min.json) rather than from what our connector expects.

What it models, because the connector depends on it:
- per-bot update queues: getUpdates `offset` confirms (forgets) earlier updates, `limit`
  caps a page, `timeout` long-polls, a newer getUpdates ends an older one with 409, an
  offset "from the future" is answered from the queue head (tdlib's behaviour), negative
  offsets keep the last N, updates older than 24 h expire, `allowed_updates` is sticky and
  only affects updates created afterwards, a webhook blocks getUpdates with 409;
- channel posts automatically forwarded to the discussion group (`is_automatic_forward`,
  `forward_origin`, sender_chat = the channel, from = Telegram's service user 777000) and
  comments replying to them, with `message_thread_id` = the forwarded post's id;
- privacy mode: admin bots see every group message, member bots only commands;
- sendMessage with reply_parameters, 20 messages per minute per group (429 + retry_after);
- deleteMessage: 48-hour window, `can_delete_messages`, own messages, "not found";
- getMe, getChat (ChatFullInfo with linked_chat_id), getChatMember, getWebhookInfo,
  setWebhook, deleteWebhook; unknown token → 401, unknown method → 404.
Error descriptions are Telegram's own wording.
"""

import math
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

SERVICE_USER = {"id": 777000, "is_bot": False, "first_name": "Telegram"}
UPDATE_TTL_S = 24 * 3600
DELETE_WINDOW_S = 48 * 3600
MAX_LONG_POLL_S = 50
DEFAULT_UPDATES = frozenset({"message", "edited_message", "channel_post", "my_chat_member"})
CHAT_ID_BASE = -1_001_000_000_000


class ApiError(Exception):
    """An `ok: false` answer."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


def not_found_chat() -> ApiError:
    return ApiError(400, "Bad Request: chat not found")


@dataclass
class Chat:
    id: int
    type: str
    title: str
    username: str | None = None
    linked_chat_id: int | None = None

    def as_chat(self) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": self.id, "type": self.type, "title": self.title}
        if self.username:
            chat["username"] = self.username
        return chat

    def full_info(self) -> dict[str, Any]:
        info = self.as_chat()
        info.update(
            accent_color_id=0,
            max_reaction_count=11,
            accepted_gift_types={
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        if self.linked_chat_id is not None:
            info["linked_chat_id"] = self.linked_chat_id
        return info


@dataclass
class Membership:
    status: str = "administrator"  # administrator | member | left | kicked
    can_delete_messages: bool = True


@dataclass
class Update:
    update_id: int
    created: float
    kind: str
    message: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {"update_id": self.update_id, self.kind: self.message}


@dataclass
class Bot:
    token: str
    user: dict[str, Any]
    queue: list[Update] = field(default_factory=list)
    next_update_id: int = 100_000_001
    allowed: frozenset[str] = DEFAULT_UPDATES
    webhook_url: str = ""
    poll_generation: int = 0

    @property
    def id(self) -> int:
        return int(self.user["id"])


class TelegramWorld:
    """Thread-safe: the HTTP handler threads and the test body both use it."""

    def __init__(self, *, flood_per_minute: int = 20) -> None:
        self.cond = threading.Condition()
        self.flood_per_minute = flood_per_minute
        self.clock_offset_s = 0.0
        self.closed = False
        self.bots: dict[str, Bot] = {}
        self.revoked: set[str] = set()
        self.chats: dict[int, Chat] = {}
        self.members: dict[tuple[int, int], Membership] = {}
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.deleted: list[tuple[int, int]] = []
        self.sent: list[dict[str, Any]] = []
        self._next_message_id: dict[int, int] = {}
        self._send_times: dict[int, deque[float]] = {}
        self._next_chat = 0
        self._next_user = 5000

    # --- the clock -------------------------------------------------------------------------

    def now(self) -> float:
        return time.time() + self.clock_offset_s

    def advance(self, seconds: float) -> None:
        with self.cond:
            self.clock_offset_s += seconds

    # --- building the world ----------------------------------------------------------------

    def add_bot(self, username: str = "moderator_test_bot", bot_id: int = 6_000_000_001) -> str:
        token = f"{bot_id}:AAF{'x7Kq' * 8}{len(self.bots)}"
        user = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "Moderator test bot",
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        with self.cond:
            self.bots[token] = Bot(token, user)
        return token

    def bot(self, token: str) -> Bot:
        return self.bots[token]

    def add_user(self, first_name: str, last_name: str = "", username: str = "") -> dict[str, Any]:
        self._next_user += 1
        user: dict[str, Any] = {"id": self._next_user, "is_bot": False, "first_name": first_name}
        if last_name:
            user["last_name"] = last_name
        if username:
            user["username"] = username
        return user

    def add_chat(
        self, kind: str, title: str, username: str | None = None, linked: int | None = None
    ) -> int:
        with self.cond:
            self._next_chat += 1
            chat_id = CHAT_ID_BASE - 1000 * self._next_chat
            self.chats[chat_id] = Chat(chat_id, kind, title, username, linked)
            self._next_message_id[chat_id] = 1
            return chat_id

    def add_discussion(
        self,
        channel_title: str = "Новости канала",
        group_title: str = "Обсуждение",
        *,
        channel_username: str | None = "news_channel",
        group_username: str | None = None,
    ) -> tuple[int, int]:
        """A channel and its linked discussion group; returns (channel id, group id)."""
        channel_id = self.add_chat("channel", channel_title, channel_username)
        group_id = self.add_chat("supergroup", group_title, group_username, linked=channel_id)
        self.chats[channel_id].linked_chat_id = group_id
        return channel_id, group_id

    def set_member(
        self, chat_id: int, token: str, status: str = "administrator", can_delete: bool = True
    ) -> None:
        with self.cond:
            self.members[(chat_id, self.bots[token].id)] = Membership(status, can_delete)

    def revoke(self, token: str) -> None:
        with self.cond:
            self.revoked.add(token)

    def reset_update_ids(self, token: str, start: int) -> None:
        """What Telegram does after a week without updates: new ids, possibly lower."""
        with self.cond:
            self.bots[token].next_update_id = start

    # --- things that happen in Telegram ----------------------------------------------------

    def channel_post(self, channel_id: int, text: str = "", age_s: float = 0, **media: Any) -> int:
        """Post in the channel; returns the id of its automatic forward in the group."""
        with self.cond:
            channel = self.chats[channel_id]
            assert channel.linked_chat_id is not None, "the channel has no discussion group"
            group = self.chats[channel.linked_chat_id]
            date = int(self.now() - age_s)
            post_id = self._take_message_id(channel_id)
            forward = self._new_message(group, date, SERVICE_USER, text, media)
            forward.update(
                sender_chat=channel.as_chat(),
                is_automatic_forward=True,
                forward_origin={
                    "type": "channel",
                    "date": date,
                    "chat": channel.as_chat(),
                    "message_id": post_id,
                },
            )
            self._publish(group.id, "message", forward)
            return int(forward["message_id"])

    def comment(
        self,
        group_id: int,
        user: dict[str, Any],
        text: str = "",
        *,
        reply_to: int | None = None,
        age_s: float = 0,
        sender_chat: int | None = None,
        **media: Any,
    ) -> int:
        """A message in the group; `reply_to` a forwarded post makes it a comment on it."""
        with self.cond:
            group = self.chats[group_id]
            message = self._new_message(group, int(self.now() - age_s), user, text, media)
            if sender_chat is not None:
                message["sender_chat"] = self.chats[sender_chat].as_chat()
            if reply_to is not None:
                self._attach_reply(message, group_id, reply_to)
            self._publish(group_id, "message", message)
            return int(message["message_id"])

    def service_message(self, group_id: int, new_member: dict[str, Any]) -> int:
        with self.cond:
            group = self.chats[group_id]
            message = self._new_message(group, int(self.now()), new_member, "", {})
            message["new_chat_members"] = [new_member]
            self._publish(group_id, "message", message)
            return int(message["message_id"])

    def edit(self, group_id: int, message_id: int, text: str) -> None:
        with self.cond:
            message = self.messages[(group_id, message_id)]
            message["text"] = text
            message["edit_date"] = int(self.now())
            self._publish(group_id, "edited_message", message)

    def exists(self, chat_id: int, message_id: int) -> bool:
        with self.cond:
            return (chat_id, message_id) in self.messages

    # --- the Bot API -----------------------------------------------------------------------

    def call(self, token: str, method: str, params: dict[str, Any]) -> Any:
        """Carry out one Bot API method; raises ApiError for an `ok: false` answer."""
        with self.cond:
            bot = self.bots.get(token)
            if bot is None or token in self.revoked:
                raise ApiError(401, "Unauthorized")
            handler = _METHODS.get(method.lower())
            if handler is None:
                raise ApiError(404, "Not Found")
            return handler(self, bot, params)

    def _get_me(self, bot: Bot, params: dict[str, Any]) -> Any:
        return dict(bot.user)

    def _get_updates(self, bot: Bot, params: dict[str, Any]) -> Any:
        if bot.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = _int(params.get("offset", 0), "offset")
        limit = min(100, max(1, _int(params.get("limit", 100), "limit")))
        timeout = min(MAX_LONG_POLL_S, max(0, _int(params.get("timeout", 0), "timeout")))
        if "allowed_updates" in params:
            allowed = params["allowed_updates"]
            if not isinstance(allowed, list):
                raise ApiError(400, "Bad Request: can't parse allowed updates")
            bot.allowed = frozenset(allowed) if allowed else DEFAULT_UPDATES
        bot.poll_generation += 1
        generation = bot.poll_generation
        self.cond.notify_all()
        deadline = time.monotonic() + timeout
        while True:
            if bot.poll_generation != generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
            pending = self._pending(bot, offset)
            remaining = deadline - time.monotonic()
            if pending or remaining <= 0 or self.closed:
                return [u.as_json() for u in pending[:limit]]
            self.cond.wait(remaining)

    def _pending(self, bot: Bot, offset: int) -> list[Update]:
        cutoff = self.now() - UPDATE_TTL_S
        bot.queue = [u for u in bot.queue if u.created >= cutoff]
        if offset < 0:
            bot.queue = bot.queue[offset:]
        elif offset > bot.next_update_id + 10:
            pass  # "Specified from_id is in the future": tdlib answers from the queue head
        elif offset > 0:
            bot.queue = [u for u in bot.queue if u.update_id >= offset]
        return list(bot.queue)

    def _send_message(self, bot: Bot, params: dict[str, Any]) -> Any:
        chat = self._chat_to_write(bot, params.get("chat_id"))
        text = params.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        self._flood_check(chat.id)
        target = None
        reply = params.get("reply_parameters")
        if reply is not None:
            if not isinstance(reply, dict) or "message_id" not in reply:
                raise ApiError(400, "Bad Request: can't parse reply parameters JSON object")
            target = self.messages.get((chat.id, _int(reply["message_id"], "message_id")))
            if target is None and not reply.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
        message = self._new_message(chat, int(self.now()), bot.user, text, {})
        if target is not None:
            self._attach_reply(message, chat.id, int(target["message_id"]))
        self.sent.append(message)
        return message

    def _delete_message(self, bot: Bot, params: dict[str, Any]) -> Any:
        chat = self._chat_to_write(bot, params.get("chat_id"))
        message_id = _int(params.get("message_id"), "message_id")
        message = self.messages.get((chat.id, message_id))
        if message is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        own = message.get("from", {}).get("id") == bot.id and "sender_chat" not in message
        rights = self.members.get((chat.id, bot.id), Membership("left"))
        allowed = own or (rights.status == "administrator" and rights.can_delete_messages)
        too_old = self.now() - message["date"] >= DELETE_WINDOW_S
        if not allowed or too_old:
            raise ApiError(400, "Bad Request: message can't be deleted")
        del self.messages[(chat.id, message_id)]
        self.deleted.append((chat.id, message_id))
        return True

    def _get_chat(self, bot: Bot, params: dict[str, Any]) -> Any:
        return self._visible_chat(bot, params.get("chat_id")).full_info()

    def _get_chat_member(self, bot: Bot, params: dict[str, Any]) -> Any:
        chat = self._visible_chat(bot, params.get("chat_id"))
        user_id = _int(params.get("user_id"), "user_id")
        if user_id != bot.id:
            raise ApiError(400, "Bad Request: user not found")
        rights = self.members.get((chat.id, bot.id), Membership("left"))
        if rights.status == "administrator":
            return _administrator(bot.user, rights.can_delete_messages)
        if rights.status == "kicked":
            return {"status": "kicked", "user": bot.user, "until_date": 0}
        return {"status": rights.status, "user": bot.user}

    def _get_webhook_info(self, bot: Bot, params: dict[str, Any]) -> Any:
        return {
            "url": bot.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(bot.queue),
        }

    def _set_webhook(self, bot: Bot, params: dict[str, Any]) -> Any:
        url = params.get("url")
        if not isinstance(url, str):
            raise ApiError(400, "Bad Request: bad webhook: HTTPS url must be provided for webhook")
        bot.webhook_url = url
        self.cond.notify_all()
        return True

    def _delete_webhook(self, bot: Bot, params: dict[str, Any]) -> Any:
        bot.webhook_url = ""
        if params.get("drop_pending_updates"):
            bot.queue.clear()
        return True

    # --- helpers ---------------------------------------------------------------------------

    def _take_message_id(self, chat_id: int) -> int:
        message_id = self._next_message_id[chat_id]
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    def _new_message(
        self, chat: Chat, date: int, sender: dict[str, Any], text: str, media: dict[str, Any]
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": self._take_message_id(chat.id),
            "from": dict(sender),
            "chat": chat.as_chat(),
            "date": date,
        }
        if media:
            message.update(media)
            if text:
                message["caption"] = text
        elif text:
            message["text"] = text
        self.messages[(chat.id, int(message["message_id"]))] = message
        return message

    def _attach_reply(self, message: dict[str, Any], chat_id: int, reply_to: int) -> None:
        target = self.messages[(chat_id, reply_to)]
        quoted = {k: v for k, v in target.items() if k != "reply_to_message"}
        message["reply_to_message"] = quoted
        if target.get("is_automatic_forward"):
            message["message_thread_id"] = reply_to
        elif "message_thread_id" in target:
            message["message_thread_id"] = target["message_thread_id"]

    def _publish(self, chat_id: int, kind: str, message: dict[str, Any]) -> None:
        """Queue an update for every bot in the chat that may see the message."""
        for bot in self.bots.values():
            rights = self.members.get((chat_id, bot.id))
            if rights is None or rights.status not in ("administrator", "member"):
                continue
            is_command = str(message.get("text", "")).startswith("/")
            if rights.status == "member" and not is_command:
                continue  # privacy mode: only admins see every message
            if kind not in bot.allowed:
                continue
            snapshot = dict(message)
            bot.queue.append(Update(bot.next_update_id, self.now(), kind, snapshot))
            bot.next_update_id += 1
        self.cond.notify_all()

    def _resolve(self, chat_ref: object) -> Chat | None:
        if isinstance(chat_ref, str) and chat_ref.startswith("@"):
            name = chat_ref[1:].lower()
            return next(
                (c for c in self.chats.values() if (c.username or "").lower() == name), None
            )
        try:
            chat_id = _int(chat_ref, "chat_id")
        except ApiError:
            return None
        return self.chats.get(chat_id)

    def _visible_chat(self, bot: Bot, chat_ref: object) -> Chat:
        """Public chats are visible to anyone; private ones only to members."""
        chat = self._resolve(chat_ref)
        if chat is None:
            raise not_found_chat()
        rights = self.members.get((chat.id, bot.id))
        if not chat.username and (rights is None or rights.status == "left"):
            raise not_found_chat()
        return chat

    def _chat_to_write(self, bot: Bot, chat_ref: object) -> Chat:
        chat = self._resolve(chat_ref)
        if chat is None:
            raise not_found_chat()
        rights = self.members.get((chat.id, bot.id))
        if rights is not None and rights.status == "kicked":
            raise ApiError(403, f"Forbidden: bot was kicked from the {chat.type} chat")
        if rights is None or rights.status == "left":
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat.type} chat")
        return chat

    def _flood_check(self, chat_id: int) -> None:
        times = self._send_times.setdefault(chat_id, deque())
        now = self.now()
        while times and now - times[0] >= 60:
            times.popleft()
        if len(times) >= self.flood_per_minute:
            wait = max(1, math.ceil(60 - (now - times[0])))
            raise ApiError(429, f"Too Many Requests: retry after {wait}", {"retry_after": wait})
        times.append(now)


def _int(value: object, name: str) -> int:
    if isinstance(value, bool):
        raise ApiError(400, f"Bad Request: invalid {name} specified")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            pass
    raise ApiError(400, f"Bad Request: invalid {name} specified")


def _administrator(user: dict[str, Any], can_delete: bool) -> dict[str, Any]:
    return {
        "status": "administrator",
        "user": user,
        "can_be_edited": False,
        "is_anonymous": False,
        "can_manage_chat": True,
        "can_delete_messages": can_delete,
        "can_manage_video_chats": False,
        "can_restrict_members": True,
        "can_promote_members": False,
        "can_change_info": False,
        "can_invite_users": True,
        "can_post_stories": False,
        "can_edit_stories": False,
        "can_delete_stories": False,
        "can_pin_messages": False,
    }


_METHODS = {
    "getme": TelegramWorld._get_me,
    "getupdates": TelegramWorld._get_updates,
    "sendmessage": TelegramWorld._send_message,
    "deletemessage": TelegramWorld._delete_message,
    "getchat": TelegramWorld._get_chat,
    "getchatmember": TelegramWorld._get_chat_member,
    "getwebhookinfo": TelegramWorld._get_webhook_info,
    "setwebhook": TelegramWorld._set_webhook,
    "deletewebhook": TelegramWorld._delete_webhook,
}
