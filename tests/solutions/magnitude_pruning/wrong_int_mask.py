# wrong(prune_by_magnitude): the mask is an int64 array of 0 and 1, not float64
from __future__ import annotations

import numpy as np
from correct_argsort import _k, global_prune_by_magnitude  # noqa: F401


def prune_by_magnitude(w, amount):
    w = np.asarray(w, dtype=np.float64)
    mask = np.ones(w.size, dtype=np.int64)
    mask[np.argsort(np.abs(w).ravel(), kind="stable")[: _k(amount, w.size)]] = 0
    mask = mask.reshape(w.shape)
    return w * mask, mask
