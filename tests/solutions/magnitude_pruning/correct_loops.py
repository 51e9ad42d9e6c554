# correct: plain loops, a sort by (|w|, -index): ties broken by the LATER position, unlike torch
from __future__ import annotations

import numpy as np


def _k(amount, size):
    if isinstance(amount, (int, np.integer)):
        if amount < 0:
            raise ValueError("a negative count")
        if amount > size:
            raise ValueError("more entries to prune than there are")
        return int(amount)
    if amount < 0.0 or amount > 1.0:
        raise ValueError("a fraction must lie in [0, 1]")
    return round(amount * size)


def _flat_mask(values, k):
    order = sorted(range(len(values)), key=lambda i: (abs(values[i]), -i))
    mask = [1.0] * len(values)
    for i in order[:k]:
        mask[i] = 0.0
    return mask


def _apply(w, mask_values):
    mask = np.array(mask_values, dtype=np.float64).reshape(w.shape)
    pruned = np.zeros(w.shape)
    flat_w, flat_p = w.ravel(), pruned.reshape(-1)
    for i, m in enumerate(mask_values):
        flat_p[i] = flat_w[i] * m
    return pruned, mask


def prune_by_magnitude(w, amount):
    w = np.asarray(w, dtype=np.float64)
    values = [float(v) for v in w.ravel()]
    return _apply(w, _flat_mask(values, _k(amount, len(values))))


def global_prune_by_magnitude(ws, amount):
    arrays = [np.asarray(w, dtype=np.float64) for w in ws]
    values = []
    for a in arrays:
        values.extend(float(v) for v in a.ravel())
    flat = _flat_mask(values, _k(amount, len(values)))
    pruned_list, mask_list, start = [], [], 0
    for a in arrays:
        pruned, mask = _apply(a, flat[start : start + a.size])
        pruned_list.append(pruned)
        mask_list.append(mask)
        start += a.size
    return pruned_list, mask_list
