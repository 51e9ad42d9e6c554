# wrong(fgsm_attack): steps along the raw gradient, x + epsilon * grad, instead of its sign
from __future__ import annotations

import numpy as np
from correct_vectorised import logistic_fgsm  # noqa: F401


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    return np.clip(np.asarray(x, dtype=np.float64) + epsilon * grad, clip_min, clip_max)
