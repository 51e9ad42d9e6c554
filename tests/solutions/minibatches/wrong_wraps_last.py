# wrong(minibatches): the last batch is filled up to batch_size with samples from the start
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or len(x) != len(y) or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    n = len(x)
    order = rng.permutation(n) if shuffle else np.arange(n)
    stop = n - n % batch_size if drop_last else n
    batches = []
    for s in range(0, stop, batch_size):
        idx = np.arange(s, s + batch_size) % n
        batches.append((x[order[idx]], y[order[idx]]))
    return batches
