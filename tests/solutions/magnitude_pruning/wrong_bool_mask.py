# wrong(prune_by_magnitude, global_prune_by_magnitude): the mask is a boolean array, not float64
from __future__ import annotations

import numpy as np
from correct_argsort import _k


def _bool_mask(magnitudes, k):
    mask = np.ones(magnitudes.size, dtype=bool)
    mask[np.argsort(magnitudes, kind="stable")[:k]] = False
    return mask


def prune_by_magnitude(w, amount):
    w = np.asarray(w, dtype=np.float64)
    mask = _bool_mask(np.abs(w).ravel(), _k(amount, w.size)).reshape(w.shape)
    return np.where(mask, w, 0.0), mask


def global_prune_by_magnitude(ws, amount):
    flat = np.concatenate([np.abs(np.asarray(w, dtype=np.float64)).ravel() for w in ws])
    mask = _bool_mask(flat, _k(amount, flat.size))
    pieces = np.split(mask, np.cumsum([np.size(w) for w in ws])[:-1])
    masks = [p.reshape(np.shape(w)) for p, w in zip(pieces, ws, strict=True)]
    return [np.where(m, w, 0.0) for w, m in zip(ws, masks, strict=True)], masks
