# wrong(l1_penalty, elastic_net_penalty): the L1 gradient at w == 0 is +lam (w >= 0 as positive)
from __future__ import annotations

import numpy as np
from correct_vectorised import l2_penalty  # noqa: F401


def _sign(w):
    return np.where(w >= 0, 1.0, -1.0)


def l1_penalty(w, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    return float(lam * np.sum(np.abs(w))), lam * _sign(w)


def elastic_net_penalty(w, lam, l1_ratio):
    if lam < 0 or not 0 <= l1_ratio <= 1:
        raise ValueError("lam must be >= 0 and l1_ratio in [0, 1]")
    penalty = lam * (l1_ratio * np.sum(np.abs(w)) + 0.5 * (1 - l1_ratio) * np.sum(w**2))
    return float(penalty), lam * (l1_ratio * _sign(w) + (1 - l1_ratio) * w)
