# wrong(xavier_init): the distribution's name is case-sensitive: "Normal" raises ValueError
import math


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    shape = tuple(shape)
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    if distribution not in ("uniform", "normal"):
        raise ValueError(f"unknown distribution {distribution!r}")
    if not gain >= 0:
        raise ValueError(f"gain must be non-negative, got {gain}")
    std = gain * math.sqrt(2.0 / ((shape[0] + shape[1]) * math.prod(shape[2:])))
    if distribution == "normal":
        return rng.normal(0.0, std, size=shape)
    return rng.uniform(-math.sqrt(3.0) * std, math.sqrt(3.0) * std, size=shape)
