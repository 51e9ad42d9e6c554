# wrong(dropout_forward): evaluation mode multiplies by 1 - p (the non-inverted test-time rule)
import numpy as np
from correct_binomial import dropout_backward  # noqa: F401
from correct_binomial import dropout_forward as _correct


def dropout_forward(x, p, *, training=True, rng=None):
    if not training:
        if not 0 <= p <= 1:
            raise ValueError(f"p must be in [0, 1], got {p}")
        return np.asarray(x) * (1 - p), None
    return _correct(x, p, training=True, rng=rng)
