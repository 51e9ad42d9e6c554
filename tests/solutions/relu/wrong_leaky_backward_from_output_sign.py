# wrong(leaky_relu_backward): reads the sign off the output (out > 0): wrong for a slope < 0
from __future__ import annotations

import numpy as np
from correct_mask_multiply import relu_backward, relu_forward  # noqa: F401


def leaky_relu_forward(x, negative_slope=0.01):
    out = np.where(x > 0, x, negative_slope * x)
    return out, (out.copy(), negative_slope)


def leaky_relu_backward(dout, cache):
    out, negative_slope = cache
    return np.where(out > 0, dout, negative_slope * dout)
