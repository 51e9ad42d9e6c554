# wrong(dropout_backward): the mask lives in a module global, not in the cache
import numpy as np

_LAST = {"scaled_mask": None}


def dropout_forward(x, p, *, training=True, rng=None):
    if not 0 <= p <= 1:
        raise ValueError(f"p must be in [0, 1], got {p}")
    x = np.asarray(x, dtype=np.float64)
    if not training or p == 0:
        _LAST["scaled_mask"] = np.ones(x.shape)
        return x.copy(), None
    if p == 1:
        _LAST["scaled_mask"] = np.zeros(x.shape)
        return np.zeros(x.shape), None
    if rng is None:
        raise ValueError("rng is required")
    _LAST["scaled_mask"] = (rng.random(x.shape) < 1 - p) / (1 - p)
    return x * _LAST["scaled_mask"], None


def dropout_backward(dout, cache):
    return np.asarray(dout, dtype=np.float64) * _LAST["scaled_mask"]
