# wrong(dropout_backward): the mask is rebuilt from out != 0 (a kept 0 input gets no gradient)
import numpy as np


def dropout_forward(x, p, *, training=True, rng=None):
    if not 0 <= p <= 1:
        raise ValueError(f"p must be in [0, 1], got {p}")
    x = np.asarray(x, dtype=np.float64)
    if not training or p == 0:
        return x.copy(), None
    if p == 1:
        return np.zeros_like(x), (np.zeros_like(x), 0.0)
    if rng is None:
        raise ValueError("rng is required")
    out = np.where(rng.random(x.shape) < 1 - p, x / (1 - p), 0.0)
    return out, (out.copy(), 1.0 / (1 - p))


def dropout_backward(dout, cache):
    if cache is None:
        return np.array(dout, dtype=np.float64)
    out, scale = cache
    return np.where(out != 0, dout * scale, 0.0)
