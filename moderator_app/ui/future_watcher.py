"""Delivers a `concurrent.futures.Future` result to the GUI thread as a Qt signal."""

import concurrent.futures
from typing import Any

from PySide6.QtCore import QObject, Signal


class FutureWatcher(QObject):
    """`finished(result)` or `failed(exception)`, emitted on the GUI thread.

    The future's callback runs on the engine thread; emitting a signal of an object that
    lives in the GUI thread queues the delivery there.
    """

    finished = Signal(object)
    failed = Signal(object)

    def watch(self, future: "concurrent.futures.Future[Any]") -> None:
        future.add_done_callback(self._done)

    def _done(self, future: "concurrent.futures.Future[Any]") -> None:
        if future.cancelled():
            self.failed.emit(RuntimeError("cancelled"))
            return
        error = future.exception()
        if error is not None:
            self.failed.emit(error)
        else:
            self.finished.emit(future.result())
