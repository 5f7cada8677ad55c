"""The durable outbox: intent and local state together, ordering, recovery, failures."""

import pytest

from moderator_app.domain import Account, ActionKind, ActionStatus, LocalState
from moderator_app.store import Store
from moderator_app.store.outbox import UnknownComment
from tests.factories import remote


@pytest.fixture
def comment_id(store: Store, account: Account) -> int:
    assert account.id is not None
    return store.comments.ingest(account.id, [remote(1)], "1").added_ids[0]


def test_enqueue_writes_action_and_local_state_together(store: Store, comment_id: int) -> None:
    action = store.outbox.enqueue(comment_id, ActionKind.HIDE, actor="me")
    assert action.status is ActionStatus.PENDING
    assert action.idempotency_key.startswith("mod-")
    comment = store.comments.get(comment_id)
    assert comment is not None
    assert comment.local_state is LocalState.HIDDEN
    assert comment.pending_actions == 1
    assert [e["event"] for e in store.audit.for_comment(comment_id)] == ["hide.queued"]


def test_enqueue_rejects_unknown_comment_and_empty_reply(store: Store, comment_id: int) -> None:
    with pytest.raises(UnknownComment):
        store.outbox.enqueue(999, ActionKind.HIDE)
    with pytest.raises(ValueError, match="text"):
        store.outbox.enqueue(comment_id, ActionKind.REPLY, "   ")
    assert store.outbox.counts()[ActionStatus.PENDING] == 0


def test_actions_on_one_comment_go_in_order(store: Store, comment_id: int) -> None:
    hide = store.outbox.enqueue(comment_id, ActionKind.HIDE)
    unhide = store.outbox.enqueue(comment_id, ActionKind.UNHIDE)
    assert [a.id for a in store.outbox.due()] == [hide.id]
    assert store.outbox.claim(hide.id)
    assert store.outbox.due() == []  # the unhide waits while the hide is in flight
    store.outbox.complete(hide, "")
    assert [a.id for a in store.outbox.due()] == [unhide.id]


def test_interrupted_send_is_recovered_with_the_same_key(store: Store, comment_id: int) -> None:
    action = store.outbox.enqueue(comment_id, ActionKind.REPLY, "thanks!")
    assert store.outbox.claim(action.id)
    assert not store.outbox.claim(action.id)  # claimed once only
    assert store.outbox.recover_interrupted() == 1
    [again] = store.outbox.due()
    assert again.idempotency_key == action.idempotency_key
    assert again.attempts == 1


def test_retry_later_then_fail_then_retry_or_dismiss(store: Store, comment_id: int) -> None:
    action = store.outbox.enqueue(comment_id, ActionKind.HIDE)
    store.outbox.claim(action.id)
    store.outbox.retry_later(action, "timed out", 60)
    assert store.outbox.due() == []
    assert store.outbox.next_due_ts() is not None
    store.outbox.fail(action, "comment was deleted")
    failed = store.outbox.get(action.id)
    assert failed is not None
    assert (failed.status, failed.last_error) == (ActionStatus.FAILED, "comment was deleted")
    assert store.comments.get(comment_id).failed_actions == 1  # type: ignore[union-attr]
    assert store.outbox.retry(action.id)
    assert [a.id for a in store.outbox.due()] == [action.id]
    store.outbox.claim(action.id)
    store.outbox.fail(action, "still gone")
    assert store.outbox.dismiss(action.id)
    assert store.comments.get(comment_id).local_state is LocalState.NEW  # type: ignore[union-attr]


def test_escalation_with_notes(store: Store, comment_id: int) -> None:
    escalation = store.escalations.escalate(comment_id, "threatens other users", author="anna")
    assert store.comments.get(comment_id).local_state is LocalState.ESCALATED  # type: ignore[union-attr]
    store.escalations.add_note(escalation.id, "agreed, banning", author="boss")
    [found] = store.escalations.for_comment(comment_id)
    assert [n.text for n in found.notes] == ["threatens other users", "agreed, banning"]
    assert [e.id for e in store.escalations.open()] == [escalation.id]
    store.escalations.resolve(escalation.id)
    assert store.escalations.open() == []
