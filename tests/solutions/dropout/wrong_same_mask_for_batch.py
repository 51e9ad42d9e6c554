# wrong(dropout_forward): one mask of shape x.shape[1:] shared by every sample of the batch
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
    mask = (rng.random(x.shape[1:]) < 1 - p) / (1 - p)
    mask = np.broadcast_to(mask, x.shape).copy()
    return x * mask, mask


def dropout_backward(dout, cache):
    return dout.copy() if cache is None else dout * cache
