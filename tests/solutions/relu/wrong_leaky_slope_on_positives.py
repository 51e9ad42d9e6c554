# wrong(leaky_relu_forward, leaky_relu_backward): negative_slope applied to the positive side
from __future__ import annotations

import numpy as np
from correct_mask_multiply import relu_backward, relu_forward  # noqa: F401


def leaky_relu_forward(x, negative_slope=0.01):
    return np.where(x > 0, negative_slope * x, x), (x.copy(), negative_slope)


def leaky_relu_backward(dout, cache):
    x, negative_slope = cache
    return np.where(x > 0, negative_slope * dout, dout)
