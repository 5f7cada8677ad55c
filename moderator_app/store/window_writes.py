"""The window's process writes first, across processes.

The engine polls and stores in processes of its own. SQLite alone would make a moderator's
one-row write wait in its busy handler, which sleeps in growing steps and can miss the short
gaps between the engine's transactions. So the window's process holds a flag up in shared
memory while one of its writers holds or waits for its turn (`FairLock.announce`), and the
engine's processes read it (`FairLock.defer_to`): a long write commits at its next step, and no
new transaction starts until the flag is down again. They wait at most `MAX_DEFER_S` at a time,
so a flag left up (a window that hangs mid-write) slows the engine and never stops it.
"""

import ctypes
import multiprocessing
import time
from multiprocessing.context import BaseContext

MAX_DEFER_S = 1.0
POLL_S = 0.0005


class WindowWrites:
    """Made by the window's process before it starts the engine's; handed to it at start."""

    def __init__(self, context: BaseContext | None = None) -> None:
        ctx = context or multiprocessing.get_context("spawn")
        self._writing = ctx.RawValue(ctypes.c_bool, False)

    def set(self, writing: bool) -> None:
        self._writing.value = writing

    @property
    def writing(self) -> bool:
        return bool(self._writing.value)

    def wait_done(self, timeout: float = MAX_DEFER_S) -> None:
        """Until the window's process has written (a poll: the wait is a few milliseconds)."""
        deadline = time.monotonic() + timeout
        while self._writing.value and time.monotonic() < deadline:
            time.sleep(POLL_S)
