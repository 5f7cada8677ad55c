"""Refit a community's calibration from its moderators' decisions.

The correction is a logistic model on top of the base score (its logit is the offset), over the
comment's words, word pieces and lexicon labels, pulled strongly towards "no change": a word
moves the score only when several decisions agree about it. Thresholds are then re-chosen so
the share of comments moderators called toxic that get flagged stays what the base scorer
flags (or what a moderator chose by hand) — the same recall — and, with a better ranking,
fewer fine comments are flagged with them.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from moderator_app.domain import ToxicityLevel, ToxicityResult
from moderator_app.toxicity.calibration_model import Calibration, Correction, Origin, logit
from moderator_app.toxicity.correction_features import correction_features
from moderator_app.toxicity.logistic import FloatArray, SparseRows, fit_logistic, sigmoid
from moderator_app.toxicity.thresholds import recall_at, threshold_for_recall

_SLOPE, _BIAS = 0, 1
_RESERVED = 2
_MIN_GAP = 0.02
_LOWEST, _HIGHEST = 0.02, 0.98


REFIT_AFTER = 20
"""New decisions on an account before its calibration is refitted."""


class NotEnoughFeedback(ValueError):
    """Too few decisions of one kind to learn anything safely."""


@dataclass(frozen=True, slots=True)
class FeedbackExample:
    """One decision: the comment's text, its verdict by the current base scorer (recomputed:
    the base model may have changed since), and whether the moderator called it toxic."""

    text: str
    toxic: bool
    base: ToxicityResult


@dataclass(frozen=True, slots=True)
class FitSettings:
    feature_l2: float = 1.0
    """Penalty on each word/piece/label weight: the larger, the more decisions a word needs."""
    slope_l2: float = 20.0
    """Penalty on re-scaling the base model's logit (kept small: the base ranking is good)."""
    bias_l2: float = 2.0
    min_each: int = 3
    """Fewest 'toxic' and fewest 'ok' decisions to fit on."""
    max_examples: int = 5000
    """Only the most recent decisions count: communities change."""
    min_count: int = 2
    """A word, piece or label must occur in this many decisions to get a weight: one decision
    says nothing about a word, and the unique pieces would only slow the fit."""
    max_weights: int = 2000
    """The largest weights kept (the rest are tiny and only bloat the stored JSON)."""
    anchor_weight: float = 1.0
    """Weight of each unlabeled comment's pull towards the base model's own probability."""
    max_anchors: int = 2000
    folds: int = 5
    """Thresholds are chosen on out-of-fold scores, so a fitted example cannot flatter them."""


def refit_due(
    new_decisions: int, hidden: int, approved: int, settings: FitSettings | None = None
) -> bool:
    """Whether enough has happened since the last fit to learn from: `REFIT_AFTER` new
    decisions, and a few of each kind in all."""
    settings = settings or FitSettings()
    return (
        new_decisions >= REFIT_AFTER
        and hidden >= settings.min_each
        and approved >= settings.min_each
    )


@dataclass(frozen=True, slots=True)
class _Design:
    """Decision rows first (label 0/1), then anchor rows (label = the base probability)."""

    x: SparseRows
    y: FloatArray
    offset: FloatArray
    weight: FloatArray
    decisions: int
    names: list[str]


def fit_calibration(
    feedback: Sequence[FeedbackExample],
    previous: Calibration | None = None,
    settings: FitSettings | None = None,
    *,
    unlabeled: Sequence[tuple[str, ToxicityResult]] = (),
) -> Calibration:
    """A new calibration from these decisions (oldest first). Raises `NotEnoughFeedback`.

    `unlabeled` are recent comments of the community nobody decided on (text, base verdict).
    Decisions are a biased sample — every flagged comment gets one, an unflagged one only when
    a moderator happens to hide it — so on their own they would teach "unflagged comments are
    toxic". The unlabeled comments anchor the fit: their target is the base model's own
    probability, so the correction only moves them where the decisions' words say so.
    """
    settings = settings or FitSettings()
    previous = previous or Calibration()
    examples = list(feedback)[-settings.max_examples :]
    hidden = sum(e.toxic for e in examples)
    approved = len(examples) - hidden
    if hidden < settings.min_each or approved < settings.min_each:
        raise NotEnoughFeedback(
            f"need at least {settings.min_each} hidden and {settings.min_each} approved "
            f"comments (have {hidden} and {approved})"
        )
    anchors = list(unlabeled)[-settings.max_anchors :]
    design = _design(examples, anchors, settings)
    l2 = np.full(len(design.names) + _RESERVED, settings.feature_l2)
    l2[_SLOPE], l2[_BIAS] = settings.slope_l2, settings.bias_l2
    weights = fit_logistic(design.x, design.y, design.offset, l2, sample_weight=design.weight)
    correction = _correction(weights, design.names, settings.max_weights)
    targets, chosen = _recall_targets(examples, previous)
    review, toxic = _thresholds(
        examples, design, l2, targets=targets, previous=previous, settings=settings
    )
    return Calibration(
        review=review,
        toxic=toxic,
        correction=correction,
        origin=Origin.FEEDBACK,
        hidden=hidden,
        approved=approved,
        recall_targets=(round(targets[0], 4), round(targets[1], 4)) if chosen else None,
    )


