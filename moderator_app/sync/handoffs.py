"""Threads of the engine hand work to each other; each handoff should take the GIL at once.

Python lets a thread that waits for the GIL have it only every 5 ms (the switch interval)
while another thread computes. The engine loop computes almost all the time during a raid,
and the writer thread takes the GIL several times per write (send the job, hear the turn asked
for and given back, hand the result over): at 5 ms a time the writer process sat idle about
a tenth of a raid (25k comments/s against 30k at 0.2 ms; 0.05 ms costs nothing measurable).

The interval is process-wide: users `acquire` and `release` it, counted, and the value
before is restored when the last one is done.
"""

import sys
import threading

SWITCH_INTERVAL_S = 0.00005


class _Handoffs:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._before = 0.005

    def acquire(self) -> None:
        with self._lock:
            self._users += 1
            if self._users == 1:
                self._before = sys.getswitchinterval()
                sys.setswitchinterval(min(self._before, SWITCH_INTERVAL_S))

    def release(self) -> None:
        with self._lock:
            if self._users == 0:
                return
            self._users -= 1
            if self._users == 0:
                sys.setswitchinterval(self._before)


_handoffs = _Handoffs()
acquire = _handoffs.acquire
release = _handoffs.release
