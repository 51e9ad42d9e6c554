# correct: ReLU's backward from the cached output (out > 0); leaky caches a boolean mask and slope
from __future__ import annotations

import numpy as np


def relu_forward(x):
    out = np.maximum(x, 0.0)
    return out, out


def relu_backward(dout, cache):
    return dout * (cache > 0)


def leaky_relu_forward(x, negative_slope=0.01):
    positive = x > 0
    return np.where(positive, x, x * negative_slope), (positive, negative_slope)


def leaky_relu_backward(dout, cache):
    positive, negative_slope = cache
    return np.where(positive, dout, dout * negative_slope)
