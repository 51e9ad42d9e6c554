# wrong(dropout_forward): evaluation mode returns x before validating p (p = 1.5 accepted)
import numpy as np
from correct_binomial import dropout_backward  # noqa: F401
from correct_binomial import dropout_forward as _correct


def dropout_forward(x, p, *, training=True, rng=None):
    if not training:
        return np.array(x, dtype=np.float64), None
    return _correct(x, p, training=True, rng=rng)
