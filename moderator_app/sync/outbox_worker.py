"""Carries out queued moderator actions through the connectors, with retries and backoff."""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from moderator_app.connectors.base import Connector
from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    NotSupported,
    PermanentError,
    RateLimited,
    UserActionRequired,
)
from moderator_app.domain import (
    Action,
    ActionChanged,
    ActionKind,
    ActionStatus,
    Comment,
    CommentsChanged,
    EngineEvent,
    PlatformState,
)
from moderator_app.secrets import SecretsUnavailable
from moderator_app.store import Store
from moderator_app.sync.backoff import backoff_delay
from moderator_app.sync.connectors_pool import ConnectorPool

log = logging.getLogger(__name__)

EmitFn = Callable[[EngineEvent], None]

MAX_ATTEMPTS = 8
AUTH_RETRY_S = 120.0


@dataclass(slots=True)
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


class OutboxWorker:
    def __init__(self, store: Store, pool: ConnectorPool, emit: EmitFn) -> None:
        self._store = store
        self._pool = pool
        self._emit = emit

    async def send_due(self, *, now: float | None = None) -> SendReport:
        report = SendReport()
        while True:
            due = self._store.outbox.due(now=now)
            if not due:
                return report
            for action in due:
                if not self._store.outbox.claim(action.id):
                    continue
                self._emit(ActionChanged(action.id, action.comment_id, ActionStatus.SENDING))
                outcome = await self._send(action)
                if outcome is ActionStatus.DONE:
                    report.sent += 1
                elif outcome is ActionStatus.FAILED:
                    report.failed += 1
                else:
                    report.retrying += 1
            if report.retrying:
                return report

    async def _send(self, action: Action) -> ActionStatus:
        comment = self._store.comments.get(action.comment_id)
        account = self._store.accounts.get(comment.account_id) if comment else None
        if comment is None or account is None or account.id is None:
            return self._fail(action, "the comment or its account no longer exists")
        try:
            result_id = await self._carry_out(action, comment, self._pool.get(account))
        except (ConnectorError, SecretsUnavailable) as exc:
            return self._after_failure(action, account.id, exc)
        self._store.outbox.complete(action, result_id)
        self._emit(ActionChanged(action.id, action.comment_id, ActionStatus.DONE))
        self._emit(CommentsChanged(comment.account_id, (), (comment.id,)))
        return ActionStatus.DONE

    async def _carry_out(self, action: Action, comment: Comment, connector: Connector) -> str:
        """Send one action; returns the platform's id of what it created (a reply), if any."""
        if action.kind is ActionKind.REPLY:
            reply = await connector.reply(comment.remote, action.text, action.idempotency_key)
            stored = self._store.comments.ingest(
                comment.account_id, [reply], None, advance_cursor=False
            )
            self._emit(CommentsChanged(comment.account_id, stored.added_ids, stored.changed_ids))
            return reply.remote_id
        if action.kind is ActionKind.HIDE:
            await connector.hide(comment.remote, action.idempotency_key)
            self._store.comments.set_platform_state(comment.id, PlatformState.HIDDEN)
            return ""
        if action.kind is ActionKind.UNHIDE:
            await connector.unhide(comment.remote, action.idempotency_key)
            self._store.comments.set_platform_state(comment.id, PlatformState.VISIBLE)
            return ""
        if action.kind is ActionKind.DELETE:
            await connector.delete(comment.remote, action.idempotency_key)
            self._store.comments.set_platform_state(comment.id, PlatformState.DELETED)
            return ""
        if action.kind is ActionKind.REPORT:
            await connector.report(comment.remote, action.text, action.idempotency_key)
            return ""
        raise NotSupported(f"{action.kind.value} is not sent to the platform")

    def _after_failure(self, action: Action, account_id: int, exc: Exception) -> ActionStatus:
        """Wait and retry what may pass (limits, sign-in, network); fail what never will."""
        if isinstance(exc, RateLimited):
            return self._retry(action, str(exc), max(exc.retry_after, 1.0))
        if isinstance(exc, (AuthExpired, SecretsUnavailable)):
            self._pool.forget(account_id)
            return self._retry(action, f"{exc} (will retry after sign-in)", AUTH_RETRY_S)
        if isinstance(exc, UserActionRequired):
            return self._retry(action, f"{exc} (waiting for the moderator)", AUTH_RETRY_S)
        if isinstance(exc, PermanentError):
            return self._fail(action, str(exc))
        if action.attempts + 1 >= MAX_ATTEMPTS:
            return self._fail(action, f"gave up after {MAX_ATTEMPTS} attempts: {exc}")
        return self._retry(action, str(exc), backoff_delay(action.attempts + 1))

    def _retry(self, action: Action, error: str, delay_s: float) -> ActionStatus:
        log.info("action %s will be retried in %.0fs: %s", action.id, delay_s, error)
        self._store.outbox.retry_later(action, error, delay_s)
        self._emit(ActionChanged(action.id, action.comment_id, ActionStatus.PENDING, error))
        return ActionStatus.PENDING

    def _fail(self, action: Action, error: str) -> ActionStatus:
        log.warning("action %s failed: %s", action.id, error)
        self._store.outbox.fail(action, error)
        self._emit(ActionChanged(action.id, action.comment_id, ActionStatus.FAILED, error))
        return ActionStatus.FAILED
