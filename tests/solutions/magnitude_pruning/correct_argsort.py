# correct: vectorised, a stable argsort of |w| (ties broken by the earlier position)
from __future__ import annotations

import numbers

import numpy as np


def _k(amount, size):
    if isinstance(amount, numbers.Integral):
        if amount < 0 or amount > size:
            raise ValueError(f"amount={amount} must be a count between 0 and {size}")
        return int(amount)
    if not 0.0 <= amount <= 1.0:
        raise ValueError(f"amount={amount} must be a fraction in [0, 1]")
    return round(amount * size)


def _prune_flat(magnitudes, k):
    mask = np.ones(magnitudes.size)
    mask[np.argsort(magnitudes, kind="stable")[:k]] = 0.0
    return mask


def prune_by_magnitude(w, amount):
    w = np.asarray(w, dtype=np.float64)
    mask = _prune_flat(np.abs(w).ravel(), _k(amount, w.size)).reshape(w.shape)
    return w * mask, mask


def global_prune_by_magnitude(ws, amount):
    sizes = [np.size(w) for w in ws]
    flat = np.concatenate([np.abs(np.asarray(w, dtype=np.float64)).ravel() for w in ws])
    mask = _prune_flat(flat, _k(amount, flat.size))
    pieces = np.split(mask, np.cumsum(sizes)[:-1])
    masks = [p.reshape(np.shape(w)) for p, w in zip(pieces, ws, strict=True)]
    return [w * m for w, m in zip(ws, masks, strict=True)], masks
