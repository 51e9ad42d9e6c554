# wrong(sigmoid_forward): 1 - sigmoid(-x) for x < 0 (no overflow, but it cancels: 1e-3 off at -30)
from __future__ import annotations

import numpy as np
from correct_logaddexp import tanh_backward, tanh_forward  # noqa: F401


def sigmoid_forward(x):
    z = np.exp(-np.abs(x))
    # 1 / (1 + e^-|x|) is sigmoid(|x|); for negative x this takes 1 - sigmoid(|x|) = sigmoid(x)
    s_abs = 1.0 / (1.0 + z)
    s = np.where(x >= 0, s_abs, 1.0 - s_abs)
    return s, s


def sigmoid_backward(dout, cache):
    return dout * cache * (1.0 - cache)
