"""Reference solution for the `regression_metrics` kata: MSE, RMSE, MAE and R^2, each computed
per output column and averaged with equal weights, as scikit-learn's defaults."""

from __future__ import annotations

import numpy as np


def _columns(y_true: np.ndarray, y_pred: np.ndarray, *, min_samples: int = 1) -> tuple:
    """Both arrays as float64 `(N, K)` matrices, after the checks every metric shares."""
    y_true = np.asarray(y_true, dtype=np.float64)
    y_pred = np.asarray(y_pred, dtype=np.float64)
    if y_true.shape != y_pred.shape:
        # no broadcasting: (N,) against (N, 1) is a mistake, not one column
        raise ValueError(
            f"y_true and y_pred must have the same shape, got {y_true.shape} and {y_pred.shape}"
        )
    if y_true.ndim not in (1, 2):
        raise ValueError(f"expected 1-D (N,) or 2-D (N, K) arrays, got shape {y_true.shape}")
    if y_true.size == 0:
        raise ValueError(f"empty input of shape {y_true.shape}: need N >= 1 and K >= 1")
    if y_true.shape[0] < min_samples:
        raise ValueError(
            f"R^2 needs at least {min_samples} samples, got {y_true.shape[0]} "
            "(the variance of one sample is 0, so the score is not defined)"
        )
    if y_true.ndim == 1:  # one output: a single column
        return y_true[:, None], y_pred[:, None]
    return y_true, y_pred


def mse(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Mean squared error per column, averaged over the columns."""
    t, p = _columns(y_true, y_pred)
    per_column = np.mean((t - p) ** 2, axis=0)
    return float(np.mean(per_column))


def rmse(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Root of each column's mean squared error, then averaged (not the root of `mse`)."""
    t, p = _columns(y_true, y_pred)
    per_column = np.sqrt(np.mean((t - p) ** 2, axis=0))
    return float(np.mean(per_column))


def mae(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Mean absolute error per column, averaged over the columns."""
    t, p = _columns(y_true, y_pred)
    per_column = np.mean(np.abs(t - p), axis=0)
    return float(np.mean(per_column))


def r2_score(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Coefficient of determination per column, averaged; a constant column scores 1.0 when
    predicted exactly and 0.0 otherwise (scikit-learn's `force_finite=True`)."""
    t, p = _columns(y_true, y_pred, min_samples=2)
    numerator = np.sum((t - p) ** 2, axis=0)  # residual sum of squares
    denominator = np.sum((t - t.mean(axis=0)) ** 2, axis=0)  # total sum of squares
    scores = np.ones(t.shape[1])  # a constant column predicted exactly: 1.0
    varying = denominator != 0
    scores[varying] = 1.0 - numerator[varying] / denominator[varying]
    scores[~varying & (numerator != 0)] = 0.0  # constant, predicted with an error
    return float(np.mean(scores))
