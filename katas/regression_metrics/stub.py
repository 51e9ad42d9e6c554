"""Kata `regression_metrics`: MSE, RMSE, MAE and R², as scikit-learn computes them, in NumPy.

Each metric compares targets `y_true` with predictions `y_pred` of the same shape, `(N,)` for one
output or `(N, K)` for `K` outputs (one target per column). It is computed for every column over
the `N` samples, and the `K` column values are averaged with equal weights (scikit-learn's default
`multioutput="uniform_average"`). Every function returns a Python float and never modifies its
inputs.
"""

from __future__ import annotations

import numpy as np


def mse(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Mean squared error, as `sklearn.metrics.mean_squared_error`.

    Args:
        y_true: targets, float array of shape `(N,)` or `(N, K)`, `N >= 1`, `K >= 1`.
        y_pred: predictions, exactly the same shape.

    Returns:
        The mean over the samples of `(y_true - y_pred) ** 2`, per column, averaged over the
        columns, as a Python float.

    Raises:
        ValueError: if the shapes differ (no broadcasting: `(N,)` against `(N, 1)` is an
            error), the arrays are not 1-D or 2-D, or the input is empty.
    """
    raise NotImplementedError


def rmse(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Root mean squared error, as `sklearn.metrics.root_mean_squared_error`.

    Args:
        y_true: targets, float array of shape `(N,)` or `(N, K)`, `N >= 1`, `K >= 1`.
        y_pred: predictions, exactly the same shape.

    Returns:
        The square root of each column's mean squared error, averaged over the columns (for
        `K > 1` this is not `sqrt(mse(y_true, y_pred))`), as a Python float.

    Raises:
        ValueError: as `mse`.
    """
    raise NotImplementedError


def mae(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Mean absolute error, as `sklearn.metrics.mean_absolute_error`.

    Args:
        y_true: targets, float array of shape `(N,)` or `(N, K)`, `N >= 1`, `K >= 1`.
        y_pred: predictions, exactly the same shape.

    Returns:
        The mean over the samples of `|y_true - y_pred|`, per column, averaged over the
        columns, as a Python float.

    Raises:
        ValueError: as `mse`.
    """
    raise NotImplementedError


def r2_score(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Coefficient of determination R², as `sklearn.metrics.r2_score`.

    Per column: `1 - sum((y_true - y_pred) ** 2) / sum((y_true - mean(y_true)) ** 2)`, the mean
    and both sums taken over that column's samples; then averaged over the columns. A column
    whose `y_true` is constant (the denominator is 0) scores `1.0` if it is predicted exactly
    and `0.0` otherwise (scikit-learn's `force_finite=True`), never NaN or infinity.

    Args:
        y_true: targets, float array of shape `(N,)` or `(N, K)`, `N >= 2`, `K >= 1`.
        y_pred: predictions, exactly the same shape.

    Returns:
        The average R² over the columns, as a Python float (1 is perfect, 0 is as good as
        predicting each column's mean, negative is worse).

    Raises:
        ValueError: as `mse`, and for fewer than two samples (scikit-learn returns NaN there).
    """
    raise NotImplementedError
