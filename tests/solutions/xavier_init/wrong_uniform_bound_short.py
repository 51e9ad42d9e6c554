# wrong(xavier_init): the uniform bound is 0.5 % short (0.995 * gain * sqrt(6 / (fi + fo)))
from correct_inverse_cdf import xavier_init as _correct


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    out = _correct(shape, distribution=distribution, gain=gain, rng=rng)
    return out * 0.995 if distribution.lower() == "uniform" else out
