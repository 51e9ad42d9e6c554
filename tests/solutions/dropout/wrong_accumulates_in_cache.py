# wrong(dropout_backward): accumulates dx into a buffer kept in the dict cache
import numpy as np


def dropout_forward(x, p, *, training=True, rng=None):
    if not 0 <= p <= 1:
        raise ValueError(f"p must be in [0, 1], got {p}")
    x = np.asarray(x, dtype=np.float64)
    if not training or p == 0:
        scaled = np.ones(x.shape)
    elif p == 1:
        scaled = np.zeros(x.shape)
    elif rng is None:
        raise ValueError("rng is required")
    else:
        scaled = (rng.random(x.shape) < 1 - p) / (1 - p)
    return x * scaled, {"scaled_mask": scaled, "dx": np.zeros(x.shape)}


def dropout_backward(dout, cache):
    cache["dx"] += dout * cache["scaled_mask"]
    return cache["dx"]
