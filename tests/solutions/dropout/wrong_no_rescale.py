# wrong(dropout_forward, dropout_backward): survivors are not scaled by 1 / (1 - p)
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
    mask = (rng.random(x.shape) < 1 - p).astype(float)
    return x * mask, mask


def dropout_backward(dout, cache):
    return dout.copy() if cache is None else dout * cache
