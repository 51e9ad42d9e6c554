# wrong(leaky_relu_backward): reuses the ReLU gradient, 0 instead of negative_slope for x <= 0
from __future__ import annotations

import numpy as np
from correct_mask_multiply import relu_backward, relu_forward  # noqa: F401


def leaky_relu_forward(x, negative_slope=0.01):
    return np.where(x > 0, x, negative_slope * x), x.copy()


def leaky_relu_backward(dout, cache):
    return np.where(cache > 0, dout, 0.0)
