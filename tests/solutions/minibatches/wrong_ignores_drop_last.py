# wrong(minibatches): drop_last is ignored, the incomplete last batch is always kept
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or len(x) != len(y) or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    n = len(x)
    order = rng.permutation(n) if shuffle else np.arange(n)
    return [
        (x[order[s : s + batch_size]], y[order[s : s + batch_size]])
        for s in range(0, n, batch_size)
    ]
