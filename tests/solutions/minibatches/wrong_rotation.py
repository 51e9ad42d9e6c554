# wrong(minibatches): "shuffles" by rotating the data by a random offset (np.roll)
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or len(x) != len(y) or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    n = len(x)
    order = np.arange(n)
    if shuffle and n:
        order = np.roll(order, int(rng.integers(0, n)))
    stop = n - n % batch_size if drop_last else n
    return [
        (x[order[s : s + batch_size]], y[order[s : s + batch_size]])
        for s in range(0, stop, batch_size)
    ]
