# wrong(xavier_init): only gain < 0 is refused, so gain=NaN draws NaN values instead of a ValueError
import math


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    shape = tuple(shape)
    distribution = distribution.lower()
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    if distribution not in ("uniform", "normal"):
        raise ValueError(f"unknown distribution {distribution!r}")
    if gain < 0:  # NaN < 0 is False
        raise ValueError(f"gain must be non-negative, got {gain}")
    std = gain * math.sqrt(2.0 / ((shape[0] + shape[1]) * math.prod(shape[2:])))
    if distribution == "normal":
        return rng.normal(0.0, std, size=shape)
    bound = math.sqrt(3.0) * std
    if math.isnan(bound):
        return rng.uniform(-1.0, 1.0, size=shape) * bound
    return rng.uniform(-bound, bound, size=shape)
