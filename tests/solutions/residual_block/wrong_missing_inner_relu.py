# wrong(residual_block_forward): no ReLU between the two convolutions, relu(conv2(conv1(x)) + x)
"""Two stacked linear convolutions collapse into one 5x5 convolution."""

from __future__ import annotations

import numpy as np
from correct_layers import (
    check_shapes,
    conv_forward,
    residual_block_backward,  # noqa: F401
)


def residual_block_forward(x, w1, b1, w2, b2):
    check_shapes(x, w1, b1, w2, b2)
    z1, conv1 = conv_forward(x, w1, b1, 1)
    z2, conv2 = conv_forward(z1, w2, b2, 1)
    s = z2 + x
    return np.maximum(s, 0), {"conv1": conv1, "z1": z1, "conv2": conv2, "z2": z2, "s": s}
