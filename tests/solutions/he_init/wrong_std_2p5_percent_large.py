# wrong(he_init): the normal's std is 2.5 % too large (sqrt(2.1 / fan) instead of sqrt(2 / fan))
from correct_box_muller import he_init as _correct


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    out = _correct(shape, mode=mode, distribution=distribution, rng=rng)
    return out * 1.025 if distribution.lower() == "normal" else out
