# wrong(depthwise_separable_conv2d): writes every result into one module-level buffer and returns it
"""Reusing a preallocated output array saves an allocation, but every caller gets the same array:
the next call overwrites the result the previous caller is still holding."""

from __future__ import annotations

import numpy as np
from correct_block_diagonal import depthwise_separable_conv2d as _dsc

_BUFFERS = {}


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    out = _dsc(
        x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, stride=stride, padding=padding
    )
    buffer = _BUFFERS.setdefault(out.shape, np.empty(out.shape))
    buffer[...] = out
    return buffer
