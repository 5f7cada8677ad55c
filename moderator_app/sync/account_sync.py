"""One polling round for one account: fetch pages after the cursor and store them with the
cursor after the last in one transaction, a few thousand comments (or a second) at a time."""

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
    UserActionRequired,
)
from moderator_app.domain import Account, AccountStatus, Attention, RemoteComment, SyncState
from moderator_app.secrets import SecretsUnavailable
from moderator_app.store import Store
from moderator_app.store.ingest import IngestResult, PreparedPage, prepare_page
from moderator_app.sync.backoff import backoff_delay
from moderator_app.sync.connectors_pool import ConnectorPool
from moderator_app.sync.page_writer import InlineWriter, PageWriter, WriteFailed

log = logging.getLogger(__name__)

# A round ends after this many pages or seconds even if the platform has more, so new
# comments get scored and every account's status is told; the next round starts at once.
MAX_PAGES_PER_ROUND = 500
MAX_ROUND_S = 3.0
# Pages are written together (one commit) up to this many comments or this long after the
# first of them arrived, so a raid is stored in big cheap transactions while a slow platform
# still shows its comments within about a second. Big matters: every commit writes each page
# it touched to the WAL whole, and comments land all over the author and thread indexes
# (2,000 comments per commit wrote ~2.9 KB of WAL per comment; 8,000 about half that).
FLUSH_COMMENTS = 8000
# The first write of a round goes sooner, so the writer starts while the next pages are read.
FIRST_FLUSH_COMMENTS = 2000
FLUSH_AFTER_S = 1.0
# Pages also go early when the writer has nothing to do: several accounts polled at once
# otherwise all gathered their next 8,000 comments together while the writer waited (0.43 s
# idle at the start of a 6 s raid, measured). While it is busy, they gather into big commits.
# Pages are made rows as they arrive, so such a write starts at once.
EARLY_FLUSH_COMMENTS = 4000
AUTH_RETRY_S = 300.0
PERMANENT_RETRY_S = 900.0


@dataclass(slots=True)
class SyncOutcome:
    status: AccountStatus
    delay_s: float
    added_ids: list[int] = field(default_factory=list)
    changed_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status.state is SyncState.OK


async def sync_account(
    account: Account,
    store: Store,
    pool: ConnectorPool,
    failures: int,
    *,
    writer: PageWriter | None = None,
    on_stored: Callable[[IngestResult], None] | None = None,
) -> SyncOutcome:
    """Poll `account` until the platform has nothing more, or a page fails.

    `failures` is how many rounds in a row failed before; it drives the backoff. `on_stored`
    hears of every write as soon as it is done (the window shows new comments then, not at
    the end of a round of several seconds). Whatever
    pages were stored before a failure stay stored, with their cursor. With a process
    `writer`, the next pages are fetched while the last ones are written (one write in
    flight at a time, so memory stays bounded and writes keep their order).
    """
    assert account.id is not None
    account_id = account.id
    pending = _PendingPages(account_id, writer or InlineWriter(store), on_stored)
    more = False
    try:
        connector = pool.get(account)
        cursor = store.comments.cursor(account_id)
        round_ends = time.monotonic() + MAX_ROUND_S
        for _ in range(MAX_PAGES_PER_ROUND):
            result = await connector.fetch_new(cursor)
            more, cursor = result.more, result.cursor
            pending.add(result.comments, cursor)
            if pending.due():
                await pending.store()
            if not more or time.monotonic() >= round_ends:
                break
        await pending.store()
        await pending.settle()
    except (ConnectorError, SecretsUnavailable, WriteFailed) as exc:
        # Pages fetched before a platform's failure are kept, with their cursor. Pages that
        # could not be stored are not lost: their cursor was not stored either, so the next
        # round fetches them again.
        try:
            if not isinstance(exc, WriteFailed):
                await pending.store()
            await pending.settle()
        except WriteFailed as failed:
            if failed is not exc:
                log.warning("sync of account %s: %s", account.id, failed)
        if isinstance(exc, (AuthExpired, SecretsUnavailable)):
            pool.forget(account.id)
        return _failed(exc, account, failures, pending.added, pending.changed)
    status = AccountStatus(account.id, SyncState.OK, last_sync_at=datetime.now(tz=UTC))
    delay = 0.0 if more else account.poll_interval_s
    return SyncOutcome(status, delay, pending.added, pending.changed)


