# wrong(depthwise_separable_conv2d): a ReLU between the depthwise and pointwise steps
"""Copying MobileNet's layer stack instead of the operation the contract specifies."""

from __future__ import annotations

import numpy as np
from correct_loops import _check, _depthwise, _pointwise


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    _check(x, w_depthwise, b_depthwise, w_pointwise, b_pointwise)
    depth = _depthwise(x, w_depthwise, b_depthwise, stride, padding)
    return _pointwise(np.maximum(depth, 0.0), w_pointwise, b_pointwise)
