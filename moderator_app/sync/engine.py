"""The engine: one asyncio loop in its own thread that polls accounts, scores new comments
and sends queued actions. It never imports Qt; the UI's bridge turns its events into signals.
"""

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import httpx

from moderator_app.connectors.errors import ConnectorError
from moderator_app.connectors.http import make_client
from moderator_app.domain import (
    Account,
    AccountStatus,
    AccountStatusChanged,
    ActionStatus,
    Attention,
    CommentsChanged,
    EngineEvent,
    SyncState,
)
from moderator_app.secrets import SecretStore, SecretsUnavailable
from moderator_app.store import Store
from moderator_app.store.ingest import IngestResult
from moderator_app.sync.account_sync import sync_account
from moderator_app.sync.calibrate import recalibrate_due
from moderator_app.sync.checkpointer import Checkpointer
from moderator_app.sync.cloud_review import CloudReviewer
from moderator_app.sync.connectors_pool import ConnectorFactory, ConnectorPool
from moderator_app.sync.outbox_worker import OutboxWorker
from moderator_app.sync.page_writer import PageWriter
from moderator_app.sync.process_writer import ProcessWriter
from moderator_app.sync.scoring import score_pending
from moderator_app.sync.warm_up import warm_up
from moderator_app.toxicity.base import Scorer

log = logging.getLogger(__name__)

EventHandler = Callable[[EngineEvent], None]
T = TypeVar("T")
IDLE_WAKE_S = 5.0


@dataclass(slots=True)
class _Schedule:
    due_at: float = 0.0
    failures: int = 0


@dataclass(slots=True)
class OnceReport:
    """What `run_once` did; `ok` is False when any account or action did not go through."""

    added: int = 0
    scored: int = 0
    sent: int = 0
    failed_actions: int = 0
    pending_actions: int = 0
    account_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.account_errors and not self.failed_actions and not self.pending_actions


