# wrong(logistic_fgsm): p = sigmoid(x @ w), the bias left out of the logit
from __future__ import annotations

import numpy as np
from correct_vectorised import _sigmoid, fgsm_attack


def logistic_fgsm(x, y, w, b, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    x = np.asarray(x, dtype=np.float64)
    p = _sigmoid(x @ w)
    grad = (p - y)[:, None] * w[None, :] / len(x)
    return fgsm_attack(x, grad, epsilon, clip_min=clip_min, clip_max=clip_max)
