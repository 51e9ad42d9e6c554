# wrong(depthwise_separable_conv2d): padding applied in the pointwise step, not the depthwise
"""The 1x1 conv pads a ring of zeros (output there: just b_pointwise); no depthwise padding."""

from __future__ import annotations

from correct_block_diagonal import _conv, _pair
from correct_loops import _check, _depthwise


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    _check(x, w_depthwise, b_depthwise, w_pointwise, b_pointwise)
    depth = _depthwise(x, w_depthwise, b_depthwise, stride, 0)
    ph, pw = _pair(padding, "padding", 0)
    return _conv(depth, w_pointwise, b_pointwise, 1, 1, ph, pw)
