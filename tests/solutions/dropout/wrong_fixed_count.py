# wrong(dropout_forward): drops exactly round(p * n) elements (a permutation), not independently
import numpy as np


def dropout_forward(x, p, *, training=True, rng=None):
    if not 0 <= p <= 1:
        raise ValueError(f"p must be in [0, 1], got {p}")
    if not training or p == 0:
        return x.copy(), None
    if p == 1:
        return np.zeros_like(x), np.zeros(x.shape)
    if rng is None:
        raise ValueError("rng is required")
    dropped = rng.permutation(x.size)[: round(p * x.size)]
    mask = np.full(x.size, 1.0 / (1 - p))
    mask[dropped] = 0.0
    mask = mask.reshape(x.shape)
    return x * mask, mask


def dropout_backward(dout, cache):
    return dout.copy() if cache is None else dout * cache
