"""Scoring of stored comments that have no toxicity result yet, in batches: the base scorer, then
each account's active calibration (its thresholds and learned correction), then any cloud
second opinions already on record for the text."""

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence

from moderator_app.domain import ToxicityResult
from moderator_app.store import Store
from moderator_app.store.settings import BASE_REVIEW_THRESHOLD, BASE_TOXIC_THRESHOLD
from moderator_app.toxicity.base import Scorer
from moderator_app.toxicity.calibration import (
    Calibration,
    CalibrationFormatError,
    apply,
    scorer_thresholds,
)
from moderator_app.toxicity.cloud.opinion import with_opinion

log = logging.getLogger(__name__)

BATCH = 256


BatchDone = Callable[[int, list[int]], None]


async def score_pending(
    store: Store,
    scorer: Scorer,
    *,
    max_batches: int = 1000,
    on_batch: BatchDone | None = None,
) -> list[int]:
    """Score unscored comments; the CPU work runs off the loop so polling keeps ticking.

    `on_batch(account_id, ids)` is told after each stored batch, so views refresh a batch at a
    time instead of receiving one huge change at the end."""
    remember_base_thresholds(store, scorer)
    scored: list[int] = []
    for _ in range(max_batches):
        batch = store.comments.unscored_with_account(BATCH)
        if not batch:
            break
        ids = [cid for cid, _, _ in batch]
        texts = [text for _, _, text in batch]
        accounts = [account_id for _, account_id, _ in batch]
        calibrations = {a: active_calibration(store, a) for a in set(accounts)}
        results = await asyncio.to_thread(
            score_with_calibrations, scorer, texts, accounts, calibrations
        )
        results = merge_opinions(store, ids, results)
        store.comments.set_toxicity(list(zip(ids, results, strict=True)))
        scored.extend(ids)
        if on_batch is not None:
            by_account: dict[int, list[int]] = {}
            for cid, account_id in zip(ids, accounts, strict=True):
                by_account.setdefault(account_id, []).append(cid)
            for account_id, account_ids in by_account.items():
                on_batch(account_id, account_ids)
        await asyncio.sleep(0)  # let the loop (and the outbox) breathe between batches
    return scored


def score_with_calibrations(
    scorer: Scorer,
    texts: Sequence[str],
    accounts: Sequence[int],
    calibrations: Mapping[int, Calibration | None],
) -> list[ToxicityResult]:
    """Base verdicts, each adjusted by its account's calibration (pure CPU: any thread)."""
    bases = scorer.score_batch(texts)
    out = []
    for base, text, account_id in zip(bases, texts, accounts, strict=True):
        calibration = calibrations.get(account_id)
        out.append(base if calibration is None else apply(calibration, base, text))
    return out


def merge_opinions(
    store: Store, ids: Sequence[int], results: Sequence[ToxicityResult]
) -> list[ToxicityResult]:
    """Re-attach cloud second opinions judged on these very texts (after a re-score)."""
    opinions = store.cloud_checks.opinions(ids)
    merged = []
    for cid, result in zip(ids, results, strict=True):
        joined = result
        for opinion in opinions.get(cid, ()):
            if opinion.score is not None:
                joined = with_opinion(joined, opinion.service, opinion.labels)
        merged.append(joined)
    return merged


def active_calibration(store: Store, account_id: int) -> Calibration | None:
    """The account's calibration, or None (the base scorer alone) if it cannot be read: a
    damaged row must not stop scoring."""
    try:
        return store.calibrations.active(account_id)
    except CalibrationFormatError as exc:
        log.warning("account %s: calibration ignored: %s", account_id, exc)
        return None


def remember_base_thresholds(store: Store, scorer: Scorer) -> None:
    """Record the base scorer's own thresholds, so the Flagging dialog can show them."""
    review, toxic = scorer_thresholds(scorer)
    if store.settings.get(BASE_REVIEW_THRESHOLD) != review:
        store.settings.set(BASE_REVIEW_THRESHOLD, review)
    if store.settings.get(BASE_TOXIC_THRESHOLD) != toxic:
        store.settings.set(BASE_TOXIC_THRESHOLD, toxic)
