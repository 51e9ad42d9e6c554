# wrong(logistic_fgsm): the gradient with respect to w, x.T @ (p - y) / N, broadcast over every row
from __future__ import annotations

import numpy as np
from correct_vectorised import _sigmoid, fgsm_attack


def logistic_fgsm(x, y, w, b, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    x = np.asarray(x, dtype=np.float64)
    p = _sigmoid(x @ w + b)
    grad_w = x.T @ (p - y) / len(x)
    return fgsm_attack(
        x, np.broadcast_to(grad_w, x.shape), epsilon, clip_min=clip_min, clip_max=clip_max
    )
