# wrong(he_init): mode is validated only for the normal; the uniform treats any mode as fan_out
import math


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    shape = tuple(shape)
    mode, distribution = mode.lower(), distribution.lower()
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    receptive = math.prod(shape[2:])
    fan_in, fan_out = shape[1] * receptive, shape[0] * receptive
    if distribution == "normal":
        if mode not in ("fan_in", "fan_out"):
            raise ValueError(f"unknown mode {mode!r}")
        fan = fan_in if mode == "fan_in" else fan_out
        return rng.normal(0.0, math.sqrt(2.0 / fan), size=shape)
    if distribution == "uniform":
        bound = math.sqrt(6.0 / (fan_in if mode == "fan_in" else fan_out))
        return rng.uniform(-bound, bound, size=shape)
    raise ValueError(f"unknown distribution {distribution!r}")
