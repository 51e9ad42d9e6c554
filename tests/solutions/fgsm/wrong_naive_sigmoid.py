# wrong(logistic_fgsm): naive sigmoid 1 / (1 + exp(-z)), exp overflows for logits of -1e4
from __future__ import annotations

import numpy as np
from correct_vectorised import fgsm_attack


def logistic_fgsm(x, y, w, b, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    x = np.asarray(x, dtype=np.float64)
    p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
    grad = (p - y)[:, None] * w[None, :] / len(x)
    return fgsm_attack(x, grad, epsilon, clip_min=clip_min, clip_max=clip_max)
