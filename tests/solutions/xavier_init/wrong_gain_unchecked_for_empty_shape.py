# wrong(xavier_init): a shape with no elements returns zeros before the gain is checked
import math

import numpy as np
from correct_inverse_cdf import xavier_init as _correct


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    shape = tuple(shape)
    if len(shape) >= 2 and math.prod(shape) == 0:
        return np.zeros(shape)  # nothing to draw, so nothing to check
    return _correct(shape, distribution=distribution, gain=gain, rng=rng)
