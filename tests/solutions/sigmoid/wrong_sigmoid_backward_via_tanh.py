# wrong(sigmoid_backward): slope as 0.25 * (1 - tanh(x / 2)**2), which cancels to 0 in the tails
from __future__ import annotations

import numpy as np
from correct_logaddexp import tanh_backward, tanh_forward  # noqa: F401


def sigmoid_forward(x):
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z)), x.copy()


def sigmoid_backward(dout, cache):
    t = np.tanh(0.5 * cache)
    return dout * 0.25 * (1.0 - t * t)
