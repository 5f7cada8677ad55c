"""Sending a reply at most once, on a platform without idempotency keys.

`comments.insert` has no request id: if the answer to an insert is lost (timeout, dropped
connection), a retry would post the reply twice. So before inserting, the connector looks at
the thread's newest replies for one by us with the same text, published after the first
attempt with this idempotency key (or, for a key this process has not seen — a retry after a
restart — within the last hour). A reply found that way is claimed by its key, so two
identical replies queued by the moderator on purpose (e.g. "Спасибо!" to two people in one
thread) still both get posted.

Limits: attempts are remembered in memory only, and YouTube may list a fresh reply with some
delay; a reply lost in flight just before a restart and not yet listed can still be doubled.
"""

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

SKEW = timedelta(minutes=2)
UNKNOWN_KEY_WINDOW = timedelta(hours=1)
MEMORY_LIMIT = 5000


class ReplyGuard:
    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock
        self._first_attempt: dict[str, datetime] = {}
        self._claimed: dict[str, str] = {}  # reply id → idempotency key

    def begin(self, key: str) -> tuple[datetime, bool]:
        """Record an attempt; returns (replies newer than this may be ours, seen before)."""
        now = self._clock()
        first = self._first_attempt.get(key)
        if first is None:
            if len(self._first_attempt) >= MEMORY_LIMIT:
                self._first_attempt.clear()
            self._first_attempt[key] = now
            return now - UNKNOWN_KEY_WINDOW, False
        return first - SKEW, True

    def pick(self, candidates: Iterable[tuple[str, datetime]], key: str) -> str | None:
        """The earliest candidate (reply id, published) not claimed by another key."""
        free = [(when, rid) for rid, when in candidates if self._claimed.get(rid, key) == key]
        return min(free)[1] if free else None

    def claim(self, reply_id: str, key: str) -> None:
        if len(self._claimed) >= MEMORY_LIMIT:
            self._claimed.clear()
        self._claimed[reply_id] = key
