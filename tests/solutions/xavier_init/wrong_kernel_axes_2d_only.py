# wrong(xavier_init): receptive = KH * KW only (shape[2:4]): a 5-D conv3d weight loses its depth
import math


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    shape = tuple(shape)
    distribution = distribution.lower()
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    if distribution not in ("uniform", "normal"):
        raise ValueError(f"unknown distribution {distribution!r}")
    if not gain >= 0:
        raise ValueError(f"gain must be non-negative, got {gain}")
    receptive = math.prod(shape[2:4])  # conv2d's kernel; forgets further kernel axes
    std = gain * math.sqrt(2.0 / ((shape[0] + shape[1]) * receptive))
    if distribution == "normal":
        return rng.normal(0.0, std, size=shape)
    return rng.uniform(-math.sqrt(3.0) * std, math.sqrt(3.0) * std, size=shape)
