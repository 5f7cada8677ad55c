"""The engine's side of calibration: scoring through each account's calibration, refitting
after enough decisions, re-scoring, and leaving an undo alone. No network: a real SQLite store
and the real lexicon scorer."""

import asyncio

import pytest

from moderator_app.domain import Account, ActionKind, CalibrationChanged, Platform, ToxicityLevel
from moderator_app.store import Store
from moderator_app.store.cloud_checks import CloudOpinion
from moderator_app.store.settings import BASE_REVIEW_THRESHOLD, learning_enabled
from moderator_app.sync.calibrate import maybe_recalibrate, recalibrate_due
from moderator_app.sync.scoring import score_pending
from moderator_app.toxicity.calibration import Calibration, Origin
from moderator_app.toxicity.lexicon import LexiconScorer
from tests.factories import remote

SWEARING = ("бля, какой шикарный матч", "охуенная катка", "пиздец ты затащил, красава")
INSULTS = ("ты тупой нуб, удали игру", "иди нахуй, дебил", "заткнись, урод", "мразь ты")
CLEAN = ("спасибо за стрим", "когда следующий турнир?", "кто играет завтра?")


@pytest.fixture(scope="module")
def scorer() -> LexiconScorer:
    return LexiconScorer()


def add(store: Store, name: str, texts: list[str]) -> tuple[int, list[int]]:
    account = store.accounts.add(Account(Platform.SANDBOX, name))
    assert account.id is not None
    comments = [remote(n, text) for n, text in enumerate(texts)]
    return account.id, list(store.comments.ingest(account.id, comments, None).added_ids)


def score(store: Store, scorer: LexiconScorer) -> list[int]:
    return asyncio.run(score_pending(store, scorer))


def test_scoring_applies_each_accounts_calibration(store: Store, scorer: LexiconScorer) -> None:
    _strict_id, strict = add(store, "strict", ["ты идиот"])
    lax_id, lax = add(store, "lax", ["ты идиот"])
    store.calibrations.save(lax_id, Calibration(review=0.65, toxic=0.9, origin=Origin.MANUAL))
    assert sorted(score(store, scorer)) == sorted(strict + lax)
    [a] = store.comments.by_ids(strict)
    [b] = store.comments.by_ids(lax)
    assert a.toxicity is not None
    assert b.toxicity is not None
    assert (a.toxicity.level, a.toxicity.scorer) == (ToxicityLevel.REVIEW, "lexicon")
    assert (b.toxicity.level, b.toxicity.scorer) == (ToxicityLevel.OK, "lexicon+calibrated")
    assert a.toxicity.score == b.toxicity.score
    assert store.settings.get(BASE_REVIEW_THRESHOLD) == 0.35


def decide(store: Store, ids: list[int], texts: list[str]) -> None:
    """The moderator hides insults and approves the rest of what was flagged."""
    for cid, text in zip(ids, texts, strict=True):
        if text.startswith(INSULTS):
            store.outbox.enqueue(cid, ActionKind.HIDE, actor="anna")
        else:
            store.feedback.approve(cid, actor="anna")


def community(rounds: int) -> list[str]:
    return [t + f" #{i}" for i in range(rounds) for t in (*SWEARING, *INSULTS, *CLEAN)]


def test_enough_decisions_refit_save_and_rescore(store: Store, scorer: LexiconScorer) -> None:
    texts = community(4)
    account_id, ids = add(store, "gaming", texts)
    score(store, scorer)
    assert asyncio.run(maybe_recalibrate(store, scorer, account_id)) is None  # no decisions yet
    decided = [(cid, t) for cid, t in zip(ids, texts, strict=True) if not t.startswith(CLEAN)]
    decide(store, [c for c, _ in decided[:10]], [t for _, t in decided[:10]])
    assert asyncio.run(maybe_recalibrate(store, scorer, account_id)) is None  # only 10
    decide(store, [c for c, _ in decided[10:]], [t for _, t in decided[10:]])
    _fresh_id, fresh = add(store, "unused", [])
    assert fresh == []
    more = list(
        store.comments.ingest(
            account_id, [remote(100 + n, t) for n, t in enumerate(SWEARING)], None
        ).added_ids
    )
    score(store, scorer)

    [done] = asyncio.run(recalibrate_due(store, scorer))
    assert done.account_id == account_id
    assert done.calibration.version == 1
    assert done.calibration.origin is Origin.FEEDBACK
    assert done.summary
    assert any("obscene" in line for line in done.summary)
    assert done.event == CalibrationChanged(account_id, 1, done.summary)
    assert set(more) <= set(done.rescored_ids)
    for comment in store.comments.by_ids(more):  # swearing is fine in this community now
        assert comment.toxicity is not None
        assert comment.toxicity.level is ToxicityLevel.OK
        assert comment.toxicity.scorer == "lexicon+calibrated"
    assert store.calibrations.history(account_id)[0].summary == done.summary
    assert asyncio.run(maybe_recalibrate(store, scorer, account_id)) is None  # nothing new

    # an undo sticks: the same decisions do not bring the version back
    assert store.calibrations.undo(account_id) is None
    assert asyncio.run(maybe_recalibrate(store, scorer, account_id)) is None
    rescored = score(store, scorer)
    assert set(more) <= set(rescored)
    assert all(c.toxicity and c.toxicity.scorer == "lexicon" for c in store.comments.by_ids(more))
    # ... unless asked for explicitly
    forced = asyncio.run(maybe_recalibrate(store, scorer, account_id, force=True))
    assert forced is not None
    assert forced.calibration.version == 2


def test_learning_can_be_turned_off(store: Store, scorer: LexiconScorer) -> None:
    texts = community(3)
    account_id, ids = add(store, "gaming", texts)
    score(store, scorer)
    store.settings.set(learning_enabled(account_id), False)
    decide(store, ids[:24], texts[:24])
    assert asyncio.run(recalibrate_due(store, scorer)) == []


def test_rescoring_keeps_cloud_opinions(store: Store, scorer: LexiconScorer) -> None:
    texts = community(3)
    account_id, ids = add(store, "gaming", texts)
    score(store, scorer)
    store.cloud_checks.record(
        ids[25], "openai", texts[25], CloudOpinion("openai", 0.91, ("harassment",))
    )
    decide(store, ids[:24], texts[:24])
    done = asyncio.run(maybe_recalibrate(store, scorer, account_id, force=True))
    assert done is not None
    [comment] = store.comments.by_ids([ids[25]])
    assert comment.toxicity is not None
    assert "openai:harassment" in comment.toxicity.labels
    assert comment.toxicity.scorer == "lexicon+calibrated+openai"
