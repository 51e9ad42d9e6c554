# wrong(elastic_net_penalty): l1_ratio must lie strictly inside (0, 1): the valid ends 0 and 1 raise
from __future__ import annotations

import numpy as np
from correct_vectorised import l1_penalty, l2_penalty  # noqa: F401


def elastic_net_penalty(w, lam, l1_ratio):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    if not 0 < l1_ratio < 1:
        raise ValueError("l1_ratio must lie in (0, 1)")
    penalty = lam * (l1_ratio * np.sum(np.abs(w)) + 0.5 * (1 - l1_ratio) * np.sum(w**2))
    return float(penalty), lam * (l1_ratio * np.sign(w) + (1 - l1_ratio) * w)
