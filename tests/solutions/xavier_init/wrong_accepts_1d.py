# wrong(xavier_init): a 1-D shape is accepted (fan_in = fan_out = shape[0]) instead of a ValueError
import math

from correct_inverse_cdf import xavier_init as _correct


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    shape = tuple(shape)
    distribution = distribution.lower()
    if len(shape) == 1:
        bound = gain * math.sqrt(6.0 / (2 * shape[0]))
        return rng.uniform(-bound, bound, size=shape)
    return _correct(shape, distribution=distribution, gain=gain, rng=rng)
