"""Reference solution for the `xavier_init` kata: Xavier (Glorot) initialisation."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def _fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """`(fan_in, fan_out)` as `torch.nn.init._calculate_fan_in_and_fan_out` computes them."""
    if len(shape) < 2 or any(d < 0 for d in shape):
        # A negative dimension is refused by NumPy as well; it shares this message for clarity.
        raise ValueError(
            "fan_in and fan_out need a shape with at least 2 dimensions, none negative, "
            f"got shape {shape}"
        )
    receptive = math.prod(shape[2:])  # PyTorch layout: (out, in, *kernel)
    return shape[1] * receptive, shape[0] * receptive


def xavier_init(
    shape: Sequence[int],
    *,
    distribution: str = "uniform",
    gain: float = 1.0,
    rng: np.random.Generator,
) -> np.ndarray:
    """Xavier (Glorot) initialisation, as `xavier_uniform_` / `xavier_normal_`.

    Args:
        shape: weight shape in PyTorch's layout, `(out_features, in_features)` or
            `(C_out, C_in, *kernel)`; at least 2 dimensions.
        distribution: `"uniform"` (bound `gain * sqrt(6 / (fan_in + fan_out))`) or `"normal"`
            (std `gain * sqrt(2 / (fan_in + fan_out))`), in any case.
        gain: scale for the nonlinearity that follows (1 for linear/tanh-like, sqrt(2) for ReLU).
        rng: the only source of randomness.

    Returns:
        A new float64 array of the given shape.

    Raises:
        ValueError: fewer than 2 dimensions (or a negative one), an unknown distribution, or a
            gain that is negative or NaN (also for a shape with no elements, as PyTorch).
    """
    shape = tuple(int(d) for d in shape)
    fan_in, fan_out = _fans(shape)
    name = distribution.lower() if isinstance(distribution, str) else distribution
    if name not in ("uniform", "normal"):
        raise ValueError(
            f"distribution must be 'uniform' or 'normal' (any case), got {distribution!r}"
        )
    if not gain >= 0:  # also refuses NaN
        raise ValueError(f"gain must be a non-negative number, got {gain!r}")
    if math.prod(shape) == 0:
        return np.zeros(shape)  # nothing to draw (PyTorch treats this as a no-op)
    # Var = 2 / (fan_in + fan_out): the compromise between keeping forward (1 / fan_in) and
    # backward (1 / fan_out) variances constant.
    std = gain * math.sqrt(2.0 / (fan_in + fan_out))
    if name == "normal":
        return rng.normal(0.0, std, size=shape)
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))  # U(-a, a) has variance a^2 / 3
    return rng.uniform(-bound, bound, size=shape)
