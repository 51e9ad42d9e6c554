# wrong(fgsm_attack): perturbs and clips x in place, modifying the caller's array
from __future__ import annotations

import numpy as np
from correct_vectorised import logistic_fgsm  # noqa: F401


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    x += epsilon * np.sign(grad)
    np.clip(x, clip_min, clip_max, out=x)
    return x
