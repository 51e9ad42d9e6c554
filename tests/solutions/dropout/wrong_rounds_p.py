# wrong(dropout_forward): the keep decision uses p rounded to one decimal (0.37 acts as 0.4)
import numpy as np
from correct_binomial import dropout_backward  # noqa: F401


def dropout_forward(x, p, *, training=True, rng=None):
    if not 0 <= p <= 1:
        raise ValueError(f"p must be in [0, 1], got {p}")
    if not training or p == 0:
        return np.array(x, dtype=np.float64), None
    if p == 1:
        return np.zeros(np.shape(x)), (np.zeros(np.shape(x), dtype=bool), 0.0)
    if rng is None:
        raise ValueError("rng is required")
    keep = rng.random(np.shape(x)) < 1 - round(p, 1)
    scale = 1.0 / (1.0 - p)
    return np.where(keep, x * scale, 0.0), (keep, scale)
