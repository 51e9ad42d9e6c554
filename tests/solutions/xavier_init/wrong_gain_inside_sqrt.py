# wrong(xavier_init): gain multiplies the variance (inside the square root), not the std
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
    fan_in, fan_out = shape[1] * receptive, shape[0] * receptive
    std = math.sqrt(gain * 2.0 / (fan_in + fan_out))
    bound = math.sqrt(gain * 6.0 / (fan_in + fan_out))
    if distribution == "normal":
        return rng.normal(0.0, std, size=shape)
    return rng.uniform(-bound, bound, size=shape)
