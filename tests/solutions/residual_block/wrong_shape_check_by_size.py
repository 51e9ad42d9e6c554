# wrong(residual_block_forward): checks only w1's channel axes; 1x1 or 1-channel filters broadcast
"""Checking the channel axes of w1 alone misses a (C, C, 1, 1) kernel, which einsum broadcasts over
every 3x3 window, and never looks at w2 or the biases, whose length-1 axes broadcast too."""

from __future__ import annotations

import numpy as np
from correct_loops import residual_block_backward  # noqa: F401
from numpy.lib.stride_tricks import sliding_window_view


def _conv(x, w, b):
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    windows = sliding_window_view(xp, (3, 3), axis=(2, 3))
    return np.einsum("nchwpq,ocpq->nohw", windows, w) + b[None, :, None, None]


def residual_block_forward(x, w1, b1, w2, b2):
    if x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    c = x.shape[1]
    if w1.shape[0] != c or w1.shape[1] != c:
        raise ValueError(f"w1 must map {c} channels to {c}")
    z1 = _conv(x, w1, b1)
    h = np.maximum(z1, 0)
    z2 = _conv(h, w2, b2)
    s = z2 + x
    return np.maximum(s, 0), (x, w1, w2, z1, h, s)
