"""Kata `relu`: ReLU and leaky ReLU, forward and backward, with PyTorch's semantics.

`relu(x) = max(x, 0)`; `leaky_relu(x) = x if x > 0 else negative_slope * x`. At exactly `x == 0`
the gradient is the one from the negative side (0 for ReLU, `negative_slope` for leaky ReLU),
as PyTorch does. All arrays are float64, of any shape; never modify an input in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def relu_forward(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Elementwise `max(x, 0)`.

    Args:
        x: input of any shape.

    Returns:
        `(out, cache)`: `out` has the shape of `x`; `cache` is anything `relu_backward` needs.
    """
    raise NotImplementedError


def relu_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient through ReLU: `dout` where `x > 0`, and 0 where `x <= 0` (0 also at `x == 0`).

    Args:
        dout: upstream gradient, shape of `x`.
        cache: the cache returned by `relu_forward`.

    Returns:
        `dx`, shape of `x`.
    """
    raise NotImplementedError


def leaky_relu_forward(
    x: np.ndarray, negative_slope: float = 0.01
) -> tuple[np.ndarray, tuple[np.ndarray, float]]:
    """Elementwise `x` where `x > 0`, else `negative_slope * x`.

    Any real `negative_slope` is allowed (also negative or larger than 1), as in PyTorch.

    Args:
        x: input of any shape.
        negative_slope: factor applied to inputs `<= 0`.

    Returns:
        `(out, cache)`: `out` has the shape of `x`; `cache` is anything the backward needs.
    """
    raise NotImplementedError


def leaky_relu_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient through leaky ReLU: `dout` where `x > 0`, else `negative_slope * dout`.

    At exactly `x == 0` the gradient is `negative_slope * dout`. The side is the side of the
    forward pass's input `x`, whatever the slope (0 or negative included).

    Args:
        dout: upstream gradient, shape of `x`.
        cache: the cache returned by `leaky_relu_forward`.

    Returns:
        `dx`, shape of `x`.
    """
    raise NotImplementedError
