"""The scorer protocol: the engine scores comments in batches through it."""

from collections.abc import Sequence
from typing import Protocol

from moderator_app.domain import ToxicityLevel, ToxicityResult

REVIEW_THRESHOLD = 0.35
TOXIC_THRESHOLD = 0.7


def level_for(
    score: float, review: float = REVIEW_THRESHOLD, toxic: float = TOXIC_THRESHOLD
) -> ToxicityLevel:
    if score >= toxic:
        return ToxicityLevel.TOXIC
    if score >= review:
        return ToxicityLevel.REVIEW
    return ToxicityLevel.OK


class Scorer(Protocol):
    name: str

    def score_batch(self, texts: Sequence[str]) -> list[ToxicityResult]:
        """One result per text, in order. Pure CPU work; must not block on the network."""
        ...
