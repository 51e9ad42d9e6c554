# wrong(depthwise_separable_conv2d): biases added with a reshape, so a (1,) bias broadcasts
"""np.reshape(b, (1, -1, 1, 1)) accepts a single value for every channel instead of raising."""

from __future__ import annotations

import numpy as np
from correct_loops import _pair
from numpy.lib.stride_tricks import sliding_window_view


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    if x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    c = x.shape[1]
    if w_depthwise.ndim != 4 or w_depthwise.shape[:2] != (c, 1):
        raise ValueError("w_depthwise must be (C, 1, KH, KW)")
    if w_pointwise.ndim != 4 or w_pointwise.shape[1:] != (c, 1, 1):
        raise ValueError("w_pointwise must be (C_out, C, 1, 1)")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    kh, kw = w_depthwise.shape[2:]
    if kh > xp.shape[2] or kw > xp.shape[3]:
        raise ValueError("the depthwise kernel is larger than the padded input")
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    depth = np.einsum("nchwpq,cpq->nchw", windows, w_depthwise[:, 0])
    depth = depth + np.reshape(b_depthwise, (1, -1, 1, 1))
    out = np.einsum("nchw,oc->nohw", depth, w_pointwise[:, :, 0, 0])
    return out + np.reshape(b_pointwise, (1, -1, 1, 1))
