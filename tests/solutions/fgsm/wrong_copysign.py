# wrong(fgsm_attack): np.copysign(1, g) as the sign: 0.0 moves up and -0.0 moves down
from __future__ import annotations

import numpy as np
from correct_vectorised import logistic_fgsm  # noqa: F401


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    sign = np.copysign(1.0, grad)
    return np.clip(np.asarray(x, dtype=np.float64) + epsilon * sign, clip_min, clip_max)
