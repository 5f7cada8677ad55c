"""SQL that may take longer than a frame, off the GUI thread.

Counting a large result, finding its scroll anchors, placing new comments, the sidebar's
badges: each is a job run on a reader thread with its own SQLite connection (connections are
per thread; sqlite3 lets go of the GIL while SQLite steps), its answer handed back to the GUI
thread through a queued Qt signal.

Jobs have a key. A job queued under a key replaces the one waiting under it (which never
runs); `supersede` also stops the one running under it (its SQL is interrupted, its answers
dropped), for a question that no longer matters (the moderator chose another filter).

Without a database file (an in-memory store) or when asked to (`inline`), jobs run at once on
the caller's thread and connection: the model's tests stay synchronous.
"""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from moderator_app.store import Store
from moderator_app.store.database import connect
from moderator_app.store.inbox_query import is_interrupted

log = logging.getLogger(__name__)

# How often (SQLite VM steps, ~80 per µs) a running job's statement checks whether it was
# stopped: each check needs the GIL, so not too often (see `inbox_query._CHECK_STEPS`).
_STOP_CHECK_STEPS = 40_000


@dataclass(slots=True)
class Job:
    key: str
    work: Callable[["JobContext"], None]
    done: Callable[[Any], None]
    priority: int
    number: int
    stopped: bool = False


@dataclass(slots=True)
class JobContext:
    """What a job's work gets: the reader's own store, a way to hand answers back (any
    number of times), and whether it should stop."""

    store: Store
    _deliver: Callable[[Any], None]
    _stopped: Callable[[], bool] = field(default=lambda: False)

    def deliver(self, value: Any) -> None:
        self._deliver(value)

    def stopped(self) -> bool:
        return self._stopped()


class Reader(Protocol):
    """What the inbox and the sidebar need of a reader (tests drive a hand-made one)."""

    def submit(
        self,
        key: str,
        work: Callable[[JobContext], None],
        done: Callable[[Any], None],
        *,
        priority: int = 0,
        supersede: bool = False,
    ) -> None: ...

    def cancel(self, key: str) -> None: ...

    def busy(self) -> bool: ...


class BackgroundReader(QObject):
    _answered = Signal(object)  # (job number, value), queued to the GUI thread

    def __init__(
        self, store: Store, parent: QObject | None = None, *, inline: bool = False
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._path: Path | None = store.path
        self._inline = inline or self._path is None
        self._lock = threading.Condition()
        self._waiting: dict[str, Job] = {}
        self._running: Job | None = None
        self._numbers = 0
        self._thread: threading.Thread | None = None
        self._closing = False
        self._held = False
        self._reader_db: Any = None
        self._answered.connect(self._on_answer)

    @property
    def inline(self) -> bool:
        return self._inline

    def submit(
        self,
        key: str,
        work: Callable[[JobContext], None],
        done: Callable[[Any], None],
        *,
        priority: int = 0,
        supersede: bool = False,
    ) -> None:
        """Run `work` in the background; each value it delivers reaches `done` on the GUI
        thread. Higher `priority` runs first."""
        with self._lock:
            self._numbers += 1
            job = Job(key, work, done, priority, self._numbers)
            if self._inline:
                self._run_inline(job)
                return
            old = self._waiting.pop(key, None)
            if old is not None:
                old.stopped = True
            running = self._running
            if supersede and running is not None and running.key == key:
                running.stopped = True
                if self._reader_db is not None:
                    self._reader_db.conn.interrupt()
            self._waiting[key] = job
            self._start()
            self._lock.notify_all()

    def hold(self) -> None:
        """Queue jobs but start none (the window's first paint should not share the CPU)."""
        with self._lock:
            self._held = True

    def release(self) -> None:
        with self._lock:
            self._held = False
            self._lock.notify_all()

    def cancel(self, key: str) -> None:
        """Forget the job under `key`: waiting, it never runs; running, it is stopped."""
        with self._lock:
            old = self._waiting.pop(key, None)
            if old is not None:
                old.stopped = True
            running = self._running
            if running is not None and running.key == key:
                running.stopped = True
                if self._reader_db is not None:
                    self._reader_db.conn.interrupt()

    def busy(self) -> bool:
        """Whether any job is waiting or running (tests wait for this to turn False)."""
        with self._lock:
            return bool(self._waiting) or self._running is not None

    def stop(self, timeout: float = 5.0) -> None:
        with self._lock:
            self._closing = True
            for job in self._waiting.values():
                job.stopped = True
            self._waiting.clear()
            if self._running is not None:
                self._running.stopped = True
                if self._reader_db is not None:
                    self._reader_db.conn.interrupt()
            self._lock.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
            self._thread = None

    # --- internals ----------------------------------------------------------------------------

    def _run_inline(self, job: Job) -> None:
        def deliver(value: Any) -> None:
            if not job.stopped:
                job.done(value)

        try:
            job.work(JobContext(self._store, deliver))
        except Exception:
            log.exception("a background read failed")

    def _start(self) -> None:
        if self._thread is None and not self._closing:
            self._thread = threading.Thread(target=self._main, name="moderator-reader", daemon=True)
            self._thread.start()

    def _next(self) -> Job | None:
        with self._lock:
            while (not self._waiting or self._held) and not self._closing:
                self._lock.wait()
            if self._closing:
                return None
            key = max(
                self._waiting, key=lambda k: (self._waiting[k].priority, -self._waiting[k].number)
            )
            job = self._waiting.pop(key)
            self._running = job
            return job

    def _main(self) -> None:
        assert self._path is not None
        try:
            db = connect(self._path)
        except Exception:
            log.exception("the background reader cannot open the database")
            return
        with self._lock:
            self._reader_db = db
        store = Store(db, self._path)
        try:
            while (job := self._next()) is not None:
                self._run(store, job)
        finally:
            with self._lock:
                self._reader_db = None
                self._running = None
            db.close()

    def _run(self, store: Store, job: Job) -> None:
        def deliver(value: Any) -> None:
            if not job.stopped:
                self._answered.emit((job, value))

        def stopped() -> bool:
            return job.stopped

        conn = store.db.conn
        conn.set_progress_handler(lambda: 1 if job.stopped else 0, _STOP_CHECK_STEPS)
        try:
            job.work(JobContext(store, deliver, stopped))
        except Exception as exc:
            if not (job.stopped and is_interrupted(exc)):
                log.exception("a background read failed")
        finally:
            conn.set_progress_handler(None, 0)
            if conn.in_transaction:  # a read transaction left open by a stopped job
                conn.execute("ROLLBACK")
            with self._lock:
                self._running = None

    def _on_answer(self, answer: tuple[Job, Any]) -> None:
        job, value = answer
        if not job.stopped:
            job.done(value)
