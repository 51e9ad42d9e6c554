# wrong(xavier_init): the "normal" is a sum of twelve uniforms minus 6, not a normal
import math

from correct_inverse_cdf import xavier_init as _correct


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    out = _correct(shape, distribution=distribution, gain=gain, rng=rng)
    if distribution.lower() != "normal" or out.size == 0:
        return out
    std = gain * math.sqrt(2.0 / ((out.shape[0] + out.shape[1]) * math.prod(out.shape[2:])))
    z = rng.random((12, *out.shape)).sum(axis=0) - 6.0  # mean 0, variance 12 * 1/12 = 1
    return z * std
