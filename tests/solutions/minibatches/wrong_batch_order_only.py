# wrong(minibatches): shuffles only the order of the batches; each batch keeps the same samples
from __future__ import annotations


def minibatches(x, y, batch_size, *, shuffle=True, drop_last=False, rng=None):
    if batch_size < 1 or len(x) != len(y) or (shuffle and rng is None):
        raise ValueError("invalid arguments")
    n = len(x)
    stop = n - n % batch_size if drop_last else n
    batches = [(x[s : s + batch_size], y[s : s + batch_size]) for s in range(0, stop, batch_size)]
    if shuffle:
        batches = [batches[k] for k in rng.permutation(len(batches))]
    return batches
