# wrong(xavier_init): the gain is checked only for the normal; the uniform leaves it to NumPy
import math


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    shape = tuple(shape)
    distribution = distribution.lower()
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    std = gain * math.sqrt(2.0 / ((shape[0] + shape[1]) * math.prod(shape[2:])))
    if distribution == "normal":
        if not gain >= 0:
            raise ValueError(f"gain must be non-negative, got {gain}")
        return rng.normal(0.0, std, size=shape)
    if distribution == "uniform":
        return rng.uniform(-math.sqrt(3.0) * std, math.sqrt(3.0) * std, size=shape)
    raise ValueError(f"unknown distribution {distribution!r}")
