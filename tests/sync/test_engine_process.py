"""The engine in its own process: events in, controls and keyring answers out, restarts."""

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from moderator_app.connectors.base import Credentials
from moderator_app.domain import Account, ActionKind, ActionStatus, Platform, SyncState
from moderator_app.sandbox import SandboxServer
from moderator_app.secrets import SecretStore, SecretsUnavailable
from moderator_app.store import CommentFilter, Store
from moderator_app.store.write_turn import FairLock, turn_for
from moderator_app.sync.engine_process import EngineProcess, RemoteSecrets
from tests.sync.conftest import sandbox_comment
from tests.sync.engine_child import word_scorer
from tests.sync.test_engine_thread import Recorder, wait_for


class CountingSecrets(SecretStore):
    """The window's keyring, counting what the engine's process asked of it."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def load(self, account: Account) -> Credentials | None:
        self.asked.append("load")
        return super().load(account)


@pytest.fixture
def events() -> Recorder:
    return Recorder()


@pytest.fixture
def engine(db_path: Path, events: Recorder) -> Iterator[EngineProcess]:
    process = EngineProcess(db_path, secrets=CountingSecrets(), scorer=word_scorer, on_event=events)
    yield process
    process.stop()


def test_polls_scores_and_sends_from_its_own_process(
    account: Account, db_path: Path, admin: httpx.Client, engine: EngineProcess, events: Recorder
) -> None:
    engine.start()
    assert engine.wait_ready(60)
    assert engine.pid is not None
    assert engine.pid != os.getpid()
    wait_for(lambda: events.added() >= 40, timeout=30)
    assert SyncState.OK in events.states()
    assert engine.statuses()[account.id or 0].state in (SyncState.OK, SyncState.SYNCING)
    # The credentials came from this process's keyring (the test's in-memory one).
    secrets = engine._secrets
    assert isinstance(secrets, CountingSecrets)
    assert "load" in secrets.asked
    with Store.open(db_path) as store:
        wait_for(lambda: not store.comments.unscored(), timeout=30)
        [cid] = store.comments.ids(CommentFilter(), limit=1)
        comment = store.comments.get(cid)
        assert comment is not None
        store.outbox.enqueue(cid, ActionKind.HIDE)
    engine.wake_outbox()
    wait_for(lambda: ActionStatus.DONE in events.actions(), timeout=30)
    assert sandbox_comment(admin, comment.remote.remote_id)["hidden"] is True
    admin.post("/_admin/generate", json={"count": 3}).raise_for_status()
    before = events.added()
    engine.sync_now()
    wait_for(lambda: events.added() >= before + 3, timeout=30)
    started = time.monotonic()
    engine.stop()
    assert time.monotonic() - started < 10
    assert engine.pid is not None


def test_a_child_that_dies_is_started_again_and_carries_on(
    account: Account, db_path: Path, admin: httpx.Client, engine: EngineProcess, events: Recorder
) -> None:
    engine.start()
    assert engine.wait_ready(60)
    wait_for(lambda: events.added() >= 40, timeout=30)
    first = engine.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    wait_for(lambda: engine.restarts >= 1 and engine.pid != first, timeout=30)
    assert engine.wait_ready(60)
    admin.post("/_admin/generate", json={"count": 2}).raise_for_status()
    before = events.added()
    engine.sync_now()
    wait_for(lambda: events.added() >= before + 2, timeout=30)


def test_network_jobs_run_in_the_window_process(
    engine: EngineProcess, sandbox: SandboxServer
) -> None:
    async def fetch(client: httpx.AsyncClient) -> int:
        return os.getpid() if (await client.get(sandbox.url)).status_code < 500 else -1

    assert engine.submit(fetch).result(30) == os.getpid()


def test_the_child_asks_the_keyring_and_hears_refusals() -> None:
    sent: list[tuple[object, ...]] = []
    secrets = RemoteSecrets(sent.append)

    def answer_when_asked() -> None:
        wait_for(lambda: len(sent) == 1, timeout=5)
        _, ask_id, method, _args = sent[0]
        assert method == "load_service_key"
        secrets.answer(int(str(ask_id)), False, "no keyring here")

    threading.Thread(target=answer_when_asked).start()
    with pytest.raises(SecretsUnavailable, match="no keyring here"):
        secrets.load_service_key("openai")
    secrets.close()
    with pytest.raises(SecretsUnavailable):
        secrets.load_service_key("openai")


def test_the_window_process_announces_its_writes(db_path: Path, engine: EngineProcess) -> None:
    turn = turn_for(Store.file_path(db_path))
    assert isinstance(turn, FairLock)
    flag = turn.announce
    assert flag is not None
    assert not flag.writing
    seen: list[bool] = []
    with Store.open(db_path) as store:
        # Called as SQLite runs each statement: after the write took its turn.
        store.db.conn.set_trace_callback(
            lambda sql: seen.append(flag.writing) if sql.startswith("INSERT") else None
        )
        store.accounts.add(Account(Platform.SANDBOX, "written by the window"))
    assert seen
    assert all(seen)
    assert not flag.writing


def test_stopping_while_it_starts_leaves_no_process_behind(engine: EngineProcess) -> None:
    engine.start()
    engine.stop()
    process = engine._process
    if process is not None:  # it had started: it heard the stop, and was not killed
        assert not process.is_alive()
        assert process.exitcode == 0
