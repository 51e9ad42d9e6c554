# wrong(he_init): the right values, but returned sorted (not independent draws)
import numpy as np
from correct_box_muller import he_init as _correct


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    out = _correct(shape, mode=mode, distribution=distribution, rng=rng)
    return np.sort(out, axis=None).reshape(out.shape)
