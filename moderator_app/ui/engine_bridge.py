"""The one door between the Qt world and the engine (a process of its own in the app, a thread
in tests and tools).

The engine calls `handle_event` from another thread; the bridge re-emits each domain event as a
Qt signal. The bridge lives in the GUI thread, so receivers there get the signal queued, on the
GUI thread, without the engine knowing anything about Qt.
"""

import concurrent.futures
import gc
import time
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar, runtime_checkable

import httpx
from PySide6.QtCore import QObject, QTimer, Signal

from moderator_app.domain import (
    AccountStatusChanged,
    ActionChanged,
    Attention,
    CalibrationChanged,
    CommentsChanged,
    EngineEvent,
)
from moderator_app.sync import handoffs

# While an engine thread runs in this process (not the app's engine process), the GUI thread
# shares the interpreter with it:
# - the GIL changes hands promptly (`sync.handoffs`): the GUI thread, woken for a paint or an
#   event, waits at most ~0.2 ms for it while the engine parses and scores;
# - what was allocated before (modules, the toxicity model, the window) is set aside from the
#   garbage collector (`gc.freeze`): the engine allocates fast and set off full collections
#   that scanned all of it with the GIL held (~65 ms each, a stall in the GUI every time).
#   Objects are handed back to the collector when the engine stops;
# - full collections do not start by themselves: during a raid the engine's comments in
#   flight (tens of thousands of objects) still made each one scan for 30-75 ms, several a
#   second (the worst GUI stalls left, measured). Young garbage is still collected as usual,
#   and the rest when the engine has been quiet for a while (`collect_when_quiet`).
# Young collections per full one while an engine runs: in effect, never by itself.
FULL_COLLECTION_AFTER = 1_000_000
QUIET_S = 10.0
MAX_DEFERRAL_S = 300.0
COLLECT_EVERY_MS = 30_000


class _Sharing:
    """Counts running engines; the interpreter is tuned while there is one (the settings are
    process-wide, as the interpreter is)."""

    def __init__(self) -> None:
        self._running = 0
        self._thresholds = gc.get_threshold()
        self.last_change = 0.0
        self._last_collection = time.monotonic()

    def started(self) -> None:
        self._running += 1
        if self._running == 1:
            handoffs.acquire()
            gc.freeze()
            self._last_collection = time.monotonic()
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, FULL_COLLECTION_AFTER)

    def stopped(self) -> None:
        if self._running == 0:
            return
        self._running -= 1
        if self._running == 0:
            gc.set_threshold(*self._thresholds)
            handoffs.release()
            gc.unfreeze()

    def collect_when_quiet(self) -> bool:
        """The full collection the engine's run holds back, once nothing arrived for
        `QUIET_S` (or, during a raid that never pauses, every `MAX_DEFERRAL_S`, so memory
        stays bounded); True if it ran."""
        now = time.monotonic()
        quiet = now - self.last_change >= QUIET_S
        overdue = now - self._last_collection >= MAX_DEFERRAL_S
        if self._running == 0 or not (quiet or overdue):
            return False
        gc.collect()
        self._last_collection = time.monotonic()
        return True


_sharing = _Sharing()


@runtime_checkable
class EngineLike(Protocol):
    """What the UI needs of `moderator_app.sync.engine.Engine` (tests pass a small fake)."""

    def start(self) -> None: ...

    def stop(self, timeout: float = 5.0) -> None: ...

    def sync_now(self, account_id: int | None = None) -> None: ...

    def wake_outbox(self) -> None: ...


T = TypeVar("T")
Job = Callable[[httpx.AsyncClient], Awaitable[T]]


@runtime_checkable
class RunsJobs(Protocol):
    """Optional: an engine that runs network jobs for the UI on its own loop."""

    def submit(self, job: Job[T]) -> "concurrent.futures.Future[T]": ...


OnEvent = Callable[[EngineEvent], None]
EngineFactory = Callable[[OnEvent], EngineLike]


class EngineBridge(QObject):
    """Engine events in as Qt signals, UI commands out as thread-safe engine calls."""

    commentsChanged = Signal(int, list, list)  # account_id, added ids, changed ids
    actionChanged = Signal(int, int, str, str)  # action_id, comment_id, status, error
    accountStatusChanged = Signal(object)  # domain.AccountStatus
    calibrationChanged = Signal(int, int, list)  # account_id, version, summary lines

    def __init__(self, engine: EngineLike | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._running = False
        self._collector = QTimer(self)
        self._collector.setInterval(COLLECT_EVERY_MS)
        self._collector.timeout.connect(_sharing.collect_when_quiet)

    @classmethod
    def with_factory(cls, factory: EngineFactory, parent: QObject | None = None) -> "EngineBridge":
        """Build the engine with this bridge's `handle_event` as its `on_event`."""
        bridge = cls(None, parent)
        bridge.attach(factory(bridge.handle_event))
        return bridge

    @property
    def engine(self) -> EngineLike | None:
        return self._engine

    def attach(self, engine: EngineLike) -> None:
        self._engine = engine

    def handle_event(self, event: EngineEvent) -> None:
        """Pass this as the engine's `on_event`. Safe to call from any thread."""
        if isinstance(event, CommentsChanged):
            _sharing.last_change = time.monotonic()
            self.commentsChanged.emit(
                event.account_id, list(event.added_ids), list(event.changed_ids)
            )
        elif isinstance(event, ActionChanged):
            self.actionChanged.emit(
                event.action_id, event.comment_id, event.status.value, event.error
            )
        elif isinstance(event, AccountStatusChanged):
            self.accountStatusChanged.emit(event.status)
        elif isinstance(event, CalibrationChanged):
            self.calibrationChanged.emit(event.account_id, event.version, list(event.summary))

    def start(self) -> None:
        if self._engine is not None and not self._running:
            if self._shares_interpreter:
                _sharing.started()
                self._collector.start()
            self._engine.start()
            self._running = True

    def stop(self, timeout: float = 5.0) -> None:
        if self._engine is not None and self._running:
            self._running = False
            self._engine.stop(timeout)
            if self._shares_interpreter:
                self._collector.stop()
                _sharing.stopped()

    @property
    def _shares_interpreter(self) -> bool:
        """An engine thread of this process (not `sync.engine_process`)."""
        return bool(getattr(self._engine, "shares_interpreter", True))

    def sync_now(self, account_id: int | None = None) -> None:
        if self._engine is not None:
            self._engine.sync_now(account_id)

    def wake_outbox(self) -> None:
        if self._engine is not None:
            self._engine.wake_outbox()

    def answer_attention(self, account_id: int, attention: Attention, answer: str) -> None:
        """Pass the moderator's answer (a captcha's text) to an engine that takes one."""
        engine: object = self._engine
        answer_attention = getattr(engine, "answer_attention", None)
        if callable(answer_attention):
            answer_attention(account_id, attention, answer)

    def submit(self, job: Job[T]) -> "concurrent.futures.Future[T]":
        """Run network work (a sign-in) on the engine's loop; the UI never does it itself."""
        engine: object = self._engine
        if not isinstance(engine, RunsJobs):
            raise RuntimeError("the engine cannot run jobs")
        future: concurrent.futures.Future[T] = engine.submit(job)
        return future
