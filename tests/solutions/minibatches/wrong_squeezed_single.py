# wrong(minibatches): a batch is np.squeeze'd, so a batch of one sample loses its first axis
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or len(x) != len(y) or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    n = len(x)
    order = rng.permutation(n) if shuffle else np.arange(n)
    stop = n - n % batch_size if drop_last else n
    return [
        (np.squeeze(x[order[s : s + batch_size]]), np.squeeze(y[order[s : s + batch_size]]))
        for s in range(0, stop, batch_size)
    ]
