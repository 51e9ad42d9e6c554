# wrong(elastic_net_penalty): l1_ratio weights the L2 part and 1 - l1_ratio the L1 part
from __future__ import annotations

import numpy as np
from correct_vectorised import l1_penalty, l2_penalty  # noqa: F401


def elastic_net_penalty(w, lam, l1_ratio):
    if lam < 0 or not 0 <= l1_ratio <= 1:
        raise ValueError("lam must be >= 0 and l1_ratio in [0, 1]")
    penalty = lam * ((1 - l1_ratio) * np.sum(np.abs(w)) + 0.5 * l1_ratio * np.sum(w**2))
    return float(penalty), lam * ((1 - l1_ratio) * np.sign(w) + l1_ratio * w)
