"""The token bucket, on a fake clock."""

import pytest

from moderator_app.sandbox.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_refill_at_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(rate_per_s=2.0, burst=3, clock=clock)
    assert [limiter.check("t") for _ in range(3)] == [0, 0, 0]
    assert limiter.check("t") == 1  # half a second to the next token, rounded up
    clock.now += 0.5
    assert limiter.check("t") == 0
    assert limiter.check("other") == 0  # buckets are per token


def test_retry_after_is_whole_seconds_and_at_least_one() -> None:
    clock = Clock()
    limiter = RateLimiter(rate_per_s=0.1, burst=1, clock=clock)
    assert limiter.check("t") == 0
    assert limiter.check("t") == 10
    clock.now += 9.5
    assert limiter.check("t") == 1


def test_reconfigure_applies_to_existing_buckets() -> None:
    clock = Clock()
    limiter = RateLimiter(rate_per_s=1.0, burst=10, clock=clock)
    assert limiter.check("t") == 0
    limiter.configure(burst=1)
    assert limiter.check("t") == 0
    assert limiter.check("t") >= 1
    limiter.configure(rate_per_s=1000.0)
    clock.now += 0.01
    assert limiter.check("t") == 0


@pytest.mark.parametrize(("rate", "burst"), [(0.0, 1), (-1.0, 1), (float("inf"), 1), (1.0, 0)])
def test_rejects_nonsense(rate: float, burst: int) -> None:
    with pytest.raises(ValueError, match="must"):
        RateLimiter(rate_per_s=rate, burst=burst)
