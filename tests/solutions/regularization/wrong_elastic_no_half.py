# wrong(elastic_net_penalty): the L2 part of the elastic-net penalty lacks its 1/2 (gradient right)
from __future__ import annotations

import numpy as np
from correct_vectorised import l1_penalty, l2_penalty  # noqa: F401


def elastic_net_penalty(w, lam, l1_ratio):
    if lam < 0 or not 0 <= l1_ratio <= 1:
        raise ValueError("lam must be >= 0 and l1_ratio in [0, 1]")
    penalty = lam * (l1_ratio * np.sum(np.abs(w)) + (1 - l1_ratio) * np.sum(w**2))
    return float(penalty), lam * (l1_ratio * np.sign(w) + (1 - l1_ratio) * w)
