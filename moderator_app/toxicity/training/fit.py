"""Fitting one head: logistic regression on NB-scaled features (NB-LR, Wang & Manning 2012).

Each hashed feature is scaled by its log-count ratio (how much more often it occurs in toxic
than in clean comments) before the regression, which lifts Russian forum ROC-AUC by about half
a point over plain LR here; the ratio is folded into the saved weights, so the runtime does
not know it was there.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.linear_model import LogisticRegression


@dataclass(frozen=True, slots=True)
class HeadFit:
    coef: NDArray[np.float64]
    """Weights over all columns, NB ratios folded in."""
    bias: float


def nb_ratios(
    x: sparse.csr_matrix, y: NDArray[np.int_], weights: NDArray[np.float64], hashed: int
) -> NDArray[np.float64]:
    """Smoothed log-count ratio per column over presence counts; 1 for the dense columns."""
    present = x[:, :hashed].copy()
    present.data = np.ones_like(present.data)
    toxic = np.asarray(present.T @ (weights * (y == 1))).ravel() + 1.0
    clean = np.asarray(present.T @ (weights * (y == 0))).ravel() + 1.0
    ratio = np.log((toxic / toxic.sum()) / (clean / clean.sum()))
    return np.concatenate([ratio, np.ones(x.shape[1] - hashed)])


def fit_head(
    x: sparse.csr_matrix,
    y: NDArray[np.int_],
    weights: NDArray[np.float64],
    *,
    c: float,
    hashed: int,
    nb: bool = True,
    seed: int = 0,
) -> HeadFit:
    """Fit one head on rows `x` (hashed columns first, `hashed` of them) with labels `y`."""
    if len(np.unique(y)) < 2:
        raise ValueError("a head needs both classes in its training rows")
    scale = nb_ratios(x, y, weights, hashed) if nb else np.ones(x.shape[1])
    scaled = (x @ sparse.diags(scale.astype(np.float32))).tocsr()
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=500, random_state=seed)
    clf.fit(scaled, y, sample_weight=weights)
    return HeadFit(coef=clf.coef_.ravel() * scale, bias=float(clf.intercept_[0]))
