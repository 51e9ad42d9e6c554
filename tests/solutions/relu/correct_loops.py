# correct: plain Python loops over the flattened elements, the mask kept in the cache
from __future__ import annotations

import numpy as np


def relu_forward(x):
    flat = np.asarray(x, dtype=np.float64).reshape(-1)
    out = np.empty_like(flat)
    mask = np.zeros(flat.shape, dtype=bool)
    for i in range(flat.size):
        if flat[i] > 0:
            out[i] = flat[i]
            mask[i] = True
        else:
            out[i] = 0.0
    return out.reshape(np.shape(x)), mask.reshape(np.shape(x))


def relu_backward(dout, cache):
    mask = cache
    flat_dout = np.asarray(dout, dtype=np.float64).reshape(-1)
    flat_mask = mask.reshape(-1)
    dx = np.empty_like(flat_dout)
    for i in range(flat_dout.size):
        dx[i] = flat_dout[i] if flat_mask[i] else 0.0
    return dx.reshape(mask.shape)


def leaky_relu_forward(x, negative_slope=0.01):
    flat = np.asarray(x, dtype=np.float64).reshape(-1)
    out = np.empty_like(flat)
    for i in range(flat.size):
        out[i] = flat[i] if flat[i] > 0 else negative_slope * flat[i]
    return out.reshape(np.shape(x)), (flat.copy().reshape(np.shape(x)), negative_slope)


def leaky_relu_backward(dout, cache):
    x, negative_slope = cache
    flat_x = x.reshape(-1)
    flat_dout = np.asarray(dout, dtype=np.float64).reshape(-1)
    dx = np.empty_like(flat_dout)
    for i in range(flat_dout.size):
        dx[i] = flat_dout[i] if flat_x[i] > 0 else negative_slope * flat_dout[i]
    return dx.reshape(x.shape)
