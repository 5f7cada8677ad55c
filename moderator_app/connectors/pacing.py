"""Per-host request pacing, written once: every connector request to a host goes through it,
so normal polling stays under each platform's published limits instead of meeting its 429s."""

import asyncio
import time


class Pacer:
    """Spaces requests at least `min_interval_s` apart (e.g. VK user tokens: 3/s → 0.34 s)."""

    def __init__(self, min_interval_s: float) -> None:
        self.min_interval_s = min_interval_s
        self._lock = asyncio.Lock()
        self._next_at = 0.0

    async def wait(self) -> None:
        async with self._lock:
            now = time.monotonic()
            if self._next_at > now:
                await asyncio.sleep(self._next_at - now)
            self._next_at = max(now, self._next_at) + self.min_interval_s

    def hold_for(self, seconds: float) -> None:
        """After a rate-limit answer: no request to this host before `seconds` from now."""
        self._next_at = max(self._next_at, time.monotonic() + seconds)
