# wrong(residual_block_forward): skip added after the final ReLU, relu(z2) + x
"""A different block: its output can be negative and the skip bypasses the last non-linearity."""

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
    z2, conv2 = conv_forward(np.maximum(z1, 0), w2, b2, 1)
    out = np.maximum(z2, 0) + x
    return out, {"conv1": conv1, "z1": z1, "conv2": conv2, "z2": z2, "s": z2}
