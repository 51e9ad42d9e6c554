# wrong(xavier_init): LeCun's variance gain^2 / fan_in instead of 2 gain^2 / (fan_in + fan_out)
import math


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    shape = tuple(shape)
    distribution = distribution.lower()
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    if distribution not in ("uniform", "normal"):
        raise ValueError(f"unknown distribution {distribution!r}")
    if gain < 0:
        raise ValueError("gain must be non-negative")
    receptive = math.prod(shape[2:])
    fan_in = shape[1] * receptive
    std = gain * math.sqrt(1.0 / fan_in)
    bound = gain * math.sqrt(3.0 / fan_in)
    if distribution == "normal":
        return rng.normal(0.0, std, size=shape)
    return rng.uniform(-bound, bound, size=shape)
