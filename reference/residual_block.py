"""Reference solution for the `residual_block` kata: a basic ResNet block without normalisation.

`out = relu(conv3x3(relu(conv3x3(x, w1, b1)), w2, b2) + x)`, both convolutions stride 1 and
padding 1, so every feature map keeps the input's shape `(N, C, H, W)` and the skip needs no
projection.

The convolution is written over any leading axes (`...`) with einsum, which broadcasts axes of
length 1, the way a learner's vectorised code often is: so every argument check below is needed,
or an input that breaks a rule comes back as a plausible array instead of a ValueError.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _conv3x3_forward(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cross-correlation with stride 1 and padding 1 of `x (N, C, H, W)` by `w (C, C, 3, 3)`."""
    xp = np.pad(x, [(0, 0)] * (x.ndim - 2) + [(1, 1), (1, 1)])
    windows = sliding_window_view(xp, (3, 3), axis=(-2, -1))  # (N, C, H, W, 3, 3)
    return np.einsum("...chwpq,ocpq->...ohw", windows, w) + b[:, None, None]


def _conv3x3_backward(
    dout: np.ndarray, x: np.ndarray, w: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of `_conv3x3_forward` with respect to its input, weights and bias."""
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    windows = sliding_window_view(xp, (3, 3), axis=(2, 3))
    dw = np.einsum("nohw,nchwpq->ocpq", dout, windows)
    db = dout.sum(axis=(0, 2, 3))
    # With stride 1, the input gradient is dout (padded by 1) correlated with the kernel rotated by
    # 180 degrees and its in/out channels swapped.
    doutp = np.pad(dout, ((0, 0), (0, 0), (1, 1), (1, 1)))
    dwindows = sliding_window_view(doutp, (3, 3), axis=(2, 3))
    dx = np.einsum("nohwpq,ocpq->nchw", dwindows, w[:, :, ::-1, ::-1])
    return dx, dw, db


def residual_block_forward(
    x: np.ndarray, w1: np.ndarray, b1: np.ndarray, w2: np.ndarray, b2: np.ndarray
) -> tuple[np.ndarray, Any]:
    """`relu(conv3x3(relu(conv3x3(x, w1, b1)), w2, b2) + x)` for `x (N, C, H, W)`."""
    x = np.asarray(x, dtype=np.float64)
    w1, b1, w2, b2 = (np.asarray(a, dtype=np.float64) for a in (w1, b1, w2, b2))
    if x.ndim != 4:
        raise ValueError(f"x must have shape (N, C, H, W), got shape {x.shape}")
    c = x.shape[-3]
    for name, wt in (("w1", w1), ("w2", w2)):
        if wt.shape != (c, c, 3, 3):
            raise ValueError(
                f"{name} must have shape ({c}, {c}, 3, 3) for an input with {c} channels "
                f"(the skip connection needs C_out == C_in), got shape {wt.shape}"
            )
    for name, bt in (("b1", b1), ("b2", b2)):
        if bt.shape != (c,):
            raise ValueError(f"{name} must have shape ({c},), got shape {bt.shape}")

    z1 = _conv3x3_forward(x, w1, b1)
    h = np.maximum(z1, 0.0)
    z2 = _conv3x3_forward(h, w2, b2)
    s = z2 + x  # the identity skip joins before the final ReLU
    out = np.maximum(s, 0.0)
    cache = (x, w1, w2, z1, h, s)
    return out, cache


def residual_block_backward(
    dout: np.ndarray, cache: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Gradients `(dx, dw1, db1, dw2, db2)` given `dout = dL/dout (N, C, H, W)`."""
    x, w1, w2, z1, h, s = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != x.shape:
        raise ValueError(f"dout must have the output's shape {x.shape}, got {dout.shape}")
    # ReLU passes the gradient where its input was strictly positive (0 at exactly 0, as PyTorch).
    ds = dout * (s > 0)
    dh, dw2, db2 = _conv3x3_backward(ds, h, w2)
    dz1 = dh * (z1 > 0)
    dx_conv, dw1, db1 = _conv3x3_backward(dz1, x, w1)
    # x reaches the output twice: through the convolutions and straight through the skip.
    dx = dx_conv + ds
    return dx, dw1, db1, dw2, db2
