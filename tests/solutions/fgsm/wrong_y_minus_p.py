# wrong(logistic_fgsm): the residual's sign flipped, (y - p) * w, so the step decreases the loss
from __future__ import annotations

import numpy as np
from correct_vectorised import _sigmoid, fgsm_attack


def logistic_fgsm(x, y, w, b, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    x = np.asarray(x, dtype=np.float64)
    p = _sigmoid(x @ w + b)
    grad = (y - p)[:, None] * w[None, :] / len(x)
    return fgsm_attack(x, grad, epsilon, clip_min=clip_min, clip_max=clip_max)
