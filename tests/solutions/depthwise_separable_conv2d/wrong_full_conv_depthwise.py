# wrong(depthwise_separable_conv2d): the depthwise step mixes channels (a full convolution)
"""A (C, 1, KH, KW) kernel broadcast to (C, C, KH, KW) and fed to an ordinary conv2d."""

from __future__ import annotations

import numpy as np
from correct_block_diagonal import _conv, _pair
from correct_loops import _check, _pointwise


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    _check(x, w_depthwise, b_depthwise, w_pointwise, b_pointwise)
    c = x.shape[1]
    full = np.broadcast_to(w_depthwise, (c, c, *w_depthwise.shape[2:]))
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    depth = _conv(x, full, b_depthwise, sh, sw, ph, pw)
    return _pointwise(depth, w_pointwise, b_pointwise)
