"""Which groups a bot can watch.

The Bot API has no "list my chats". Candidates come from the updates still waiting for the
bot (up to 24 hours, read without an offset so nothing is confirmed or lost) and from the
groups the moderator names; each is checked with getChat and getChatMember. A group that
has been quiet for a day is only found when named.
"""

import logging
import re
from dataclasses import dataclass

from moderator_app.connectors.base import WatchTarget
from moderator_app.connectors.errors import PermanentError
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.telegram.api import BotApi, BotApiError

log = logging.getLogger(__name__)

MAX_CANDIDATES = 20
GROUP_TYPES = ("group", "supergroup")
_PRIVATE_LINK = re.compile(r"(?:https?://)?t\.me/c/(\d+)(?:/.*)?", re.IGNORECASE)
_PUBLIC_LINK = re.compile(r"(?:https?://)?t\.me/([A-Za-z]\w{3,31})(?:/.*)?", re.IGNORECASE)
_USERNAME = re.compile(r"@?([A-Za-z]\w{3,31})")
_CHAT_ID = re.compile(r"-?\d{1,20}")


@dataclass(frozen=True, slots=True)
class GroupCheck:
    """A usable group, or why the named chat is not one."""

    target: WatchTarget | None = None
    problem: str = ""


def parse_chat_refs(text: str) -> list[int | str]:
    """Chats as the moderator may name them: "@name", "name", "t.me/name", "t.me/c/123/45",
    "-1001234567890"; separated by commas, semicolons or spaces."""
    refs: list[int | str] = []
    for raw in re.split(r"[\s,;]+", text.strip()):
        if not raw:
            continue
        if match := _PRIVATE_LINK.fullmatch(raw):
            ref: int | str = -(10**12) - int(match.group(1))
        elif match := _PUBLIC_LINK.fullmatch(raw):
            ref = f"@{match.group(1)}"
        elif _CHAT_ID.fullmatch(raw):
            ref = int(raw)
        elif match := _USERNAME.fullmatch(raw):
            ref = f"@{match.group(1)}"
        else:
            raise PermanentError(f"telegram: {raw!r} is neither a chat id nor an @username")
        if ref not in refs:
            refs.append(ref)
    return refs


async def pending_chat_ids(api: BotApi) -> list[int]:
    """Groups that appear in the bot's unconfirmed updates, most recent first."""
    try:
        data = await api.call("getUpdates", {"timeout": 0, "limit": 100}, what="looking for groups")
    except BotApiError as refused:
        if refused.error_code == 409:  # someone else is polling this bot right now
            log.info("telegram: cannot look at pending updates: %s", refused)
            return []
        raise
    if not isinstance(data, list):
        raise MalformedPayload("telegram: looking for groups: expected a list of updates")
    found: list[int] = []
    for update in reversed(data):
        if not isinstance(update, dict):
            continue
        for value in update.values():
            chat = value.get("chat") if isinstance(value, dict) else None
            if not isinstance(chat, dict) or chat.get("type") not in GROUP_TYPES:
                continue
            chat_id = chat.get("id")
            if isinstance(chat_id, int) and chat_id not in found:
                found.append(chat_id)
    return found[:MAX_CANDIDATES]


async def check_group(api: BotApi, ref: int | str, bot_id: int) -> GroupCheck:
    """Is `ref` a group where the bot is an admin? A channel leads to its discussion group."""
    chat = await _group(api, ref)
    if isinstance(chat, str):
        return GroupCheck(problem=chat)
    chat_id, title = chat["id"], chat.get("title")
    assert isinstance(chat_id, int)
    name = title if isinstance(title, str) and title else str(chat_id)
    try:
        member = await api.call(
            "getChatMember", {"chat_id": chat_id, "user_id": bot_id}, what=f"checking {name}"
        )
    except BotApiError as refused:
        return GroupCheck(problem=f"{name}: {refused.description or refused}")
    status = member.get("status") if isinstance(member, dict) else None
    if status not in ("administrator", "creator"):
        return GroupCheck(problem=f"{name}: the bot is not an admin there")
    kind = "discussion_group" if isinstance(chat.get("linked_chat_id"), int) else "group"
    return GroupCheck(target=WatchTarget(str(chat_id), name, kind))


async def _group(api: BotApi, ref: int | str) -> dict[str, object] | str:
    """The group `ref` names (for a channel: its discussion group), or what is wrong."""
    chat = await _chat(api, ref)
    if isinstance(chat, str):
        return chat
    if chat.get("type") == "channel":
        linked = chat.get("linked_chat_id")
        if not isinstance(linked, int):
            return f"{ref}: this channel has no discussion group (comments are off)"
        chat = await _chat(api, linked)
        if isinstance(chat, str):
            return f"{ref}: its discussion group: {chat}"
    if not isinstance(chat.get("id"), int) or chat.get("type") not in GROUP_TYPES:
        return f"{ref}: not a group"
    return chat


async def _chat(api: BotApi, ref: int | str) -> dict[str, object] | str:
    try:
        chat = await api.call("getChat", {"chat_id": ref}, what=f"checking {ref}")
    except BotApiError as refused:
        return f"{ref}: {refused.description or refused}"
    if not isinstance(chat, dict):
        raise MalformedPayload(f"telegram: checking {ref}: expected a chat object")
    return chat
