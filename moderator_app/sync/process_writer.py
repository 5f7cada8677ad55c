"""Fetched pages written by a process of their own, so reading and writing use both cores.

During a raid the engine's time goes to two things of about equal cost: reading the platforms'
JSON into rows (Python, on the engine loop) and writing them with their indexes (SQLite). On a
thread the two hardly overlap: sqlite3 gives the GIL back at every step and takes it again
after, queueing behind the loop each time. In a child process the writer has its own
interpreter; prepared pages reach it over a pipe (`encode_job`), one write in flight.

The child still takes this process's write turn (`store.write_turn`), lent to it by messages:
it asks, this side's writer thread takes the turn for it and says so, and gives it back when
the child's transaction ends. When a moderator's write starts waiting, a shared flag tells the
child, which commits at its next chunk and asks again (behind the moderator).

Should the child die, the write it was doing fails (SQLite rolls its transaction back; the
pages are fetched again, their cursor was not stored) and the next write starts a new child.
Should no child start at all (a broken bundle), pages are written on the writer thread.
"""

import asyncio
import concurrent.futures
import contextlib
import ctypes
import logging
import marshal
import multiprocessing
import os
import pickle
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext
from pathlib import Path
from typing import Any

from moderator_app.store import Store
from moderator_app.store.ingest import IngestResult, PreparedPage
from moderator_app.store.window_writes import WindowWrites
from moderator_app.store.write_turn import FairLock, turn_for, use_turn
from moderator_app.sync import handoffs
from moderator_app.sync.page_writer import WriteFailed, WriteJob
from moderator_app.sync.throughput_gc import tune_for_throughput

log = logging.getLogger(__name__)

Flag = ctypes.c_bool
"""A boolean in memory shared with the child (no lock: one side sets, the other reads)."""

# Messages to the child are bytes that start with their kind; from the child, small pickled
# tuples (ready, want, released, done, failed).
_JOB, _GRANTED, _STOP = b"J", b"G", b"S"
_READY, _WANT, _RELEASED, _DONE, _FAILED = "ready", "want", "released", "done", "failed"
START_TIMEOUT_S = 60.0
WRITER_NICENESS = 10
STOP_TIMEOUT_S = 10.0


