# wrong(he_init): the uniform bound is 0.5 % short (0.995 * sqrt(6 / fan))
from correct_box_muller import he_init as _correct


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    out = _correct(shape, mode=mode, distribution=distribution, rng=rng)
    return out * 0.995 if distribution.lower() == "uniform" else out
