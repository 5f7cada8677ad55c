"""Where fetched pages are written: on the caller's connection (`InlineWriter`), or by a
process of their own while the next pages are fetched (`sync.process_writer`)."""

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from moderator_app.domain import RemoteComment
from moderator_app.store import Store
from moderator_app.store.ingest import IngestResult, PreparedPage, prepare_page
from moderator_app.sync.window_priority import window


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
        self, account_id: int, pages: Sequence[Sequence[RemoteComment]], cursor: str | None
    ) -> WriteJob: ...

    async def write(self, job: WriteJob) -> IngestResult: ...


def prepare_job(
    account_id: int, pages: Sequence[Sequence[RemoteComment]], cursor: str | None
) -> WriteJob:
    prepared = []
    for page in pages:
        window.let_window_run()  # 80 pages are ~60 ms of Python: the window goes first
        prepared.append(prepare_page(account_id, page))
    return WriteJob(account_id, prepared, cursor)


class InlineWriter:
    """Writes on the caller's own store (one-off runs, tests): nothing overlaps."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def prepare(
        self, account_id: int, pages: Sequence[Sequence[RemoteComment]], cursor: str | None
    ) -> WriteJob:
        return prepare_job(account_id, pages, cursor)

    async def write(self, job: WriteJob) -> IngestResult:
        try:
            return self._store.comments.ingest_prepared(job.account_id, job.pages, job.cursor)
        except sqlite3.Error as exc:
            raise WriteFailed(f"could not store the comments: {exc}") from exc
