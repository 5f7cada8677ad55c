"""The non-secret account settings a Telegram account keeps (`Account.settings`).

Keys:
- `chat_ids` (required): ids of the discussion groups to watch, e.g. `[-1001234567890]`
  (numbers or numeric strings); `TelegramSetup.sign_in` fills it.
- `api_base` (optional): the Bot API address, default `https://api.telegram.org`; set it for
  a self-hosted Bot API server (or a local fake in tests).
- `long_poll_s` (optional, 0–10, default 5): how long a getUpdates call waits for news.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from moderator_app.connectors.errors import AuthExpired, PermanentError
from moderator_app.connectors.telegram.api import DEFAULT_API_BASE

DEFAULT_LONG_POLL_S = 5
MAX_LONG_POLL_S = 10


@dataclass(frozen=True, slots=True)
class TelegramSettings:
    chat_ids: frozenset[int]
    api_base: str = DEFAULT_API_BASE
    long_poll_s: int = DEFAULT_LONG_POLL_S

    @classmethod
    def from_mapping(cls, settings: Mapping[str, Any]) -> "TelegramSettings":
        raw_ids = settings.get("chat_ids")
        if not isinstance(raw_ids, list | tuple) or not raw_ids:
            raise PermanentError(
                "telegram: this account watches no discussion group (setting 'chat_ids'); "
                "sign in again and choose the groups"
            )
        chat_ids = frozenset(parse_chat_id(value) for value in raw_ids)
        api_base = settings.get("api_base") or DEFAULT_API_BASE
        if not isinstance(api_base, str):
            raise PermanentError("telegram: setting 'api_base' must be a URL")
        long_poll = settings.get("long_poll_s", DEFAULT_LONG_POLL_S)
        if isinstance(long_poll, bool) or not isinstance(long_poll, int | float):
            raise PermanentError("telegram: setting 'long_poll_s' must be a number of seconds")
        return cls(chat_ids, api_base, max(0, min(MAX_LONG_POLL_S, int(long_poll))))


def parse_chat_id(value: object) -> int:
    """A numeric chat id from settings (an int, or a string like "-1001234567890")."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise PermanentError(f"telegram: {value!r} in setting 'chat_ids' is not a numeric chat id")


def bot_id_from_token(token: str) -> int:
    """Bot tokens are "<bot id>:<secret>"; the id tells our own messages apart."""
    head, sep, secret = token.partition(":")
    if not sep or not head.isdigit() or not secret:
        raise AuthExpired("telegram: the stored bot token is not valid; sign in again")
    return int(head)
