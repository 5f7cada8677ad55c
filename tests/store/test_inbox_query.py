"""Reads for a large inbox: the first rows without a count, pages from scroll anchors (the
same rows as OFFSET gives), anchors in every order, placing new comments, and the lean index
set of migration 0008."""

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from moderator_app.domain import Account, LocalState, RemoteComment, ToxicityLevel, ToxicityResult
from moderator_app.store import CommentFilter, SortOrder, Store
from moderator_app.store.filters import seek_clause, walk_reads_index_only, where_clause
from moderator_app.store.inbox_query import Anchor, InboxQueries
from tests.factories import BASE, remote

WORDS = ("доставка", "возврат", "thanks", "курьер", "order")


def _texts(n: int) -> str:
    return f"{WORDS[n % len(WORDS)]} {WORDS[(n * 7) % len(WORDS)]} number {n}"


@pytest.fixture
def filled(store: Store, account: Account) -> list[int]:
    """300 comments with times out of id order, scores with many ties, some own replies."""
    assert account.id is not None
    rng = random.Random(7)
    batch: list[RemoteComment] = []
    for n in range(300):
        moment = BASE + timedelta(minutes=rng.randrange(200))  # ties in time too
        batch.append(replace(remote(n, _texts(n)), created_at=moment))
    ids = list(store.comments.ingest(account.id, batch, None).added_ids)
    levels = (ToxicityLevel.OK, ToxicityLevel.REVIEW, ToxicityLevel.TOXIC)
    store.comments.set_toxicity(
        [
            (cid, ToxicityResult(round(rng.random(), 1), levels[rng.randrange(3)]))
            for cid in ids[:250]  # the rest stay unscored
        ]
    )
    store.db.execute("UPDATE comments SET by_us = 1 WHERE id % 17 = 0")
    for cid in ids[::5]:
        store.comments.set_local_state(cid, LocalState.REVIEWED)
    return ids


FILTERS = [
    CommentFilter(),
    CommentFilter(sort=SortOrder.OLDEST),
    CommentFilter(sort=SortOrder.RISK),
    CommentFilter(min_level=ToxicityLevel.REVIEW),
    CommentFilter(min_level=ToxicityLevel.REVIEW, sort=SortOrder.RISK),
    CommentFilter(min_level=ToxicityLevel.TOXIC, local_states=(LocalState.NEW,)),
    CommentFilter(score_min=0.2, score_max=0.7),
    CommentFilter(score_min=0.2, score_max=0.7, sort=SortOrder.RISK),
    CommentFilter(search="доставка"),
    CommentFilter(search="thank", sort=SortOrder.RISK),
    CommentFilter(search="number", sort=SortOrder.OLDEST),
    CommentFilter(language="ru", sort=SortOrder.OLDEST),
    # An author's comments are walked on their own index (times out of id order, ties).
    CommentFilter(author_name="user3"),
    CommentFilter(author_name="user3", sort=SortOrder.OLDEST),
    CommentFilter(author_name="user3", sort=SortOrder.RISK),
    CommentFilter(author_name="user5", min_level=ToxicityLevel.REVIEW),
]


