"""The window goes first: while the GUI thread runs a burst of Python (a paint, new rows), the
engine's loop pauses at its next page instead of sharing the interpreter with it.

Threads of one process share one interpreter lock and take turns when both want it, so a
paint that needs 25 ms of Python took ~50 ms while the engine parsed a raid (GUI stalls of
45-70 ms, measured with the ingest benchmark). The engine asks between pages (~3 ms of work
each) and between scoring batches, and waits while the window says it is busy, at most
`MAX_PAUSE_S` at a time, so a window that stays busy never stops the engine.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

MAX_PAUSE_S = 0.02


class WindowPriority:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._busy = 0
        self._idle = threading.Event()
        self._idle.set()

    @contextmanager
    def busy(self) -> Iterator[None]:
        """The GUI thread, around work it wants the interpreter for."""
        with self._lock:
            self._busy += 1
            self._idle.clear()
        try:
            yield
        finally:
            with self._lock:
                self._busy -= 1
                if self._busy == 0:
                    self._idle.set()

    def let_window_run(self, max_pause_s: float = MAX_PAUSE_S) -> None:
        """The engine, between two steps: wait while the window is busy (briefly)."""
        if not self._idle.is_set():
            self._idle.wait(max_pause_s)


window = WindowPriority()
"""One per process, as the interpreter lock is."""
