"""Where fetched pages are written: on the caller's connection, or on a thread of their own.

During a raid the engine's time goes to two things of about equal cost: reading the platforms'
JSON into comments (Python) and writing them with their indexes (SQLite). sqlite3 lets go of the
GIL while SQLite works, so with the writes on their own thread and connection the loop reads
the next pages while the last ones are written, and the two cores both work.
"""

import asyncio
import concurrent.futures
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from moderator_app.domain import RemoteComment
from moderator_app.store import Store
from moderator_app.store.ingest import IngestResult, PreparedPage, prepare_page


class PageWriter(Protocol):
    async def ingest_pages(
        self, account_id: int, pages: Sequence[Sequence[RemoteComment]], cursor: str | None
    ) -> IngestResult: ...


class InlineWriter:
    """Writes on the caller's own store (one-off runs, tests): nothing overlaps."""

    def __init__(self, store: Store) -> None:
        self._store = store

    async def ingest_pages(
        self, account_id: int, pages: Sequence[Sequence[RemoteComment]], cursor: str | None
    ) -> IngestResult:
        return self._store.comments.ingest_pages(account_id, pages, cursor)


class ThreadedWriter:
    """One writer thread with its own connection; writes run in the order they were asked for.

    Use as a context manager (or call `close`) so the connection is closed on its own thread.
    """

    def __init__(self, db_path: Path) -> None:
        self._db_path = db_path
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="moderator-writer"
        )
        self._local = threading.local()

    async def ingest_pages(
        self, account_id: int, pages: Sequence[Sequence[RemoteComment]], cursor: str | None
    ) -> IngestResult:
        # The rows are built here, on the loop, while the writer may still be busy in SQLite.
        prepared = [prepare_page(account_id, page) for page in pages]
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._write, account_id, prepared, cursor)

    def _write(
        self, account_id: int, pages: Sequence[PreparedPage], cursor: str | None
    ) -> IngestResult:
        return self._store().comments.ingest_prepared(account_id, pages, cursor)

    def _store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self._db_path)
            self._local.store = store
        return store

    def close(self) -> None:
        self._executor.submit(self._close_store).result()
        self._executor.shutdown(wait=True)

    def _close_store(self) -> None:
        store: Store | None = getattr(self._local, "store", None)
        if store is not None:
            store.close()
            self._local.store = None

    def __enter__(self) -> "ThreadedWriter":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