@pytest.mark.parametrize("f", FILTERS, ids=repr)
def test_pages_from_anchors_are_the_offset_pages(
    store: Store, filled: list[int], f: CommentFilter
) -> None:
    queries = InboxQueries(store.db)
    every = 7
    anchors = queries.anchors(f, every)
    assert anchors is not None
    everything = store.comments.ids(f)
    assert [a.row for a in anchors] == list(range(0, len(everything), every))
    for row in range(len(everything)):
        anchor = anchors[row // every]
        assert queries.page(f, 5, row - anchor.row, start=anchor.key) == everything[row : row + 5]
        assert queries.page(f, 5, row) == everything[row : row + 5]


@pytest.mark.parametrize("f", FILTERS, ids=repr)
def test_first_ids_and_survey_agree_with_the_full_read(
    store: Store, filled: list[int], f: CommentFilter
) -> None:
    queries = InboxQueries(store.db)
    everything = store.comments.ids(f)
    assert queries.first_ids(f, 20, budget_s=5.0) == everything[:20]
    assert queries.found(f) == everything
    small = queries.survey(f, full_limit=1_000, head=20)
    assert (small.count, small.ids) == (len(everything), everything)
    located = everything[len(everything) // 2] if everything else -1
    large = queries.survey(f, full_limit=0, head=20, locate=[located, filled[0]])
    assert large.ids is None
    assert large.count == len(everything) == store.comments.count(f)
    assert large.head == everything[:20]
    if everything:
        assert large.positions[located] == len(everything) // 2
    assert large.positions[filled[0]] == (
        everything.index(filled[0]) if filled[0] in everything else -1
    )


@pytest.mark.parametrize("f", FILTERS, ids=repr)
def test_positions_count_the_rows_before(store: Store, filled: list[int], f: CommentFilter) -> None:
    everything = store.comments.ids(f)
    for row in range(0, len(everything), 11):
        assert store.comments.position(f, everything[row]) == row


def test_seek_clause_for_an_expression_key_is_an_index_range(
    store: Store, filled: list[int]
) -> None:
    f = CommentFilter(sort=SortOrder.RISK)
    sql, params = seek_clause(f, (0.5, 1.0, 3), before=False, inclusive=True)
    assert sql.startswith("COALESCE(c.tox_score, -1) <= ? AND")
    assert params == [0.5, 0.5, 1.0, 3]
    where, where_params = where_clause(f, walk=True)
    plan = " ".join(
        str(r[3])
        for r in store.db.execute(
            f"EXPLAIN QUERY PLAN SELECT c.id FROM comments c WHERE {where} AND {sql} "
            "ORDER BY COALESCE(c.tox_score, -1) DESC, c.created_ts DESC, c.id DESC",
            [*where_params, *params],
        )
    )
    assert "comments_risk" in plan
    assert "<expr><?" in plan  # a range over the Risk expression, not a scan


def test_a_slow_plan_gives_up_within_its_budget(store: Store, filled: list[int]) -> None:
    queries = InboxQueries(store.db, check_steps=1)
    assert queries.first_ids(CommentFilter(), 10, budget_s=-1.0) is None
    assert queries.anchors(CommentFilter(), 10, budget_s=-1.0) is None
    assert queries.bounded(lambda: 42, 1.0) == 42


def test_walk_reads_index_only() -> None:
    assert walk_reads_index_only(CommentFilter(min_level=ToxicityLevel.REVIEW, language="ru"))
    assert walk_reads_index_only(CommentFilter(score_min=0.5, sort=SortOrder.RISK))
    assert not walk_reads_index_only(CommentFilter(author_name="x"))
    assert not walk_reads_index_only(
        CommentFilter(min_level=ToxicityLevel.REVIEW, sort=SortOrder.RISK)
    )
    assert not walk_reads_index_only(CommentFilter(search="x"))


def _new_comments(store: Store, account: Account, numbers: range, minutes: list[int]) -> list[int]:
    assert account.id is not None
    batch = [
        replace(remote(n, _texts(n)), created_at=BASE + timedelta(minutes=m))
        for n, m in zip(numbers, minutes, strict=True)
    ]
    return list(store.comments.ingest(account.id, batch, None).added_ids)


@pytest.mark.parametrize("max_counts", [48, 0], ids=["placed", "re-laid out"])
@pytest.mark.parametrize("f", [CommentFilter(), CommentFilter(sort=SortOrder.OLDEST)], ids=repr)
def test_catch_up_places_new_comments_or_moves_rows_and_anchors(
    store: Store, account: Account, filled: list[int], f: CommentFilter, max_counts: int
) -> None:
    queries = InboxQueries(store.db)
    before = store.comments.ids(f)
    since = queries.last_id()
    anchors = queries.anchors(f, 9)
    assert anchors is not None
    pinned = [(before[0], 0), (before[150], 150), (before[-1], len(before) - 1)]
    added = _new_comments(
        store, account, range(1000, 1012), [-5, 0, 17, 17, 50, 99, 150, 180, 199, 260, 300, 1]
    )
    after = store.comments.ids(f)
    caught = queries.catch_up(
        f,
        since_id=since,
        count=len(before),
        pinned=pinned,
        anchors=anchors,
        limit=100,
        max_counts=max_counts,
    )
    assert caught is not None
    assert caught.count == len(after)
    assert caught.last_id == max(added)
    if max_counts:
        assert caught.placed == sorted((after.index(cid), cid) for cid in added)
    else:
        assert caught.placed is None
        assert caught.positions == {cid: after.index(cid) for cid, _ in pinned}
        assert [a.row for a in caught.anchors] == [
            after.index(_id_at(store, f, a)) for a in anchors
        ]
        for anchor in caught.anchors:  # the moved anchors still start their rows
            assert queries.page(f, 3, 0, start=anchor.key) == after[anchor.row : anchor.row + 3]


def _id_at(store: Store, f: CommentFilter, anchor: Anchor) -> int:
    return InboxQueries(store.db).page(f, 1, 0, start=anchor.key)[0]


def test_catch_up_declines_a_burst_or_a_deletion(
    store: Store, account: Account, filled: list[int]
) -> None:
    queries = InboxQueries(store.db)
    f = CommentFilter()
    count = store.comments.count(f)
    since = queries.last_id()
    _new_comments(store, account, range(2000, 2010), list(range(10)))
    assert queries.catch_up(f, since_id=since, count=count, limit=5) is None
    store.db.execute("DELETE FROM comments WHERE id = ?", [filled[3]])
    assert queries.catch_up(f, since_id=since, count=count, limit=100) is None


def test_lean_indexes(store: Store, filled: list[int]) -> None:
    names = {
        r[0]
        for r in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments' "
            "AND sql IS NOT NULL"
        )
    }
    assert names == {
        "comments_unscored",
        "comments_feed",
        "comments_account_feed",
        "comments_risk",
        "comments_by_author_name",
        "comments_thread_time",
        "comments_flagged",
    }
    # the flagged queues find their rows through the partial index
    for f in (
        CommentFilter(min_level=ToxicityLevel.TOXIC, local_states=(LocalState.NEW,)),
        CommentFilter(min_level=ToxicityLevel.REVIEW),
    ):
        where, params = where_clause(f, joined_search=True)
        plan = " ".join(
            str(r[3])
            for r in store.db.execute(
                f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM comments c WHERE {where}", params
            )
        )
        assert "comments_flagged" in plan


def test_a_stopped_read_fails_as_interrupted(store: Store, filled: list[int]) -> None:
    import sqlite3

    from moderator_app.store.inbox_query import is_interrupted

    queries = InboxQueries(store.db, stopped=lambda: True, check_steps=1)
    with pytest.raises(sqlite3.OperationalError) as caught:
        queries.bounded(lambda: queries.page(CommentFilter(), 10), 5.0)
    assert is_interrupted(caught.value)
    store.db.conn.set_progress_handler(None, 0)


def test_snapshot_reads_without_taking_the_write_turn(store: Store, filled: list[int]) -> None:
    from moderator_app.store.write_turn import TurnTakingConnection

    conn = store.db.conn
    assert isinstance(conn, TurnTakingConnection)
    queries = InboxQueries(store.db)
    assert conn.turn is not None
    conn.turn.acquire()  # another writer holds the turn: a read snapshot must not wait
    try:
        with queries.snapshot():
            assert conn.in_transaction
            assert queries.page(CommentFilter(), 3)
        assert not conn.in_transaction
    finally:
        conn.turn.release()
