"""Ingest, cursors, search and paging over a real SQLite file."""

from dataclasses import replace

import pytest

from moderator_app.domain import (
    Account,
    ActionKind,
    LocalState,
    Span,
    ThreadRef,
    ToxicityLevel,
    ToxicityResult,
)
from moderator_app.store import CommentFilter, SortOrder, Store
from moderator_app.store.ingest import prepare_page
from tests.factories import remote


def test_ingest_is_idempotent_and_keeps_local_state(store: Store, account: Account) -> None:
    assert account.id is not None
    first = store.comments.ingest(account.id, [remote(1), remote(2)], "2")
    assert len(first.added_ids) == 2
    store.comments.set_local_state(first.added_ids[0], LocalState.REVIEWED)
    again = store.comments.ingest(account.id, [remote(1), remote(2)], "3")
    assert again.added_ids == ()
    assert store.comments.count(CommentFilter()) == 2
    assert store.comments.get(first.added_ids[0]).local_state is LocalState.REVIEWED  # type: ignore[union-attr]
    assert store.comments.cursor(account.id) == "3"


def test_batch_and_cursor_are_one_transaction(store: Store, account: Account) -> None:
    assert account.id is not None
    store.comments.ingest(account.id, [remote(1)], "1")
    bad = [remote(2), remote(3)]
    # a comment whose created time cannot be stored makes the insert fail mid-batch
    bad[1] = bad[1].__class__(
        remote_id=None,  # type: ignore[arg-type]
        thread=bad[1].thread,
        author=bad[1].author,
        text="x",
        created_at=bad[1].created_at,
    )
    with pytest.raises(Exception):  # noqa: B017, PT011
        store.comments.ingest(account.id, bad, "3")
    assert store.comments.cursor(account.id) == "1"
    assert store.comments.count(CommentFilter()) == 1


def test_edited_text_is_scored_again(store: Store, account: Account) -> None:
    assert account.id is not None
    [cid] = store.comments.ingest(account.id, [remote(1, "nice")], "1").added_ids
    store.comments.set_toxicity([(cid, ToxicityResult(0.1, ToxicityLevel.OK, scorer="t"))])
    assert store.comments.unscored() == []
    store.comments.ingest(account.id, [remote(1, "edited, now rude")], "2")
    assert store.comments.unscored() == [(cid, "edited, now rude")]


def test_toxicity_round_trips_with_spans(store: Store, account: Account) -> None:
    assert account.id is not None
    [cid] = store.comments.ingest(account.id, [remote(1, "ты дурак")], "1").added_ids
    result = ToxicityResult(
        0.8, ToxicityLevel.TOXIC, (Span(3, 8, "insult", 0.8),), "lexicon", ("insult",)
    )
    store.comments.set_toxicity([(cid, result)])
    assert store.comments.get(cid).toxicity == result  # type: ignore[union-attr]


def test_search_filters_and_sorts_in_sql(store: Store, account: Account) -> None:
    assert account.id is not None
    ids = store.comments.ingest(
        account.id,
        [remote(1, "Спасибо за статью"), remote(2, "ты дурак"), remote(3, "Great article, thanks")],
        "3",
    ).added_ids
    store.comments.set_toxicity(
        [
            (ids[0], ToxicityResult(0.0, ToxicityLevel.OK)),
            (ids[1], ToxicityResult(0.9, ToxicityLevel.TOXIC)),
            (ids[2], ToxicityResult(0.4, ToxicityLevel.REVIEW)),
        ]
    )
    assert store.comments.ids(CommentFilter()) == [ids[2], ids[1], ids[0]]
    assert store.comments.ids(CommentFilter(sort=SortOrder.OLDEST)) == list(ids)
    assert store.comments.ids(CommentFilter(sort=SortOrder.RISK)) == [ids[1], ids[2], ids[0]]
    assert store.comments.ids(CommentFilter(min_level=ToxicityLevel.REVIEW)) == [ids[2], ids[1]]
    assert store.comments.ids(CommentFilter(search="статью")) == [ids[0]]
    assert store.comments.ids(CommentFilter(search="thank")) == [ids[2]]  # prefix
    assert store.comments.ids(CommentFilter(search="th")) == [ids[2]]  # from two letters on
    assert store.comments.ids(CommentFilter(search="t")) == []  # one letter: a whole word
    assert store.comments.ids(CommentFilter(search='"; DROP TABLE comments; --')) == []
    assert store.comments.ids(CommentFilter(), limit=1, offset=1) == [ids[1]]
    counts = store.comments.counts_by_account()[account.id]
    assert (counts.total, counts.new, counts.flagged) == (3, 3, 2)


def test_thread_context_is_in_order(store: Store, account: Account) -> None:
    assert account.id is not None
    ids = store.comments.ingest(
        account.id, [remote(1), remote(2, parent="c1"), remote(3, post="other")], "3"
    ).added_ids
    comment = store.comments.get(ids[1])
    assert comment is not None
    assert [c.id for c in store.comments.thread(comment)] == [ids[0], ids[1]]
    assert comment.remote.thread.title == "Post p1"


def test_every_filter_field_narrows(store: Store, account: Account) -> None:
    from dataclasses import replace

    from moderator_app.store.timeutil import to_ts
    from tests.factories import BASE

    assert account.id is not None
    ids = store.comments.ingest(
        account.id,
        [
            remote(1, "Привет всем, отличный пост"),
            replace(remote(2, "you are an idiot"), thread=remote(9, post="p2").thread),
            remote(3, "ок"),
        ],
        "3",
    ).added_ids
    store.comments.set_toxicity(
        [
            (ids[0], ToxicityResult(0.1, ToxicityLevel.OK)),
            (ids[1], ToxicityResult(0.8, ToxicityLevel.TOXIC)),
            (ids[2], ToxicityResult(0.4, ToxicityLevel.REVIEW)),
        ]
    )
    one = store.comments.get(ids[0])
    assert one is not None

    def found(**kw: object) -> set[int]:
        return set(store.comments.ids(CommentFilter(**kw)))  # type: ignore[arg-type]

    assert found(language="ru") == {ids[0]}
    assert found(language="en") == {ids[1]}
    assert found(score_min=0.3, score_max=0.5) == {ids[2]}
    assert found(account_id=account.id, thread_remote_id="p2") == {ids[1]}
    assert found(author_name=one.remote.author.name) == {ids[0]}
    assert found(author_id=one.remote.author.remote_id) == {ids[0]}
    second = to_ts(BASE) + 120
    assert found(since_ts=second) == {ids[1], ids[2]}
    assert found(until_ts=second) == {ids[0]}
    assert found(failed_actions_only=True) == set()
    action = store.outbox.enqueue(ids[2], ActionKind.HIDE)
    store.outbox.fail(action, "gone")
    assert found(failed_actions_only=True) == {ids[2]}


def test_pages_written_together_keep_the_best_known_post_fields(
    store: Store, account: Account
) -> None:
    """A later page that knows less about a post (no title) does not blank what an earlier
    page of the same transaction told, and a later non-empty field wins."""
    assert account.id is not None
    first = remote(1, post="p9")
    later = replace(remote(2, post="p9"), thread=ThreadRef("p9", "", "http://example/p9-new"))
    pages = [prepare_page(account.id, [first]), prepare_page(account.id, [later])]
    store.comments.ingest_prepared(account.id, pages, "2")
    stored = store.comments.by_remote_id(account.id, "c2")
    assert stored is not None
    assert stored.remote.thread.title == "Post p9"
    assert stored.remote.thread.url == "http://example/p9-new"
