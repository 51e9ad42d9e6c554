# correct: np.argpartition on |w| (an arbitrary choice among ties) and np.where for the product
from __future__ import annotations

import operator

import numpy as np


def _k(amount, size):
    try:
        count = operator.index(amount)  # ints and NumPy integers, not floats
    except TypeError:
        if not 0.0 <= float(amount) <= 1.0:
            raise ValueError(f"fraction {amount} outside [0, 1]") from None
        return round(float(amount) * size)
    if not 0 <= count <= size:
        raise ValueError(f"count {count} outside 0..{size}")
    return count


def _mask(magnitudes, k):
    mask = np.ones_like(magnitudes)
    if k == magnitudes.size:
        mask[:] = 0.0
    elif k > 0:
        mask[np.argpartition(magnitudes, k - 1)[:k]] = 0.0
    return mask


def prune_by_magnitude(w, amount):
    w = np.array(w, dtype=np.float64)
    mask = _mask(np.abs(w).reshape(-1), _k(amount, w.size)).reshape(w.shape)
    return np.where(mask == 1.0, w, 0.0), mask


def global_prune_by_magnitude(ws, amount):
    arrays = [np.array(w, dtype=np.float64) for w in ws]
    magnitudes = np.abs(np.concatenate([a.reshape(-1) for a in arrays]))
    flat = _mask(magnitudes, _k(amount, magnitudes.size))
    bounds = np.cumsum([0] + [a.size for a in arrays])
    masks = [flat[lo:hi].reshape(a.shape) for a, lo, hi in zip(arrays, bounds, bounds[1:])]
    return [np.where(m == 1.0, a, 0.0) for a, m in zip(arrays, masks)], masks
