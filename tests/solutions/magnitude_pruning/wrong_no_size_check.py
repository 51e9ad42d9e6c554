# wrong(prune_by_magnitude, global_prune_by_magnitude): no error for a count > size
from __future__ import annotations

import numbers

import numpy as np
from correct_argsort import _prune_flat


def _k(amount, size):
    if isinstance(amount, numbers.Integral):
        if amount < 0:
            raise ValueError("negative count")
        return int(amount)
    if not 0.0 <= amount <= 1.0:
        raise ValueError("fraction out of range")
    return round(amount * size)


def prune_by_magnitude(w, amount):
    w = np.asarray(w, dtype=np.float64)
    mask = _prune_flat(np.abs(w).ravel(), _k(amount, w.size)).reshape(w.shape)
    return w * mask, mask


def global_prune_by_magnitude(ws, amount):
    flat = np.concatenate([np.abs(np.asarray(w, dtype=np.float64)).ravel() for w in ws])
    mask = _prune_flat(flat, _k(amount, flat.size))
    pieces = np.split(mask, np.cumsum([np.size(w) for w in ws])[:-1])
    masks = [p.reshape(np.shape(w)) for p, w in zip(pieces, ws, strict=True)]
    return [w * m for w, m in zip(ws, masks, strict=True)], masks
