# wrong(sigmoid_backward, tanh_backward): the outputs live in module globals, not in the cache
from __future__ import annotations

import numpy as np

_LAST = {}


def sigmoid_forward(x):
    z = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))
    _LAST["sigmoid"] = s.copy()
    return s, None


def sigmoid_backward(dout, cache):
    s = _LAST["sigmoid"]
    return dout * s * (1.0 - s)


def tanh_forward(x):
    t = np.tanh(x)
    _LAST["tanh"] = t.copy()
    return t, None


def tanh_backward(dout, cache):
    t = _LAST["tanh"]
    return dout * (1.0 - t * t)