class ProcessWriter:
    """Writes pages in a child process, in the order they were asked for.

    Use as a context manager (or call `close`). The child starts in the background at once,
    so the first raid does not wait for it.
    """

    def __init__(self, db_path: Path, context: SpawnContext | None = None) -> None:
        self._db_path = Store.file_path(db_path)
        turn = turn_for(self._db_path)
        # Lending needs to hear of waiters; a file without the fair turn (never in the app)
        # writes on the thread.
        self._turn = turn if isinstance(turn, FairLock) else None
        # Spawn, not fork: this process has threads (Qt's, the engine's) a fork would copy
        # mid-step, and spawn is what macOS and Windows do anyway.
        self._context = context or multiprocessing.get_context("spawn")
        self._wanted: Flag | None = None
        self._process: Any = None
        self._conn: Connection | None = None
        self._holding = False
        self._thread_store: Store | None = None
        self._in_thread = self._turn is None
        self._outstanding = 0
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="moderator-writer"
        )
        handoffs.acquire()  # until `close`
        self._started = self._executor.submit(self._child)

    @property
    def in_process(self) -> bool:
        """Whether writes go to a child process (False once it could not be started)."""
        return not self._in_thread

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until the child has started (or could not); True if writes go to it."""
        self._started.result(timeout)
        return self.in_process

    @property
    def pid(self) -> int | None:
        process = self._process
        return None if process is None else int(process.pid)

    def prepare(
        self, account_id: int, pages: Sequence[PreparedPage], cursor: str | None
    ) -> WriteJob:
        """On the loop, while the child may still be inside SQLite: the rows are encoded
        here, so the writer thread needs the GIL only to pass bytes along."""
        job = WriteJob(account_id, pages, cursor)
        return job if self._in_thread else replace(job, payload=encode_job(job))

    def write(self, job: WriteJob) -> "asyncio.Future[IngestResult]":
        """Hand the job to the writer thread now, not when the caller's task next gets the
        loop: several accounts polled at once each prepare their next pages (tens of ms of
        Python), and a write queued behind them left the writer idle (~0.1 s a time)."""
        self._outstanding += 1
        future = asyncio.get_running_loop().run_in_executor(self._executor, self._write, job)
        future.add_done_callback(self._written)
        return future

    def _written(self, _future: "asyncio.Future[IngestResult]") -> None:
        self._outstanding -= 1

    def idle(self) -> bool:
        """No write in flight or queued (asked on the loop, where `write` counts them)."""
        return self._outstanding == 0

    def close(self) -> None:
        try:
            self._executor.submit(self._shut_down).result()
            self._executor.shutdown(wait=True)
        finally:
            handoffs.release()

    def __enter__(self) -> "ProcessWriter":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- on the writer thread -------------------------------------------------------------

    def _write(self, job: WriteJob) -> IngestResult:
        conn = None if job.payload is None else self._child()
        if conn is None or job.payload is None:  # no child could be started
            return self._write_here(job)
        try:
            # The job comes with the turn (a write without it would meet SQLite's lock), so
            # asking for it costs no round trip.
            self._take_for_child()
            conn.send_bytes(job.payload)
            return self._serve_child(conn)
        except (EOFError, OSError) as exc:
            code = self._reap()
            raise WriteFailed(
                f"the writer process stopped unexpectedly (exit code {code}); "
                "the comments will be fetched again"
            ) from exc
        finally:
            self._give_back()

    def _serve_child(self, conn: Connection) -> IngestResult:
        """Lend the turn as the child asks, until its answer arrives."""
        while True:
            kind, *rest = conn.recv()
            if kind == _WANT:
                self._take_for_child()
                conn.send_bytes(_GRANTED)
            elif kind == _RELEASED:
                self._give_back()
            elif kind == _DONE:
                result: IngestResult = rest[0]
                return result
            elif kind == _FAILED:
                raise WriteFailed(f"could not store the comments: {rest[0]}")

    def _take_for_child(self) -> None:
        assert self._turn is not None
        assert self._wanted is not None
        wanted = self._wanted
        wanted.value = False

        def tell_child() -> None:
            wanted.value = True

        self._turn.acquire(on_contended=tell_child)
        self._holding = True

    def _give_back(self) -> None:
        if self._holding and self._turn is not None:
            self._holding = False
            self._turn.release()

    def _child(self) -> Connection | None:
        """The running child's pipe, starting one if there is none (None: none will start)."""
        if self._in_thread:
            return None
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        if self._process is not None:
            self._reap()
        wanted = self._context.RawValue(ctypes.c_bool, False)
        ours, theirs = self._context.Pipe()
        process = self._context.Process(
            target=serve,
            args=(self._db_path, theirs, wanted, self._turn.defer_to if self._turn else None),
            name="moderator-writer",
            daemon=True,
        )
        try:
            process.start()
        except Exception as exc:
            ours.close()
            self._fall_back(f"cannot start the writer process: {exc}")
            return None
        finally:
            theirs.close()  # the child's end: only the child holds it, so its death reads as EOF
        self._process, self._conn, self._wanted = process, ours, wanted
        try:
            if not ours.poll(START_TIMEOUT_S):
                raise TimeoutError("no answer")
            kind, *rest = ours.recv()
            if kind == _WANT:  # opening the store may migrate it
                self._take_for_child()
                ours.send_bytes(_GRANTED)
                while kind != _READY:
                    kind, *rest = ours.recv()
                    if kind == _RELEASED:
                        self._give_back()
                    elif kind == _FAILED:
                        break
            if kind != _READY:
                raise RuntimeError(rest[0] if rest else kind)
        except (EOFError, OSError, TimeoutError, RuntimeError) as exc:
            self._give_back()
            self._reap()
            self._fall_back(f"the writer process did not start: {exc}")
            return None
        log.info("comments are written by process %s", process.pid)
        return ours

    def _fall_back(self, why: str) -> None:
        log.error("%s; writing comments on a thread instead", why)
        self._in_thread = True

    def _reap(self) -> int | None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is None:
            return None
        process.join(STOP_TIMEOUT_S)
        if process.is_alive():
            process.kill()
            process.join()
        code: int | None = process.exitcode
        process.close()
        return code

    def _write_here(self, job: WriteJob) -> IngestResult:
        try:
            if self._thread_store is None:
                self._thread_store = Store.open(self._db_path)
            return self._thread_store.comments.ingest_prepared(
                job.account_id, job.pages, job.cursor
            )
        except sqlite3.Error as exc:
            raise WriteFailed(f"could not store the comments: {exc}") from exc

    def _shut_down(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.send_bytes(_STOP)
        self._reap()
        if self._thread_store is not None:
            self._thread_store.close()
            self._thread_store = None


# --- in the child ---------------------------------------------------------------------------


class LentTurn:
    """The parent's write turn, as the child sees it: asked for and given back by message."""

    def __init__(self, conn: Connection, wanted: Flag, window: WindowWrites | None) -> None:
        self._conn = conn
        self._wanted = wanted
        self._window = window
        self.granted = False
        """A job comes with the turn; after giving it back, it is asked for again."""

    def acquire(self) -> None:
        if self.granted:
            return
        self._conn.send((_WANT,))
        answer = self._conn.recv_bytes()
        if answer != _GRANTED:
            raise RuntimeError(f"expected the write turn, got {answer[:1]!r}")
        self.granted = True

    def release(self) -> None:
        self.granted = False
        self._conn.send((_RELEASED,))

    def contended(self) -> bool:
        return bool(self._wanted.value) or (self._window is not None and self._window.writing)


def serve(
    db_path: Path, conn: Connection, wanted: Flag, window: WindowWrites | None = None
) -> None:
    """The child's main: open the store, then write each job it is sent until told to stop."""
    # Below the app's own threads: when the window needs a core, it gets it from the writer.
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(WRITER_NICENESS)
    turn = LentTurn(conn, wanted, window)
    use_turn(db_path, turn)
    try:
        store = Store.open(db_path)
    except Exception as exc:
        conn.send((_FAILED, _portable(exc)))
        return
    tune_for_throughput()
    conn.send((_READY,))
    try:
        while True:
            message = conn.recv_bytes()
            if not message.startswith(_JOB):
                break
            job = decode_job(message)
            turn.granted = True
            try:
                result = store.comments.ingest_prepared(job.account_id, job.pages, job.cursor)
            except Exception as exc:
                conn.send((_FAILED, _portable(exc)))
            else:
                conn.send((_DONE, result))
            finally:
                turn.granted = False  # an answer gives back a turn the job did not use
    except (EOFError, OSError):
        pass  # the parent is gone
    finally:
        store.close()


def encode_job(job: WriteJob) -> bytes:
    """A job as bytes for the child. The rows (tuples of str, int, float, None) go as
    marshal: parent and child are the same interpreter, so its format matches, and it writes
    them ~5x faster than pickle. State-only news (domain objects, rare) is pickled."""
    pages = [(p.rows, p.threads, pickle.dumps(p.states) if p.states else b"") for p in job.pages]
    return _JOB + marshal.dumps((job.account_id, job.cursor, pages))


def decode_job(message: bytes) -> WriteJob:
    # Trusted bytes: our own parent's, over a pipe only the two processes hold.
    account_id, cursor, pages = marshal.loads(memoryview(message)[len(_JOB) :])  # noqa: S302
    return WriteJob(
        account_id,
        [
            PreparedPage(pickle.loads(states) if states else (), rows, threads)  # noqa: S301
            for rows, threads, states in pages
        ],
        cursor,
    )


def _portable(exc: Exception) -> str:
    """What went wrong, as text: every exception pickles as a string."""
    return f"{type(exc).__name__}: {exc}"
