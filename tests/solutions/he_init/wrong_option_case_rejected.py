# wrong(he_init): option names compared case-sensitively: "FAN_OUT" or "Normal" raise ValueError
import math


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    shape = tuple(shape)
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"unknown mode {mode!r}")
    if distribution not in ("normal", "uniform"):
        raise ValueError(f"unknown distribution {distribution!r}")
    receptive = math.prod(shape[2:])
    fan = shape[1] * receptive if mode == "fan_in" else shape[0] * receptive
    if distribution == "normal":
        return rng.normal(0.0, math.sqrt(2.0 / fan), size=shape)
    bound = math.sqrt(6.0 / fan)
    return rng.uniform(-bound, bound, size=shape)
