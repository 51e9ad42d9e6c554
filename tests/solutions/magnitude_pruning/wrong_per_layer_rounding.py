# wrong(global_prune_by_magnitude): ranks globally but k = sum of round(amount * size) per array
from __future__ import annotations

import numbers

import numpy as np
from correct_argsort import _k, _prune_flat, prune_by_magnitude  # noqa: F401


def global_prune_by_magnitude(ws, amount):
    sizes = [np.size(w) for w in ws]
    flat = np.concatenate([np.abs(np.asarray(w, dtype=np.float64)).ravel() for w in ws])
    k = _k(amount, flat.size)
    if not isinstance(amount, numbers.Integral):
        k = sum(round(amount * n) for n in sizes)
    mask = _prune_flat(flat, k)
    pieces = np.split(mask, np.cumsum(sizes)[:-1])
    masks = [p.reshape(np.shape(w)) for p, w in zip(pieces, ws, strict=True)]
    return [w * m for w, m in zip(ws, masks, strict=True)], masks
