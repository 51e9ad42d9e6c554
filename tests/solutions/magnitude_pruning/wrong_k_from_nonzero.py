# wrong(prune_by_magnitude, global_prune_by_magnitude): k from the nonzero count
from __future__ import annotations

import numpy as np
from correct_argsort import _k, _prune_flat


def prune_by_magnitude(w, amount):
    w = np.asarray(w, dtype=np.float64)
    _k(amount, w.size)  # validation as usual
    alive = int(np.count_nonzero(w))
    k = int(amount) if isinstance(amount, (int, np.integer)) else round(amount * alive)
    mask = _prune_flat(np.abs(w).ravel(), k).reshape(w.shape)
    return w * mask, mask


def global_prune_by_magnitude(ws, amount):
    flat = np.concatenate([np.abs(np.asarray(w, dtype=np.float64)).ravel() for w in ws])
    _k(amount, flat.size)
    alive = int(np.count_nonzero(flat))
    k = int(amount) if isinstance(amount, (int, np.integer)) else round(amount * alive)
    mask = _prune_flat(flat, k)
    pieces = np.split(mask, np.cumsum([np.size(w) for w in ws])[:-1])
    masks = [p.reshape(np.shape(w)) for p, w in zip(pieces, ws, strict=True)]
    return [w * m for w, m in zip(ws, masks, strict=True)], masks
