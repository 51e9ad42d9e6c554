# wrong(he_init): the uniform bound is the normal's std sqrt(2 / fan) instead of sqrt(6 / fan)
import numpy as np
from correct_box_muller import he_init as _correct


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    if distribution != "uniform":
        return _correct(shape, mode=mode, distribution=distribution, rng=rng)
    w = _correct(shape, mode=mode, distribution="uniform", rng=rng)
    return w / np.sqrt(3.0)  # bound sqrt(6 / fan) / sqrt(3) = sqrt(2 / fan)
