"""Calibration versions per account: one active, a history with what changed, undo; settings;
cloud second opinions tied to the text they judged."""

import pytest

from moderator_app.domain import Account, LocalState, Platform, ToxicityLevel, ToxicityResult
from moderator_app.store import Store
from moderator_app.store.cloud_checks import CloudOpinion
from moderator_app.store.settings import CLOUD_OPENAI_ENABLED, Setting, learning_enabled
from moderator_app.toxicity.calibration import Calibration, Correction, Origin
from tests.factories import remote


def learned(review: float, word: float) -> Calibration:
    return Calibration(
        review=review,
        toxic=0.9,
        correction=Correction(weights={"w:нуб": word}),
        origin=Origin.FEEDBACK,
        hidden=20,
        approved=10,
    )


def result(score: float) -> ToxicityResult:
    level = (
        ToxicityLevel.TOXIC
        if score >= 0.7
        else ToxicityLevel.REVIEW
        if score >= 0.35
        else ToxicityLevel.OK
    )
    return ToxicityResult(score, level, scorer="lexicon")


@pytest.fixture
def account_id(account: Account) -> int:
    assert account.id is not None
    return account.id


def test_versions_one_active_and_history(store: Store, account_id: int) -> None:
    other = store.accounts.add(Account(Platform.SANDBOX, "other"))
    assert other.id is not None
    assert store.calibrations.active(account_id) is None
    assert (
        store.calibrations.save(account_id, learned(0.4, 0.5), ["Review threshold 0.35 → 0.40"])
        == 1
    )
    assert (
        store.calibrations.save(account_id, learned(0.45, 0.8), ["Review threshold 0.40 → 0.45"])
        == 2
    )
    assert store.calibrations.save(other.id, learned(0.3, 0.1)) == 1
    active = store.calibrations.active(account_id)
    assert active is not None
    assert (active.version, active.review) == (2, 0.45)
    history = store.calibrations.history(account_id)
    assert [(r.version, r.active, r.undone) for r in history] == [
        (2, True, False),
        (1, False, False),
    ]
    assert history[0].summary == ("Review threshold 0.40 → 0.45",)
    assert set(store.calibrations.active_by_account()) == {account_id, other.id}


def test_undo_restores_the_version_before_and_sticks(store: Store, account_id: int) -> None:
    ids = list(store.comments.ingest(account_id, [remote(n) for n in range(3)], "3").added_ids)
    store.comments.set_toxicity([(i, result(0.5)) for i in ids])
    store.comments.set_local_state(ids[2], LocalState.REVIEWED)
    store.calibrations.save(account_id, learned(0.4, 0.5))
    saved_at = store.calibrations.last_change_ts(account_id)
    store.calibrations.save(account_id, learned(0.45, 0.8))

    restored = store.calibrations.undo(account_id, actor="anna")
    assert restored is not None
    assert (restored.version, restored.review) == (1, 0.4)
    assert store.calibrations.active(account_id) == restored
    assert [(r.version, r.active, r.undone) for r in store.calibrations.history(account_id)] == [
        (2, False, True),
        (1, True, False),
    ]
    # decisions before the undo are no longer "new": learning resumes from the next ones
    assert store.calibrations.last_change_ts(account_id) > saved_at
    # the unreviewed comments wait to be scored again with version 1
    assert [cid for cid, _ in store.comments.unscored(10)] == ids[:2]

    assert store.calibrations.undo(account_id) is None  # back to the base scorer
    assert store.calibrations.active(account_id) is None
    assert not store.calibrations.can_undo(account_id)
    assert store.calibrations.undo(account_id) is None  # nothing left to undo
    # a new version after an undo gets the next number, never reusing an undone one
    assert store.calibrations.save(account_id, learned(0.5, 0.1)) == 3


def test_manual_thresholds_relevel_stored_comments_at_once(store: Store, account_id: int) -> None:
    ids = list(store.comments.ingest(account_id, [remote(n) for n in range(3)], "3").added_ids)
    store.comments.set_toxicity(
        [(ids[0], result(0.2)), (ids[1], result(0.5)), (ids[2], result(0.8))]
    )
    version = store.calibrations.set_thresholds(account_id, 0.15, 0.6, actor="anna")
    active = store.calibrations.active(account_id)
    assert active is not None
    assert (active.version, active.origin, active.review, active.toxic) == (
        version,
        Origin.MANUAL,
        0.15,
        0.6,
    )
    levels = [c.toxicity.level for c in store.comments.by_ids(ids) if c.toxicity]
    assert levels == [ToxicityLevel.REVIEW, ToxicityLevel.REVIEW, ToxicityLevel.TOXIC]
    assert store.calibrations.history(account_id)[0].summary == (
        "Review threshold 0.35 → 0.15",
        "Toxic threshold 0.70 → 0.60",
    )


def test_settings_have_declared_defaults_and_types(store: Store) -> None:
    assert store.settings.get(CLOUD_OPENAI_ENABLED) is False
    store.settings.set(CLOUD_OPENAI_ENABLED, True)
    assert store.settings.get(CLOUD_OPENAI_ENABLED) is True
    assert store.settings.get(learning_enabled(7)) is True
    with pytest.raises(TypeError):
        store.settings.set(CLOUD_OPENAI_ENABLED, "yes")  # type: ignore[misc]
    store.db.execute("INSERT INTO settings (key, value) VALUES ('x.y', '\"oops\"')")
    assert store.settings.get(Setting("x.y", 3, "a number")) == 3


def test_cloud_opinions_follow_the_text(store: Store, account_id: int) -> None:
    ids = list(store.comments.ingest(account_id, [remote(n) for n in range(3)], "3").added_ids)
    store.comments.set_toxicity(
        [(ids[0], result(0.9)), (ids[1], result(0.5)), (ids[2], result(0.1))]
    )
    assert [cid for cid, _ in store.cloud_checks.pending("openai")] == [ids[1], ids[0]]
    store.cloud_checks.record(
        ids[0], "openai", "comment number 0", CloudOpinion("openai", 0.8, ("harassment",))
    )
    assert [cid for cid, _ in store.cloud_checks.pending("openai")] == [ids[1]]
    assert [cid for cid, _ in store.cloud_checks.pending("perspective")] == [ids[1], ids[0]]
    assert store.cloud_checks.opinions([ids[0], ids[1]]) == {
        ids[0]: [CloudOpinion("openai", 0.8, ("harassment",))]
    }
    # an edited comment is judged again
    store.comments.ingest(account_id, [remote(0, "comment number 0, edited")], "3")
    store.comments.set_toxicity([(ids[0], result(0.9))])
    assert store.cloud_checks.opinions([ids[0]]) == {}
    assert ids[0] in [cid for cid, _ in store.cloud_checks.pending("openai")]


def test_old_versions_are_pruned(store: Store, account_id: int) -> None:
    from moderator_app.store.calibration import KEEP_VERSIONS

    for n in range(KEEP_VERSIONS + 5):
        store.calibrations.save(account_id, learned(0.4, n / 100))
    versions = [r.version for r in store.calibrations.history(account_id, limit=100)]
    assert versions == list(range(KEEP_VERSIONS + 5, 5, -1))
