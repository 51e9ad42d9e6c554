# correct: a fresh copy per evaluation (x + step, x - step with a unit array), vectorised rel_error
import numpy as np


def numerical_gradient(f, x, *, h=1e-5):
    if not h > 0:
        raise ValueError("the step h must be > 0")
    flat = np.empty(x.size)
    for i in range(x.size):
        step = np.zeros(x.size)
        step[i] = h
        step = step.reshape(x.shape)
        flat[i] = (float(f(x + step)) - float(f(x - step))) / (2.0 * h)
    return flat.reshape(x.shape)


def relative_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"shapes differ: {a.shape} vs {b.shape}")
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8)))
