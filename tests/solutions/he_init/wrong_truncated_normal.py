# wrong(he_init): Keras's he_normal: a normal truncated at 2 std (std rescaled by 1/0.8796)
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
    if distribution == "uniform":
        bound = math.sqrt(6.0 / fan)
        return rng.uniform(-bound, bound, size=shape)
    std = math.sqrt(2.0 / fan) / 0.87962566103423978  # Keras's variance correction
    size = math.prod(shape)
    out = np.empty(0)
    while out.size < size:  # rejection sampling of the truncated normal
        z = rng.standard_normal(2 * size)
        out = np.concatenate([out, z[np.abs(z) <= 2.0]])
    return out[:size].reshape(shape) * std
