# correct: plain Python loops, one draw per element (uniform from rng.random(), normal per call)
import math

import numpy as np


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    shape = tuple(shape)
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions to have fans")
    distribution = distribution.lower()  # names are case-insensitive
    if distribution not in ("uniform", "normal"):
        raise ValueError(f"unknown distribution {distribution!r}")
    if math.isnan(gain) or gain < 0:
        raise ValueError(f"gain must be non-negative, got {gain}")
    receptive = 1
    for d in shape[2:]:
        receptive *= d
    fan_in = shape[1] * receptive
    fan_out = shape[0] * receptive
    std = gain * math.sqrt(2.0 / (fan_in + fan_out))
    bound = math.sqrt(3.0) * std
    out = np.empty(shape)
    for index in np.ndindex(*shape):
        if distribution == "uniform":
            out[index] = (2.0 * rng.random() - 1.0) * bound
        else:
            out[index] = rng.normal(0.0, std)
    return out
