# wrong(sigmoid_forward): np.where of both formulas; np.where evaluates both, so exp overflows
from __future__ import annotations

import numpy as np
from correct_logaddexp import tanh_backward, tanh_forward  # noqa: F401


def sigmoid_forward(x):
    s = np.where(x >= 0, 1.0 / (1.0 + np.exp(-x)), np.exp(x) / (1.0 + np.exp(x)))
    return s, s


def sigmoid_backward(dout, cache):
    return dout * cache * (1.0 - cache)
