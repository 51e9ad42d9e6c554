# wrong(minibatches): x and y are shuffled with two different permutations, breaking the pairs
from __future__ import annotations


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or len(x) != len(y) or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    n = len(x)
    if shuffle:
        x = x[rng.permutation(n)]
        y = y[rng.permutation(n)]
    stop = n - n % batch_size if drop_last else n
    return [(x[s : s + batch_size], y[s : s + batch_size]) for s in range(0, stop, batch_size)]
