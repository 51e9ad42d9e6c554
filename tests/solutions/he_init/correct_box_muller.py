# correct: vectorised, normals by the Box-Muller transform and uniforms by scaling rng.random()
import numpy as np


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    shape = tuple(int(d) for d in shape)
    if len(shape) < 2:
        raise ValueError(f"he_init needs at least 2 dimensions, got {shape}")
    fans = {"fan_in": shape[1], "fan_out": shape[0]}
    if mode.lower() not in fans:  # option names are case-insensitive, as PyTorch's mode
        raise ValueError(f"mode must be fan_in or fan_out, not {mode!r}")
    fan = fans[mode.lower()] * int(np.prod(shape[2:], dtype=np.int64))
    size = int(np.prod(shape, dtype=np.int64))
    distribution = distribution.casefold()
    if distribution == "normal":
        # Box-Muller: two uniforms give two independent standard normals.
        half = (size + 1) // 2
        u1 = 1.0 - rng.random(half)  # in (0, 1], so log is finite
        u2 = rng.random(half)
        radius = np.sqrt(-2.0 * np.log(u1))
        z = np.concatenate([radius * np.cos(2 * np.pi * u2), radius * np.sin(2 * np.pi * u2)])
        return (z[:size] * np.sqrt(2.0 / fan)).reshape(shape)
    if distribution == "uniform":
        bound = np.sqrt(6.0 / fan)
        return bound * (2.0 * rng.random(shape) - 1.0)
    raise ValueError(f"distribution must be normal or uniform, not {distribution!r}")
