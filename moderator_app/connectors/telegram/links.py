"""t.me links to messages, so the moderator can open a comment in Telegram."""

SUPERGROUP_PREFIX = 10**12  # supergroup and channel ids are -100XXXXXXXXXX in the Bot API


def internal_id(chat_id: int) -> int | None:
    """The id t.me/c/ links use: the chat id without its "-100"; None for basic groups."""
    if chat_id >= -SUPERGROUP_PREFIX:
        return None
    return -chat_id - SUPERGROUP_PREFIX


def message_link(chat_id: int, username: str, message_id: int, thread_id: int | None = None) -> str:
    """A public chat's link uses its @username; a private supergroup's only opens for members."""
    query = f"?thread={thread_id}" if thread_id is not None and thread_id != message_id else ""
    if username:
        return f"https://t.me/{username}/{message_id}{query}"
    internal = internal_id(chat_id)
    if internal is None:
        return ""
    return f"https://t.me/c/{internal}/{message_id}{query}"


def user_link(username: str) -> str:
    return f"https://t.me/{username}" if username else ""
