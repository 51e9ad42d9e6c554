# correct: sign((p - y) w) = (1 - 2y) sign(w) as 0 < p < 1: p never computed (full steps)
from __future__ import annotations

import numpy as np
from correct_vectorised import fgsm_attack


def logistic_fgsm(x, y, w, b, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    direction = (1.0 - 2.0 * np.asarray(y, dtype=np.float64))[:, None] * np.sign(w)[None, :]
    return fgsm_attack(x, direction, epsilon, clip_min=clip_min, clip_max=clip_max)
