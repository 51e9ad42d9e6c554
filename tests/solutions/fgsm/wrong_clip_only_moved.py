# wrong(fgsm_attack): clips only the entries it moved (out of range with a zero gradient stays)
from __future__ import annotations

import numpy as np
from correct_vectorised import logistic_fgsm  # noqa: F401


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    x = np.asarray(x, dtype=np.float64)
    sign = np.sign(grad)
    return np.where(sign != 0, np.clip(x + epsilon * sign, clip_min, clip_max), x)
