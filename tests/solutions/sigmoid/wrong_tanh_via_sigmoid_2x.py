# wrong(tanh_forward): tanh(x) as 2 * sigmoid(2x) - 1, which cancels near 0 (1e-4 off at 1e-12)
from __future__ import annotations

import numpy as np
from correct_logaddexp import sigmoid_backward, sigmoid_forward  # noqa: F401


def tanh_forward(x):
    z = np.exp(-2.0 * np.abs(x))
    s = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))  # a stable sigmoid(2x)
    t = 2.0 * s - 1.0
    return t, t


def tanh_backward(dout, cache):
    return dout * (1.0 - cache * cache)
