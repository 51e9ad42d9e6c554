# wrong(xavier_init): the right values, but returned sorted (not independent draws)
import numpy as np
from correct_inverse_cdf import xavier_init as _correct


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    out = _correct(shape, distribution=distribution, gain=gain, rng=rng)
    return np.sort(out, axis=None).reshape(out.shape)
