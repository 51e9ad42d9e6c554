# wrong(he_init): conv fans without the receptive field: fan_in = shape[1], fan_out = shape[0]
import math


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    shape = tuple(shape)
    mode, distribution = mode.lower(), distribution.lower()
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    if mode not in ("fan_in", "fan_out") or distribution not in ("normal", "uniform"):
        raise ValueError("unknown mode or distribution")
    fan = shape[1] if mode == "fan_in" else shape[0]
    if distribution == "normal":
        return rng.normal(0.0, math.sqrt(2.0 / fan), size=shape)
    bound = math.sqrt(6.0 / fan)
    return rng.uniform(-bound, bound, size=shape)
