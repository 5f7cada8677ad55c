"""One polling round for one account: fetch pages after the cursor and store each page with
its cursor in one transaction."""

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
)
from moderator_app.domain import Account, AccountStatus, SyncState
from moderator_app.secrets import SecretsUnavailable
from moderator_app.store import Store
from moderator_app.sync.backoff import backoff_delay
from moderator_app.sync.connectors_pool import ConnectorPool

log = logging.getLogger(__name__)

MAX_PAGES_PER_ROUND = 20
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
    account: Account, store: Store, pool: ConnectorPool, failures: int
) -> SyncOutcome:
    """Poll `account` until the platform has nothing more, or a page fails.

    `failures` is how many rounds in a row failed before; it drives the backoff.
    """
    assert account.id is not None
    added: list[int] = []
    changed: list[int] = []
    now = datetime.now(tz=UTC)
    try:
        connector = pool.get(account)
        for _ in range(MAX_PAGES_PER_ROUND):
            cursor = store.comments.cursor(account.id)
            result = await connector.fetch_new(cursor)
            stored = store.comments.ingest(account.id, result.comments, result.cursor)
            added.extend(stored.added_ids)
            changed.extend(stored.changed_ids)
            if not result.more:
                break
    except RateLimited as exc:
        delay = max(exc.retry_after, 1.0)
        return _outcome(account, SyncState.RATE_LIMITED, str(exc), delay, added, changed)
    except (AuthExpired, SecretsUnavailable) as exc:
        pool.forget(account.id)
        return _outcome(account, SyncState.NEEDS_SIGN_IN, str(exc), AUTH_RETRY_S, added, changed)
    except PermanentError as exc:
        return _outcome(account, SyncState.ERROR, str(exc), PERMANENT_RETRY_S, added, changed)
    except ConnectorError as exc:
        delay = backoff_delay(failures + 1, base=account.poll_interval_s / 4 or 1.0)
        log.info("sync of account %s failed, retrying in %.0fs: %s", account.id, delay, exc)
        return _outcome(account, SyncState.BACKING_OFF, str(exc), delay, added, changed)
    status = AccountStatus(account.id, SyncState.OK, "", last_sync_at=now)
    return SyncOutcome(status, account.poll_interval_s, added, changed)


def _outcome(
    account: Account,
    state: SyncState,
    message: str,
    delay: float,
    added: list[int],
    changed: list[int],
) -> SyncOutcome:
    assert account.id is not None
    retry_at = datetime.now(tz=UTC) + timedelta(seconds=delay)
    status = AccountStatus(account.id, state, message, retry_at=retry_at)
    return SyncOutcome(status, delay, added, changed)
