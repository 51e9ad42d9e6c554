# wrong(he_init): a 1-D shape is accepted (fan_in = fan_out = shape[0]) instead of a ValueError
import math

from correct_box_muller import he_init as _correct


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    shape = tuple(shape)
    mode, distribution = mode.lower(), distribution.lower()
    if len(shape) == 1:
        if mode not in ("fan_in", "fan_out") or distribution not in ("normal", "uniform"):
            raise ValueError("unknown mode or distribution")
        if distribution == "normal":
            return rng.normal(0.0, math.sqrt(2.0 / shape[0]), size=shape)
        bound = math.sqrt(6.0 / shape[0])
        return rng.uniform(-bound, bound, size=shape)
    return _correct(shape, mode=mode, distribution=distribution, rng=rng)
