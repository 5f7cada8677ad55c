"""A polling round: pages written in big transactions (by a writer process), in order, with
the cursor after the last page; a failure keeps what was fetched before it, and pages that
could not be stored are fetched again."""

import asyncio
from dataclasses import replace
from typing import Any, cast

import httpx
import pytest

from moderator_app.connectors.base import Connector, Credentials, FetchResult
from moderator_app.connectors.errors import TransientError
from moderator_app.domain import (
    Account,
    Capability,
    Platform,
    PlatformState,
    SyncState,
)
from moderator_app.secrets import SecretStore
from moderator_app.store import CommentFilter, Store
from moderator_app.store.ingest import IngestResult
from moderator_app.sync import account_sync
from moderator_app.sync.account_sync import SyncOutcome, sync_account
from moderator_app.sync.connectors_pool import ConnectorPool
from moderator_app.sync.page_writer import InlineWriter, PageWriter, WriteFailed, WriteJob
from moderator_app.sync.process_writer import ProcessWriter
from tests.factories import remote

PAGE = 100


@pytest.fixture
def account(store: Store) -> Account:
    return store.accounts.add(Account(Platform.SANDBOX, "pages", "http://127.0.0.1:1"))


class PagesConnector:
    """Page i holds comments i*PAGE … i*PAGE+PAGE-1; the cursor is the next page's index.
    Fails at page `fail_at`, if given."""

    platform = Platform.SANDBOX
    capabilities: frozenset[Capability] = frozenset()

    def __init__(self, pages: int, fail_at: int | None = None) -> None:
        self.pages = pages
        self.fail_at = fail_at
        self.extra: dict[int, list[Any]] = {}

    async def fetch_new(self, cursor: str | None) -> FetchResult:
        index = int(cursor or 0)
        if index == self.fail_at:
            raise TransientError("the platform timed out")
        comments = [remote(n) for n in range(index * PAGE, (index + 1) * PAGE)]
        comments += self.extra.get(index, [])
        more = index + 1 < self.pages
        return FetchResult(comments=tuple(comments), cursor=str(index + 1), more=more)


def run(
    store: Store, account: Account, connector: PagesConnector, writer: PageWriter | None
) -> SyncOutcome:
    secrets = SecretStore()
    secrets.save(account, Credentials(token="t"))

    async def go() -> SyncOutcome:
        async with httpx.AsyncClient() as client:
            pool = ConnectorPool(secrets, client, lambda *_: cast(Connector, connector))
            return await sync_account(account, store, pool, 0, writer=writer)

    return asyncio.run(go())


def test_pages_written_by_the_writer_process_land_in_order_with_the_cursor(
    store: Store, account: Account, monkeypatch: Any
) -> None:
    assert account.id is not None
    assert store.path is not None
    monkeypatch.setattr(account_sync, "FLUSH_COMMENTS", 3 * PAGE)
    connector = PagesConnector(pages=10)
    with ProcessWriter(store.path) as writer:
        outcome = run(store, account, connector, writer)
    assert outcome.status.state is SyncState.OK
    assert len(outcome.added_ids) == 10 * PAGE
    assert list(outcome.added_ids) == sorted(outcome.added_ids)
    assert store.comments.cursor(account.id) == "10"
    assert store.comments.count(CommentFilter()) == 10 * PAGE
    assert store.comments.count(CommentFilter(search="number 999")) == 1
    first = store.comments.get(outcome.added_ids[0])
    assert first is not None
    assert first.remote.remote_id == "c0"


def test_a_later_page_wins_over_an_earlier_one_in_the_same_transaction(
    store: Store, account: Account
) -> None:
    """A comment fetched on page 0 and hidden on page 1 (state-only news) ends hidden, even
    though both pages are written together."""
    connector = PagesConnector(pages=2)
    hidden = replace(remote(5, state=PlatformState.HIDDEN), state_only=True)
    connector.extra[1] = [hidden]
    outcome = run(store, account, connector, writer=None)
    assert outcome.ok
    assert account.id is not None
    stored = store.comments.by_remote_id(account.id, "c5")
    assert stored is not None
    assert stored.remote.platform_state is PlatformState.HIDDEN


def test_a_failure_keeps_the_pages_fetched_before_it(
    store: Store, account: Account, monkeypatch: Any
) -> None:
    assert account.id is not None
    assert store.path is not None
    monkeypatch.setattr(account_sync, "FLUSH_COMMENTS", 2 * PAGE)
    connector = PagesConnector(pages=10, fail_at=5)
    with ProcessWriter(store.path) as writer:
        outcome = run(store, account, connector, writer)
    assert outcome.status.state is SyncState.BACKING_OFF
    assert len(outcome.added_ids) == 5 * PAGE
    assert store.comments.cursor(account.id) == "5"
    # The next round starts after the last stored page: nothing missed, nothing twice.
    connector.fail_at = None
    again = run(store, account, connector, writer=None)
    assert again.ok
    assert len(again.added_ids) == 5 * PAGE
    assert store.comments.count(CommentFilter()) == 10 * PAGE


