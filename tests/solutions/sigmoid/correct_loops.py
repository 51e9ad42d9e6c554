# correct: plain Python loops with math.exp on the non-positive side and math.tanh
from __future__ import annotations

import math

import numpy as np


def _sigmoid_scalar(v: float) -> float:
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def sigmoid_forward(x):
    flat = np.asarray(x, dtype=np.float64).reshape(-1)
    out = np.empty_like(flat)
    for i in range(flat.size):
        out[i] = _sigmoid_scalar(float(flat[i]))
    out = out.reshape(np.shape(x))
    return out, out.copy()


def sigmoid_backward(dout, cache):
    s = cache.reshape(-1)
    d = np.asarray(dout, dtype=np.float64).reshape(-1)
    dx = np.empty_like(d)
    for i in range(d.size):
        dx[i] = d[i] * s[i] * (1.0 - s[i])
    return dx.reshape(cache.shape)


def tanh_forward(x):
    flat = np.asarray(x, dtype=np.float64).reshape(-1)
    out = np.empty_like(flat)
    for i in range(flat.size):
        out[i] = math.tanh(float(flat[i]))
    out = out.reshape(np.shape(x))
    return out, out.copy()


def tanh_backward(dout, cache):
    t = cache.reshape(-1)
    d = np.asarray(dout, dtype=np.float64).reshape(-1)
    dx = np.empty_like(d)
    for i in range(d.size):
        dx[i] = d[i] * (1.0 - t[i] ** 2)
    return dx.reshape(cache.shape)
