"""A small L2-regularised logistic regression with a fixed offset, on sparse rows, in numpy.

The correction is `logit(p) = offset + X·w`: the offset is the base model's own logit, and the
penalty pulls every weight towards 0, which means "no change to the base model". Truncated
Newton (conjugate gradients on Hessian-vector products) needs only two sparse products per step,
so a few thousand feedback rows with tens of thousands of features fit in milliseconds, with
no dependency beyond numpy.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class SparseRows:
    """Rows of a sparse matrix in coordinate form: entry k is (rows[k], cols[k]) = values[k]."""

    rows: IntArray
    cols: IntArray
    values: FloatArray
    shape: tuple[int, int]

    @classmethod
    def from_dicts(cls, rows: Sequence[dict[int, float]], n_cols: int) -> "SparseRows":
        row_ids: list[int] = []
        col_ids: list[int] = []
        values: list[float] = []
        for i, row in enumerate(rows):
            for j, v in row.items():
                row_ids.append(i)
                col_ids.append(j)
                values.append(v)
        return cls(
            np.asarray(row_ids, dtype=np.int64),
            np.asarray(col_ids, dtype=np.int64),
            np.asarray(values, dtype=np.float64),
            (len(rows), n_cols),
        )

    def dot(self, w: FloatArray) -> FloatArray:
        """X · w"""
        summed = np.bincount(self.rows, weights=self.values * w[self.cols], minlength=self.shape[0])
        return np.asarray(summed, dtype=np.float64)

    def tdot(self, u: FloatArray) -> FloatArray:
        """Xᵀ · u"""
        summed = np.bincount(self.cols, weights=self.values * u[self.rows], minlength=self.shape[1])
        return np.asarray(summed, dtype=np.float64)

    def subset(self, keep: NDArray[np.bool_]) -> "SparseRows":
        """The rows where `keep` is true, renumbered in order."""
        new_index = np.cumsum(keep) - 1
        mask = keep[self.rows]
        return SparseRows(
            new_index[self.rows[mask]],
            self.cols[mask],
            self.values[mask],
            (int(keep.sum()), self.shape[1]),
        )


def _dot(a: FloatArray, b: FloatArray) -> float:
    # vdot, not `@`: a threaded BLAS call costs ~100x more on short vectors when cores are busy
    return float(np.vdot(a, b))


def sigmoid(z: FloatArray) -> FloatArray:
    out: FloatArray = 0.5 * (1.0 + np.tanh(0.5 * z))
    return out


def _loss(
    z: FloatArray, y: FloatArray, sample_weight: FloatArray, w: FloatArray, l2: FloatArray
) -> float:
    # log(1 + e^z) - y·z, computed without overflow
    per_row = np.logaddexp(0.0, z) - y * z
    return _dot(sample_weight, per_row) + 0.5 * _dot(l2 * w, w)


def fit_logistic(
    x: SparseRows,
    y: FloatArray,
    offset: FloatArray,
    l2: FloatArray,
    *,
    sample_weight: FloatArray | None = None,
    start: FloatArray | None = None,
    max_iter: int = 30,
    tol: float = 1e-6,
) -> FloatArray:
    """Weights minimising Σ s·logloss(y, offset + X·w) + ½ Σ l2·w². `l2` is per column and
    must be positive (it is what keeps the fit near "no change")."""
    n, d = x.shape
    s = np.ones(n) if sample_weight is None else sample_weight
    w = np.zeros(d) if start is None else start.astype(np.float64).copy()
    z = offset + x.dot(w)
    loss = _loss(z, y, s, w, l2)
    for _ in range(max_iter):
        p = sigmoid(z)
        grad = x.tdot(s * (p - y)) + l2 * w
        if float(np.max(np.abs(grad), initial=0.0)) < tol:
            break
        curvature = s * p * (1.0 - p)

        def hess(v: FloatArray, curvature: FloatArray = curvature) -> FloatArray:
            return x.tdot(curvature * x.dot(v)) + l2 * v

        step = _conjugate_gradient(hess, -grad, l2)
        # Backtracking keeps every step a descent even far from the optimum.
        slope = _dot(grad, step)
        t = 1.0
        while True:
            candidate = w + t * step
            z_new = offset + x.dot(candidate)
            new_loss = _loss(z_new, y, s, candidate, l2)
            if new_loss <= loss + 1e-4 * t * slope or t < 1e-8:
                break
            t *= 0.5
        improvement = loss - new_loss
        w, z, loss = candidate, z_new, new_loss
        if improvement < tol * max(1.0, abs(loss)):
            break
    return w


def _conjugate_gradient(
    hess: Callable[[FloatArray], FloatArray], b: FloatArray, diag: FloatArray, max_iter: int = 100
) -> FloatArray:
    """Solve H·x = b, preconditioned by the penalty's diagonal (H is positive definite)."""
    x = np.zeros_like(b)
    r = b.copy()
    precondition = 1.0 / diag
    z = precondition * r
    p = z.copy()
    rz = _dot(r, z)
    target = 1e-4 * np.sqrt(_dot(b, b))
    for _ in range(max_iter):
        hp = hess(p)
        alpha = rz / _dot(p, hp)
        x += alpha * p
        r -= alpha * hp
        if np.sqrt(_dot(r, r)) <= target:
            break
        z = precondition * r
        rz_new = _dot(r, z)
        p = z + (rz_new / rz) * p
        rz = rz_new
    return x
