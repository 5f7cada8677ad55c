"""Thresholds that keep a recall, and the precision a ranking reaches at a given recall.

Only a better ranking can raise precision at equal recall, so the correction is judged by
`precision_at_recall`, and its thresholds are chosen to flag the same share of the comments
moderators called toxic as before (`threshold_for_recall`).
"""

import math
from collections.abc import Sequence

import numpy as np


def threshold_for_recall(toxic_scores: Sequence[float], recall: float) -> float | None:
    """The highest threshold at which at least `recall` of these (toxic) scores are flagged
    (score ≥ threshold); None with no scores."""
    if not toxic_scores:
        return None
    ordered = sorted(toxic_scores, reverse=True)
    needed = max(1, math.ceil(recall * len(ordered) - 1e-9))
    return float(ordered[min(needed, len(ordered)) - 1])


def recall_at(toxic_scores: Sequence[float], threshold: float) -> float:
    if not toxic_scores:
        return 0.0
    return sum(s >= threshold for s in toxic_scores) / len(toxic_scores)


def precision_at_recall(scores: Sequence[float], labels: Sequence[bool], recall: float) -> float:
    """The best precision of any threshold whose recall is at least `recall` (ties in score are
    flagged together, as a threshold would)."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=bool)
    positives = int(y.sum())
    if positives == 0:
        return 0.0
    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    tp = np.cumsum(y_sorted)
    flagged = np.arange(1, len(s) + 1)
    # a threshold can only cut between distinct scores
    last_of_tie = np.r_[s_sorted[1:] != s_sorted[:-1], True]
    tp, flagged = tp[last_of_tie], flagged[last_of_tie]
    ok = tp / positives >= recall - 1e-12
    if not ok.any():
        return 0.0
    return float(np.max(tp[ok] / flagged[ok]))


def average_precision(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the precision-recall curve (step-wise, ties flagged together)."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=bool)
    positives = int(y.sum())
    if positives == 0:
        return 0.0
    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    last_of_tie = np.r_[s_sorted[1:] != s_sorted[:-1], True]
    tp = np.cumsum(y_sorted)[last_of_tie]
    flagged = np.arange(1, len(s) + 1)[last_of_tie]
    recall = tp / positives
    precision = tp / flagged
    gains = np.diff(np.r_[0.0, recall])
    return float(np.sum(gains * precision))
