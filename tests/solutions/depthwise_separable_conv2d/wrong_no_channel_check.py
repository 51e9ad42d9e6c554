# wrong(depthwise_separable_conv2d): no ValueError when a (1, 1, KH, KW) kernel broadcasts
"""Vectorised depthwise step whose broadcasting hides a missing channel check."""

from __future__ import annotations

import numpy as np
from correct_loops import _pair, _pointwise
from numpy.lib.stride_tricks import sliding_window_view


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    if w_pointwise.shape[1] != x.shape[1]:
        raise ValueError("w_pointwise must have C input channels")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    kh, kw = w_depthwise.shape[2:]
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    kernel = w_depthwise[:, 0][None, :, None, None]  # (1, C?, 1, 1, KH, KW), broadcasts if C? == 1
    depth = (windows * kernel).sum(axis=(4, 5)) + np.reshape(b_depthwise, (1, -1, 1, 1))
    return _pointwise(depth, w_pointwise, b_pointwise)
