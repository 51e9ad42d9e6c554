# wrong(prune_by_magnitude): prunes every |w| <= the k-th smallest magnitude (more than k on ties)
from __future__ import annotations

import numpy as np
from correct_argsort import _k, global_prune_by_magnitude  # noqa: F401


def prune_by_magnitude(w, amount):
    w = np.asarray(w, dtype=np.float64)
    k = _k(amount, w.size)
    if k == 0:
        mask = np.ones(w.shape)
    else:
        threshold = np.sort(np.abs(w), axis=None)[k - 1]
        mask = (np.abs(w) > threshold).astype(np.float64)
    return w * mask, mask
