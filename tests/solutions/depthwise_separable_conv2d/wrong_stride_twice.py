# wrong(depthwise_separable_conv2d): stride applied in both steps, pointwise too
"""Forwarding stride=stride to the 1x1 convolution as well as to the depthwise one."""

from __future__ import annotations

from correct_block_diagonal import _conv, _pair
from correct_loops import _check, _depthwise


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    _check(x, w_depthwise, b_depthwise, w_pointwise, b_pointwise)
    depth = _depthwise(x, w_depthwise, b_depthwise, stride, padding)
    sh, sw = _pair(stride, "stride", 1)
    return _conv(depth, w_pointwise, b_pointwise, sh, sw, 0, 0)
