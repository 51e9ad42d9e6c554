"""Kata `linear`: a fully connected layer, as PyTorch's `nn.Linear`, in NumPy.

Implement the forward pass `out = x @ w.T + b` and the backward pass that turns the upstream
gradient `dout` into the gradients for `x`, `w` and `b`. Weights use PyTorch's layout
`(out_features, in_features)`. All arrays are float64; never modify an input in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def linear_forward(
    x: np.ndarray, w: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """Affine map `out = x @ w.T + b`.

    Args:
        x: inputs, shape `(N, in_features)`.
        w: weights, shape `(out_features, in_features)` (PyTorch's layout).
        b: bias, shape `(out_features,)`, added to every row.

    Returns:
        `(out, cache)`: `out` has shape `(N, out_features)`; `cache` is anything you need in
        `linear_backward` (it never leaves your process).

    Raises:
        ValueError: if `x` or `w` is not 2-D (a single sample is `(1, in_features)`), `x`'s
            number of features differs from `w`'s `in_features`, or `b` does not have shape
            `(out_features,)` (a bias of shape `(1,)` or `(out_features, 1)` is an error even
            where NumPy would broadcast it).
    """
    raise NotImplementedError


def linear_backward(dout: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a loss L through `out = x @ w.T + b`.

    Args:
        dout: upstream gradient dL/dout, shape `(N, out_features)`.
        cache: the cache returned by `linear_forward`.

    Returns:
        `(dx, dw, db)`: dL/dx of shape `(N, in_features)`, dL/dw of shape
        `(out_features, in_features)`, dL/db of shape `(out_features,)`: exactly the shapes of
        `x`, `w` and `b`, also when a size is 1 (no axis squeezed away).

    Raises:
        ValueError: if `dout` does not have the forward output's shape `(N, out_features)`.
    """
    raise NotImplementedError
