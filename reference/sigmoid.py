"""Reference solution for the `sigmoid` kata: numerically stable sigmoid and tanh with backward."""

from __future__ import annotations

from typing import Any

import numpy as np


def sigmoid_forward(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Elementwise logistic sigmoid `1 / (1 + exp(-x))`, computed without overflow.

    Args:
        x: input of any shape.

    Returns:
        `(out, cache)`, `out` with the shape of `x`, every value in `[0, 1]`.
    """
    x = np.asarray(x, dtype=np.float64)
    # exp(-|x|) lies in (0, 1], so it never overflows; it may underflow to 0, which is harmless.
    z = np.exp(-np.abs(x))
    # For x >= 0: 1 / (1 + e^-x).  For x < 0: e^x / (1 + e^x).  Both only use z = e^-|x|.
    out = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))
    return out, out


def sigmoid_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient of the sigmoid, from its output `s`: `dx = dout * s * (1 - s)`.

    Args:
        dout: upstream gradient, shape of `x`.
        cache: what `sigmoid_forward` returned as its cache.

    Returns:
        `dx` with the shape of `x`.
    """
    s = cache
    dout = np.asarray(dout, dtype=np.float64)
    return dout * s * (1.0 - s)


def tanh_forward(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Elementwise hyperbolic tangent, computed without overflow.

    Args:
        x: input of any shape.

    Returns:
        `(out, cache)`, `out` with the shape of `x`, every value in `[-1, 1]`.
    """
    x = np.asarray(x, dtype=np.float64)
    out = np.tanh(x)
    return out, out


def tanh_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient of tanh, from its output `t`: `dx = dout * (1 - t**2)`.

    Args:
        dout: upstream gradient, shape of `x`.
        cache: what `tanh_forward` returned as its cache.

    Returns:
        `dx` with the shape of `x`.
    """
    t = cache
    dout = np.asarray(dout, dtype=np.float64)
    return dout * (1.0 - t * t)
