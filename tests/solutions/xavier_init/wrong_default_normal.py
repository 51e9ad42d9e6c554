# wrong(xavier_init): the default distribution is "normal" instead of "uniform"
from correct_inverse_cdf import xavier_init as _correct


def xavier_init(shape, *, distribution="normal", gain=1.0, rng):
    return _correct(shape, distribution=distribution, gain=gain, rng=rng)
