# wrong(dropout_forward): a missing rng silently becomes np.random.default_rng() (no ValueError)
import numpy as np
from correct_binomial import dropout_backward  # noqa: F401
from correct_binomial import dropout_forward as _correct


def dropout_forward(x, p, *, training=True, rng=None):
    if rng is None:
        rng = np.random.default_rng()
    return _correct(x, p, training=training, rng=rng)
