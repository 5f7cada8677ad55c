"""Replaying a community's stream of moderator decisions through the calibration, and judging
the result on comments it never saw. Shared by the benchmark and the fast test.

The simulated moderator works like the real one: every comment flagged (review or toxic) gets a
decision — hide if it is toxic in this community, approve if not — and now and then (`notice`)
a toxic comment nobody flagged is hidden too. Fine comments that were not flagged get no
decision. The calibration is refitted by the engine's own rule (`refit_due`), and later
comments are flagged by the calibration in force when they arrive. Comments nobody decided on
are handed to each refit as unlabeled, as the engine hands an account's recent comments.
"""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from moderator_app.domain import ToxicityLevel, ToxicityResult
from moderator_app.toxicity.base import Scorer
from moderator_app.toxicity.calibration import (
    Calibration,
    FeedbackExample,
    FitSettings,
    apply,
    fit_calibration,
    refit_due,
)
from moderator_app.toxicity.thresholds import average_precision, precision_at_recall

UNLABELED = 2000
"""Recent comments without a decision passed to each refit, as the engine does."""


@dataclass(frozen=True, slots=True)
class Labeled:
    text: str
    toxic: bool


@dataclass(slots=True)
class Replay:
    """Checkpoints of held-out quality as decisions accumulate, and the final calibration."""

    calibration: Calibration | None = None
    decisions: int = 0
    refits: int = 0
    checkpoints: list[dict[str, Any]] = field(default_factory=list)


def _rounded(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in values.items()}


class HeldOut:
    """The evaluation part of a community: base verdicts computed once."""

    def __init__(self, rows: Sequence[Labeled], scorer: Scorer) -> None:
        self.rows = list(rows)
        self.labels = [r.toxic for r in self.rows]
        self.base = scorer.score_batch([r.text for r in self.rows])
        flagged = [b.level is not ToxicityLevel.OK for b in self.base]
        positives = sum(self.labels)
        # The recall the base scorer reaches at its own review threshold: "equal recall".
        self.recall = sum(f and y for f, y in zip(flagged, self.labels, strict=True)) / max(
            1, positives
        )
        self.base_flagged = flagged

    def scores(self, calibration: Calibration | None) -> list[float]:
        if calibration is None:
            return [b.score for b in self.base]
        return [
            apply(calibration, b, r.text).score for b, r in zip(self.base, self.rows, strict=True)
        ]

    def evaluate(self, calibration: Calibration | None) -> dict[str, Any]:
        scores = self.scores(calibration)
        if calibration is None:
            flagged = self.base_flagged
        else:
            flagged = [s >= calibration.review for s in scores]
        tp = sum(f and y for f, y in zip(flagged, self.labels, strict=True))
        return _rounded(
            {
                "precision_at_equal_recall": precision_at_recall(scores, self.labels, self.recall),
                "average_precision": average_precision(scores, self.labels),
                "flagged": sum(flagged),
                "flagged_precision": tp / max(1, sum(flagged)),
                "flagged_recall": tp / max(1, sum(self.labels)),
            }
        )


def replay(
    stream: Sequence[Labeled],
    held_out: HeldOut,
    scorer: Scorer,
    *,
    notice: float = 0.3,
    seed: int = 0,
    checkpoints: Sequence[int] = (),
    settings: FitSettings | None = None,
) -> Replay:
    rng = random.Random(seed)
    bases = scorer.score_batch([c.text for c in stream])
    feedback: list[FeedbackExample] = []
    unlabeled: list[tuple[str, ToxicityResult]] = []
    state = Replay()
    since_fit = 0
    pending = sorted(checkpoints)

    def checkpoint() -> None:
        state.checkpoints.append(
            {"decisions": len(feedback), "refits": state.refits}
            | held_out.evaluate(state.calibration)
        )

    for comment, base in zip(stream, bases, strict=True):
        shown: ToxicityResult = (
            base if state.calibration is None else apply(state.calibration, base, comment.text)
        )
        flagged = shown.level is not ToxicityLevel.OK
        if not flagged and not (comment.toxic and rng.random() < notice):
            unlabeled.append((comment.text, base))
            continue
        feedback.append(FeedbackExample(comment.text, comment.toxic, base))
        since_fit += 1
        hidden = sum(e.toxic for e in feedback)
        if refit_due(since_fit, hidden, len(feedback) - hidden, settings):
            state.calibration = fit_calibration(
                feedback, state.calibration, settings, unlabeled=unlabeled[-UNLABELED:]
            )
            state.refits += 1
            since_fit = 0
        while pending and len(feedback) >= pending[0]:
            pending.pop(0)
            checkpoint()
    state.decisions = len(feedback)
    checkpoint()
    return state
