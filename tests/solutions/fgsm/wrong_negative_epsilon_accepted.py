# wrong(fgsm_attack, logistic_fgsm): accepts epsilon < 0, an attack that decreases the loss
from __future__ import annotations

import numpy as np


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    return np.clip(np.asarray(x, dtype=np.float64) + epsilon * np.sign(grad), clip_min, clip_max)


def logistic_fgsm(x, y, w, b, epsilon, *, clip_min=0.0, clip_max=1.0):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x @ w + b))
    p = np.where(x @ w + b >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    grad = (p - y)[:, None] * w[None, :] / len(x)
    return fgsm_attack(x, grad, epsilon, clip_min=clip_min, clip_max=clip_max)
