# correct: a plain Python loop over the flattened entries, an explicit three-way sign
from __future__ import annotations

import numpy as np


def _sign(v):
    if v > 0:
        return 1.0
    if v < 0:
        return -1.0
    return 0.0


def _check_lam(lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")


def l1_penalty(w, lam):
    _check_lam(lam)
    flat = np.asarray(w, dtype=np.float64).reshape(-1)
    grad = np.zeros(flat.shape)
    total = 0.0
    for i, v in enumerate(flat):
        total += abs(v)
        grad[i] = lam * _sign(v)
    return float(lam * total), grad.reshape(np.shape(w))


def l2_penalty(w, lam):
    _check_lam(lam)
    flat = np.asarray(w, dtype=np.float64).reshape(-1)
    grad = np.zeros(flat.shape)
    total = 0.0
    for i, v in enumerate(flat):
        total += v * v
        grad[i] = lam * v
    return float(lam * total / 2), grad.reshape(np.shape(w))


def elastic_net_penalty(w, lam, l1_ratio):
    _check_lam(lam)
    if not (0 <= l1_ratio <= 1):
        raise ValueError(f"l1_ratio must lie in [0, 1], got {l1_ratio}")
    flat = np.asarray(w, dtype=np.float64).reshape(-1)
    grad = np.zeros(flat.shape)
    total = 0.0
    for i, v in enumerate(flat):
        total += lam * l1_ratio * abs(v) + lam * (1 - l1_ratio) * v * v / 2
        grad[i] = lam * l1_ratio * _sign(v) + lam * (1 - l1_ratio) * v
    return float(total), grad.reshape(np.shape(w))
