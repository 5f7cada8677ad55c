"""The search index follows a comment's text and author name, and only those."""

from moderator_app.domain import Account, LocalState, ToxicityLevel, ToxicityResult
from moderator_app.store import CommentFilter, Store
from tests.factories import remote


def _found(store: Store, text: str) -> list[int]:
    return store.comments.ids(CommentFilter(search=text))


def test_edits_reindex_and_other_updates_keep_the_index(store: Store, account: Account) -> None:
    assert account.id is not None
    ids = store.comments.ingest(account.id, [remote(1, "старый текст"), remote(2, "other")], "2")
    first = ids.added_ids[0]
    store.comments.set_toxicity([(first, ToxicityResult(0.9, ToxicityLevel.TOXIC))])
    store.comments.set_local_state(first, LocalState.REVIEWED)
    store.comments.ingest(account.id, [remote(2, "other")], "3")  # re-fetched, unchanged
    assert _found(store, "старый") == [first]
    assert _found(store, "other") == [ids.added_ids[1]]
    store.comments.ingest(account.id, [remote(1, "новый текст")], "4")  # edited
    assert _found(store, "старый") == []
    assert _found(store, "новый") == [first]
    integrity = "INSERT INTO comments_fts (comments_fts, rank) VALUES ('integrity-check', 1)"
    store.db.execute(integrity)  # raises if the index and the rows disagree
