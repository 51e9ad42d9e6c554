"""Reference solution for the `he_init` kata: Kaiming (He) initialisation for ReLU networks."""

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
    # PyTorch layout: (out, in, *kernel). The kernel's cells each see every input channel.
    receptive = math.prod(shape[2:])
    return shape[1] * receptive, shape[0] * receptive


def _name(value: object) -> object:
    """Option names are case-insensitive, as PyTorch's `_calculate_correct_fan` lowercases mode."""
    return value.lower() if isinstance(value, str) else value


def he_init(
    shape: Sequence[int],
    *,
    mode: str = "fan_in",
    distribution: str = "normal",
    rng: np.random.Generator,
) -> np.ndarray:
    """He (Kaiming) initialisation for a ReLU layer, as `kaiming_normal_` / `kaiming_uniform_`.

    Args:
        shape: weight shape in PyTorch's layout, `(out_features, in_features)` or
            `(C_out, C_in, *kernel)`; at least 2 dimensions.
        mode: `"fan_in"` keeps the forward variance, `"fan_out"` the backward one (any case).
        distribution: `"normal"`, std `sqrt(2 / fan)`, or `"uniform"` on
            `(-sqrt(6 / fan), sqrt(6 / fan))` (any case).
        rng: the only source of randomness.

    Returns:
        A new float64 array of the given shape.

    Raises:
        ValueError: fewer than 2 dimensions (or a negative one), an unknown mode or distribution.
    """
    shape = tuple(int(d) for d in shape)
    fan_in, fan_out = _fans(shape)
    if _name(mode) not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out' (any case), got {mode!r}")
    if _name(distribution) not in ("normal", "uniform"):
        raise ValueError(
            f"distribution must be 'normal' or 'uniform' (any case), got {distribution!r}"
        )
    if math.prod(shape) == 0:
        return np.zeros(shape)  # nothing to draw (PyTorch treats this as a no-op)
    fan = fan_in if _name(mode) == "fan_in" else fan_out
    # ReLU zeroes half of a symmetric input, halving E[y^2]: the gain 2 restores Var = 1 per layer.
    if _name(distribution) == "normal":
        return rng.normal(0.0, math.sqrt(2.0 / fan), size=shape)
    # U(-a, a) has variance a^2 / 3, so a = sqrt(3 * 2 / fan) gives the same variance 2 / fan.
    bound = math.sqrt(6.0 / fan)
    return rng.uniform(-bound, bound, size=shape)
