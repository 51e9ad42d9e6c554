# correct: vectorised, np.sign and np.clip, a branch-free stable sigmoid, the gradient as np.outer
from __future__ import annotations

import numpy as np


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError(f"epsilon must be non-negative, got {epsilon}")
    x = np.asarray(x, dtype=np.float64)
    step = epsilon * np.sign(np.asarray(grad, dtype=np.float64))
    return np.asarray(np.clip(x + step, clip_min, clip_max), dtype=np.float64)


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    s = 1.0 / (1.0 + e)
    return np.where(z >= 0, s, e * s)


def logistic_fgsm(x, y, w, b, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError(f"epsilon must be non-negative, got {epsilon}")
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    p = _sigmoid(x @ w + b)
    grad = np.outer(p - np.asarray(y, dtype=np.float64), w) / len(x)
    return fgsm_attack(x, grad, epsilon, clip_min=clip_min, clip_max=clip_max)