class Engine:
    def __init__(
        self,
        db_path: Path,
        *,
        secrets: SecretStore,
        scorer: Scorer,
        on_event: EventHandler | None = None,
        connector_factory: ConnectorFactory | None = None,
        client_factory: Callable[[], httpx.AsyncClient] = make_client,
    ) -> None:
        self._db_path = db_path
        self._secrets = secrets
        self._scorer = scorer
        self._on_event = on_event
        self._connector_factory = connector_factory
        self._client_factory = client_factory
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: httpx.AsyncClient | None = None
        self._active_pool: ConnectorPool | None = None
        self._active_store: Store | None = None
        self._poll_wake: asyncio.Event | None = None
        self._outbox_wake: asyncio.Event | None = None
        self._cloud_wake: asyncio.Event | None = None
        self._cloud = CloudReviewer(secrets)
        self._stopping = threading.Event()
        self._sync_requested: set[int | None] = set()
        self._statuses: dict[int, AccountStatus] = {}
        self._lock = threading.Lock()
        self._ready = threading.Event()
        warm_up()

    # --- thread-safe controls --------------------------------------------------------------

    def start(self) -> None:
        """Start the engine thread and return at once (the window keeps painting while the
        engine opens its store, writer process and HTTP client)."""
        if self._thread is not None:
            return
        self._ready.clear()
        self._thread = threading.Thread(
            target=self._thread_main, args=(self._ready,), name="moderator-engine", daemon=True
        )
        self._thread.start()

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """Wait until the engine's loop and client are up (or it failed to start)."""
        return self._ready.wait(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._poke(self._poll_wake)
        self._poke(self._outbox_wake)
        self._poke(self._cloud_wake)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def sync_now(self, account_id: int | None = None) -> None:
        with self._lock:
            self._sync_requested.add(account_id)
        self._poke(self._poll_wake)

    def wake_outbox(self) -> None:
        self._poke(self._outbox_wake)

    def submit(
        self, job: Callable[[httpx.AsyncClient], Awaitable[T]]
    ) -> "concurrent.futures.Future[T]":
        """Run network work the UI needs (a sign-in) on the engine's loop and client.

        The UI never calls the network itself; it hands the job here and waits on the future
        without blocking its event loop.
        """
        self.wait_ready()
        loop, client = self._loop, self._client
        if loop is None or client is None or loop.is_closed():
            raise RuntimeError("the engine is not running")
        return asyncio.run_coroutine_threadsafe(_call(job, client), loop)

    def answer_attention(self, account_id: int, attention: Attention, answer: str) -> None:
        """The moderator's answer to what an account needed (a captcha's text); the account
        is polled and its actions are retried with it right away."""
        self.wait_ready()
        loop = self._loop
        if loop is None or loop.is_closed():
            raise RuntimeError("the engine is not running")
        loop.call_soon_threadsafe(self._apply_answer, account_id, attention, answer)

    def _apply_answer(self, account_id: int, attention: Attention, answer: str) -> None:
        pool, store = self._active_pool, self._active_store
        account = store.accounts.get(account_id) if store is not None else None
        if pool is None or store is None or account is None:
            return
        try:
            connector = pool.get(account)
        except (ConnectorError, SecretsUnavailable) as exc:
            log.warning("cannot pass the answer to account %s: %s", account_id, exc)
            return
        answer_captcha = getattr(connector, "answer_captcha", None)
        if attention.kind == "captcha" and callable(answer_captcha):
            answer_captcha(attention.data.get("captcha_sid", ""), answer)
        store.outbox.retry_waiting(account_id)
        self.sync_now(account_id)
        self.wake_outbox()

    def statuses(self) -> dict[int, AccountStatus]:
        with self._lock:
            return dict(self._statuses)

    def _poke(self, event: asyncio.Event | None) -> None:
        loop = self._loop
        if loop is not None and event is not None and not loop.is_closed():
            loop.call_soon_threadsafe(event.set)

    # --- the loop --------------------------------------------------------------------------

    def _thread_main(self, ready: threading.Event) -> None:
        try:
            asyncio.run(self._main(ready))
        except Exception:
            log.exception("the engine stopped on an unexpected error")
        finally:
            ready.set()

    async def _main(self, ready: threading.Event) -> None:
        """Polling and sending run as two tasks, so a slow platform never delays an action."""
        self._loop = asyncio.get_running_loop()
        self._poll_wake = asyncio.Event()
        self._outbox_wake = asyncio.Event()
        self._cloud_wake = asyncio.Event()
        store = Store.open(self._db_path)
        writer = ProcessWriter(self._db_path)
        checkpointer = Checkpointer(self._db_path)
        checkpointer.start()
        try:
            async with self._client_factory() as client:
                self._client = client
                pool = self._pool(client)
                self._active_pool, self._active_store = pool, store
                ready.set()
                store.outbox.recover_interrupted()
                await asyncio.gather(
                    self._poll_loop(store, pool, writer),
                    self._outbox_loop(store, pool),
                    self._cloud_loop(store, client),
                )
        finally:
            checkpointer.stop()
            writer.close()
            store.close()

    async def _poll_loop(self, store: Store, pool: ConnectorPool, writer: PageWriter) -> None:
        assert self._poll_wake is not None
        schedules: dict[int, _Schedule] = {}
        while not self._stopping.is_set():
            await self._poll_due(store, pool, writer, schedules)
            await self._score(store)
            now = time.monotonic()
            wait = min([IDLE_WAKE_S, *(s.due_at - now for s in schedules.values())])
            await self._sleep(self._poll_wake, wait)

    async def _outbox_loop(self, store: Store, pool: ConnectorPool) -> None:
        assert self._outbox_wake is not None
        worker = OutboxWorker(store, pool, self._emit)
        while not self._stopping.is_set():
            await worker.send_due()
            next_due = store.outbox.next_due_ts()
            wait = IDLE_WAKE_S if next_due is None else min(IDLE_WAKE_S, next_due - time.time())
            await self._sleep(self._outbox_wake, wait)

    async def _cloud_loop(self, store: Store, client: httpx.AsyncClient) -> None:
        """Optional second opinions from cloud scorers (off unless the moderator enabled one)."""
        assert self._cloud_wake is not None
        while not self._stopping.is_set():
            for account_id, ids in (await self._cloud.review(store, client)).items():
                self._emit(CommentsChanged(account_id, (), tuple(ids)))
            await self._sleep(self._cloud_wake, IDLE_WAKE_S)

    async def _sleep(self, wake: asyncio.Event, seconds: float) -> None:
        if self._stopping.is_set():
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), timeout=max(0.05, seconds))
        wake.clear()

    async def _poll_due(
        self,
        store: Store,
        pool: ConnectorPool,
        writer: PageWriter,
        schedules: dict[int, _Schedule],
    ) -> None:
        """Poll every account whose time has come (or that was asked for), concurrently."""
        with self._lock:
            requested = set(self._sync_requested)
            self._sync_requested.clear()
        accounts = [a for a in store.accounts.list() if a.enabled and a.id is not None]
        for gone in set(schedules) - {a.id for a in accounts}:
            del schedules[gone]
        due = [
            a
            for a in accounts
            if None in requested
            or a.id in requested
            or schedules.setdefault(a.id or 0, _Schedule()).due_at <= time.monotonic()
        ]
        await asyncio.gather(*(self._poll_one(a, store, pool, writer, schedules) for a in due))

    async def _poll_one(
        self,
        account: Account,
        store: Store,
        pool: ConnectorPool,
        writer: PageWriter,
        schedules: dict[int, _Schedule],
    ) -> None:
        assert account.id is not None
        schedule = schedules.setdefault(account.id, _Schedule())
        self._set_status(AccountStatus(account.id, SyncState.SYNCING))
        account_id = account.id

        def stored(result: IngestResult) -> None:
            if result.added_ids or result.changed_ids:
                self._emit(CommentsChanged(account_id, result.added_ids, result.changed_ids))

        outcome = await sync_account(
            account, store, pool, schedule.failures, writer=writer, on_stored=stored
        )
        schedule.failures = 0 if outcome.ok else schedule.failures + 1
        schedule.due_at = time.monotonic() + outcome.delay_s
        self._set_status(outcome.status)

    async def _score(self, store: Store) -> list[int]:
        scored = await score_pending(
            store,
            self._scorer,
            on_batch=lambda account_id, ids: self._emit(
                CommentsChanged(account_id, (), tuple(ids))
            ),
        )
        for done in await recalibrate_due(store, self._scorer):
            self._emit(done.event)
            self._emit(CommentsChanged(done.account_id, (), tuple(done.rescored_ids)))
        return scored

    def _pool(self, client: httpx.AsyncClient) -> ConnectorPool:
        if self._connector_factory is None:
            return ConnectorPool(self._secrets, client)
        return ConnectorPool(self._secrets, client, self._connector_factory)

    def _set_status(self, status: AccountStatus) -> None:
        with self._lock:
            self._statuses[status.account_id] = status
        self._emit(AccountStatusChanged(status))

    def _emit(self, event: EngineEvent) -> None:
        deliver(self._on_event, event)

    # --- headless, one pass ------------------------------------------------------------------

    async def run_once(self, *, send_deadline_s: float = 60.0) -> OnceReport:
        """Poll every account once (all pages), score, and send every pending action.

        Transient send failures are retried within `send_deadline_s`; what is still pending
        then stays queued for the next run and makes the report not ok.
        """
        report = OnceReport()
        store = Store.open(self._db_path)
        try:
            async with self._client_factory() as client:
                pool = self._pool(client)
                store.outbox.recover_interrupted()
                for account in store.accounts.list():
                    if not account.enabled:
                        continue
                    outcome = await sync_account(account, store, pool, failures=0)
                    report.added += len(outcome.added_ids)
                    self._set_status(outcome.status)
                    if not outcome.ok:
                        report.account_errors.append(f"{account.name}: {outcome.status.message}")
                report.scored = len(await self._score(store))
                await self._cloud.review(store, client)
                worker = OutboxWorker(store, pool, self._emit)
                deadline = time.monotonic() + send_deadline_s
                while True:
                    sent = await worker.send_due()
                    report.sent += sent.sent
                    report.failed_actions += sent.failed
                    next_due = store.outbox.next_due_ts()
                    if next_due is None:
                        break
                    wait = next_due - time.time()
                    if time.monotonic() + wait > deadline:
                        break
                    await asyncio.sleep(max(0.0, wait))
                counts = store.outbox.counts()
                report.pending_actions = counts[ActionStatus.PENDING] + counts[ActionStatus.SENDING]
        finally:
            store.close()
        return report


def deliver(on_event: EventHandler | None, event: EngineEvent) -> None:
    """Hand an event to the window's handler; a failing handler never stops the engine."""
    if on_event is None:
        return
    try:
        on_event(event)
    except Exception:
        log.exception("an event handler failed")


async def _call(job: Callable[[httpx.AsyncClient], Awaitable[T]], client: httpx.AsyncClient) -> T:
    return await job(client)
