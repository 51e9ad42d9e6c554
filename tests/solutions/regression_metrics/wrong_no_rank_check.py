# wrong(mse, rmse, mae, r2_score): arrays of any rank accepted (3-D as columns, 0-D as one sample)
import numpy as np


def _check(y_true, y_pred, min_samples=1):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y_true.shape != y_pred.shape or 0 in y_true.shape:
        raise ValueError(f"bad shapes {y_true.shape} and {y_pred.shape}")
    if len(y_true) < min_samples:
        raise ValueError("R^2 is not defined for fewer than two samples")
    return y_true.reshape(max(len(np.atleast_1d(y_true)), 1), -1), y_pred.reshape(
        max(len(np.atleast_1d(y_pred)), 1), -1
    )


def mse(y_true, y_pred):
    t, p = _check(y_true, y_pred)
    return float(np.square(t - p).mean())  # equal column sizes: the mean of the column means


def rmse(y_true, y_pred):
    t, p = _check(y_true, y_pred)
    return float(np.sqrt(np.square(t - p).mean(axis=0)).mean())


def mae(y_true, y_pred):
    t, p = _check(y_true, y_pred)
    return float(np.abs(p - t).mean())


def r2_score(y_true, y_pred):
    t, p = _check(y_true, y_pred, min_samples=2)
    n = t.shape[0]
    ss_res = np.einsum("nk,nk->k", t - p, t - p)
    ss_tot = n * np.var(t, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        scores = np.where(ss_tot == 0, np.where(ss_res == 0, 1.0, 0.0), 1 - ss_res / ss_tot)
    return float(scores.mean())
