# wrong(fgsm_attack): np.where(g > 0, 1, -1), so zero-gradient entries move down by epsilon
from __future__ import annotations

import numpy as np
from correct_vectorised import logistic_fgsm  # noqa: F401


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    sign = np.where(np.asarray(grad) > 0, 1.0, -1.0)
    return np.clip(np.asarray(x, dtype=np.float64) + epsilon * sign, clip_min, clip_max)