class FailingWriter(InlineWriter):
    """Stores like the inline writer until write number `fail_on`, which fails (a full disk)."""

    def __init__(self, store: Store, fail_on: int) -> None:
        super().__init__(store)
        self._calls = 0
        self._fail_on = fail_on

    async def write(self, job: WriteJob) -> IngestResult:
        self._calls += 1
        if self._calls == self._fail_on:
            raise WriteFailed("could not store the comments: database or disk is full")
        return await super().write(job)


def test_pages_that_could_not_be_stored_are_fetched_again(
    store: Store, account: Account, monkeypatch: Any
) -> None:
    assert account.id is not None
    monkeypatch.setattr(account_sync, "FLUSH_COMMENTS", 2 * PAGE)
    connector = PagesConnector(pages=10)
    outcome = run(store, account, connector, FailingWriter(store, fail_on=3))
    assert outcome.status.state is SyncState.BACKING_OFF
    assert "disk is full" in outcome.status.message
    assert outcome.status.retry_at is not None
    # Writes 1 and 2 landed; nothing after them was written out of order.
    assert len(outcome.added_ids) == 4 * PAGE
    assert store.comments.cursor(account.id) == "4"
    again = run(store, account, connector, writer=None)
    assert again.ok
    assert store.comments.count(CommentFilter()) == 10 * PAGE


def test_a_round_cut_short_while_the_platform_has_more_goes_on_at_once(
    store: Store, account: Account, monkeypatch: Any
) -> None:
    monkeypatch.setattr(account_sync, "MAX_PAGES_PER_ROUND", 3)
    connector = PagesConnector(pages=10)
    outcome = run(store, account, connector, writer=None)
    assert outcome.ok
    assert len(outcome.added_ids) == 3 * PAGE
    assert outcome.delay_s == 0.0
    monkeypatch.setattr(account_sync, "MAX_PAGES_PER_ROUND", 100)
    rest = run(store, account, connector, writer=None)
    assert len(rest.added_ids) == 7 * PAGE
    assert rest.delay_s == account.poll_interval_s


def test_every_write_is_told_as_soon_as_it_is_done(
    store: Store, account: Account, monkeypatch: Any
) -> None:
    """The window shows new comments per write, not at the end of a round of seconds."""
    monkeypatch.setattr(account_sync, "FLUSH_COMMENTS", 2 * PAGE)
    secrets = SecretStore()
    secrets.save(account, Credentials(token="t"))
    heard: list[IngestResult] = []
    connector = PagesConnector(pages=10)

    async def go() -> SyncOutcome:
        async with httpx.AsyncClient() as client:
            pool = ConnectorPool(secrets, client, lambda *_: cast(Connector, connector))
            return await sync_account(account, store, pool, 0, on_stored=heard.append)

    outcome = asyncio.run(go())
    assert len(heard) == 5
    assert [cid for result in heard for cid in result.added_ids] == outcome.added_ids


class RecordingWriter(InlineWriter):
    """Writes inline, says whether it is idle as told, and notes each job's size."""

    def __init__(self, store: Store, idle: bool) -> None:
        super().__init__(store)
        self.sizes: list[int] = []
        self._idle = idle

    def idle(self) -> bool:
        return self._idle

    async def write(self, job: WriteJob) -> IngestResult:
        self.sizes.append(sum(len(page.rows) for page in job.pages))
        return await super().write(job)


@pytest.mark.parametrize(("idle", "sizes"), [(True, [2, 2, 2, 2, 2]), (False, [2, 6, 2])])
def test_pages_go_early_while_the_writer_has_nothing_to_do(
    store: Store, account: Account, monkeypatch: Any, idle: bool, sizes: list[int]
) -> None:
    """An idle writer takes pages as soon as there are a few; a busy one lets them gather
    into a big commit (the first write of a round always goes early)."""
    monkeypatch.setattr(account_sync, "FIRST_FLUSH_COMMENTS", 2 * PAGE)
    monkeypatch.setattr(account_sync, "EARLY_FLUSH_COMMENTS", 2 * PAGE)
    monkeypatch.setattr(account_sync, "FLUSH_COMMENTS", 6 * PAGE)
    writer = RecordingWriter(store, idle=idle)
    outcome = run(store, account, PagesConnector(pages=10), writer)
    assert outcome.ok
    assert writer.sizes == [n * PAGE for n in sizes]
