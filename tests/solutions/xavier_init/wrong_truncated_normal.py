# wrong(xavier_init): Keras's glorot_normal: a normal truncated at 2 std (std rescaled by 1/0.8796)
import math

import numpy as np
from correct_inverse_cdf import xavier_init as _correct


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    if distribution != "normal":
        return _correct(shape, distribution=distribution, gain=gain, rng=rng)
    unit = _correct(shape, distribution="normal", gain=1.0, rng=rng)  # validates, std known
    shape = tuple(shape)
    distribution = distribution.lower()
    receptive = math.prod(shape[2:])
    std = math.sqrt(2.0 / ((shape[0] + shape[1]) * receptive))
    z = (unit / std).ravel()
    while np.any(np.abs(z) > 2.0):  # redraw the tails: rejection sampling
        bad = np.abs(z) > 2.0
        z[bad] = rng.standard_normal(int(bad.sum()))
    return gain * std / 0.87962566103423978 * z.reshape(shape)
