# wrong(xavier_init): the normal's std is 2.5 % too large
from correct_inverse_cdf import xavier_init as _correct


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    out = _correct(shape, distribution=distribution, gain=gain, rng=rng)
    return out * 1.025 if distribution.lower() == "normal" else out
