# wrong(minibatches): the shuffled order is rng.integers(0, N, N): samples drawn with replacement
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or len(x) != len(y) or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    n = len(x)
    order = rng.integers(0, n, size=n) if shuffle else np.arange(n)
    stop = n - n % batch_size if drop_last else n
    return [
        (x[order[s : s + batch_size]], y[order[s : s + batch_size]])
        for s in range(0, stop, batch_size)
    ]
