"""Bulk triage in SQL: plans per platform with skip reasons, one-transaction writes, undo."""

import threading
import time

import pytest

from moderator_app.domain import (
    Account,
    ActionKind,
    ActionStatus,
    LocalState,
    Platform,
    PlatformState,
    ToxicityLevel,
)
from moderator_app.store import CommentFilter, Store
from moderator_app.store.bulk import BulkKind, BulkPlan, BulkRepository, SkipReason
from moderator_app.store.feedback import FeedbackLabel
from moderator_app.store.write_turn import turn_for
from tests.factories import remote
from tests.ui.helpers import verdict


@pytest.fixture
def bulk(store: Store) -> BulkRepository:
    return BulkRepository(store.db, store.audit)


def _ids(store: Store, account: Account, count: int, start: int = 0) -> list[int]:
    assert account.id is not None
    comments = [remote(n) for n in range(start, start + count)]
    return list(store.comments.ingest(account.id, comments, None).added_ids)


def test_plan_counts_per_platform_and_skips_what_a_platform_cannot_do(
    store: Store, bulk: BulkRepository
) -> None:
    vk = store.accounts.add(Account(Platform.VK, "vk"))
    tg = store.accounts.add(Account(Platform.TELEGRAM, "tg"))
    vk_ids = _ids(store, vk, 3)
    tg_ids = _ids(store, tg, 2)
    store.outbox.enqueue(vk_ids[0], ActionKind.HIDE)
    plan = bulk.plan(BulkKind.HIDE, vk_ids + tg_ids, {Platform.VK})
    assert plan.eligible == {Platform.VK: 2}
    assert plan.skipped == {
        (Platform.VK, SkipReason.ALREADY): 1,
        (Platform.TELEGRAM, SkipReason.PLATFORM): 2,
    }
    assert set(plan.eligible_ids) == set(vk_ids[1:])
    nothing_can = bulk.plan(BulkKind.DELETE, vk_ids, set())
    assert nothing_can.total == 0
    assert nothing_can.skipped == {(Platform.VK, SkipReason.PLATFORM): 3}


def test_enqueue_many_writes_actions_state_and_feedback_in_one_go(
    store: Store, account: Account
) -> None:
    ids = _ids(store, account, 5)
    action_ids = store.outbox.enqueue_many(ids, ActionKind.HIDE, actor="me")
    assert len(action_ids) == 5
    actions = [store.outbox.get(a) for a in action_ids]
    assert {a.comment_id for a in actions if a} == set(ids)
    assert len({a.idempotency_key for a in actions if a}) == 5
    assert all(a.status is ActionStatus.PENDING for a in actions if a)
    assert {store.comments.get(i).local_state for i in ids} == {LocalState.HIDDEN}  # type: ignore[union-attr]
    feedback = store.feedback.get(ids[0])
    assert feedback is not None
    assert feedback.label is FeedbackLabel.TOXIC


def test_cancel_restores_state_and_refuses_once_sending(store: Store, account: Account) -> None:
    ids = _ids(store, account, 2)
    first = store.outbox.enqueue(ids[0], ActionKind.HIDE)
    assert store.outbox.cancel(first.id)
    assert store.outbox.get(first.id) is None
    assert store.comments.get(ids[0]).local_state is LocalState.NEW  # type: ignore[union-attr]
    assert store.feedback.get(ids[0]) is None
    second = store.outbox.enqueue(ids[1], ActionKind.HIDE)
    assert store.outbox.claim(second.id)  # the engine started sending
    assert not store.outbox.cancel(second.id)
    assert store.comments.get(ids[1]).local_state is LocalState.HIDDEN  # type: ignore[union-attr]


def test_cancel_many_only_takes_back_pending_rows(store: Store, account: Account) -> None:
    ids = _ids(store, account, 4)
    action_ids = store.outbox.enqueue_many(ids, ActionKind.DELETE)
    assert store.outbox.claim(action_ids[0])
    assert store.outbox.cancel_many(action_ids) == 3
    states = [store.comments.get(i).local_state for i in ids]  # type: ignore[union-attr]
    assert states == [LocalState.HIDDEN, LocalState.NEW, LocalState.NEW, LocalState.NEW]


def test_approve_many_and_undo(store: Store, account: Account, bulk: BulkRepository) -> None:
    ids = _ids(store, account, 4)
    store.comments.set_toxicity([(ids[0], verdict(0.9)), (ids[1], verdict(0.1))])
    store.outbox.enqueue(ids[3], ActionKind.HIDE)
    plan = bulk.plan(BulkKind.APPROVE, ids, set())
    assert plan.skipped == {(Platform.SANDBOX, SkipReason.HIDDEN): 1}
    previous = bulk.approve_many(plan.eligible_ids, actor="me")
    assert sorted(previous) == [(i, LocalState.NEW) for i in ids[:3]]
    assert store.feedback.get(ids[0]).label is FeedbackLabel.OK  # type: ignore[union-attr]
    assert store.feedback.get(ids[1]) is None  # not flagged: no feedback
    assert bulk.unapprove(previous) == 3
    assert store.comments.get(ids[0]).local_state is LocalState.NEW  # type: ignore[union-attr]
    assert store.feedback.get(ids[0]) is None


