"""Turning head scores into probabilities and levels, and measuring them — on validation only.

Calibration is Platt scaling with every (data set, class) cell weighted equally, so a head's
probability does not carry its training mix's base rate (Davidson's tweets are 83% offensive;
an inbox is mostly clean) and the Russian and English heads speak on one scale. Thresholds are
picked on validation: `toxic` maximises the mean F1 over the data sets, `review` is the highest
threshold at which the mean recall is still at least `REVIEW_RECALL`.
"""

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score

from moderator_app.toxicity.model_file import Calibration, Thresholds

REVIEW_RECALL = 0.9
_STEP = 0.005
_GRID = np.round(np.arange(0.05, 0.951, _STEP), 3)


def balanced_weights(y: NDArray[np.int_], groups: Sequence[str]) -> NDArray[np.float64]:
    """Weights giving each (group, class) cell the same total."""
    keys = [f"{g}\0{label}" for g, label in zip(groups, y, strict=True)]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    weights = np.array([1.0 / counts[key] for key in keys])
    scaled: NDArray[np.float64] = weights * (len(keys) / weights.sum())
    return scaled


def platt(z: NDArray[np.float64], y: NDArray[np.int_], groups: Sequence[str]) -> Calibration:
    """Scale and shift mapping raw scores `z` to probabilities, fitted on balanced cells."""
    if len(np.unique(y)) < 2:
        return Calibration()
    clf = LogisticRegression(C=1e4, solver="lbfgs")
    clf.fit(z.reshape(-1, 1), y, sample_weight=balanced_weights(y, groups))
    return Calibration(scale=float(clf.coef_[0, 0]), shift=float(clf.intercept_[0]))


def _per_group(groups: Sequence[str]) -> dict[str, NDArray[np.bool_]]:
    names = np.asarray(groups)
    return {g: names == g for g in sorted(set(groups))}


def choose_thresholds(
    p: NDArray[np.float64], y: NDArray[np.int_], groups: Sequence[str]
) -> Thresholds:
    """Review and toxic thresholds from validation probabilities (see module docstring)."""
    masks = [m for m in _per_group(groups).values() if y[m].any()]
    if not masks:
        return Thresholds(0.35, 0.7)
    f1 = np.zeros(len(_GRID))
    recall = np.zeros(len(_GRID))
    for k, t in enumerate(_GRID):
        flagged = p >= t
        f1[k] = np.mean([f1_score(y[m], flagged[m], zero_division=0.0) for m in masks])
        recall[k] = np.mean([flagged[m][y[m] == 1].mean() for m in masks])
    toxic = float(_GRID[int(np.argmax(f1))])
    reaching = [float(t) for t, r in zip(_GRID, recall, strict=True) if r >= REVIEW_RECALL]
    # strictly below `toxic`, so the review band is never empty
    review = min(max(reaching) if reaching else float(_GRID[0]), round(toxic - _STEP, 3))
    return Thresholds(review=review, toxic=toxic)


def metrics(
    p: NDArray[np.float64], y: NDArray[np.int_], groups: Sequence[str], thresholds: Thresholds
) -> dict[str, dict[str, float | int | None]]:
    """Per group: rows, toxic share, ROC-AUC, and precision/recall/F1 at the toxic threshold."""
    out: dict[str, dict[str, float | int | None]] = {}
    for group, m in _per_group(groups).items():
        truth = y[m]
        flagged = p[m] >= thresholds.toxic
        both = 0 < truth.sum() < len(truth)
        hits = int((flagged & (truth == 1)).sum())
        out[group] = {
            "rows": int(m.sum()),
            "toxic_share": round(float(truth.mean()), 4),
            "roc_auc": round(float(roc_auc_score(truth, p[m])), 4) if both else None,
            "f1": round(float(f1_score(truth, flagged, zero_division=0.0)), 4),
            "precision": round(hits / flagged.sum(), 4) if flagged.any() else None,
            "recall": round(hits / truth.sum(), 4) if truth.any() else None,
        }
    return out
