"""Reference solution for the `relu` kata: ReLU and leaky ReLU, forward and backward."""

from __future__ import annotations

from typing import Any

import numpy as np


def relu_forward(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Elementwise `max(x, 0)`.

    Args:
        x: input of any shape.

    Returns:
        `(out, cache)`, `out` with the shape of `x`.
    """
    x = np.asarray(x, dtype=np.float64)
    out = np.maximum(x, 0.0)  # a new array: x itself is left alone
    return out, x


def relu_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient of ReLU: `dout` where `x > 0`, else 0 (0 also at exactly `x == 0`, as PyTorch).

    Args:
        dout: upstream gradient, shape of `x`.
        cache: what `relu_forward` returned as its cache.

    Returns:
        `dx` with the shape of `x`.
    """
    x = cache
    dout = np.asarray(dout, dtype=np.float64)
    return np.where(x > 0, dout, 0.0)


def leaky_relu_forward(
    x: np.ndarray, negative_slope: float = 0.01
) -> tuple[np.ndarray, tuple[np.ndarray, float]]:
    """Elementwise `x` where `x > 0`, else `negative_slope * x` (any slope, as PyTorch).

    Args:
        x: input of any shape.
        negative_slope: the factor applied to non-positive inputs.

    Returns:
        `(out, cache)`, `out` with the shape of `x`.
    """
    x = np.asarray(x, dtype=np.float64)
    # Not max(x, slope * x): that identity only holds for slope <= 1.
    out = np.where(x > 0, x, negative_slope * x)
    return out, (x, float(negative_slope))


def leaky_relu_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient of leaky ReLU: `dout` where `x > 0`, else `negative_slope * dout` (also at 0).

    Args:
        dout: upstream gradient, shape of `x`.
        cache: what `leaky_relu_forward` returned as its cache.

    Returns:
        `dx` with the shape of `x`.
    """
    x, negative_slope = cache
    dout = np.asarray(dout, dtype=np.float64)
    return np.where(x > 0, dout, negative_slope * dout)
