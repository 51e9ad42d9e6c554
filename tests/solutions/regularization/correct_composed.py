# correct: elastic net composed from the L1 and L2 penalties; vdot for the squares, copysign
from __future__ import annotations

import numpy as np


def l1_penalty(w, lam):
    if lam < 0:
        raise ValueError("the penalty strength lam cannot be negative")
    w = np.asarray(w, dtype=np.float64)
    grad = np.where(w == 0, 0.0, np.copysign(lam, w))
    return lam * float(np.linalg.norm(w.ravel(), 1)), grad


def l2_penalty(w, lam):
    if lam < 0:
        raise ValueError("the penalty strength lam cannot be negative")
    w = np.asarray(w, dtype=np.float64)
    return float(lam * np.vdot(w, w) / 2), w * lam


def elastic_net_penalty(w, lam, l1_ratio):
    if not 0.0 <= l1_ratio <= 1.0:
        raise ValueError("l1_ratio is the share of the L1 part and must lie in [0, 1]")
    if lam < 0:
        raise ValueError("the penalty strength lam cannot be negative")
    p1, g1 = l1_penalty(w, lam * l1_ratio)
    p2, g2 = l2_penalty(w, lam * (1 - l1_ratio))
    return p1 + p2, g1 + g2
