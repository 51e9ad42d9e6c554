# wrong(residual_block_forward): conv1 unpadded, conv2 padded by 2 (shapes fit, borders wrong)
"""Total padding 2 either way, so nothing crashes; only the border values give it away."""

from __future__ import annotations

import numpy as np
from correct_layers import (
    check_shapes,
    conv_forward,
    residual_block_backward,  # noqa: F401
)


def residual_block_forward(x, w1, b1, w2, b2):
    check_shapes(x, w1, b1, w2, b2)
    z1, conv1 = conv_forward(x, w1, b1, 0)
    z2, conv2 = conv_forward(np.maximum(z1, 0), w2, b2, 2)
    s = z2 + x
    return np.maximum(s, 0), {"conv1": conv1, "z1": z1, "conv2": conv2, "z2": z2, "s": s}
