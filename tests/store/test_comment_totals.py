"""The trigger-kept per-account totals agree with counting the rows, whatever changes them."""

import dataclasses

from moderator_app.domain import Account, LocalState, Platform
from moderator_app.store import CommentFilter, Store
from tests.factories import remote


def _counted(store: Store, f: CommentFilter) -> int:
    """COUNT(*) over the rows themselves (the ground truth the totals must match)."""
    where = "" if f.include_own else " AND by_us = 0"
    if f.account_id is None:
        return int(store.db.execute(f"SELECT COUNT(*) FROM comments WHERE 1{where}").fetchone()[0])
    return int(
        store.db.execute(
            f"SELECT COUNT(*) FROM comments WHERE account_id = ?{where}", [f.account_id]
        ).fetchone()[0]
    )


def _agree(store: Store, *accounts: Account) -> None:
    for account_id in (None, *(a.id for a in accounts)):
        for own in (False, True):
            f = CommentFilter(account_id=account_id, include_own=own)
            assert store.comments.count(f) == _counted(store, f)


def test_totals_follow_inserts_updates_and_deletes(store: Store, account: Account) -> None:
    assert account.id is not None
    other = store.accounts.add(Account(Platform.SANDBOX, "second", "http://127.0.0.1:2"))
    assert other.id is not None
    store.comments.ingest(account.id, [remote(n) for n in range(5)], "5")
    ours = dataclasses.replace(remote(9, "our reply"), by_us=True)
    store.comments.ingest(account.id, [ours], "6")
    store.comments.ingest(other.id, [remote(n) for n in range(3)], "3")
    _agree(store, account, other)
    assert store.comments.count(CommentFilter()) == 8
    store.comments.ingest(account.id, [remote(1, "edited"), remote(2)], "7")  # upserts
    store.comments.set_local_state(1, LocalState.REVIEWED)
    _agree(store, account, other)
    store.db.execute(
        "UPDATE comments SET by_us = 1 WHERE account_id = ? AND remote_id = 'c0'", [account.id]
    )
    _agree(store, account, other)
    assert store.comments.count(CommentFilter(account_id=account.id)) == 4
    store.accounts.remove(other.id)  # its comments go by cascade
    _agree(store, account, other)
    assert other.id not in store.comments.counts_by_account()
    assert store.comments.counts_by_account()[account.id].total == 4


def test_searches_and_facets_are_not_answered_from_totals(store: Store, account: Account) -> None:
    assert account.id is not None
    store.comments.ingest(account.id, [remote(1, "hello"), remote(2, "bye")], "2")
    assert store.comments.count(CommentFilter(search="hello")) == 1
    assert store.comments.count(CommentFilter(local_states=(LocalState.NEW,))) == 2
    assert store.comments.count(CommentFilter(account_id=account.id, search="bye")) == 1
