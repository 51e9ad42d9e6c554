# correct: plain Python loops, one standard_normal() / random() draw per element
import math

import numpy as np


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    shape = tuple(shape)
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions to have fans")
    mode, distribution = mode.lower(), distribution.lower()
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"unknown mode {mode!r}")
    if distribution not in ("normal", "uniform"):
        raise ValueError(f"unknown distribution {distribution!r}")
    receptive = 1
    for d in shape[2:]:
        receptive *= d
    fan = shape[1] * receptive if mode == "fan_in" else shape[0] * receptive
    out = np.empty(shape)
    for index in np.ndindex(*shape):
        if distribution == "normal":
            out[index] = rng.standard_normal() * math.sqrt(2.0 / fan)
        else:
            bound = math.sqrt(6.0 / fan)
            out[index] = -bound + 2.0 * bound * rng.random()
    return out
