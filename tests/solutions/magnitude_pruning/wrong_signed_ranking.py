# wrong(prune_by_magnitude): ranks by w instead of |w|, so the most negative weights are pruned
from __future__ import annotations

import numpy as np
from correct_argsort import _k, global_prune_by_magnitude  # noqa: F401


def prune_by_magnitude(w, amount):
    w = np.asarray(w, dtype=np.float64)
    mask = np.ones(w.size)
    mask[np.argsort(w.ravel(), kind="stable")[: _k(amount, w.size)]] = 0.0
    mask = mask.reshape(w.shape)
    return w * mask, mask
