# wrong(conv2d_forward): vectorised over leading axes with no check that x is 4-D
"""Written with `...` so it happily convolves a single (C, H, W) image (or a 5-D stack) instead of
raising ValueError."""

from __future__ import annotations

import numpy as np
from correct_vectorised import _pair, conv2d_backward  # noqa: F401
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    c_out, c_in, kh, kw = w.shape
    if x.shape[-3] != c_in:
        raise ValueError(f"x has {x.shape[-3]} channels, w expects {c_in}")
    if b.shape != (c_out,):
        raise ValueError("b needs one value per filter")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    xp = np.pad(x, [(0, 0)] * (x.ndim - 2) + [(ph, ph), (pw, pw)])
    if kh > xp.shape[-2] or kw > xp.shape[-1]:
        raise ValueError("kernel larger than the padded input")
    windows = sliding_window_view(xp, (kh, kw), axis=(-2, -1))[..., ::sh, ::sw, :, :]
    out = np.einsum("...chwpq,ocpq->...ohw", windows, w) + b[:, None, None]
    return out, (xp, w, (sh, sw), (ph, pw))
