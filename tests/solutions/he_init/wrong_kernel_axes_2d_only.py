# wrong(he_init): receptive = KH * KW only (shape[2:4]): a 5-D conv3d weight loses its depth axis
import math


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    shape = tuple(shape)
    mode, distribution = mode.lower(), distribution.lower()
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    if mode not in ("fan_in", "fan_out") or distribution not in ("normal", "uniform"):
        raise ValueError("unknown mode or distribution")
    receptive = math.prod(shape[2:4])  # conv2d's kernel; forgets further kernel axes
    fan = shape[1] * receptive if mode == "fan_in" else shape[0] * receptive
    if distribution == "normal":
        return rng.normal(0.0, math.sqrt(2.0 / fan), size=shape)
    bound = math.sqrt(6.0 / fan)
    return rng.uniform(-bound, bound, size=shape)
