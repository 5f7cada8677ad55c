"""Per-community calibration of the base scorer: what the engine, the store and the UI import.

The base scorer stays a black box; a community's `Calibration` adjusts its score with a small
learned correction and judges the level by the community's own thresholds. Spans and labels
are the base scorer's (the correction explains itself through `describe_change` instead).
"""

from collections.abc import Sequence
from dataclasses import replace

from moderator_app.domain import ToxicityResult
from moderator_app.toxicity.base import REVIEW_THRESHOLD, TOXIC_THRESHOLD, Scorer, level_for
from moderator_app.toxicity.calibration_changes import Change, ChangeKind, changes, describe_change
from moderator_app.toxicity.calibration_fit import (
    REFIT_AFTER,
    FeedbackExample,
    FitSettings,
    NotEnoughFeedback,
    fit_calibration,
    refit_due,
)
from moderator_app.toxicity.calibration_model import (
    Calibration,
    CalibrationFormatError,
    Correction,
    Origin,
)
from moderator_app.toxicity.correction_features import correction_features

SUFFIX = "+calibrated"

__all__ = [
    "REFIT_AFTER",
    "SUFFIX",
    "Calibration",
    "CalibrationFormatError",
    "Change",
    "ChangeKind",
    "Correction",
    "FeedbackExample",
    "FitSettings",
    "NotEnoughFeedback",
    "Origin",
    "apply",
    "apply_batch",
    "changes",
    "default_calibration",
    "describe_change",
    "fit_calibration",
    "refit_due",
    "scorer_thresholds",
    "with_thresholds",
]


def apply(calibration: Calibration, base: ToxicityResult, text: str) -> ToxicityResult:
    """The community's verdict on one comment: corrected score, level by its thresholds."""
    score = base.score
    if calibration.correction is not None:
        score = round(calibration.correction.adjust(base.score, correction_features(text, base)), 4)
    scorer = base.scorer if base.scorer.endswith(SUFFIX) else base.scorer + SUFFIX
    return replace(
        base,
        score=score,
        level=level_for(score, calibration.review, calibration.toxic),
        scorer=scorer,
    )


def apply_batch(
    calibration: Calibration, bases: Sequence[ToxicityResult], texts: Sequence[str]
) -> list[ToxicityResult]:
    return [apply(calibration, b, t) for b, t in zip(bases, texts, strict=True)]


def with_thresholds(calibration: Calibration, review: float, toxic: float) -> Calibration:
    """The same correction with thresholds a moderator set by hand."""
    return replace(
        calibration, review=round(review, 4), toxic=round(toxic, 4), origin=Origin.MANUAL
    )


def scorer_thresholds(scorer: Scorer) -> tuple[float, float]:
    """The base scorer's own (review, toxic) thresholds: its `thresholds` attribute when it has
    one (a trained model picks them on validation), else the app's defaults."""
    found = getattr(scorer, "thresholds", None)
    if (
        isinstance(found, tuple)
        and len(found) == 2
        and all(isinstance(t, float) for t in found)
        and 0.0 < found[0] < found[1] < 1.0
    ):
        return found[0], found[1]
    return REVIEW_THRESHOLD, TOXIC_THRESHOLD


def default_calibration(
    review: float = REVIEW_THRESHOLD, toxic: float = TOXIC_THRESHOLD
) -> Calibration:
    """What an account has before any decision: the base scorer with its own thresholds."""
    return Calibration(review=review, toxic=toxic)
