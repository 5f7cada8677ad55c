"""Copying the WAL into the database file, on a thread of its own.

A checkpoint waits on the disk (two fsyncs) for tens of milliseconds after a burst of ingest.
Left to SQLite it runs inside whichever commit crosses the WAL's size limit: the engine's
writer (stalling the ingest) or a moderator's one-row write on the GUI thread. Connections
therefore never checkpoint on their own (see `store.database.connect`); while the engine runs,
this thread does it every second, beside the writers (a passive checkpoint blocks nobody).
When the last connection closes, SQLite checkpoints whatever is left.
"""

import logging
import sqlite3
import threading
from pathlib import Path

from moderator_app.store.database import checkpoint, connect

log = logging.getLogger(__name__)

INTERVAL_S = 1.0


class Checkpointer:
    def __init__(self, db_path: Path, interval_s: float = INTERVAL_S) -> None:
        self._db_path = db_path
        self._interval_s = interval_s
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="moderator-checkpoint", daemon=True
            )
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def __enter__(self) -> "Checkpointer":
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _run(self) -> None:
        db = connect(self._db_path)
        try:
            while not self._stopping.wait(self._interval_s):
                try:
                    checkpoint(db)
                except sqlite3.Error as exc:  # the next round tries again
                    log.warning("checkpoint failed: %s", exc)
        finally:
            db.close()
