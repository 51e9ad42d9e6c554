# wrong(he_init): LeCun's std sqrt(1 / fan) instead of sqrt(2 / fan) (the ReLU factor 2 forgotten)
import math


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    shape = tuple(shape)
    mode, distribution = mode.lower(), distribution.lower()
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    if mode not in ("fan_in", "fan_out") or distribution not in ("normal", "uniform"):
        raise ValueError("unknown mode or distribution")
    receptive = math.prod(shape[2:])
    fan = shape[1] * receptive if mode == "fan_in" else shape[0] * receptive
    std = math.sqrt(1.0 / fan)
    if distribution == "normal":
        return rng.normal(0.0, std, size=shape)
    bound = math.sqrt(3.0) * std
    return rng.uniform(-bound, bound, size=shape)
