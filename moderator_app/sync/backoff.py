"""Exponential backoff with jitter, shared by the poller and the outbox."""

import random

_rng = random.Random()  # noqa: S311 - jitter, not cryptography


def backoff_delay(attempt: int, *, base: float = 2.0, cap: float = 600.0) -> float:
    """Seconds to wait before attempt number `attempt` (1-based) after failures.

    Full-range jitter of ±20% keeps many accounts from retrying in lock-step.
    """
    raw = min(cap, base * (2 ** max(0, attempt - 1)))
    return float(raw * _rng.uniform(0.8, 1.2))