def _design(
    examples: Sequence[FeedbackExample],
    anchors: Sequence[tuple[str, ToxicityResult]],
    settings: FitSettings,
) -> _Design:
    texts = [(e.text, e.base) for e in examples] + list(anchors)
    features = [correction_features(text, base) for text, base in texts]
    # Only what several decisions share gets a weight; anchors add no vocabulary of their own.
    counts = Counter(name for f in features[: len(examples)] for name in f)
    columns: dict[str, int] = {}
    rows: list[dict[int, float]] = []
    offset = np.empty(len(texts))
    for i, ((_, base), found) in enumerate(zip(texts, features, strict=True)):
        base_logit = logit(base.score)
        offset[i] = base_logit
        row = {_SLOPE: base_logit, _BIAS: 1.0}
        for name, value in found.items():
            if counts[name] >= settings.min_count:
                row[columns.setdefault(name, len(columns) + _RESERVED)] = value
        rows.append(row)
    x = SparseRows.from_dicts(rows, len(columns) + _RESERVED)
    y = np.concatenate(
        [np.asarray([float(e.toxic) for e in examples]), sigmoid(offset[len(examples) :])]
    )
    weight = np.concatenate([np.ones(len(examples)), np.full(len(anchors), settings.anchor_weight)])
    return _Design(x, y, offset, weight, len(examples), list(columns))


def _correction(weights: FloatArray, names: list[str], keep: int) -> Correction:
    features = weights[_RESERVED:]
    order = np.argsort(-np.abs(features), kind="stable")[:keep]
    kept = {names[j]: float(features[j]) for j in order if abs(features[j]) >= 1e-4}
    return Correction(slope=float(weights[_SLOPE]), bias=float(weights[_BIAS]), weights=kept)


def _out_of_fold(design: _Design, l2: FloatArray, folds: int) -> FloatArray:
    """Each decision scored by a fit that did not see it (in-sample when there are too few);
    the anchors are in every fit."""
    n = design.decisions
    if n < 2 * folds:
        weights = fit_logistic(design.x, design.y, design.offset, l2, sample_weight=design.weight)
        return sigmoid(design.offset[:n] + design.x.dot(weights)[:n])
    fold = np.r_[np.arange(n) % folds, np.full(design.x.shape[0] - n, -1)]
    scores = np.empty(n)
    for k in range(folds):
        train = fold != k
        weights = fit_logistic(
            design.x.subset(train),
            design.y[train],
            design.offset[train],
            l2,
            sample_weight=design.weight[train],
        )
        held = fold == k
        scores[held[:n]] = sigmoid(design.offset[held] + design.x.subset(held).dot(weights))
    return scores


def _thresholds(
    examples: Sequence[FeedbackExample],
    design: _Design,
    l2: FloatArray,
    *,
    targets: tuple[float, float],
    previous: Calibration,
    settings: FitSettings,
) -> tuple[float, float]:
    """Thresholds at which the new scores (out-of-fold) flag the target share of the toxic
    decisions at each level."""
    scores = _out_of_fold(design, l2, settings.folds)
    toxic_scores = [float(scores[i]) for i, e in enumerate(examples) if e.toxic]
    review = threshold_for_recall(toxic_scores, targets[0])
    toxic = threshold_for_recall(toxic_scores, targets[1])
    review = previous.review if review is None else review
    toxic = previous.toxic if toxic is None else toxic
    review = min(max(review, _LOWEST), _HIGHEST - _MIN_GAP)
    toxic = min(max(toxic, review + _MIN_GAP), _HIGHEST)
    return round(review, 4), round(toxic, 4)


def _recall_targets(
    examples: Sequence[FeedbackExample], previous: Calibration
) -> tuple[tuple[float, float], bool]:
    """The share of the toxic decisions to flag at review and at toxic level, and whether it was
    set by a moderator (and so is kept for later refits).

    Normally it is what the base scorer flags at its own thresholds, measured on the same
    decisions as the new scores: both see the same (biased) sample of comments moderators
    acted on, so the comparison is fair, and anchoring to the base scorer cannot drift from
    refit to refit. Thresholds a moderator set by hand are turned into their recall once.
    """
    toxic = [e for e in examples if e.toxic]
    if previous.origin is Origin.MANUAL:
        scores = [_previous_score(e, previous) for e in toxic]
        return (recall_at(scores, previous.review), recall_at(scores, previous.toxic)), True
    if previous.recall_targets is not None:
        return previous.recall_targets, True
    review = [float(e.base.level is not ToxicityLevel.OK) for e in toxic]
    at_toxic = [float(e.base.level is ToxicityLevel.TOXIC) for e in toxic]
    return (recall_at(review, 0.5), recall_at(at_toxic, 0.5)), False


def _previous_score(example: FeedbackExample, previous: Calibration) -> float:
    if previous.correction is None:
        return example.base.score
    return previous.correction.adjust(
        example.base.score, correction_features(example.text, example.base)
    )
