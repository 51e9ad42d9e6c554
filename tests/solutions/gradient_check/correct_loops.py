# correct: plain loops over np.ndindex, x changed in place and the saved value assigned back
import numpy as np


def numerical_gradient(f, x, *, h=1e-5):
    if h <= 0:
        raise ValueError(f"h must be positive, got {h}")
    grad = np.zeros_like(x, dtype=np.float64)
    for index in np.ndindex(*x.shape):
        saved = x[index]
        x[index] = saved + h
        plus = f(x)
        x[index] = saved - h
        minus = f(x)
        x[index] = saved
        grad[index] = (plus - minus) / (2 * h)
    return grad


def relative_error(a, b):
    if np.shape(a) != np.shape(b):
        raise ValueError("a and b must have the same shape")
    worst = 0.0
    for u, v in zip(np.ravel(a), np.ravel(b)):
        worst = max(worst, abs(u - v) / max(abs(u) + abs(v), 1e-8))
    return float(worst)
