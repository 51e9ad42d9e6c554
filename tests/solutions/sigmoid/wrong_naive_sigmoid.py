# wrong(sigmoid_forward): naive 1 / (1 + exp(-x)), exp overflows for x around -710 and below
from __future__ import annotations

import numpy as np
from correct_logaddexp import tanh_backward, tanh_forward  # noqa: F401


def sigmoid_forward(x):
    s = 1.0 / (1.0 + np.exp(-x))
    return s, s


def sigmoid_backward(dout, cache):
    return dout * cache * (1.0 - cache)
