"""One headless engine pass against the sandbox: fetch, store, score, send."""

from pathlib import Path

import httpx

from moderator_app.domain import Account, ActionKind, ActionStatus, LocalState, PlatformState
from moderator_app.store import CommentFilter, Store
from moderator_app.sync.engine import Engine
from tests.sync.conftest import once, sandbox_comment


def test_first_pass_fetches_and_scores_everything(
    engine: Engine, account: Account, db_path: Path, admin: httpx.Client
) -> None:
    report = once(engine)
    assert report.ok, report
    assert report.added == 40
    assert report.scored == 40
    with Store.open(db_path) as store:
        assert store.comments.count(CommentFilter(include_own=True)) == 40
        assert store.comments.unscored() == []
    assert once(engine).added == 0  # the cursor was kept
    admin.post("/_admin/generate", json={"count": 5}).raise_for_status()
    assert once(engine).added == 5


def test_hide_and_reply_reach_the_sandbox(
    engine: Engine, account: Account, db_path: Path, admin: httpx.Client
) -> None:
    once(engine)
    with Store.open(db_path) as store:
        first, second = store.comments.ids(CommentFilter(), limit=2)
        store.outbox.enqueue(first, ActionKind.HIDE)
        store.outbox.enqueue(second, ActionKind.REPLY, "Спасибо, что написали!")
        remote_first = store.comments.get(first).remote.remote_id  # type: ignore[union-attr]
        remote_second = store.comments.get(second).remote.remote_id  # type: ignore[union-attr]
    report = once(engine)
    assert report.ok, report
    assert report.sent == 2
    assert sandbox_comment(admin, remote_first)["hidden"] is True
    replies = sandbox_comment(admin, remote_second)["replies"]
    assert isinstance(replies, list)
    assert [r["text"] for r in replies] == ["Спасибо, что написали!"]
    with Store.open(db_path) as store:
        hidden = store.comments.get(first)
        assert hidden is not None
        assert hidden.remote.platform_state is PlatformState.HIDDEN
        assert hidden.local_state is LocalState.HIDDEN
        assert hidden.pending_actions == 0
        own = store.comments.ids(CommentFilter(include_own=True, search="написали"))
        assert len(own) == 1  # our reply is stored once, not twice after the next fetch
    once(engine)
    with Store.open(db_path) as store:
        assert len(store.comments.ids(CommentFilter(include_own=True, search="написали"))) == 1


def test_transient_failures_are_retried_and_sent_once(
    engine: Engine, account: Account, db_path: Path, admin: httpx.Client
) -> None:
    once(engine)
    with Store.open(db_path) as store:
        [cid] = store.comments.ids(CommentFilter(), limit=1)
        action = store.outbox.enqueue(cid, ActionKind.HIDE)
    admin.post(
        "/_admin/faults", json={"path_prefix": "/api/v1/comments", "kind": "500", "times": 2}
    ).raise_for_status()
    report = once(engine)
    assert report.ok, report
    actions = admin.get("/_admin/state").json()["actions"]
    assert [a["idempotency_key"] for a in actions] == [action.idempotency_key]


def test_permanent_failure_is_visible_and_retryable(
    engine: Engine, account: Account, db_path: Path, admin: httpx.Client
) -> None:
    once(engine)
    with Store.open(db_path) as store:
        [cid] = store.comments.ids(CommentFilter(), limit=1)
        # The comment vanished on the platform: a reply to it can never succeed.
        store.db.execute("UPDATE comments SET remote_id = 'c-gone' WHERE id = ?", [cid])
        action = store.outbox.enqueue(cid, ActionKind.REPLY, "hello")
    report = once(engine)
    assert not report.ok
    assert report.failed_actions == 1
    with Store.open(db_path) as store:
        failed = store.outbox.get(action.id)
        assert failed is not None
        assert failed.status is ActionStatus.FAILED
        assert "404" in failed.last_error or "not found" in failed.last_error.lower()
        assert store.outbox.retry(action.id)
        assert store.outbox.get(action.id).status is ActionStatus.PENDING  # type: ignore[union-attr]


def test_expired_token_keeps_actions_queued(
    engine: Engine, account: Account, db_path: Path, admin: httpx.Client, token: str
) -> None:
    once(engine)
    with Store.open(db_path) as store:
        [cid] = store.comments.ids(CommentFilter(), limit=1)
        action = store.outbox.enqueue(cid, ActionKind.HIDE)
    admin.post("/_admin/revoke").raise_for_status()
    report = once(engine)
    assert not report.ok
    assert report.account_errors
    assert "sign" in report.account_errors[0].lower()
    assert token not in " ".join(report.account_errors)
    with Store.open(db_path) as store:
        kept = store.outbox.get(action.id)
        assert kept is not None
        assert kept.status is ActionStatus.PENDING
        assert token not in kept.last_error


def test_malformed_page_loses_nothing(
    engine: Engine, account: Account, db_path: Path, admin: httpx.Client
) -> None:
    admin.post(
        "/_admin/faults", json={"path_prefix": "/api/v1/events", "kind": "malformed", "times": 1}
    ).raise_for_status()
    report = once(engine)
    assert not report.ok
    assert report.added == 0
    assert once(engine).added == 40


def test_rate_limit_is_obeyed(
    engine: Engine, account: Account, db_path: Path, admin: httpx.Client
) -> None:
    admin.post(
        "/_admin/faults", json={"path_prefix": "/api/v1/events", "kind": "429", "times": 1}
    ).raise_for_status()
    report = once(engine)
    assert not report.ok
    assert "rate" in report.account_errors[0].lower() or "429" in report.account_errors[0]
    assert once(engine).added == 40
