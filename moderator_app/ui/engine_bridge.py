"""The one door between the Qt world and the engine (a process of its own in the app, a thread
in tests and tools).

The engine calls `handle_event` from another thread; the bridge re-emits each domain event as a
Qt signal. The bridge lives in the GUI thread, so receivers there get the signal queued, on the
GUI thread, without the engine knowing anything about Qt.
"""

import concurrent.futures
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar, runtime_checkable

import httpx
from PySide6.QtCore import QObject, Signal

from moderator_app.domain import (
    AccountStatusChanged,
    ActionChanged,
    Attention,
    CalibrationChanged,
    CommentsChanged,
    EngineEvent,
)


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
            self._engine.start()
            self._running = True

    def stop(self, timeout: float = 5.0) -> None:
        if self._engine is not None and self._running:
            self._running = False
            self._engine.stop(timeout)

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
