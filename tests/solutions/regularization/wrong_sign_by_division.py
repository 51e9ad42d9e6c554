# wrong(l1_penalty): the L1 gradient as lam * w / |w|, which divides 0 by 0 at an exact zero
from __future__ import annotations

import numpy as np
from correct_vectorised import elastic_net_penalty, l2_penalty  # noqa: F401


def l1_penalty(w, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    return float(lam * np.sum(np.abs(w))), lam * w / np.abs(w)
