"""Decisions as feedback: recorded with the decision in one transaction, latest per comment."""

import pytest

from moderator_app.domain import Account, ActionKind, LocalState, ToxicityLevel, ToxicityResult
from moderator_app.store import Store
from moderator_app.store.feedback import FeedbackLabel
from tests.factories import remote


def scored(score: float) -> ToxicityResult:
    level = (
        ToxicityLevel.TOXIC
        if score >= 0.7
        else ToxicityLevel.REVIEW
        if score >= 0.35
        else ToxicityLevel.OK
    )
    return ToxicityResult(score, level, scorer="lexicon")


@pytest.fixture
def ids(store: Store, account: Account) -> list[int]:
    """Four comments: flagged toxic, flagged review, not flagged, not scored."""
    assert account.id is not None
    added = list(store.comments.ingest(account.id, [remote(n) for n in range(4)], "4").added_ids)
    store.comments.set_toxicity(
        [(added[0], scored(0.9)), (added[1], scored(0.5)), (added[2], scored(0.1))]
    )
    return added


def test_hiding_records_toxic_with_what_the_moderator_saw(store: Store, ids: list[int]) -> None:
    store.outbox.enqueue(ids[1], ActionKind.HIDE, actor="anna")
    found = store.feedback.get(ids[1])
    assert found is not None
    assert (found.label, found.shown_score, found.shown_level) == (
        FeedbackLabel.TOXIC,
        0.5,
        ToxicityLevel.REVIEW,
    )
    assert found.actor == "anna"
    assert found.text == "comment number 1"


@pytest.mark.parametrize("kind", [ActionKind.DELETE, ActionKind.REPORT])
def test_delete_and_report_are_toxic_too(store: Store, ids: list[int], kind: ActionKind) -> None:
    store.outbox.enqueue(ids[0], kind)
    assert store.feedback.get(ids[0]).label is FeedbackLabel.TOXIC  # type: ignore[union-attr]


def test_reply_and_escalate_say_nothing(store: Store, ids: list[int]) -> None:
    store.outbox.enqueue(ids[0], ActionKind.REPLY, "please keep it civil")
    store.escalations.escalate(ids[0], "look at this")
    assert store.feedback.get(ids[0]) is None


def test_unhide_takes_the_hide_back(store: Store, ids: list[int]) -> None:
    store.outbox.enqueue(ids[0], ActionKind.HIDE)
    store.outbox.enqueue(ids[0], ActionKind.UNHIDE)
    assert store.feedback.get(ids[0]) is None


def test_a_failed_enqueue_leaves_no_feedback(store: Store, ids: list[int]) -> None:
    with pytest.raises(LookupError):
        store.outbox.enqueue(999, ActionKind.HIDE)
    assert store.db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0] == 0


def test_feedback_and_action_share_the_transaction(store: Store, ids: list[int]) -> None:
    store.db.execute(
        "CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'disk'); END"
    )
    with pytest.raises(Exception, match="disk"):
        store.outbox.enqueue(ids[0], ActionKind.HIDE)
    assert store.feedback.get(ids[0]) is None
    assert store.outbox.for_comment(ids[0]) == []


def test_approving_a_flagged_comment_records_ok(store: Store, ids: list[int]) -> None:
    assert store.feedback.approve(ids[0], actor="anna") is True
    comment = store.comments.get(ids[0])
    assert comment is not None
    assert comment.local_state is LocalState.REVIEWED
    assert store.feedback.get(ids[0]).label is FeedbackLabel.OK  # type: ignore[union-attr]
    assert [e["event"] for e in store.audit.for_comment(ids[0])] == ["approve"]


def test_approving_an_unflagged_comment_only_marks_it_reviewed(
    store: Store, ids: list[int]
) -> None:
    assert store.feedback.approve(ids[2]) is False
    assert store.feedback.approve(ids[3]) is False  # not scored yet
    assert store.comments.get(ids[2]).local_state is LocalState.REVIEWED  # type: ignore[union-attr]
    assert store.feedback.get(ids[2]) is None


def test_approve_refuses_hidden_and_unknown_comments(store: Store, ids: list[int]) -> None:
    store.outbox.enqueue(ids[0], ActionKind.HIDE)
    with pytest.raises(ValueError, match="unhide"):
        store.feedback.approve(ids[0])
    assert store.feedback.get(ids[0]).label is FeedbackLabel.TOXIC  # type: ignore[union-attr]
    with pytest.raises(LookupError):
        store.feedback.approve(999)


def test_latest_decision_wins_and_listing(store: Store, account: Account, ids: list[int]) -> None:
    assert account.id is not None
    store.outbox.enqueue(ids[1], ActionKind.HIDE)
    store.outbox.enqueue(ids[0], ActionKind.HIDE)
    store.outbox.enqueue(ids[1], ActionKind.UNHIDE)
    store.feedback.approve(ids[1])
    rows = store.feedback.for_account(account.id)
    assert [(f.comment_id, f.label) for f in rows] == [
        (ids[0], FeedbackLabel.TOXIC),
        (ids[1], FeedbackLabel.OK),
    ]
    assert [f.comment_id for f in store.feedback.for_account(account.id, limit=1)] == [ids[1]]
    assert store.feedback.counts(account.id) == {FeedbackLabel.TOXIC: 1, FeedbackLabel.OK: 1}
    assert store.feedback.count_since(account.id, 0) == 2
    assert store.feedback.count_since(account.id, rows[-1].at.timestamp()) == 0
    assert [cid for cid, _ in store.feedback.undecided(account.id)] == [ids[2], ids[3]]
