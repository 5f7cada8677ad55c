"""Pacing for messages the bot sends: Telegram allows about 20 messages a minute per group.

A send waits its turn per chat. After a 429 for a chat, further sends to it are refused at
once with the remaining wait, instead of sleeping inside the outbox or earning another 429.
"""

import time

from moderator_app.connectors.errors import RateLimited
from moderator_app.connectors.pacing import Pacer

GROUP_SEND_INTERVAL_S = 3.0  # 20 messages per minute in one group


class SendGate:
    def __init__(self, interval_s: float = GROUP_SEND_INTERVAL_S) -> None:
        self._interval_s = interval_s
        self._pacers: dict[int, Pacer] = {}
        self._blocked_until: dict[int, float] = {}

    async def wait(self, chat_id: int, what: str) -> None:
        remaining = self._blocked_until.get(chat_id, 0.0) - time.monotonic()
        if remaining > 0:
            raise RateLimited(
                f"{what}: Telegram asked to pause sending to this group; {remaining:.0f} s left",
                remaining,
            )
        pacer = self._pacers.setdefault(chat_id, Pacer(self._interval_s))
        await pacer.wait()

    def block(self, chat_id: int, seconds: float) -> None:
        self._blocked_until[chat_id] = max(
            self._blocked_until.get(chat_id, 0.0), time.monotonic() + seconds
        )
