# wrong(relu_backward, leaky_relu_backward): x and the slope live in module globals, not the cache
from __future__ import annotations

import numpy as np

_STATE = {}


def relu_forward(x):
    _STATE["relu_x"] = np.array(x, dtype=np.float64)
    return np.maximum(x, 0.0), None


def relu_backward(dout, cache):
    return np.where(_STATE["relu_x"] > 0, dout, 0.0)


def leaky_relu_forward(x, negative_slope=0.01):
    _STATE["leaky"] = (np.array(x, dtype=np.float64), negative_slope)
    return np.where(x > 0, x, negative_slope * x), None


def leaky_relu_backward(dout, cache):
    x, negative_slope = _STATE["leaky"]
    return np.where(x > 0, dout, negative_slope * dout)
