"""One polling round for one account: fetch pages after the cursor and store them with the
cursor after the last in one transaction, a few thousand comments (or a second) at a time."""

import asyncio
import logging
import time
from collections.abc import Sequence
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
from moderator_app.store.ingest import IngestResult
from moderator_app.sync.backoff import backoff_delay
from moderator_app.sync.connectors_pool import ConnectorPool
from moderator_app.sync.page_writer import InlineWriter, PageWriter

log = logging.getLogger(__name__)

MAX_PAGES_PER_ROUND = 20
# Pages are written together (one commit) up to this many comments or this long after the
# first of them arrived, so a raid is stored in big cheap transactions while a slow platform
# still shows its comments within about a second.
FLUSH_COMMENTS = 2000
FLUSH_AFTER_S = 1.0
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
    writer: PageWriter | None = None,
) -> SyncOutcome:
    """Poll `account` until the platform has nothing more, or a page fails.

    `failures` is how many rounds in a row failed before; it drives the backoff. Whatever
    pages were stored before a failure stay stored, with their cursor. With a threaded
    `writer`, the next pages are fetched while the last ones are written (one write in
    flight at a time, so memory stays bounded and writes keep their order).
    """
    assert account.id is not None
    account_id = account.id
    write = writer or InlineWriter(store)
    added: list[int] = []
    changed: list[int] = []
    fetched: list[Sequence[RemoteComment]] = []
    fetched_since = 0.0
    cursor: str | None = None
    writing: asyncio.Task[IngestResult] | None = None

    async def settle() -> None:
        nonlocal writing
        if writing is not None:
            stored, writing = await writing, None
            added.extend(stored.added_ids)
            changed.extend(stored.changed_ids)

    async def store_fetched() -> None:
        nonlocal writing
        await settle()
        if fetched:
            pages = list(fetched)
            fetched.clear()
            writing = asyncio.ensure_future(write.ingest_pages(account_id, pages, cursor))

    try:
        connector = pool.get(account)
        cursor = store.comments.cursor(account_id)
        for _ in range(MAX_PAGES_PER_ROUND):
            result = await connector.fetch_new(cursor)
            if not fetched:
                fetched_since = time.monotonic()
            fetched.append(result.comments)
            cursor = result.cursor
            waiting = sum(len(page) for page in fetched)
            if waiting >= FLUSH_COMMENTS or time.monotonic() - fetched_since >= FLUSH_AFTER_S:
                await store_fetched()
            if not result.more:
                break
        await store_fetched()
        await settle()
    except (ConnectorError, SecretsUnavailable) as exc:
        # Pages fetched before the failure are kept, with their cursor.
        await store_fetched()
        await settle()
        if isinstance(exc, (AuthExpired, SecretsUnavailable)):
            pool.forget(account.id)
        state, delay = _classify(exc, account, failures)
        log.info("sync of account %s: %s, next try in %.0fs: %s", account.id, state, delay, exc)
        retry_at = datetime.now(tz=UTC) + timedelta(seconds=delay)
        attention = (
            Attention(exc.kind, exc.url, exc.data) if isinstance(exc, UserActionRequired) else None
        )
        status = AccountStatus(account.id, state, str(exc), retry_at=retry_at, attention=attention)
        return SyncOutcome(status, delay, added, changed)
    status = AccountStatus(account.id, SyncState.OK, last_sync_at=datetime.now(tz=UTC))
    return SyncOutcome(status, account.poll_interval_s, added, changed)


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