def test_escalate_many_with_one_note_and_undo(
    store: Store, account: Account, bulk: BulkRepository
) -> None:
    ids = _ids(store, account, 3)
    store.escalations.escalate(ids[0], "first")
    plan = bulk.plan(BulkKind.ESCALATE, ids, set())
    assert plan.skipped == {(Platform.SANDBOX, SkipReason.ALREADY): 1}
    undo = bulk.escalate_many(plan.eligible_ids, "spam wave", author="me")
    assert len(undo.escalation_ids) == 2
    escalation = store.escalations.for_comment(ids[1])[0]
    assert [n.text for n in escalation.notes] == ["spam wave"]
    assert store.comments.get(ids[2]).local_state is LocalState.ESCALATED  # type: ignore[union-attr]
    assert bulk.unescalate(undo) == 2
    assert store.escalations.for_comment(ids[1]) == []
    assert store.comments.get(ids[1]).local_state is LocalState.NEW  # type: ignore[union-attr]


def test_bulk_hide_of_ten_thousand_is_fast(
    store: Store, account: Account, bulk: BulkRepository
) -> None:
    ids = _ids(store, account, 10_000)
    started = time.perf_counter()
    plan = bulk.plan(BulkKind.HIDE, ids, {Platform.SANDBOX})
    action_ids = store.outbox.enqueue_many(plan.eligible_ids, ActionKind.HIDE)
    elapsed = time.perf_counter() - started
    assert len(action_ids) == 10_000
    assert elapsed < 3.0
    assert store.outbox.counts()[ActionStatus.PENDING] == 10_000


def test_deleted_comments_are_skipped(store: Store, account: Account, bulk: BulkRepository) -> None:
    assert account.id is not None
    [cid] = store.comments.ingest(
        account.id, [remote(1, state=PlatformState.DELETED)], None
    ).added_ids
    plan = bulk.plan(BulkKind.APPROVE, [cid], set())
    assert plan.skipped == {(Platform.SANDBOX, SkipReason.DELETED): 1}


@pytest.mark.parametrize(
    "f",
    [
        CommentFilter(),
        CommentFilter(min_level=ToxicityLevel.REVIEW),
        CommentFilter(search="comment"),
        CommentFilter(platform=Platform.TELEGRAM, local_states=(LocalState.NEW,)),
    ],
    ids=repr,
)
@pytest.mark.parametrize("kind", list(BulkKind))
def test_plan_matching_a_filter_is_the_plan_of_its_ids(
    store: Store, bulk: BulkRepository, kind: BulkKind, f: CommentFilter
) -> None:
    vk = store.accounts.add(Account(Platform.VK, "vk"))
    tg = store.accounts.add(Account(Platform.TELEGRAM, "tg"))
    ids = _ids(store, vk, 8) + _ids(store, tg, 6, start=100)
    store.comments.set_toxicity([(cid, verdict(0.1 * (n % 10))) for n, cid in enumerate(ids)])
    store.outbox.enqueue(ids[0], ActionKind.HIDE)
    store.feedback.approve(ids[9])
    store.escalations.escalate(ids[10], "")
    capable = {Platform.VK}
    expected = bulk.plan(kind, store.comments.ids(f), capable)
    assert expected.total + expected.skipped_total > 0
    assert bulk.plan_matching(kind, f, capable) == expected


def test_planning_only_reads_and_takes_no_write_turn(store: Store, account: Account) -> None:
    """A plan is made by the background reader while the engine writes: it must not wait."""
    ids = _ids(store, account, 50)
    path = store.path
    assert path is not None
    turn = turn_for(path)
    plans: list[BulkPlan] = []

    def plan() -> None:
        with Store.open(path) as reader:
            plans.append(reader.bulk.plan(BulkKind.HIDE, ids, {Platform.SANDBOX}))
            plans.append(reader.bulk.plan_matching(BulkKind.HIDE, CommentFilter(), set()))

    turn.acquire()  # another connection is in the middle of a write
    try:
        thread = threading.Thread(target=plan, daemon=True)
        thread.start()
        thread.join(5)
        assert not thread.is_alive()
    finally:
        turn.release()
    assert plans[0].total == 50
    assert plans[1].skipped == {(Platform.SANDBOX, SkipReason.PLATFORM): 50}
