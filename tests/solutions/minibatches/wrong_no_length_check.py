# wrong(minibatches): no check that x and y have the same length
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    n = len(x)
    order = rng.permutation(n) if shuffle else np.arange(n)
    stop = n - n % batch_size if drop_last else n
    return [
        (x[order[s : s + batch_size]], y[order[s : s + batch_size]])
        for s in range(0, stop, batch_size)
    ]
