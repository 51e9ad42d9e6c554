# wrong(l1_penalty, l2_penalty, elastic_net_penalty): w is flattened, so the gradient stays 1-D
from __future__ import annotations

import numpy as np


def l1_penalty(w, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    v = np.ravel(w)
    return float(lam * np.abs(v).sum()), lam * np.sign(v)


def l2_penalty(w, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    v = np.ravel(w)
    return float(0.5 * lam * v @ v), lam * v


def elastic_net_penalty(w, lam, l1_ratio):
    if lam < 0 or not 0 <= l1_ratio <= 1:
        raise ValueError("lam must be >= 0 and l1_ratio in [0, 1]")
    v = np.ravel(w)
    penalty = lam * (l1_ratio * np.abs(v).sum() + 0.5 * (1 - l1_ratio) * v @ v)
    return float(penalty), lam * (l1_ratio * np.sign(v) + (1 - l1_ratio) * v)
