"""Token-bucket rate limiting per access token, like a platform's per-app quota."""

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """`check(key)` spends one token from `key`'s bucket; refills at `rate_per_s` up to `burst`."""

    def __init__(
        self, rate_per_s: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self.rate_per_s = rate_per_s
        self.burst = burst
        self.configure(rate_per_s=rate_per_s, burst=burst)

    def configure(self, *, rate_per_s: float | None = None, burst: int | None = None) -> None:
        if rate_per_s is not None and not (rate_per_s > 0 and math.isfinite(rate_per_s)):
            raise ValueError("rate_per_s must be a positive number")
        if burst is not None and burst < 1:
            raise ValueError("burst must be at least 1")
        with self._lock:
            now = self._clock()
            for bucket in self._buckets.values():
                self._refill(bucket, now)
            if rate_per_s is not None:
                self.rate_per_s = rate_per_s
            if burst is not None:
                self.burst = burst
                for bucket in self._buckets.values():
                    bucket.tokens = min(bucket.tokens, burst)

    def check(self, key: str) -> int:
        """0 when the request may go ahead, else the whole seconds to wait (at least 1)."""
        with self._lock:
            now = self._clock()
            bucket = self._buckets.setdefault(key, _Bucket(float(self.burst), now))
            self._refill(bucket, now)
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0
            return max(1, math.ceil((1 - bucket.tokens) / self.rate_per_s))

    def _refill(self, bucket: _Bucket, now: float) -> None:
        elapsed = max(0.0, now - bucket.updated)
        bucket.tokens = min(float(self.burst), bucket.tokens + elapsed * self.rate_per_s)
        bucket.updated = now
