# wrong(minibatches): the incomplete last batch is always dropped, whatever drop_last says
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or len(x) != len(y) or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    n = len(x)
    order = rng.permutation(n) if shuffle else np.arange(n)
    batches = []
    for k in range(n // batch_size):
        idx = order[k * batch_size : (k + 1) * batch_size]
        batches.append((x[idx], y[idx]))
    return batches
