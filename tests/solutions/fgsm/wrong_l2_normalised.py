# wrong(fgsm_attack): the L2 fast gradient method, epsilon * grad / ||grad||, not the sign
from __future__ import annotations

import numpy as np
from correct_vectorised import logistic_fgsm  # noqa: F401


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    grad = np.asarray(grad, dtype=np.float64)
    norm = np.linalg.norm(grad)
    step = grad / norm if norm > 0 else grad
    return np.clip(np.asarray(x, dtype=np.float64) + epsilon * step, clip_min, clip_max)
