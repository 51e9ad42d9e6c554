# wrong(depthwise_separable_conv2d): pointwise weights reshaped to (C, C_out), not indexed [o, c]
"""w_pointwise.reshape(C, C_out) looks like the transpose one wanted, but it is not."""

from __future__ import annotations

import numpy as np
from correct_loops import _check, _depthwise


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    _check(x, w_depthwise, b_depthwise, w_pointwise, b_pointwise)
    depth = _depthwise(x, w_depthwise, b_depthwise, stride, padding)
    c_out, c = w_pointwise.shape[:2]
    mixing = w_pointwise.reshape(c, c_out)  # meant as (C, C_out), but the memory is (C_out, C)
    return np.einsum("nchw,co->nohw", depth, mixing) + b_pointwise[None, :, None, None]