class _PendingPages:
    """Fetched pages waiting to be written, and the one write in flight."""

    def __init__(
        self,
        account_id: int,
        writer: PageWriter,
        on_stored: Callable[[IngestResult], None] | None,
    ) -> None:
        self._account_id = account_id
        self._writer = writer
        self._on_stored = on_stored
        self._pages: list[PreparedPage] = []
        self._since = 0.0
        self._cursor: str | None = None
        self._writing: asyncio.Task[IngestResult] | None = None
        self._first = True
        self.added: list[int] = []
        self.changed: list[int] = []

    def add(self, page: Sequence[RemoteComment], cursor: str | None) -> None:
        if not self._pages:
            self._since = time.monotonic()
        self._pages.append(prepare_page(self._account_id, page))
        self._cursor = cursor

    def due(self) -> bool:
        waiting = sum(len(page.rows) + len(page.states) for page in self._pages)
        enough = min(FIRST_FLUSH_COMMENTS, FLUSH_COMMENTS) if self._first else FLUSH_COMMENTS
        if waiting >= EARLY_FLUSH_COMMENTS and self._writer.idle():
            return True
        return waiting >= enough or time.monotonic() - self._since >= FLUSH_AFTER_S

    async def store(self) -> None:
        """Start writing what is waiting (with the cursor after it) once the last write is
        done; it is made ready to write while that one still runs."""
        if not self._pages:
            await self.settle()
            return
        self._first = False
        pages, self._pages = self._pages, []
        job = self._writer.prepare(self._account_id, pages, self._cursor)
        await self.settle()
        self._writing = asyncio.ensure_future(self._writer.write(job))

    async def settle(self) -> None:
        """Wait for the write in flight; a failed one raises (every time it is asked)."""
        if self._writing is not None:
            stored = await self._writing
            self._writing = None
            self.added.extend(stored.added_ids)
            self.changed.extend(stored.changed_ids)
            if self._on_stored is not None:
                self._on_stored(stored)


def _failed(
    exc: Exception, account: Account, failures: int, added: list[int], changed: list[int]
) -> SyncOutcome:
    assert account.id is not None
    state, delay = _classify(exc, account, failures)
    log.info("sync of account %s: %s, next try in %.0fs: %s", account.id, state, delay, exc)
    retry_at = datetime.now(tz=UTC) + timedelta(seconds=delay)
    attention = (
        Attention(exc.kind, exc.url, exc.data) if isinstance(exc, UserActionRequired) else None
    )
    status = AccountStatus(account.id, state, str(exc), retry_at=retry_at, attention=attention)
    return SyncOutcome(status, delay, added, changed)


def _classify(exc: Exception, account: Account, failures: int) -> tuple[SyncState, float]:
    """How long to wait after a failed round, and what to tell the moderator."""
    if isinstance(exc, RateLimited):
        return SyncState.RATE_LIMITED, max(exc.retry_after, 1.0)
    if isinstance(exc, (AuthExpired, SecretsUnavailable)):
        return SyncState.NEEDS_SIGN_IN, AUTH_RETRY_S
    if isinstance(exc, UserActionRequired):
        return SyncState.NEEDS_ATTENTION, AUTH_RETRY_S
    if isinstance(exc, PermanentError):
        return SyncState.ERROR, PERMANENT_RETRY_S
    return SyncState.BACKING_OFF, backoff_delay(
        failures + 1, base=max(1.0, account.poll_interval_s / 4)
    )
