# wrong(he_init): a normal truncated at 3 std (rejection sampling, std rescaled to compensate)
import math

import numpy as np
from correct_box_muller import he_init as _correct

# std of a standard normal truncated to [-3, 3]
_TRUNCATED_STD = math.sqrt(
    1.0 - 6.0 * math.exp(-4.5) / math.sqrt(2 * math.pi) / math.erf(3 / math.sqrt(2.0))
)


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    out = _correct(shape, mode=mode, distribution=distribution, rng=rng)
    if distribution.lower() != "normal" or out.size == 0:
        return out
    fan = math.prod(out.shape[2:]) * out.shape[0 if mode.lower() == "fan_out" else 1]
    std = math.sqrt(2.0 / fan)
    z = np.empty(0)
    while z.size < out.size:
        draws = rng.standard_normal(2 * out.size)
        z = np.concatenate([z, draws[np.abs(draws) <= 3.0]])
    return z[: out.size].reshape(out.shape) * (std / _TRUNCATED_STD)
