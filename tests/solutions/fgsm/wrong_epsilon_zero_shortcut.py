# wrong(fgsm_attack): returns a copy of x unclipped when epsilon == 0
from __future__ import annotations

import numpy as np
from correct_vectorised import logistic_fgsm  # noqa: F401


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    x = np.asarray(x, dtype=np.float64)
    if epsilon == 0:
        return x.copy()
    return np.clip(x + epsilon * np.sign(grad), clip_min, clip_max)
