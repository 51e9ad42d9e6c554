"""Reference solution for the `gradient_check` kata: central differences and the relative error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np


def numerical_gradient(
    f: Callable[[np.ndarray], Any], x: np.ndarray, *, h: float = 1e-5
) -> np.ndarray:
    """The central-difference gradient of the scalar function `f` at `x`.

    Entry `i` is `(f(x + h e_i) - f(x - h e_i)) / (2 h)`, one element changed at a time; `x` is
    changed in place during the call and holds its original values again when it returns.

    Raises:
        ValueError: `h <= 0`.
    """
    if not h > 0:
        raise ValueError(f"h must be positive, got {h!r}")
    gradient = np.zeros(x.shape, dtype=np.float64)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        above = float(f(x))
        x[index] = saved - h
        below = float(f(x))
        x[index] = saved  # assigned back, not undone arithmetically: no rounding error left
        gradient[index] = (above - below) / (2 * h)
    return gradient


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """`max |a - b| / max(|a| + |b|, 1e-8)`, the floor applied to each element's denominator.

    Raises:
        ValueError: `a` and `b` differ in shape.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    errors = np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8)
    return float(np.max(errors, initial=0.0))
