# correct: a Fisher-Yates loop with rng.integers(0, i + 1), batches cut in a while loop, np.take
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if not batch_size >= 1:
        raise ValueError("batch_size must be a positive integer")
    if x.shape[0] != y.shape[0]:
        raise ValueError("x and y must hold the same number of samples")
    if shuffle:
        if rng is None:
            raise ValueError("rng is required to shuffle")
    order = list(range(x.shape[0]))
    if shuffle:
        for i in range(len(order) - 1, 0, -1):
            j = int(rng.integers(0, i + 1))
            order[i], order[j] = order[j], order[i]
    batches = []
    start = 0
    while start < len(order):
        idx = np.array(order[start : start + batch_size], dtype=np.int64)
        if len(idx) < batch_size and drop_last:
            break
        batches.append((np.take(x, idx, axis=0), np.take(y, idx, axis=0)))
        start += batch_size
    return batches
