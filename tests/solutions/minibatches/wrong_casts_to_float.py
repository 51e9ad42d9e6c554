# wrong(minibatches): np.asarray(x or y, dtype=float): integer labels become floats
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or len(x) != len(y) or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(x)
    order = rng.permutation(n) if shuffle else np.arange(n)
    stop = n - n % batch_size if drop_last else n
    return [
        (x[order[s : s + batch_size]], y[order[s : s + batch_size]])
        for s in range(0, stop, batch_size)
    ]
