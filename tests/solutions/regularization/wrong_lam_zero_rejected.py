# wrong(l1_penalty, l2_penalty, elastic_net_penalty): raises for lam == 0, which is valid
from __future__ import annotations

import numpy as np


def _check(lam):
    if lam <= 0:
        raise ValueError("lam must be positive")


def l1_penalty(w, lam):
    _check(lam)
    return float(lam * np.sum(np.abs(w))), lam * np.sign(w)


def l2_penalty(w, lam):
    _check(lam)
    return float(0.5 * lam * np.sum(w**2)), lam * w


def elastic_net_penalty(w, lam, l1_ratio):
    _check(lam)
    if not 0 <= l1_ratio <= 1:
        raise ValueError("l1_ratio must lie in [0, 1]")
    penalty = lam * (l1_ratio * np.sum(np.abs(w)) + 0.5 * (1 - l1_ratio) * np.sum(w**2))
    return float(penalty), lam * (l1_ratio * np.sign(w) + (1 - l1_ratio) * w)
