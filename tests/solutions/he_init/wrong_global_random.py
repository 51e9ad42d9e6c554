# wrong(he_init): draws from the global np.random state instead of rng
import math

import numpy as np


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    shape = tuple(shape)
    mode, distribution = mode.lower(), distribution.lower()
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    if mode not in ("fan_in", "fan_out") or distribution not in ("normal", "uniform"):
        raise ValueError("unknown mode or distribution")
    receptive = math.prod(shape[2:])
    fan = shape[1] * receptive if mode == "fan_in" else shape[0] * receptive
    if distribution == "normal":
        return np.random.normal(0.0, math.sqrt(2.0 / fan), size=shape)
    bound = math.sqrt(6.0 / fan)
    return np.random.uniform(-bound, bound, size=shape)
