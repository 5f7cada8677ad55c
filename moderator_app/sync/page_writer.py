"""Where fetched pages are written: on the caller's connection (`InlineWriter`), or by a
process of their own while the next pages are fetched (`sync.process_writer`)."""

import sqlite3
from collections.abc import Sequence
from typing import Protocol

from moderator_app.domain import RemoteComment
from moderator_app.store import Store
from moderator_app.store.ingest import IngestResult


class WriteFailed(Exception):
    """Pages could not be stored; nothing after the last stored cursor is kept, so the next
    round fetches them again."""


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
        try:
            return self._store.comments.ingest_pages(account_id, pages, cursor)
        except sqlite3.Error as exc:
            raise WriteFailed(f"could not store the comments: {exc}") from exc
