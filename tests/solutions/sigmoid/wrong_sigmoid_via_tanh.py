# wrong(sigmoid_forward, sigmoid_backward): 0.5 * (1 + tanh(x / 2)), which is 0 at x = -40
from __future__ import annotations

import numpy as np
from correct_logaddexp import tanh_backward, tanh_forward  # noqa: F401


def sigmoid_forward(x):
    s = 0.5 * (1.0 + np.tanh(0.5 * x))
    return s, s


def sigmoid_backward(dout, cache):
    return dout * cache * (1.0 - cache)
