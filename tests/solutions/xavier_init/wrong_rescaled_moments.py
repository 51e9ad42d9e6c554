# wrong(xavier_init): the normal sample is standardised to exactly mean 0 and the target std
import math

from correct_inverse_cdf import xavier_init as _correct


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    out = _correct(shape, distribution=distribution, gain=gain, rng=rng)
    if distribution.lower() != "normal" or out.size < 2 or gain == 0:
        return out
    std = gain * math.sqrt(2.0 / ((out.shape[0] + out.shape[1]) * math.prod(out.shape[2:])))
    return (out - out.mean()) / out.std() * std
