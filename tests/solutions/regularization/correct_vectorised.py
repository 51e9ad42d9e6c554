# correct: vectorised NumPy, np.abs / np.sign, sums over every axis at once
from __future__ import annotations

import numpy as np


def l1_penalty(w, lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    return float(lam * np.abs(w).sum()), lam * np.sign(w)


def l2_penalty(w, lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    return float(0.5 * lam * np.square(w).sum()), lam * np.asarray(w, dtype=np.float64)


def elastic_net_penalty(w, lam, l1_ratio):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    if l1_ratio < 0 or l1_ratio > 1:
        raise ValueError(f"l1_ratio must lie in [0, 1], got {l1_ratio}")
    penalty = lam * (l1_ratio * np.abs(w).sum() + 0.5 * (1 - l1_ratio) * np.square(w).sum())
    grad = lam * (l1_ratio * np.sign(w) + (1 - l1_ratio) * w)
    return float(penalty), grad
