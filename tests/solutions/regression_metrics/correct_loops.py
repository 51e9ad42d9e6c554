# correct: plain Python loops over columns and samples, math.sqrt, explicit branches for R^2
import math


def _check(y_true, y_pred, r2=False):
    if y_true.shape != y_pred.shape:
        raise ValueError("shapes differ")
    if y_true.ndim not in (1, 2):
        raise ValueError("need 1-D or 2-D arrays")
    if y_true.size == 0:
        raise ValueError("empty input")
    if r2 and y_true.shape[0] < 2:
        raise ValueError("R^2 needs two samples")
    return y_true.reshape(y_true.shape[0], -1), y_pred.reshape(y_pred.shape[0], -1)


def _per_column(y_true, y_pred, column_score, r2=False):
    t, p = _check(y_true, y_pred, r2)
    n, k = t.shape
    total = 0.0
    for j in range(k):
        total += column_score([t[i, j] for i in range(n)], [p[i, j] for i in range(n)])
    return total / k


def _mse(a, b):
    return sum((x - y) ** 2 for x, y in zip(a, b)) / len(a)


def mse(y_true, y_pred):
    return float(_per_column(y_true, y_pred, _mse))


def rmse(y_true, y_pred):
    return float(_per_column(y_true, y_pred, lambda a, b: math.sqrt(_mse(a, b))))


def mae(y_true, y_pred):
    return float(
        _per_column(y_true, y_pred, lambda a, b: sum(abs(x - y) for x, y in zip(a, b)) / len(a))
    )


def _r2(a, b):
    mean = sum(a) / len(a)
    ss_res = sum((x - y) ** 2 for x, y in zip(a, b))
    ss_tot = sum((x - mean) ** 2 for x in a)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return 1.0 - ss_res / ss_tot


def r2_score(y_true, y_pred):
    return float(_per_column(y_true, y_pred, _r2, r2=True))
