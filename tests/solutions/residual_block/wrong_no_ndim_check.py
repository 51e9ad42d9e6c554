# wrong(residual_block_forward): written over leading axes with no check that x is 4-D
"""Convolving over `...` accepts a single (C, H, W) image instead of raising ValueError."""

from __future__ import annotations

import numpy as np
from correct_loops import residual_block_backward  # noqa: F401
from numpy.lib.stride_tricks import sliding_window_view


def _conv(x, w, b):
    xp = np.pad(x, [(0, 0)] * (x.ndim - 2) + [(1, 1), (1, 1)])
    windows = sliding_window_view(xp, (3, 3), axis=(-2, -1))
    return np.einsum("...chwpq,ocpq->...ohw", windows, w) + b[:, None, None]


def residual_block_forward(x, w1, b1, w2, b2):
    c = x.shape[-3]
    for w in (w1, w2):
        if w.shape != (c, c, 3, 3):
            raise ValueError(f"filters must be ({c}, {c}, 3, 3)")
    for b in (b1, b2):
        if b.shape != (c,):
            raise ValueError(f"biases must be ({c},)")
    z1 = _conv(x, w1, b1)
    h = np.maximum(z1, 0)
    z2 = _conv(h, w2, b2)
    s = z2 + x
    return np.maximum(s, 0), (x, w1, w2, z1, h, s)
