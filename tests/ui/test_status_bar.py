"""Sync state per account and the outbox counts."""

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, AccountStatus, ActionKind, SyncState
from moderator_app.store import Store
from moderator_app.ui.status_bar import SyncStatusBar


def test_states_and_counts(
    qtbot: QtBot, store: Store, account: Account, comment_ids: list[int]
) -> None:
    assert account.id is not None
    bar = SyncStatusBar(store)
    qtbot.addWidget(bar)
    name = account.name
    assert bar.account_text(account.id) == f"{name} — waiting"
    retry = datetime.now(tz=UTC) + timedelta(minutes=3)
    cases = [
        (AccountStatus(account.id, SyncState.SYNCING), "syncing…"),
        (AccountStatus(account.id, SyncState.OK, last_sync_at=datetime.now(tz=UTC)), "synced now"),
        (
            AccountStatus(account.id, SyncState.RATE_LIMITED, retry_at=retry),
            "rate limited, retry at",
        ),
        (AccountStatus(account.id, SyncState.NEEDS_SIGN_IN), "needs sign-in"),
        (AccountStatus(account.id, SyncState.ERROR, "<b>boom</b>"), "error: <b>boom</b>"),
    ]
    for status, expected in cases:
        bar.set_account_status(status)
        assert bar.account_text(account.id).startswith(f"{name} — {expected}")
    assert bar.action_counts.text() == "0 pending"
    store.outbox.enqueue(comment_ids[0], ActionKind.HIDE)
    failed = store.outbox.enqueue(comment_ids[1], ActionKind.HIDE)
    store.outbox.claim(failed.id)
    store.outbox.fail(failed, "nope")
    bar.refresh_actions()
    assert bar.action_counts.text() == "1 pending · 1 failed"
