# wrong(l1_penalty, l2_penalty, elastic_net_penalty): the penalty is returned as an array (keepdims)
from __future__ import annotations

import numpy as np


def _total(a):
    return np.sum(a, keepdims=True).reshape(1)


def l1_penalty(w, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    return lam * _total(np.abs(w)), lam * np.sign(w)


def l2_penalty(w, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    return 0.5 * lam * _total(w**2), lam * w


def elastic_net_penalty(w, lam, l1_ratio):
    if lam < 0 or not 0 <= l1_ratio <= 1:
        raise ValueError("lam must be >= 0 and l1_ratio in [0, 1]")
    penalty = lam * (l1_ratio * _total(np.abs(w)) + 0.5 * (1 - l1_ratio) * _total(w**2))
    return penalty, lam * (l1_ratio * np.sign(w) + (1 - l1_ratio) * w)
