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


def test_engine_thread_polls_scores_and_sends(
    account: Account, db_path: Path, admin: httpx.Client
) -> None:
    events: list[EngineEvent] = []
    lock = threading.Lock()

    def on_event(event: EngineEvent) -> None:
        with lock:
            events.append(event)

    def seen(kind: type) -> list[EngineEvent]:
        with lock:
            return [e for e in events if isinstance(e, kind)]

    engine = Engine(db_path, secrets=SecretStore(), scorer=WordScorer(), on_event=on_event)
    engine.start()
    try:
        wait_for(lambda: sum(len(e.added_ids) for e in seen(CommentsChanged)) >= 40)  # type: ignore[attr-defined]
        statuses = [e.status.state for e in seen(AccountStatusChanged)]  # type: ignore[attr-defined]
        assert SyncState.OK in statuses
        with Store.open(db_path) as store:
            wait_for(lambda: not store.comments.unscored())
            [cid] = store.comments.ids(CommentFilter(), limit=1)
            remote_id = store.comments.get(cid).remote.remote_id  # type: ignore[union-attr]
            store.outbox.enqueue(cid, ActionKind.HIDE)
        engine.wake_outbox()
        wait_for(
            lambda: any(
                e.status is ActionStatus.DONE
                for e in seen(ActionChanged)  # type: ignore[attr-defined]
            )
        )
        assert sandbox_comment(admin, remote_id)["hidden"] is True
        admin.post("/_admin/generate", json={"count": 3}).raise_for_status()
        before = sum(len(e.added_ids) for e in seen(CommentsChanged))  # type: ignore[attr-defined]
        engine.sync_now()
        wait_for(
            lambda: sum(len(e.added_ids) for e in seen(CommentsChanged)) >= before + 3  # type: ignore[attr-defined]
        )
    finally:
        started = time.monotonic()
        engine.stop()
        assert time.monotonic() - started < 5
