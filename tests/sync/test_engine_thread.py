"""The engine on its own thread: events out, actions in, clean stop."""

import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from moderator_app.domain import (
    Account,
    AccountStatusChanged,
    ActionChanged,
    ActionKind,
    ActionStatus,
    CommentsChanged,
    EngineEvent,
    SyncState,
)
from moderator_app.secrets import SecretStore
from moderator_app.store import CommentFilter, Store
from moderator_app.sync.engine import Engine
from tests.sync.conftest import WordScorer, sandbox_comment


def wait_for(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


class Recorder:
    """Collects engine events from the engine thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: list[EngineEvent] = []

    def __call__(self, event: EngineEvent) -> None:
        with self._lock:
            self._events.append(event)

    def added(self) -> int:
        with self._lock:
            return sum(len(e.added_ids) for e in self._events if isinstance(e, CommentsChanged))

    def states(self) -> list[SyncState]:
        with self._lock:
            return [e.status.state for e in self._events if isinstance(e, AccountStatusChanged)]

    def actions(self) -> list[ActionStatus]:
        with self._lock:
            return [e.status for e in self._events if isinstance(e, ActionChanged)]


def test_engine_thread_polls_scores_and_sends(
    account: Account, db_path: Path, admin: httpx.Client
) -> None:
    events = Recorder()
    engine = Engine(db_path, secrets=SecretStore(), scorer=WordScorer(), on_event=events)
    engine.start()
    try:
        wait_for(lambda: events.added() >= 40)
        assert SyncState.OK in events.states()
        with Store.open(db_path) as store:
            wait_for(lambda: not store.comments.unscored())
            [cid] = store.comments.ids(CommentFilter(), limit=1)
            comment = store.comments.get(cid)
            assert comment is not None
            store.outbox.enqueue(cid, ActionKind.HIDE)
        engine.wake_outbox()
        wait_for(lambda: ActionStatus.DONE in events.actions())
        assert events.actions()[:2] == [ActionStatus.SENDING, ActionStatus.DONE]
        assert sandbox_comment(admin, comment.remote.remote_id)["hidden"] is True
        admin.post("/_admin/generate", json={"count": 3}).raise_for_status()
        before = events.added()
        engine.sync_now()
        wait_for(lambda: events.added() >= before + 3)
    finally:
        started = time.monotonic()
        engine.stop()
        assert time.monotonic() - started < 5
