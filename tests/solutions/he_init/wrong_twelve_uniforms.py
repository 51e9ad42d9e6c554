# wrong(he_init): the "normal" is a sum of twelve uniforms minus 6 (the old CLT trick), not a normal
import math

from correct_box_muller import he_init as _correct


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    out = _correct(shape, mode=mode, distribution=distribution, rng=rng)
    if distribution.lower() != "normal" or out.size == 0:
        return out
    fan = math.prod(out.shape[2:]) * out.shape[0 if mode.lower() == "fan_out" else 1]
    z = rng.random((12, *out.shape)).sum(axis=0) - 6.0  # mean 0, variance 12 * 1/12 = 1
    return z * math.sqrt(2.0 / fan)
