# wrong(l2_penalty): the gradient is computed in place in w (grad = w; grad *= lam): w changes
from __future__ import annotations

import numpy as np
from correct_vectorised import elastic_net_penalty, l1_penalty  # noqa: F401


def l2_penalty(w, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    penalty = float(0.5 * lam * np.sum(w**2))
    grad = w
    grad *= lam
    return penalty, grad
