# wrong(l2_penalty): the penalty keeps its 1/2 but the gradient is 2 * lam * w, as if it had none
from __future__ import annotations

import numpy as np
from correct_vectorised import elastic_net_penalty, l1_penalty  # noqa: F401


def l2_penalty(w, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    return float(0.5 * lam * np.sum(w**2)), 2 * lam * w
