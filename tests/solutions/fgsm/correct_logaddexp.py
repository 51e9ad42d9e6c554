# correct: p - y via logaddexp, -sigmoid(-z) where y = 1: a full step where p rounds to y
from __future__ import annotations

import numpy as np


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("negative epsilon")
    out = np.array(x, dtype=np.float64)  # a copy, 0-d included
    out += epsilon * np.sign(grad)
    np.clip(out, clip_min, clip_max, out=out)
    return out


def logistic_fgsm(x, y, w, b, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("negative epsilon")
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y)
    z = x @ w + b
    # sigmoid(z) = exp(-log(1 + e^-z)); 1 - sigmoid(z) = sigmoid(-z), no cancellation either way
    residual = np.where(y == 1, -np.exp(-np.logaddexp(0.0, z)), np.exp(-np.logaddexp(0.0, -z)))
    grad = residual[:, None] * w[None, :] / x.shape[0]
    return fgsm_attack(x, grad, epsilon, clip_min=clip_min, clip_max=clip_max)
