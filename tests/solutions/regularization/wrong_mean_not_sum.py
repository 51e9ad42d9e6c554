# wrong(l1_penalty, l2_penalty): the penalties average over the entries (np.mean) instead of summing
from __future__ import annotations

import numpy as np
from correct_vectorised import elastic_net_penalty  # noqa: F401


def l1_penalty(w, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    return float(lam * np.mean(np.abs(w))) if w.size else 0.0, lam * np.sign(w)


def l2_penalty(w, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    return float(0.5 * lam * np.mean(w**2)) if w.size else 0.0, lam * w
