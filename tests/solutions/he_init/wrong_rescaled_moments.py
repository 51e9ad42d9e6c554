# wrong(he_init): the normal sample is standardised to exactly mean 0 and std sqrt(2 / fan)
import math

from correct_box_muller import he_init as _correct


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    out = _correct(shape, mode=mode, distribution=distribution, rng=rng)
    if distribution.lower() != "normal" or out.size < 2:
        return out
    fan = math.prod(out.shape[2:]) * out.shape[0 if mode.lower() == "fan_out" else 1]
    return (out - out.mean()) / out.std() * math.sqrt(2.0 / fan)
