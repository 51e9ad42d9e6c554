# wrong(l2_penalty, elastic_net_penalty): L2 without the 1/2: lam * sum(w ** 2), grad 2 * lam * w
from __future__ import annotations

import numpy as np
from correct_vectorised import l1_penalty  # noqa: F401


def l2_penalty(w, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    return float(lam * np.sum(w**2)), 2 * lam * w


def elastic_net_penalty(w, lam, l1_ratio):
    if lam < 0 or not 0 <= l1_ratio <= 1:
        raise ValueError("lam must be >= 0 and l1_ratio in [0, 1]")
    penalty = lam * (l1_ratio * np.sum(np.abs(w)) + (1 - l1_ratio) * np.sum(w**2))
    return float(penalty), lam * (l1_ratio * np.sign(w) + 2 * (1 - l1_ratio) * w)
