# wrong(sigmoid_backward): recomputes exp(-x) / (1 + exp(-x))**2, overflows for large negative x
from __future__ import annotations

import numpy as np
from correct_logaddexp import tanh_backward, tanh_forward  # noqa: F401


def sigmoid_forward(x):
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z)), x.copy()


def sigmoid_backward(dout, cache):
    e = np.exp(-cache)
    return dout * e / (1.0 + e) ** 2
