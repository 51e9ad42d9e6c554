# wrong(prune_by_magnitude): existing zeros masked as pruned, then k MORE nonzero entries pruned
from __future__ import annotations

import numpy as np
from correct_argsort import _k, global_prune_by_magnitude  # noqa: F401


def prune_by_magnitude(w, amount):
    w = np.asarray(w, dtype=np.float64)
    k = _k(amount, w.size)
    flat = np.abs(w).ravel()
    mask = (flat != 0).astype(np.float64)
    alive = np.flatnonzero(flat)
    mask[alive[np.argsort(flat[alive], kind="stable")[:k]]] = 0.0
    mask = mask.reshape(w.shape)
    return w * mask, mask
