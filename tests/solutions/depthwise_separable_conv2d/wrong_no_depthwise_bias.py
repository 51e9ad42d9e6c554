# wrong(depthwise_separable_conv2d): b_depthwise ignored
"""Many MobileNet implementations use bias=False in the depthwise conv; this kata's does not."""

from __future__ import annotations

import numpy as np
from correct_loops import _check, _depthwise, _pointwise


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    _check(x, w_depthwise, b_depthwise, w_pointwise, b_pointwise)
    depth = _depthwise(x, w_depthwise, np.zeros_like(b_depthwise), stride, padding)
    return _pointwise(depth, w_pointwise, b_pointwise)
