# wrong(fgsm_attack): subtracts the perturbation, x - epsilon * sign(grad), which decreases the loss
from __future__ import annotations

import numpy as np
from correct_vectorised import logistic_fgsm  # noqa: F401


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    return np.clip(np.asarray(x, dtype=np.float64) - epsilon * np.sign(grad), clip_min, clip_max)
