# wrong(depthwise_separable_conv2d): checks only the channel axes; slicing hides bad kernel shapes
"""w_depthwise[:, 0] quietly takes the first slice of a (C, C, KH, KW) full-convolution kernel,
and w_pointwise[:, :, 0, 0] the top-left tap of a (C_out, C, 3, 3) one, instead of raising."""

from __future__ import annotations

from correct_loops import _depthwise, _pointwise


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    if x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    c = x.shape[1]
    if w_depthwise.shape[0] != c or b_depthwise.shape != (c,):
        raise ValueError("one depthwise filter and bias per channel")
    if w_pointwise.shape[1] != c or b_pointwise.shape != w_pointwise.shape[:1]:
        raise ValueError("w_pointwise must read the C depthwise channels")
    depth = _depthwise(x, w_depthwise, b_depthwise, stride, padding)
    return _pointwise(depth, w_pointwise, b_pointwise)
