"""Where fetched pages are written: on the caller's connection (`InlineWriter`), or by a
process of their own while the next pages are fetched (`sync.process_writer`)."""

import sqlite3
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from typing import Protocol

from moderator_app.store import Store
from moderator_app.store.ingest import IngestResult, PreparedPage


class WriteFailed(Exception):
    """Pages could not be stored; nothing after the last stored cursor is kept, so the next
    round fetches them again."""


@dataclass(frozen=True, slots=True)
class WriteJob:
    """Pages made ready to write (rows built; for a writer process, pickled too)."""

    account_id: int
    pages: Sequence[PreparedPage]
    cursor: str | None
    payload: bytes | None = None


class PageWriter(Protocol):
    """`prepare` runs on the engine loop (and may run while the last write is still going),
    `write` stores the pages with the cursor after them in one transaction."""

    def prepare(
        self, account_id: int, pages: Sequence[PreparedPage], cursor: str | None
    ) -> WriteJob: ...

    def write(self, job: WriteJob) -> Awaitable[IngestResult]: ...

    def idle(self) -> bool:
        """Nothing is being written or waiting to be: pages ready now should go at once."""
        ...


class InlineWriter:
    """Writes on the caller's own store (one-off runs, tests): nothing overlaps."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def prepare(
        self, account_id: int, pages: Sequence[PreparedPage], cursor: str | None
    ) -> WriteJob:
        return WriteJob(account_id, pages, cursor)

    def idle(self) -> bool:
        return False  # writing here blocks the loop: only size and age make pages due

    async def write(self, job: WriteJob) -> IngestResult:
        try:
            return self._store.comments.ingest_prepared(job.account_id, job.pages, job.cursor)
        except sqlite3.Error as exc:
            raise WriteFailed(f"could not store the comments: {exc}") from exc
