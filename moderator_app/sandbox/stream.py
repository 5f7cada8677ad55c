"""The background crowd: publishes a comment every `interval_s` or so, now and then an edit."""

import logging
import math
import random
import threading
import time

from moderator_app.sandbox.state import World

log = logging.getLogger(__name__)

EDIT_SHARE = 0.08
SLICE_S = 0.25  # how quickly a stop or a new interval is noticed


class CommentStream:
    """Runs in its own thread (`run`) until `stop` is set. `interval_s <= 0` pauses it."""

    def __init__(self, world: World, interval_s: float, stop: threading.Event, seed: int) -> None:
        self._world = world
        self._stop = stop
        self._rng = random.Random(f"pace-{seed}")  # noqa: S311 - timing jitter, not security
        self._interval_s = 0.0
        self.interval_s = interval_s

    @property
    def interval_s(self) -> float:
        return self._interval_s

    @interval_s.setter
    def interval_s(self, value: float) -> None:
        if not math.isfinite(value):
            raise ValueError("interval_s must be a finite number")
        self._interval_s = value

    def run(self) -> None:
        due: float | None = None
        planned_for = self._interval_s
        while not self._stop.is_set():
            interval = self._interval_s
            if interval <= 0:
                due = None
                self._stop.wait(SLICE_S)
                continue
            if due is None or interval != planned_for:
                due = time.monotonic() + interval * self._rng.uniform(0.4, 1.6)
                planned_for = interval
            remaining = due - time.monotonic()
            if remaining > 0:
                self._stop.wait(min(remaining, SLICE_S))
                continue
            self._tick()
            due = None

    def _tick(self) -> None:
        try:
            if self._rng.random() < EDIT_SHARE:
                self._world.edit_recent()
            self._world.generate(1)
        except Exception:  # a bug here must not silently end the demo's stream
            log.exception("sandbox: generating a comment failed")
