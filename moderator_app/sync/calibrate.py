"""Recalibration from moderators' decisions, run by the engine between polls.

After `REFIT_AFTER` new decisions on an account (and a few of each kind in all), its calibration
is refitted from the account's latest decisions, saved as a new version, and its newest
unreviewed comments are re-scored with it. The result says what changed, for the UI to show.
"""

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from moderator_app.domain import CalibrationChanged, ToxicityResult
from moderator_app.store import Store
from moderator_app.store.calibration import RESCORE_LIMIT
from moderator_app.store.feedback import Feedback, FeedbackLabel
from moderator_app.store.settings import learning_enabled
from moderator_app.sync.scoring import active_calibration, merge_opinions
from moderator_app.toxicity.base import Scorer
from moderator_app.toxicity.calibration import (
    REFIT_AFTER,
    Calibration,
    FeedbackExample,
    NotEnoughFeedback,
    apply_batch,
    default_calibration,
    describe_change,
    fit_calibration,
    refit_due,
    scorer_thresholds,
)

log = logging.getLogger(__name__)

ENGINE_ACTOR = "engine"
UNLABELED = 2000
"""Recent undecided comments that anchor each fit (see `fit_calibration`)."""


@dataclass(frozen=True, slots=True)
class Recalibrated:
    account_id: int
    calibration: Calibration
    summary: tuple[str, ...]
    rescored_ids: tuple[int, ...]

    @property
    def event(self) -> CalibrationChanged:
        return CalibrationChanged(self.account_id, self.calibration.version, self.summary)


async def maybe_recalibrate(
    store: Store, scorer: Scorer, account_id: int, *, force: bool = False
) -> Recalibrated | None:
    """Refit the account's calibration if enough new decisions came in since the last fit or
    undo (or `force`, still needing a few of each kind); None if nothing was done."""
    if not force and not store.settings.get(learning_enabled(account_id)):
        return None
    counts = store.feedback.counts(account_id)
    hidden, approved = counts[FeedbackLabel.TOXIC], counts[FeedbackLabel.OK]
    new = store.feedback.count_since(account_id, store.calibrations.last_change_ts(account_id))
    due = refit_due(new, hidden, approved) or (force and refit_due(REFIT_AFTER, hidden, approved))
    if not due:
        return None
    feedback = store.feedback.for_account(account_id)
    undecided = [text for _, text in store.feedback.undecided(account_id, UNLABELED)]
    previous = active_calibration(store, account_id)
    start = previous or default_calibration(*scorer_thresholds(scorer))
    try:
        fitted = await asyncio.to_thread(_fit, scorer, feedback, undecided, start)
    except NotEnoughFeedback as exc:
        log.info("account %s: not recalibrated: %s", account_id, exc)
        return None
    summary = tuple(describe_change(start, fitted))
    version = store.calibrations.save(account_id, fitted, summary, actor=ENGINE_ACTOR)
    calibration = replace(fitted, version=version)
    rescored = await rescore_recent(store, scorer, account_id, calibration)
    log.info("account %s: calibration v%s (%s)", account_id, version, "; ".join(summary))
    return Recalibrated(account_id, calibration, summary, rescored)


async def recalibrate_due(store: Store, scorer: Scorer) -> list[Recalibrated]:
    """`maybe_recalibrate` for every enabled account; call after `score_pending`."""
    done = []
    for account in store.accounts.list():
        if account.id is None or not account.enabled:
            continue
        result = await maybe_recalibrate(store, scorer, account.id)
        if result is not None:
            done.append(result)
    return done


async def rescore_recent(
    store: Store, scorer: Scorer, account_id: int, calibration: Calibration | None
) -> tuple[int, ...]:
    """Re-score the account's newest unreviewed comments with `calibration` (None: the base
    scorer alone); returns the ids."""
    recent = store.comments.recent_unreviewed(account_id, RESCORE_LIMIT)
    if not recent:
        return ()
    ids = [cid for cid, _ in recent]
    texts = [text for _, text in recent]
    results = await asyncio.to_thread(_score, scorer, calibration, texts)
    store.comments.set_toxicity(list(zip(ids, merge_opinions(store, ids, results), strict=True)))
    return tuple(ids)


def _fit(
    scorer: Scorer, feedback: Sequence[Feedback], undecided: Sequence[str], start: Calibration
) -> Calibration:
    # Base verdicts are recomputed: the base model may have changed since the decisions.
    bases = scorer.score_batch([f.text for f in feedback])
    examples = [
        FeedbackExample(f.text, f.toxic, base) for f, base in zip(feedback, bases, strict=True)
    ]
    anchors = list(zip(undecided, scorer.score_batch(undecided), strict=True))
    return fit_calibration(examples, start, unlabeled=anchors)


def _score(
    scorer: Scorer, calibration: Calibration | None, texts: Sequence[str]
) -> list[ToxicityResult]:
    bases = scorer.score_batch(texts)
    return bases if calibration is None else apply_batch(calibration, bases, texts)
