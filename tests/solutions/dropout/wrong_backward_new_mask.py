# wrong(dropout_backward): the backward pass draws a new mask from the stored rng
import numpy as np


def dropout_forward(x, p, *, training=True, rng=None):
    if not 0 <= p <= 1:
        raise ValueError(f"p must be in [0, 1], got {p}")
    if not training or p == 0:
        return x.copy(), None
    if p == 1:
        return np.zeros_like(x), (p, None)
    if rng is None:
        raise ValueError("rng is required")
    mask = (rng.random(x.shape) < 1 - p) / (1 - p)
    return x * mask, (p, rng)


def dropout_backward(dout, cache):
    if cache is None:
        return dout.copy()
    p, rng = cache
    if rng is None:
        return np.zeros_like(dout)
    mask = (rng.random(dout.shape) < 1 - p) / (1 - p)
    return dout * mask
