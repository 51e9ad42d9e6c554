"""Kata `sigmoid`: the logistic sigmoid and tanh, forward and backward, numerically stable.

`sigmoid(x) = 1 / (1 + exp(-x))` and `tanh(x)`, elementwise, for float64 arrays of any shape.
Stable means no overflow, invalid-value or division-by-zero warning for inputs of magnitude up
to 1e4 (underflow to 0 is fine): `sigmoid(-1000.0) == 0.0` and `sigmoid(1000.0) == 1.0`.
Every output is accurate to about 1e-7 of its own size, tiny values in the tails included
(`sigmoid(-30) = 9.357623e-14`, `tanh(1e-12) = 1e-12`), as `torch.sigmoid` and `torch.tanh`
are; so is the sigmoid's gradient where it is tiny because the output is (very negative x).
Never modify an input in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def sigmoid_forward(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Elementwise `1 / (1 + exp(-x))`, without overflow for any float64 input.

    Args:
        x: input of any shape.

    Returns:
        `(out, cache)`: `out` has the shape of `x` with values in `[0, 1]`; `cache` is anything
        `sigmoid_backward` needs.
    """
    raise NotImplementedError


def sigmoid_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient through the sigmoid: `dx = dout * s * (1 - s)` where `s = sigmoid(x)`.

    Args:
        dout: upstream gradient, shape of `x`.
        cache: the cache returned by `sigmoid_forward`.

    Returns:
        `dx`, shape of `x`.
    """
    raise NotImplementedError


def tanh_forward(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Elementwise hyperbolic tangent, without overflow for any float64 input.

    Args:
        x: input of any shape.

    Returns:
        `(out, cache)`: `out` has the shape of `x` with values in `[-1, 1]`; `cache` is anything
        `tanh_backward` needs.
    """
    raise NotImplementedError


def tanh_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient through tanh: `dx = dout * (1 - t**2)` where `t = tanh(x)`.

    Args:
        dout: upstream gradient, shape of `x`.
        cache: the cache returned by `tanh_forward`.

    Returns:
        `dx`, shape of `x`.
    """
    raise NotImplementedError
