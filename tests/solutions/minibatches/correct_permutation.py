# correct: rng.permutation for the order, a list comprehension over the slice starts
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if len(x) != len(y):
        raise ValueError(f"x has {len(x)} samples, y has {len(y)}")
    if shuffle and rng is None:
        raise ValueError("shuffle=True needs rng")
    n = len(x)
    order = rng.permutation(n) if shuffle else np.arange(n)
    full = n // batch_size
    starts = range(0, full * batch_size if drop_last else n, batch_size)
    return [(x[order[s : s + batch_size]], y[order[s : s + batch_size]]) for s in starts]
