# wrong(depthwise_separable_conv2d): written over leading axes with no check that x is 4-D
"""einsum over `...` happily filters a single (C, H, W) image instead of raising ValueError."""

from __future__ import annotations

import numpy as np
from correct_loops import _pair
from numpy.lib.stride_tricks import sliding_window_view


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    c = x.shape[-3]
    if w_depthwise.ndim != 4 or w_depthwise.shape[:2] != (c, 1) or b_depthwise.shape != (c,):
        raise ValueError("w_depthwise must be (C, 1, KH, KW) and b_depthwise (C,)")
    if w_pointwise.ndim != 4 or w_pointwise.shape[1:] != (c, 1, 1):
        raise ValueError("w_pointwise must be (C_out, C, 1, 1)")
    if b_pointwise.shape != w_pointwise.shape[:1]:
        raise ValueError("b_pointwise must be (C_out,)")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    xp = np.pad(x, [(0, 0)] * (x.ndim - 2) + [(ph, ph), (pw, pw)])
    kh, kw = w_depthwise.shape[2:]
    if kh > xp.shape[-2] or kw > xp.shape[-1]:
        raise ValueError("the depthwise kernel is larger than the padded input")
    windows = sliding_window_view(xp, (kh, kw), axis=(-2, -1))[..., ::sh, ::sw, :, :]
    depth = (
        np.einsum("...chwpq,cpq->...chw", windows, w_depthwise[:, 0]) + b_depthwise[:, None, None]
    )
    return (
        np.einsum("...chw,oc->...ohw", depth, w_pointwise[:, :, 0, 0]) + b_pointwise[:, None, None]
    )
