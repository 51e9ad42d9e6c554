# wrong(minibatches): the order is drawn once per N and reused: every epoch visits the same order
from __future__ import annotations

import numpy as np

_orders = {}


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or len(x) != len(y) or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    n = len(x)
    if shuffle:
        if n not in _orders:
            _orders[n] = rng.permutation(n)
        order = _orders[n]
    else:
        order = np.arange(n)
    stop = n - n % batch_size if drop_last else n
    return [
        (x[order[s : s + batch_size]], y[order[s : s + batch_size]])
        for s in range(0, stop, batch_size)
    ]
