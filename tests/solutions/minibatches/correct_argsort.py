# correct: the order is an argsort of rng.random(N); np.split at the multiples of batch_size
from __future__ import annotations

import numpy as np


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size <= 0:
        raise ValueError("batch_size < 1")
    if len(y) != len(x):
        raise ValueError("len(x) != len(y)")
    if rng is None and shuffle:
        raise ValueError("no rng to shuffle with")
    n = len(x)
    order = np.argsort(rng.random(n), kind="stable") if shuffle else np.arange(n)
    pieces = np.split(order, np.arange(batch_size, n, batch_size)) if n else []
    if drop_last and pieces and len(pieces[-1]) < batch_size:
        pieces = pieces[:-1]
    return [(x[idx], y[idx]) for idx in pieces]
