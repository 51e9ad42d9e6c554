# correct: sigmoid 0.5 * (1 + tanh(z / 2)), sign by nested np.where, clip by minimum/maximum
from __future__ import annotations

import numpy as np


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if not epsilon >= 0:
        raise ValueError(f"epsilon = {epsilon} is negative")
    x = np.array(x, dtype=np.float64)
    grad = np.asarray(grad)
    moved = np.where(grad > 0, x + epsilon, np.where(grad < 0, x - epsilon, x))
    return np.minimum(np.maximum(moved, clip_min), clip_max)


def logistic_fgsm(x, y, w, b, epsilon, *, clip_min=0.0, clip_max=1.0):
    if not epsilon >= 0:
        raise ValueError(f"epsilon = {epsilon} is negative")
    x = np.asarray(x, dtype=np.float64)
    z = np.einsum("nd,d->n", x, w) + b
    p = 0.5 * (1.0 + np.tanh(0.5 * z))
    grad = (p - y)[:, None] * (np.asarray(w)[None, :] / x.shape[0])
    return fgsm_attack(x, grad, epsilon, clip_min=clip_min, clip_max=clip_max)
