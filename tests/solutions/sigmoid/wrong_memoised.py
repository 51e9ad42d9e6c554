# wrong(sigmoid_forward): memoises results by input bytes and hands back the same array each time
from __future__ import annotations

import numpy as np
from correct_logaddexp import tanh_backward, tanh_forward  # noqa: F401

_MEMO = {}


def sigmoid_forward(x):
    key = (np.shape(x), np.asarray(x, dtype=np.float64).tobytes())
    if key not in _MEMO:
        z = np.exp(-np.abs(x))
        s = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))
        _MEMO[key] = s
    s = _MEMO[key]
    return s, s


def sigmoid_backward(dout, cache):
    return dout * cache * (1.0 - cache)
