# wrong(xavier_init): no check on gain: a negative gain silently draws (no ValueError)
import math


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    shape = tuple(shape)
    distribution = distribution.lower()
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    if distribution not in ("uniform", "normal"):
        raise ValueError(f"unknown distribution {distribution!r}")
    receptive = math.prod(shape[2:])
    fan_sum = (shape[0] + shape[1]) * receptive
    std = gain * math.sqrt(2.0 / fan_sum)
    if distribution == "normal":
        return std * rng.standard_normal(shape)
    return math.sqrt(3.0) * std * (2.0 * rng.random(shape) - 1.0)
