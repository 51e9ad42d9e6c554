# correct: vectorised; the mask drawn with rng.binomial(1, 1 - p), stored as booleans plus scale
import numpy as np


def dropout_forward(x, p, *, training=True, rng=None):
    if not 0 <= p <= 1:
        raise ValueError(f"dropout probability must be in [0, 1], got {p!r}")
    if not training or p == 0:
        return np.array(x, dtype=np.float64), None
    if p == 1:
        return np.zeros(np.shape(x)), (np.zeros(np.shape(x), dtype=bool), 0.0)
    if rng is None:
        raise ValueError("rng is required: training with 0 < p < 1 draws a random mask")
    keep = rng.binomial(1, 1.0 - p, size=np.shape(x)).astype(bool)
    scale = 1.0 / (1.0 - p)
    return np.where(keep, x * scale, 0.0), (keep, scale)


def dropout_backward(dout, cache):
    if cache is None:
        return np.array(dout, dtype=np.float64)
    keep, scale = cache
    return np.where(keep, dout * scale, 0.0)
