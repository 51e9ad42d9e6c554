"""Kata `gradient_check`: the numerical gradient that checks every analytic one.

Implement `numerical_gradient(f, x, h=...)`, the central-difference estimate of the gradient of a
scalar function `f` at `x`, and `relative_error(a, b)`, the measure that says whether an analytic
gradient agrees with it. All arrays are float64.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np


def numerical_gradient(
    f: Callable[[np.ndarray], Any], x: np.ndarray, *, h: float = 1e-5
) -> np.ndarray:
    """Estimate the gradient of `f` at `x` by central differences.

    Args:
        f: a function that takes an array of `x`'s shape and returns a scalar (a Python float or
            a 0-d array).
        x: the point, a float64 array of any shape (also empty, or with axes of size 1).
        h: the step, `h > 0`.

    Returns:
        A new float64 array of `x`'s shape whose entry `i` is
        `(f(x + h e_i) - f(x - h e_i)) / (2 * h)`, `e_i` being the array with a 1 at entry `i`
        and 0 elsewhere: one element is changed at a time, to `x[i] + h` and then to `x[i] - h`
        (its error is `O(h ** 2)`; a one-sided difference is not accepted).

    `f` may be called on `x` itself with one element temporarily changed, or on copies of `x`;
    either way, when the function returns `x` holds exactly its original values.

    Raises:
        ValueError: `h <= 0`.
    """
    raise NotImplementedError


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """The largest elementwise relative error between two arrays of the same shape.

    Returns:
        A Python float, `max over i of |a[i] - b[i]| / max(|a[i]| + |b[i]|, 1e-8)`: the floor
        `1e-8` applies to each element's denominator separately (CS231n's `rel_error`). Two
        arrays of zeros give `0.0`, with no warning.

    Raises:
        ValueError: `a` and `b` differ in shape (no broadcasting: `(3,)` against `(1, 3)` is an
            error).
    """
    raise NotImplementedError
