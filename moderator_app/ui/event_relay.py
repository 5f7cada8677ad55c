"""A Qt-free `on_event` callback for an engine built before the window exists.

The CLI constructs the engine first and must hand it an `on_event` at once; the window (and its
bridge) come later. The relay holds early events and replays them to the subscriber in order.
"""

import threading
from collections.abc import Callable

from moderator_app.domain import EngineEvent

EventSink = Callable[[EngineEvent], None]


class EventRelay:
    """Thread-safe: the engine calls it from its own thread, the bridge subscribes from the GUI."""

    def __init__(self, max_buffered: int = 10_000) -> None:
        self._lock = threading.Lock()
        self._sink: EventSink | None = None
        self._buffer: list[EngineEvent] = []
        self._max_buffered = max_buffered

    def __call__(self, event: EngineEvent) -> None:
        with self._lock:
            sink = self._sink
            if sink is None:
                if len(self._buffer) < self._max_buffered:
                    self._buffer.append(event)
                return
        sink(event)

    def subscribe(self, sink: EventSink) -> None:
        """Deliver buffered events, then every later one, to `sink`."""
        with self._lock:
            self._sink = sink
            early, self._buffer = self._buffer, []
        for event in early:
            sink(event)

    def unsubscribe(self) -> None:
        with self._lock:
            self._sink = None
