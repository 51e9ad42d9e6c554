"""Reference solution for the `linear` kata: a fully connected layer, forward and backward."""

from __future__ import annotations

from typing import Any

import numpy as np


def linear_forward(
    x: np.ndarray, w: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """Affine map `out = x @ w.T + b` with PyTorch's weight layout `(out_features, in_features)`.

    Args:
        x: inputs, shape `(N, in_features)`.
        w: weights, shape `(out_features, in_features)`.
        b: bias, shape `(out_features,)`.

    Returns:
        `(out, cache)` with `out` of shape `(N, out_features)`.

    Raises:
        ValueError: if `x` or `w` is not 2-D, `x`'s features differ from `w`'s `in_features`,
            or `b` does not have shape `(out_features,)`.
    """
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if x.ndim != 2:
        raise ValueError(f"x must be 2-D (N, in_features), got shape {x.shape}")
    if w.ndim != 2:
        raise ValueError(f"w must be 2-D (out_features, in_features), got shape {w.shape}")
    if x.shape[1] != w.shape[1]:
        raise ValueError(
            f"x has {x.shape[1]} features but w expects {w.shape[1]} (w is {w.shape}, "
            "laid out as (out_features, in_features))"
        )
    if b.shape != (w.shape[0],):
        raise ValueError(f"b must have shape ({w.shape[0]},) to match w {w.shape}, got {b.shape}")
    # out[i, o] = sum_k x[i, k] * w[o, k] + b[o]. einsum (like a broadcast product) would
    # silently stretch an x or w with a single feature to the other's width: the checks above
    # are what stops it.
    out = np.einsum("nk,ok->no", x, w) + b
    return out, (x, w)


def linear_backward(dout: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a loss through `out = x @ w.T + b`.

    Args:
        dout: upstream gradient dL/dout, shape `(N, out_features)`.
        cache: what `linear_forward` returned as its cache.

    Returns:
        `(dx, dw, db)` with the shapes of `x`, `w` and `b`.

    Raises:
        ValueError: if `dout` does not have the shape of the forward output.
    """
    x, w = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != (x.shape[0], w.shape[0]):
        raise ValueError(
            f"dout must have the forward output's shape {(x.shape[0], w.shape[0])}, "
            f"got {dout.shape}"
        )
    dx = dout @ w  # (N, out) @ (out, in)
    dw = dout.T @ x  # (out, N) @ (N, in): same layout as w
    db = dout.sum(axis=0)  # b was broadcast over the batch, so its gradient sums over it
    return dx, dw, db
