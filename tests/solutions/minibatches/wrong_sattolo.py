# wrong(minibatches): Fisher-Yates with j = rng.integers(0, i) (Sattolo): only cyclic orders
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or len(x) != len(y) or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    n = len(x)
    order = np.arange(n)
    if shuffle:
        for i in range(n - 1, 0, -1):
            j = int(rng.integers(0, i))
            order[i], order[j] = order[j], order[i]
    stop = n - n % batch_size if drop_last else n
    return [
        (x[order[s : s + batch_size]], y[order[s : s + batch_size]])
        for s in range(0, stop, batch_size)
    ]
