"""Scoring of stored comments that have no toxicity result yet, in batches."""

import asyncio

from moderator_app.store import Store
from moderator_app.toxicity.base import Scorer

BATCH = 256


async def score_pending(store: Store, scorer: Scorer, *, max_batches: int = 1000) -> list[int]:
    """Score unscored comments; the CPU work runs off the loop so polling keeps ticking."""
    scored: list[int] = []
    for _ in range(max_batches):
        batch = store.comments.unscored(BATCH)
        if not batch:
            break
        texts = [text for _, text in batch]
        results = await asyncio.to_thread(scorer.score_batch, texts)
        store.comments.set_toxicity([(cid, r) for (cid, _), r in zip(batch, results, strict=True)])
        scored.extend(cid for cid, _ in batch)
    return scored
